"""Every certificate of a decision in one PDF, to print them together (issue 34: a decision of 500 awardees).

The officer asks for them on the decision's page (``request``); a worker makes the file (``run``, the task
``make_certificates`` on the reports queue) and counts the certificates it has drawn into the cache every
``PROGRESS_EVERY`` (its transaction is not visible until it commits), and the page polls ``progress``. One
WeasyPrint document of all the pages: the style and fonts are read once, not once per certificate. Each page is the
awardee's own certificate as ``awards.documents.certificate_pdf`` draws it; revoked awards are left out."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.pdf import render_pdf_in_parts
from organisation.permissions import is_board

from .documents import certificate_context
from .models import BatchStatus, CertificateBatch, Decision
from .payments import awardees

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 25  # certificates laid out together, and counted on the page
STALE_AFTER = dt.timedelta(minutes=15)  # a batch still "being made" this long after it was asked for: its worker died


def latest(decision: Decision) -> CertificateBatch | None:
    return CertificateBatch.objects.filter(decision=decision).select_related("requested_by").first()


@transaction.atomic
def request(user, decision: Decision) -> CertificateBatch:
    """Ask a worker for the decision's certificates (queued once the caller's transaction commits). A batch being
    made is not asked for twice; one left pending past ``STALE_AFTER`` (its worker died) is marked failed."""
    is_board.require(user)
    if decision.is_revocation:
        raise ValidationError(_("A revocation has no certificates."))
    Decision.objects.select_for_update().get(pk=decision.pk)  # two clicks queue one batch
    pending = CertificateBatch.objects.filter(decision=decision, status=BatchStatus.PENDING).first()
    if pending is not None and pending.requested_at > timezone.now() - STALE_AFTER:
        raise ValidationError(_("The certificates of this decision are already being made."))
    if pending is not None:
        pending.status, pending.finished_at = BatchStatus.FAILED, timezone.now()
        pending.reason = _("No worker finished the certificates in time; asked for again.")
        pending.save(update_fields=["status", "finished_at", "reason"])
    total = decision.awardees.filter(revoked_by__isnull=True).count()
    if not total:
        raise ValidationError(_("This decision has no award in force: there is no certificate to print."))
    batch = CertificateBatch.objects.create(decision=decision, requested_by=user, total=total)
    make_certificates.delay(batch.pk)  # sent on commit (TransactionAwareTask)
    return batch


def _key(batch_id: int) -> str:
    return f"certificates-progress-{batch_id}"


def count_made(batch_id: int, made: int) -> None:
    """The worker's count of the certificates drawn so far, for the page that polls it."""
    cache.set(_key(batch_id), made, 3600)


def progress(batch: CertificateBatch) -> int:
    """How many certificates are drawn: counted by the worker while it works, all of them once done."""
    if batch.done:
        return batch.total
    if batch.failed:
        return 0
    return min(cache.get(_key(batch.pk), 0), batch.total)


def render(decision: Decision, report: Callable[[int], None] | None = None) -> tuple[bytes, int]:
    """One PDF of every certificate in force; ``report(n)`` is told how many certificates are drawn so far (every
    ``PROGRESS_EVERY``: the pages are laid out in parts of that many, with the same fonts, and joined)."""
    rows = awardees(decision, payable=True)  # the awards in force, in the annex's order, units as on the day

    def parts():
        for start in range(0, len(rows), PROGRESS_EVERY):
            pages = []
            for nominee in rows[start:start + PROGRESS_EVERY]:
                nominee.decision = decision  # one decision, not one copy per awardee
                pages.append(certificate_context(nominee))
            yield render_to_string("awards/pdf/certificates.html", {"decision": decision, "certificates": pages})

    def counted(parts_done: int) -> None:
        if report:
            report(min(parts_done * PROGRESS_EVERY, len(rows)))

    return render_pdf_in_parts(parts(), counted), len(rows)


def run(batch_id: int) -> str:
    """In a worker: make the batch's PDF once (a redelivered message finds it finished)."""
    batch = CertificateBatch.objects.select_related("decision").filter(pk=batch_id,
                                                                       status=BatchStatus.PENDING).first()
    if batch is None:
        return "not pending"

    try:
        with translation.override(settings.LANGUAGE_CODE):
            content, total = render(batch.decision, lambda made: count_made(batch_id, made))
    except Exception as exc:  # noqa: BLE001 - every failure is the batch's reason, shown on the page
        logger.warning("certificates %s failed: %s: %s", batch_id, type(exc).__name__, exc)
        with translation.override(settings.LANGUAGE_CODE):
            reason = (_("The certificates took longer than the time limit; try again.")
                      if isinstance(exc, SoftTimeLimitExceeded) else
                      _("The certificates could not be made (%(error)s); try again.") % {
                          "error": f"{type(exc).__name__}: {str(exc)[:200]}"})
        CertificateBatch.objects.filter(pk=batch_id, status=BatchStatus.PENDING).update(
            status=BatchStatus.FAILED, reason=reason, finished_at=timezone.now())
        cache.delete(_key(batch_id))
        return BatchStatus.FAILED
    with transaction.atomic():
        batch = CertificateBatch.objects.select_for_update().select_related("decision").get(pk=batch_id)
        if batch.status != BatchStatus.PENDING:  # marked failed as stale meanwhile: a newer batch replaces it
            return batch.status
        decision = batch.decision
        batch.file.save(f"bang-khen-{decision.year}-{decision.number:02d}-{batch.pk}.pdf", ContentFile(content),
                        save=False)
        batch.total, batch.status, batch.finished_at = total, BatchStatus.DONE, timezone.now()
        batch.save()
    cache.delete(_key(batch_id))
    return batch.status


@shared_task(name="awards.tasks.make_certificates", acks_late=True)
def make_certificates(batch_id: int) -> str:
    """Every certificate of a decision in one PDF (the reports queue: CELERY_TASK_ROUTES)."""
    return run(batch_id)
