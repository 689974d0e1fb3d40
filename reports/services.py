"""Requesting reports. Generation itself runs in reports.tasks on a Celery worker."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from organisation.permissions import require_board

from .models import Report, ReportStatus


def request_report(kind: str, start: dt.date, end: dt.date, user=None) -> Report:
    """Queue the report of (kind, period). An existing one is reset and produced again, not duplicated."""
    from .tasks import generate_report

    with transaction.atomic():
        try:
            with transaction.atomic():
                report, _ = Report.objects.get_or_create(kind=kind, period_start=start,
                                                         defaults={"period_end": end, "requested_by": user})
        except IntegrityError:  # another request created it at the same moment
            report = Report.objects.get(kind=kind, period_start=start)
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) and report.started_at is not None:
            return report  # already being produced
        report.status, report.error, report.period_end = ReportStatus.QUEUED, "", end
        if user is not None:
            report.requested_by = user
        report.save()
        report_id = report.pk
        transaction.on_commit(lambda: generate_report.delay(report_id))
    return report


def request_on_demand(user, kind: str, start: dt.date, end: dt.date) -> Report:
    require_board(user)
    return request_report(kind, start, end, user)
