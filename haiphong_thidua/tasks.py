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


@shared_task(name="haiphong_thidua.tasks.notify_unit", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_unit(unit_id: int, title: str, body: str = "", params: dict | None = None, link: str = "") -> int:
    """Render a message in the portal's language and deliver it to a unit's accounts; returns how many."""
    from .notify import deliver_to_unit, render

    params = params or {}
    return deliver_to_unit(unit_id, render(title, params), render(body, params), link)


@shared_task(name="haiphong_thidua.tasks.run_import", acks_late=True)
def run_import(job_id: int) -> None:
    """A large Excel import (haiphong_thidua/import_jobs.py)."""
    from .import_jobs import run

    run(job_id)


@shared_task(name="haiphong_thidua.tasks.sweep_stuck_imports")
def sweep_stuck_imports() -> int:
    from .import_jobs import sweep_stuck

    return sweep_stuck()


@shared_task(name="haiphong_thidua.tasks.send_reminders")
def send_reminders() -> int:
    """Daily: the reminders of deadlines due today (haiphong_thidua/reminders.py), each once."""
    from .reminders import send_due

    return send_due()
