"""The one notification path of the portal: a message to a unit's accounts, in the portal and by e-mail.

Services call ``notify_unit_after_commit`` inside their transaction; the message leaves only once the
transaction commits, from a Celery worker. It is kept as a message id with its parameters (utilities.messages):
each reader sees it in their own language, the e-mail goes in the portal's (Vietnamese) whatever the language
of the user who acted.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.cache import caches
from django.core.mail import send_mail
from django.db import connection
from django.shortcuts import get_object_or_404
from django.utils import timezone

from organisation.models import User
from utilities import messages
from utilities.messages import Message

from .models import Notification


def notify_unit_after_commit(unit_id: int, title: str, body: str = "", params: dict | None = None,
                             link: str = "") -> None:
    """``title`` and ``body`` are message ids (mark them with ``gettext_noop``) with ``%(name)s`` ``params``."""
    params = {k: str(v) for k, v in (params or {}).items()}
    notify_unit.delay(unit_id, title, body, params, link)  # sent on commit (TransactionAwareTask)


def absolute(link: str) -> str:
    """A portal path as an address that works from an e-mail (``PORTAL_BASE_URL``)."""
    if not link or "://" in link:
        return link
    return settings.PORTAL_BASE_URL.rstrip("/") + "/" + link.lstrip("/")


def deliver(users, title, body="", link: str = "") -> int:
    """Store the message for each of ``users`` and e-mail those with an address (the link made absolute).
    ``title`` and ``body``: a ``utilities.messages.Message`` (or ``Texts``), kept as what to say so that each
    reader sees it in their language, or a plain text; the e-mail and the stored title are in the portal's."""
    users = list(users)
    kept = {"title": messages.stored(title), "body": messages.stored(body)}
    message = None if isinstance(title, str) and isinstance(body, str) else kept
    title, body = (value if isinstance(value, str) else messages.in_language(kept[part], settings.LANGUAGE_CODE)
                   for part, value in (("title", title), ("body", body)))
    Notification.objects.bulk_create(Notification(user=u, title=title[:255], body=body, link=link, message=message)
                                     for u in users)
    _forget_unread([u.pk for u in users])
    recipients = [u.email for u in users if u.email]
    if recipients:
        send_mail(title, f"{body}\n\n{absolute(link)}".strip(), settings.DEFAULT_FROM_EMAIL, recipients)
    return len(users)


def deliver_to_unit(unit_id: int, title, body="", link: str = "") -> int:
    """Every active account of the unit."""
    return deliver(User.objects.filter(unit_id=unit_id, is_active=True), title, body, link)


@shared_task(name="haiphong_thidua.tasks.notify_unit", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_unit(unit_id: int, title: str, body: str = "", params: dict | None = None, link: str = "") -> int:
    """Deliver a message to a unit's accounts, each reading it in their language; returns how many.
    (Registered under its first module's name: queued messages and the worker keep finding it.)"""
    params = params or {}
    return deliver_to_unit(unit_id, Message(title, params), Message(body, params) if body else "", link)


UNREAD_SECONDS = 60  # how stale the header's count may be where the cache is per process (no Redis)


def _unread_key(user_id: int) -> str:
    return f"unread:{connection.settings_dict['NAME']}:{user_id}"


def unread_count(user) -> int:
    """Unread notifications of ``user``; the header shows it on every page, so it is kept in the cache (Redis)
    and dropped whenever a notification is delivered or read, instead of a query per page."""
    store, key = caches["fragments"], _unread_key(user.pk)
    count = store.get(key)
    if count is None:
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
        store.set(key, count, UNREAD_SECONDS)
    return count


def _forget_unread(user_ids) -> None:
    caches["fragments"].delete_many([_unread_key(pk) for pk in user_ids])


def open_notification(user, pk: int) -> str:
    """Mark one of ``user``'s notifications read and give the link it points to (404 for anyone else's)."""
    notification = get_object_or_404(Notification, pk=pk, user=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _forget_unread([user.pk])
    link = notification.link
    return link if link.startswith("/") and not link.startswith("//") else "/"


def mark_all_read(user) -> int:
    count = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    _forget_unread([user.pk])
    return count
