"""Celery tasks that produce the reports (queued by reports.services, which also holds the beat's
``request_periodic_report``).

Safe to run again and to lose a worker in the middle: the task is acknowledged
late (the broker delivers it again if the worker dies), the files are saved through
the storage API (the local folder or the bucket, settings/storage.py) under names no
row points at yet, and the row is updated only after both are stored — so it never
names a half-written file — and only then are the previous run's files deleted. A
re-run replaces the report of the same (kind, period) instead of adding one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time

from botocore.exceptions import BotoCoreError
from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import OperationalError, transaction
from django.utils import timezone

from documents import signing
from documents.numbering import next_number

from . import data, figures, render
from .models import Report, ReportStatus, Subscriber
from .signed_copies import keep

logger = logging.getLogger(__name__)
# Retried with back-off: the database or the storage out of reach for a while (a full disk, the bucket's service
# unreachable); a refusal of the bucket (botocore's ClientError: no such bucket, access denied) fails the report
# with its message instead.
TRANSIENT = (OperationalError, OSError, BotoCoreError)


def _store(name: str, content: bytes) -> str:
    """``content`` saved through the storage API; the name it got (``name``, or ``name`` with a suffix while the
    previous run's file still holds it: a stored file is never overwritten in place)."""
    return default_storage.save(name, ContentFile(content))


def _forget(names: list[str], kept: set[str]) -> None:
    """The previous run's files, once the row names the new ones (a failure leaves a file behind, never a row
    without its file)."""
    for name in names:
        if name and name not in kept:
            try:
                default_storage.delete(name)
            except Exception:  # noqa: BLE001 - an orphan file is logged, the report itself is done
                logger.warning("could not delete the replaced report file %s", name, exc_info=True)


@shared_task(name="reports.tasks.generate_report", bind=True, acks_late=True, reject_on_worker_lost=True,
             autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=300, max_retries=5)
def generate_report(self, report_id: int) -> str:
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status == ReportStatus.DONE and report.finished_at and report.started_at and \
                report.finished_at >= report.started_at and report.pdf:
            return "already done"
        if report.status == ReportStatus.RUNNING and report.started_at and \
                report.started_at > timezone.now() - dt.timedelta(seconds=settings.REPORT_STALE_SECONDS):
            return "running elsewhere"  # a second delivery while a live worker produces it
        report.status, report.started_at, report.attempts = ReportStatus.RUNNING, timezone.now(), report.attempts + 1
        if report.number is None:
            # One register of the Board's reports, numbered by the year of issue, kept when produced again.
            report.issued_on = timezone.localdate()
            report.number = next_number("report", report.issued_on.year)
        report.save()
    started = time.monotonic()
    try:
        content = data.collect(report.kind, report.period_start, report.period_end)
        now_figures = figures.key_figures(report.kind, content)
        if report.figures:
            changed = figures.changes(report.figures, now_figures)
            report.regeneration_note = (
                f"Báo cáo lập lại ngày {timezone.localdate():%d/%m/%Y}. " + (
                    "Số liệu của kỳ đã được điều chỉnh: " + "; ".join(changed[:20]) + ("; …" if len(changed) > 20
                                                                                      else "") + "."
                    if changed else "Số liệu của kỳ không thay đổi."))
        pdf, signer = _signed(report, render.pdf_bytes(report, content))
        xlsx = render.xlsx_bytes(report, content)
        delay = float(os.environ.get("HPTD_REPORT_TEST_DELAY", "0"))  # lets a test kill the worker mid-report
        if delay:
            time.sleep(delay)
        base = f"reports/{report.kind}/{report.period_start:%Y-%m}"
        pdf_name = _store(f"{base}.pdf", pdf)
        xlsx_name = _store(f"{base}.xlsx", xlsx)
    except TRANSIENT:
        raise  # transient: retried with back-off
    except Exception as exc:
        logger.exception("report %s failed", report_id)
        Report.objects.filter(pk=report_id).update(status=ReportStatus.FAILED, error=f"{type(exc).__name__}: {exc}",
                                                   finished_at=timezone.now())
        return "failed"
    if signer is not None:  # the register of signed copies (the public check knows an earlier copy too)
        keep(report_id, pdf, signer)
    replaced = list(Report.objects.filter(pk=report_id).values_list("pdf", "xlsx").get())
    Report.objects.filter(pk=report_id).update(
        status=ReportStatus.DONE, pdf=pdf_name, xlsx=xlsx_name, error="", finished_at=timezone.now(),
        generation_seconds=time.monotonic() - started, figures=now_figures,
        regeneration_note=report.regeneration_note)
    _forget(replaced, {pdf_name, xlsx_name})
    email_report.delay(report_id)
    return pdf_name


def _signed(report, pdf: bytes) -> tuple[bytes, str | None]:
    """The report signed with the agency's key (the Board's organisational signature, PAdES), and who signed; where
    signing is off or the key cannot be used, the unsigned PDF (logged: the report itself is still produced)."""
    if not settings.REPORT_SIGNING:
        return pdf, None
    try:
        signed = signing.sign(pdf, signing.AGENCY, name_on_document=settings.REPORT_SIGNER_NAME or "TRƯỞNG BAN",
                              reason=f"Báo cáo số {report.code}")
        reports = signing.read_signatures(signed)
    except Exception:
        logger.exception("report %s could not be signed; kept unsigned", report.pk)
        return pdf, None
    return signed, reports[-1].signer if reports else ""


@shared_task(name="reports.tasks.email_report", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_report(report_id: int) -> int:
    report = Report.objects.get(pk=report_id)
    recipients = list(Subscriber.objects.filter(is_active=True, kinds__contains=[report.kind]).values_list(
        "email", flat=True))
    if not recipients or not report.pdf:
        return 0
    message = EmailMessage(
        subject=f"{report.get_kind_display()} {report.period_label} – Số {report.code}",
        body=f"Ban Thi đua - Khen thưởng gửi {report.get_kind_display().lower()} kỳ {report.period_label}.",
        from_email=settings.DEFAULT_FROM_EMAIL, to=recipients)
    with report.pdf.open("rb") as handle:
        message.attach(f"bao-cao-{report.kind}-{report.period_start:%Y-%m}.pdf", handle.read(), "application/pdf")
    message.send()
    Report.objects.filter(pk=report_id).update(emailed_to=len(recipients))
    return len(recipients)


@shared_task(name="reports.tasks.sweep_stuck_reports")
def sweep_stuck_reports() -> int:
    """Run by beat every minute: a report left "running" past REPORT_STALE_SECONDS (its worker died) is queued
    again; the task's own checks make the report come out exactly once."""
    limit = timezone.now() - dt.timedelta(seconds=settings.REPORT_STALE_SECONDS)
    stuck = list(Report.objects.filter(status=ReportStatus.RUNNING, started_at__lt=limit).values_list("pk", flat=True))
    for report_id in stuck:
        generate_report.delay(report_id)
    return len(stuck)
