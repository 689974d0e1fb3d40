"""Signatures applied by the signing host (issue 29): a page records a ``SigningJob`` and queues it on the
``signing`` queue; the worker on the machine that holds the keys or the PKCS#11 token runs it. Web nodes never load
a private key (``documents.signing`` refuses where ``SIGNING_HOST`` is off).

A feature registers what a job of its kind does (``add_performer``, from its AppConfig.ready): the performer signs,
stores the file through the storage API and moves the feature's state. It runs in one transaction with the job's
row: a failed signature (wrong PIN, token absent, time-out, missing key) rolls the feature's change back, leaves its
state where it was, and marks the job failed with a reason the officer reads; the page offers the step again."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import SigningJob, SigningStatus
from .signing import NotSigningHost

logger = logging.getLogger(__name__)
_performers: dict[str, Callable[[SigningJob], object]] = {}

# python-pkcs11's exceptions, named so that the module (installed only where a token is used) is not imported here.
WRONG_PIN = {"PinIncorrect", "PinInvalid", "PinLenRange", "PinExpired", "PinLocked"}
NO_TOKEN = {"NoSuchToken", "TokenNotPresent", "TokenNotRecognised", "DeviceRemoved", "SlotIDInvalid",
            "NoSuchKey", "MultipleTokensReturned"}


def add_performer(kind: str, perform: Callable[[SigningJob], object]) -> None:
    _performers[kind] = perform


def request(user, kind: str, reference: int, step: str) -> SigningJob:
    """Record a signature to be applied and queue it (sent once the caller's transaction commits). The caller holds
    the document's row lock and has checked that the step is allowed."""
    if SigningJob.objects.filter(kind=kind, reference=reference, status=SigningStatus.PENDING).exists():
        raise ValidationError(_("A signature of this document is already waiting for the signing host."))
    job = SigningJob.objects.create(kind=kind, reference=reference, step=step, requested_by=user)
    run_signing_job.delay(job.pk)  # sent on commit (TransactionAwareTask), to the "signing" queue
    return job


def latest(kind: str, reference: int) -> SigningJob | None:
    return SigningJob.objects.filter(kind=kind, reference=reference).select_related("requested_by").first()


def reason(exc: BaseException) -> str:
    """What an officer reads when a signature failed (and what to do)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    text = str(exc)
    if isinstance(exc, SoftTimeLimitExceeded):
        return _("The signing host did not finish within %(seconds)s seconds (the token did not answer). Nothing was "
                 "changed; try again.") % {"seconds": settings.TASK_TIME_LIMITS["signing"][0]}
    if names & WRONG_PIN or "pin" in text.lower() and "incorrect" in text.lower():
        return _("The token refused the PIN (wrong PIN). Nothing was changed; the administrator of the signing host "
                 "must correct the PIN before trying again.")
    if names & NO_TOKEN or "token" in text.lower() and ("not found" in text.lower() or "no token" in text.lower()):
        return _("The signing token is absent from the signing host (not plugged in or not found). Nothing was "
                 "changed; plug the token in and try again.")
    if isinstance(exc, NotSigningHost):
        return _("This worker is not the signing host (SIGNING_HOST is off): it holds no key. Nothing was changed.")
    if isinstance(exc, (ImproperlyConfigured, FileNotFoundError, PermissionError)):
        return _("The signing key or certificate could not be read on the signing host (%(error)s). Nothing was "
                 "changed.") % {"error": text[:200]}
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return _("The document could not be signed (%(error)s). Nothing was changed; try again.") % {
        "error": f"{type(exc).__name__}: {text[:200]}"}


def run(job_id: int) -> str:
    """On the signing host: apply the job's signature once (a redelivered message finds it finished)."""
    with transaction.atomic():
        job = SigningJob.objects.select_for_update().select_related("requested_by").filter(
            pk=job_id, status=SigningStatus.PENDING).first()
        if job is None:
            return "not pending"
        job.started_at = timezone.now()
        try:
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                _performers[job.kind](job)
        except Exception as exc:  # noqa: BLE001 - every failure is the job's reason, shown on the page
            logger.warning("signing job %s failed: %s: %s", job_id, type(exc).__name__, exc)
            with translation.override(settings.LANGUAGE_CODE):
                job.status, job.reason = SigningStatus.FAILED, reason(exc)
        else:
            job.status, job.reason = SigningStatus.DONE, ""
        job.finished_at = timezone.now()
        job.save()
        return job.status


def sweep_stale(now=None) -> int:
    """Beat, every minute: a job still pending ``SIGNING_STALE_SECONDS`` after it was asked for (no signing host
    took it, or its worker died) is marked failed, so the page stops waiting and offers the step again. A job the
    signing host is working on is locked and skipped."""
    limit = (now or timezone.now()) - dt.timedelta(seconds=settings.SIGNING_STALE_SECONDS)
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        stale = list(SigningJob.objects.select_for_update(skip_locked=True).filter(
            status=SigningStatus.PENDING, requested_at__lt=limit))
        for job in stale:
            job.status, job.finished_at = SigningStatus.FAILED, timezone.now()
            job.reason = _("No signing host answered within %(seconds)s seconds (is its worker running?). Nothing "
                           "was changed; try again.") % {"seconds": settings.SIGNING_STALE_SECONDS}
            job.save(update_fields=["status", "reason", "finished_at"])
    return len(stale)


# The tasks live beside their work; documents/tasks.py lists them for the worker.

@shared_task(name="documents.tasks.run_signing_job", acks_late=True, reject_on_worker_lost=True)
def run_signing_job(job_id: int) -> str:
    """A signature, on the signing host (the "signing" queue: CELERY_TASK_ROUTES)."""
    return run(job_id)


@shared_task(name="documents.tasks.sweep_stale_signing_jobs")
def sweep_stale_signing_jobs() -> int:
    return sweep_stale()
