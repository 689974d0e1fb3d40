"""The dossier's notices, sent by a worker (queued by awards.services and awards.outbox)."""

from celery import shared_task
from django.urls import reverse
from django.utils.translation import gettext_noop

from core.notify import deliver, deliver_to_unit
from utilities.messages import Message, texts

from .certificates import make_certificates  # listed here for the worker (autodiscover_tasks): it lives beside its work
from .models import Nominee, Outcome, Status, Submission

__all__ = ["make_certificates", "notify_awardees", "notify_submission_change"]


@shared_task(name="awards.tasks.notify_submission_change", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def notify_submission_change(submission_id: int, status: str, note: str = "", note_en: str = "") -> int:
    """Tell the submitting unit's accounts (in the portal and by e-mail) that their dossier moved; each reader sees
    the notice in their language (the step's audit note in Vietnamese and English, ``note_en``)."""
    submission = Submission.objects.get(pk=submission_id)
    title = Message(gettext_noop("Dossier “%(title)s”: %(status)s"), {
        "title": submission.title, "status": Status(status).label})
    return deliver_to_unit(submission.unit_id, title, texts(note, note_en) if note else "",
                           submission.get_absolute_url())


@shared_task(name="awards.tasks.notify_awardees", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_awardees(submission_id: int) -> int:
    """Tell each awardee of the dossier who has an account (in the portal and by e-mail) of the award."""
    awarded = Nominee.objects.filter(submission_id=submission_id, outcome=Outcome.AWARDED,
                                     person__account__is_active=True).select_related(
        "award_type", "decision", "person__account")
    sent = 0
    for nominee in awarded:
        title = Message(gettext_noop("You are awarded: %(award)s"), {"award": nominee.award_type.name})
        body = Message(gettext_noop("Decision No. %(code)s of %(date)s."), {
            "code": nominee.decision.code, "date": nominee.decision.issued_on})
        sent += deliver([nominee.person.account], title, body, reverse("awards:my_awards"))
    return sent
