"""Celery application shared by every app's ``tasks.py``."""

import os

from celery import Celery

from utilities.tasks import TransactionAwareTask

from . import beat_lock  # noqa: F401 — exactly one beat: a second one exits at start (connects beat_init)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haiphong_thidua.settings.local")

# Every task waits for the commit of the transaction that queued it (utilities/tasks.py).
app = Celery("haiphong_thidua", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")

app.autodiscover_tasks()
