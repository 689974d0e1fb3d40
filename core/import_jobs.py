"""Large Excel imports go to a Celery worker, with their progress on a page of their own.

A sheet that declares more than ``IMPORT_ASYNC_ROWS`` rows (default 1,000; at most ``IMPORT_MAX_ROWS``) is stored
privately, queued after the request's transaction commits and imported by ``run_import`` (below): the same
importer, all rows or none, with the same row errors. The reader counts rows into the cache every 250 rows (the
import's own transaction is not visible until it commits), and the page polls it."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import ImportJob, ImportStatus

# kind -> the importer: (job, upload, progress) -> (imported rows, [(row, message), …])
IMPORTERS = {
    "awards.nominees": "awards.imports.run_job",
    "awards.ratings": "awards.ratings.run_job",
    "targets.actuals": "targets.services.run_import_job",
}
PROGRESS_EVERY = 250


def declared_rows(upload) -> int:
    """The rows a workbook says its first sheet has (read from its dimension, nothing is parsed)."""
    from openpyxl import load_workbook  # noqa: PLC0415 — heavy (openpyxl), only when an upload is looked at, not with every view

    try:
        upload.seek(0)
        rows = load_workbook(upload, read_only=True).worksheets[0].max_row or 0
    except Exception:  # noqa: BLE001 - unreadable files are reported by the importer itself
        rows = 0
    finally:
        upload.seek(0)
    return max(rows - 1, 0)


def should_queue(upload) -> bool:
    return declared_rows(upload) > getattr(settings, "IMPORT_ASYNC_ROWS", 1000)


def queue(user, kind: str, upload, object_id: int | None = None) -> ImportJob:
    job = ImportJob.objects.create(kind=kind, user=user, object_id=object_id, upload=upload,
                                   original_name=(upload.name or "")[:255], rows_total=declared_rows(upload))
    run_import.delay(job.pk)  # sent once the request's transaction commits (TransactionAwareTask)
    return job


def _key(job_id: int) -> str:
    return f"import-progress-{job_id}"


def progress_counter(job_id: int):
    """A callable the reader calls with the number of rows read so far; an importer whose checking and saving takes
    long (the nominee list: each nominee judged) calls it again with ``saved=True`` and the rows done."""

    def report(rows: int, saved: bool = False) -> None:
        if rows % PROGRESS_EVERY == 0:
            cache.set(_key(job_id) + ("-saved" if saved else ""), rows, 3600)

    return report


def rows_read(job: ImportJob) -> int:
    if not job.is_pending:
        return job.rows_total
    return min(cache.get(_key(job.pk), 0), job.rows_total)


def rows_saved(job: ImportJob) -> int | None:
    """The rows checked and saved so far, once an importer that says so has read the whole sheet; None before."""
    if not job.is_pending:
        return None
    saved = cache.get(_key(job.pk) + "-saved")
    return None if saved is None else min(saved, job.rows_total)


def run(job_id: int) -> None:
    """Run a queued import once (a redelivered message finds it running or finished and does nothing)."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().select_related("user").get(pk=job_id)
        if job.status != ImportStatus.QUEUED:
            return
        job.status, job.started_at = ImportStatus.RUNNING, timezone.now()
        job.save(update_fields=["status", "started_at"])
    importer = import_string(IMPORTERS[job.kind])
    try:
        # One transaction around the importer: a time limit striking anywhere in it (even after the rows are
        # written) rolls every row back, so "nothing was imported" is true.
        with transaction.atomic(), job.upload.open("rb") as handle:
            imported, errors = importer(job, handle, progress_counter(job.pk))
    except SoftTimeLimitExceeded:  # the imports queue's soft limit (TASK_TIME_LIMITS): nothing was imported
        imported, errors = 0, [[0, _("The import took longer than its time limit (%(seconds)s seconds) and was "
                                     "stopped; nothing was imported. Send the file again, or split it.") % {
            "seconds": settings.TASK_TIME_LIMITS["imports"][0]}]]
    except Exception as exc:  # noqa: BLE001 - any failure is shown on the job's page, never lost
        imported, errors = 0, [[0, str(exc)[:500]]]
    job.imported = imported
    job.errors = [[row, str(message)] for row, message in errors]
    job.status = ImportStatus.DONE if imported and not errors else ImportStatus.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["imported", "errors", "status", "finished_at"])
    cache.delete_many([_key(job.pk), _key(job.pk) + "-saved"])


def queue_if_large(request, kind: str, upload, object_id: int | None = None):
    """For a view: a large sheet is queued and the user sent to its progress page; None for a small one."""
    if not should_queue(upload):
        return None
    job = queue(request.user, kind, upload, object_id)
    messages.info(request, _("The file is large: it is imported in the background; this page shows how far."))
    return redirect("import_job", pk=job.pk)


def sweep_stuck(now=None) -> int:
    """Beat, every minute: an import left "running" past ``IMPORT_STALE_SECONDS`` (its worker died; the import's
    transaction rolled back with it) is queued again. Returns how many were requeued."""
    now = now or timezone.now()
    limit = now - dt.timedelta(seconds=getattr(settings, "IMPORT_STALE_SECONDS", 600))
    stuck = list(ImportJob.objects.filter(status=ImportStatus.RUNNING, started_at__lt=limit).values_list(
        "pk", flat=True))
    for job_id in stuck:
        # Only the sweep that moves it back to "queued" requeues it (the update is the guard).
        if ImportJob.objects.filter(pk=job_id, status=ImportStatus.RUNNING).update(status=ImportStatus.QUEUED):
            run_import.delay(job_id)
    return len(stuck)


# The tasks keep the names they were registered under in haiphong_thidua.tasks (the beat's PeriodicTask rows and
# messages already queued name them so).

@shared_task(name="haiphong_thidua.tasks.run_import", acks_late=True)
def run_import(job_id: int) -> None:
    """A large Excel import, in a worker."""
    run(job_id)


@shared_task(name="haiphong_thidua.tasks.sweep_stuck_imports")
def sweep_stuck_imports() -> int:
    return sweep_stuck()
