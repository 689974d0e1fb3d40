import socket

from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat

HEARTBEAT_TASK = "haiphong_thidua.tasks.heartbeat"


@shared_task(name=HEARTBEAT_TASK)
def heartbeat(name: str = "worker") -> str:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"last_seen": now, "hostname": socket.gethostname()})
    return now.isoformat()


@shared_task(name="haiphong_thidua.tasks.email_unit", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_unit(unit_id: int, subject: str, body: str) -> int:
    """E-mail every active account of a unit; returns how many were sent."""
    from django.conf import settings
    from django.core.mail import send_mail

    from organisation.models import User

    recipients = list(
        User.objects.filter(unit_id=unit_id, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    if not recipients:
        return 0
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
