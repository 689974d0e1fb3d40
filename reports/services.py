"""Requesting reports. Generation itself runs in reports.tasks on a Celery worker."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from organisation.permissions import require_board

from .models import Report, ReportStatus
from .periods import previous_period
from .tasks import generate_report


def request_report(kind: str, start: dt.date, end: dt.date, user=None) -> Report:
    """Queue the report of (kind, period). An existing one is reset and produced again, not duplicated."""
    with transaction.atomic():
        # get_or_create reads the row another request created at the same moment (one_report_per_period).
        report, _ = Report.objects.get_or_create(kind=kind, period_start=start,
                                                 defaults={"period_end": end, "requested_by": user})
        report = Report.objects.select_for_update().get(pk=report.pk)
        stale = timezone.now() - dt.timedelta(seconds=settings.REPORT_STALE_SECONDS)
        if report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) and report.started_at is not None \
                and report.started_at > stale:
            return report  # being produced by a live worker
        # A report stuck "running" past the limit lost its worker: queued again (the task's checks keep it once).
        report.status, report.error, report.period_end = ReportStatus.QUEUED, "", end
        if user is not None:
            report.requested_by = user
        report.save()
        generate_report.delay(report.pk)  # sent on commit (TransactionAwareTask)
    return report


def request_on_demand(user, kind: str, start: dt.date, end: dt.date) -> Report:
    require_board(user)
    return request_report(kind, start, end, user)


# Registered under its first module's name (the beat's PeriodicTask rows name it so); the worker imports this module
# through ReportsConfig.ready.
@shared_task(name="reports.tasks.request_periodic_report")
def request_periodic_report(kind: str) -> int:
    """Run by beat: queue the report of the last complete period of ``kind``."""
    start, end = previous_period(kind, timezone.localdate())
    return request_report(kind, start, end).pk
