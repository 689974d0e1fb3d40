from celery import shared_task
from django.conf import settings
from django.utils import translation


@shared_task(name="awards.tasks.notify_submission_change", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def notify_submission_change(submission_id: int, status: str, note: str = "") -> int:
    """Tell the submitting unit's accounts (in the portal and by e-mail) that their dossier moved."""
    from haiphong_thidua.notify import deliver_to_unit

    from .models import Status, Submission
    from .services import dossier_url

    submission = Submission.objects.get(pk=submission_id)
    with translation.override(settings.LANGUAGE_CODE):
        title = translation.gettext("Dossier “%(title)s”: %(status)s") % {
            "title": submission.title, "status": Status(status).label}
    return deliver_to_unit(submission.unit_id, title, note, dossier_url(submission_id))
