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
from contextlib import contextmanager

from botocore.exceptions import BotoCoreError
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import OperationalError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents import authority, signing
from documents.models import SignedPaper
from documents.numbering import next_number
from organisation.text import in_sentence

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
    with producing(report_id) as ours:
        if not ours:
            return "running elsewhere"  # a second delivery while a live worker produces it
        result, replaced_pdf = _generate(report_id)
    if result in ("already done", "failed"):
        return result
    # Signed on the signing host (the "signing" queue: the PDF workers hold no key), then mailed; queued once this
    # worker has let the report go, so that the signing host finds it free.
    if settings.REPORT_SIGNING:
        sign_report.delay(report_id, replaced_pdf)
    else:
        email_report.delay(report_id)
    return result


# The worker producing a report holds this PostgreSQL advisory lock (session level) until it is done; a killed
# worker's connection closes and the lock goes with it. So a message delivered again after its worker was killed
# (the broker's visibility timeout) produces the report at once, instead of waiting for the sweep.
REPORT_LOCK_NAMESPACE = 0x52505254  # "RPRT"


@contextmanager
def producing(report_id: int):
    """True inside if this process holds the report's lock (no live worker is producing it)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [REPORT_LOCK_NAMESPACE, report_id])
        ours = cursor.fetchone()[0]
    try:
        yield ours
    finally:
        if ours:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [REPORT_LOCK_NAMESPACE, report_id])


def _generate(report_id: int) -> tuple[str, str]:
    """The report produced; its result, and the previous run's PDF that the signing host deletes once the signed
    one is stored (kept until then, so that the signed PDF gets a name no earlier copy had)."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status == ReportStatus.DONE and report.finished_at and report.started_at and \
                report.finished_at >= report.started_at and report.pdf:
            return "already done", ""
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
        pdf = render.pdf_bytes(report, content)  # signed afterwards by the signing host (sign_report)
        xlsx = render.xlsx_bytes(report, content)
        delay = float(os.environ.get("HPTD_REPORT_TEST_DELAY", "0"))  # lets a test kill the worker mid-report
        if delay:
            time.sleep(delay)
        base = f"reports/{report.kind}/{report.period_start:%Y-%m}"
        # Unsigned, under a name of its own when the signing host signs it next (sign_report stores the signed copy).
        pdf_name = _store(f"{base}-chua-ky.pdf" if settings.REPORT_SIGNING else f"{base}.pdf", pdf)
        xlsx_name = _store(f"{base}.xlsx", xlsx)
    except SoftTimeLimitExceeded:  # the reports queue's soft limit (TASK_TIME_LIMITS): failed, the officer retries
        with translation.override(settings.LANGUAGE_CODE):
            error = _("The report took longer than its time limit (%(seconds)s seconds) and was stopped. Use “Produce "
                      "a report now” to try again.") % {"seconds": settings.TASK_TIME_LIMITS["reports"][0]}
        logger.warning("report %s stopped at its soft time limit", report_id)
        Report.objects.filter(pk=report_id).update(status=ReportStatus.FAILED, error=error, finished_at=timezone.now())
        return "failed", ""
    except TRANSIENT:
        raise  # transient: retried with back-off
    except Exception as exc:
        logger.exception("report %s failed", report_id)
        Report.objects.filter(pk=report_id).update(status=ReportStatus.FAILED, error=f"{type(exc).__name__}: {exc}",
                                                   finished_at=timezone.now())
        return "failed", ""
    replaced = list(Report.objects.filter(pk=report_id).values_list("pdf", "xlsx").get())
    Report.objects.filter(pk=report_id).update(
        status=ReportStatus.DONE, pdf=pdf_name, xlsx=xlsx_name, error="", finished_at=timezone.now(),
        generation_seconds=time.monotonic() - started, figures=now_figures,
        regeneration_note=report.regeneration_note)
    replaced_pdf, replaced_xlsx = replaced
    if settings.REPORT_SIGNING:
        _forget([replaced_xlsx], {pdf_name, xlsx_name})
        return pdf_name, (replaced_pdf if replaced_pdf not in (pdf_name, xlsx_name) else "")
    _forget(replaced, {pdf_name, xlsx_name})
    return pdf_name, ""


@shared_task(name="reports.tasks.sign_report", acks_late=True, reject_on_worker_lost=True,
             autoretry_for=TRANSIENT, retry_backoff=5, max_retries=5)
def sign_report(report_id: int, replaced_pdf: str = "") -> str:
    """On the signing host: the produced report's PDF gets the Board's signature and seal (its organisational
    signature, PAdES, with the key of the "report" signing authority: Ban Thi đua - Khen thưởng, Sở Nội vụ, never
    the city's). The signed PDF is stored under a new name, the row moved to it (only if it still names the
    unsigned file), the unsigned file deleted, the copy kept in the register of signed copies; then it is mailed.
    Where the key cannot be used, the report is kept unsigned (logged), under the same name, and mailed. Run again (a
    redelivery), it finds the PDF signed and does nothing. ``replaced_pdf``: the previous run's PDF, deleted here."""
    try:
        return _sign_report(report_id)
    finally:
        if replaced_pdf and not Report.objects.filter(pk=report_id, pdf=replaced_pdf).exists():
            _forget([replaced_pdf], set())


def _sign_report(report_id: int) -> str:
    with producing(report_id) as ours:
        if not ours:
            return "being produced again"  # that production queues its own signature
        report = Report.objects.get(pk=report_id)
        if report.status != ReportStatus.DONE or not report.pdf:
            return "nothing to sign"
        with report.pdf.open("rb") as handle:
            pdf = handle.read()
        if signing.read_signatures(pdf):
            return "already signed"
        try:
            # The Board's key and seal (the "report" row of documents.SigningAuthority), never the city's.
            board = authority.for_kind(SignedPaper.REPORT, report.issued_on or timezone.localdate())
            signed = signing.sign(pdf, signing.AGENCY, name_on_document=settings.REPORT_SIGNER_NAME or "TRƯỞNG BAN",
                                  reason=f"Báo cáo số {report.code}", key=board.agency_key,
                                  seal_lines=board.seal_lines)
            signatures = signing.read_signatures(signed)
        except Exception:
            logger.exception("report %s could not be signed; kept unsigned", report_id)
            signed, signatures = pdf, None  # the report as produced, under its usual name
        unsigned = report.pdf.name
        final = _store(f"reports/{report.kind}/{report.period_start:%Y-%m}.pdf", signed)
        if not Report.objects.filter(pk=report_id, pdf=unsigned).update(pdf=final):
            _forget([final], set())  # produced again meanwhile: that run queues its own signature
            return "replaced meanwhile"
        _forget([unsigned], {final})
        if signatures is not None:  # the register of signed copies: the public check knows every copy
            keep(report_id, signed, signatures[-1].signer if signatures else "")
    email_report.delay(report_id)
    return "signed" if signatures is not None else "unsigned"


@shared_task(name="reports.tasks.email_report", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_report(report_id: int) -> int:
    report = Report.objects.get(pk=report_id)
    recipients = list(Subscriber.objects.filter(is_active=True, kinds__contains=[report.kind]).values_list(
        "email", flat=True))
    if not recipients or not report.pdf:
        return 0
    message = EmailMessage(
        subject=f"{report.get_kind_display()} {report.period_label} – Số {report.code}",
        body=f"Ban Thi đua - Khen thưởng gửi {in_sentence(report.get_kind_display())} kỳ {report.period_label}.",
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
    stuck = list(Report.objects.filter(status=ReportStatus.RUNNING, started_at__lt=limit).values_list(
        "pk", "attempts"))
    for report_id, attempts in stuck:
        if attempts < settings.REPORT_MAX_ATTEMPTS:
            generate_report.delay(report_id)
            continue
        # Stopped that many times (its hard time limit, or workers dying under it): failed, not tried for ever.
        with translation.override(settings.LANGUAGE_CODE):
            error = _("The report was stopped %(count)s times before it was finished (time limit or worker "
                      "stopped). Use “Produce a report now” to try again.") % {"count": attempts}
        Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
            status=ReportStatus.FAILED, error=error, finished_at=timezone.now())
    return len(stuck)
