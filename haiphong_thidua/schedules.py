"""Default periodic tasks, stored in the database (django-celery-beat) so that
administrators can change them in /admin/ without a deploy."""

from django_celery_beat.models import IntervalSchedule, PeriodicTask

from .tasks import HEARTBEAT_TASK

DEFAULT_TASKS = [
    # name, task, every (seconds)
    ("Nhịp tim worker (heartbeat)", HEARTBEAT_TASK, 60),
]


def ensure_default_schedules() -> int:
    """Create missing default schedules; never overwrite what an administrator changed."""
    for name, task, seconds in DEFAULT_TASKS:
        every, _ = IntervalSchedule.objects.get_or_create(every=seconds, period=IntervalSchedule.SECONDS)
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "interval": every})
    return len(DEFAULT_TASKS)
