"""The one notification path of the portal: a message to a unit's accounts, in the portal and by e-mail.

Services call ``notify_unit_after_commit`` inside their transaction; the message leaves only once the
transaction commits, from a Celery worker, and is rendered in the portal's language (Vietnamese) whatever
the language of the user who acted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation


def notify_unit_after_commit(unit_id: int, title: str, body: str = "", params: dict | None = None,
                             link: str = "") -> None:
    """``title`` and ``body`` are message ids (mark them with ``gettext_noop``) with ``%(name)s`` ``params``."""
    from .tasks import notify_unit

    params = {k: str(v) for k, v in (params or {}).items()}
    transaction.on_commit(lambda: notify_unit.delay(unit_id, title, body, params, link))


def render(message: str, params: dict) -> str:
    """A message id in the portal's language, with its parameters."""
    with translation.override(settings.LANGUAGE_CODE):
        text = translation.gettext(message) if message else ""
    return text % params if params else text


def deliver_to_unit(unit_id: int, title: str, body: str = "", link: str = "") -> int:
    """Store the message for every active account of the unit and e-mail those with an address."""
    from django.core.mail import send_mail

    from awards.models import Notification
    from organisation.models import User

    users = list(User.objects.filter(unit_id=unit_id, is_active=True))
    Notification.objects.bulk_create(Notification(user=u, title=title[:255], body=body, link=link) for u in users)
    recipients = [u.email for u in users if u.email]
    if recipients:
        send_mail(title, f"{body}\n\n{link}".strip(), settings.DEFAULT_FROM_EMAIL, recipients)
    return len(users)


def unread_count(user) -> int:
    from awards.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_all_read(user) -> int:
    from awards.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
