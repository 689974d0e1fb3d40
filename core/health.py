"""Liveness and readiness: the database, the Celery broker and its queues, the cache, the file storage, the
worker's last heartbeat. Each check reports and never raises; /healthz lists under "down" the parts that are not ok."""

import contextlib
import uuid

from celery import current_app
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
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


def cache_status() -> dict:
    """Write a value to the default cache and read it back (Redis in production: sessions and fragments)."""
    cache = caches["default"]
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        read = cache.get(key)
        cache.delete(key)
    except Exception as exc:
        return {"ok": False, "backend": cache.__class__.__name__, "error": exc.__class__.__name__}
    if read != value:
        return {"ok": False, "backend": cache.__class__.__name__, "error": "value not read back"}
    return {"ok": True, "backend": cache.__class__.__name__}


def storage_status() -> dict:
    """Write a small file through Django's storage (uploads, reports, signed copies), read it back, delete it."""
    content = uuid.uuid4().hex.encode()
    backend = default_storage.__class__.__name__
    name = None
    try:
        name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(content))
        with default_storage.open(name, "rb") as handle:
            read = handle.read()
    except Exception as exc:
        return {"ok": False, "backend": backend, "error": exc.__class__.__name__}
    finally:
        if name:
            with contextlib.suppress(Exception):  # a file left behind is not a failed check
                default_storage.delete(name)
    if read != content:
        return {"ok": False, "backend": backend, "error": "content not read back"}
    return {"ok": True, "backend": backend}


def queue_depths(timeout: float = 2.0) -> dict[str, int]:
    """Messages waiting in each of ``MONITORED_QUEUES`` on the broker (Redis: the lengths of the queues' lists,
    priorities included; the demo's file broker: the message files of each queue). Raises when the broker is down."""
    app = current_app
    with app.connection_for_read() as conn:
        conn.ensure_connection(max_retries=1, timeout=timeout)
        channel = conn.default_channel
        return {queue: int(channel._size(queue)) for queue in settings.MONITORED_QUEUES}


def queues_status() -> dict:
    """The queues' depths; not ok when the broker cannot say, or a queue holds more than ``HEALTH_QUEUE_MAX_DEPTH``
    messages (workers too few, or stopped)."""
    try:
        depths = queue_depths()
    except Exception as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    limit = settings.HEALTH_QUEUE_MAX_DEPTH
    backlog = sorted(queue for queue, depth in depths.items() if depth > limit)
    status = {"ok": not backlog, "depths": depths, "max_depth": limit}
    if backlog:
        status["backlog"] = backlog
    return status


BACKUP_HEARTBEAT = "backup"


def record_backup() -> None:
    """Remember when the last backup finished (the metrics' ``hptd_last_backup_age_seconds``)."""
    WorkerHeartbeat.objects.update_or_create(name=BACKUP_HEARTBEAT, defaults={"last_seen": timezone.now()})


def last_backup_at():
    return WorkerHeartbeat.objects.filter(name=BACKUP_HEARTBEAT).values_list("last_seen", flat=True).first()
