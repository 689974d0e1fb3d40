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
