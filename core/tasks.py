"""The worker's list of the tasks of this package: each task lives beside the work it runs and is imported here so
that ``autodiscover_tasks`` registers it; the heartbeat, which has no other home, is defined here. Services import a
task from its own module, never from here (only the worker, the schedules and tests import this one)."""

import socket

from celery import shared_task
from django.utils import timezone

from .backup import nightly_backup
from .import_jobs import run_import, sweep_stuck_imports
from .models import WorkerHeartbeat
from .notify import notify_unit
from .reminders import send_reminders

__all__ = ["heartbeat", "nightly_backup", "notify_unit", "run_import", "send_reminders", "sweep_stuck_imports"]

HEARTBEAT_TASK = "haiphong_thidua.tasks.heartbeat"


@shared_task(name=HEARTBEAT_TASK)
def heartbeat(name: str = "worker") -> str:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"last_seen": now, "hostname": socket.gethostname()})
    return now.isoformat()
