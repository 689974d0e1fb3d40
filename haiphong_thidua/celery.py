"""Celery application shared by every app's ``tasks.py``."""

import os

from celery import Celery
from django_structlog.celery.steps import DjangoStructLogInitStep

from utilities.tasks import TransactionAwareTask

from . import beat_lock  # noqa: F401 — exactly one beat: a second one exits at start (connects beat_init)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haiphong_thidua.settings.local")

# Every task waits for the commit of the transaction that queued it (utilities/tasks.py).
app = Celery("haiphong_thidua", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")

app.autodiscover_tasks()
# In the worker, each task's log lines carry its task_id and the context of the request (or task) that queued it:
# request_id, user_id, unit (django-structlog reads it from the message headers; haiphong_thidua/observability.py).
app.steps["worker"].add(DjangoStructLogInitStep)
