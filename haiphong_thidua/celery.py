"""Celery application shared by every app's ``tasks.py``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haiphong_thidua.settings.local")

app = Celery("haiphong_thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")

app.autodiscover_tasks()
