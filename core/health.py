"""Liveness and readiness: is the database reachable, is the Celery broker reachable?"""

from celery import current_app
from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import WorkerHeartbeat


def database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"ok": True, "vendor": connection.vendor, "embedded": settings.DATABASE_IS_EMBEDDED}
    except Exception as exc:  # report, never raise: this is a health check
        return {"ok": False, "error": exc.__class__.__name__}


def broker_status(timeout: float = 2.0) -> dict:
    app = current_app  # the portal's Celery app (haiphong_thidua.celery), set as current when it is made
    transport = app.conf.broker_url.split("://", 1)[0]
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
        return {"ok": True, "transport": transport}
    except Exception as exc:
        return {"ok": False, "transport": transport, "error": exc.__class__.__name__}


def worker_status(stale_after_seconds: int = 180) -> dict:
    """When did a worker last run the periodic heartbeat (sent by beat)?"""
    try:
        beat = WorkerHeartbeat.objects.filter(name="worker").first()
    except Exception as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    if beat is None:
        return {"ok": False, "last_seen": None}
    age = (timezone.now() - beat.last_seen).total_seconds()
    return {"ok": age <= stale_after_seconds, "last_seen": beat.last_seen.isoformat(), "age_seconds": round(age)}
