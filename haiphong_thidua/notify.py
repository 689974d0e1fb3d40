"""Notifications sent after the transaction commits, by a Celery worker."""

from django.db import transaction


def email_unit_after_commit(unit_id: int, subject: str, body: str) -> None:
    from .tasks import email_unit

    transaction.on_commit(lambda: email_unit.delay(unit_id, subject, body))
