from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation


@shared_task(name="awards.tasks.notify_submission_change", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def notify_submission_change(submission_id: int, status: str, note: str = "") -> int:
    """Tell the submitting unit's accounts (in the portal and by e-mail) that their dossier moved."""
    from organisation.models import User

    from .models import Notification, Status, Submission
    from .services import dossier_url

    submission = Submission.objects.select_related("unit").get(pk=submission_id)
    users = list(User.objects.filter(unit=submission.unit, is_active=True))
    with translation.override(settings.LANGUAGE_CODE):
        title = translation.gettext("Dossier “%(title)s”: %(status)s") % {
            "title": submission.title, "status": Status(status).label}
    body = note
    link = dossier_url(submission_id)
    Notification.objects.bulk_create(Notification(user=u, title=title, body=body, link=link) for u in users)
    recipients = [u.email for u in users if u.email]
    if recipients:
        send_mail(title, f"{body}\n\n{link}".strip(), settings.DEFAULT_FROM_EMAIL, recipients)
    return len(users)
