"""The write half of every transition: lock, check, move, audit, notify."""


from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from simple_history.utils import bulk_update_with_history

from .. import outbox
from ..models import (
    Nominee,
    Submission,
    WorkflowEvent,
)
from ..tasks import notify_submission_change
from ..workflow import DOSSIER


def _lock(submission: Submission) -> Submission:
    return Submission.objects.select_for_update(of=("self",)).select_related("unit", "meeting").get(pk=submission.pk)


def _begin(action: str, user, submission: Submission, today: datetime.date | None = None) -> Submission:
    """Lock the dossier and check, against the workflow table, that ``user`` may take ``action`` now."""
    submission = _lock(submission)
    DOSSIER.check(action, user, submission, today)
    return submission


def _notes(note) -> tuple[str, str]:
    """An audit note in the portal's language and in English: ``note`` is a text (names, a user's reason: the same
    in both) or a function that composes it, called once in each language."""
    if not callable(note):
        return note, note
    with translation.override(settings.LANGUAGE_CODE):
        text = note()
    with translation.override("en"):
        english = note()
    return text, english


def _move(submission: Submission, user, action: str, to_status: str, note="", event: str = "") -> Submission:
    """Take ``action`` to ``to_status`` (one of the states the table gives it), audit it as ``event`` (default:
    the action's name) and notify the unit after commit."""
    if to_status not in DOSSIER[action].targets:
        raise ValueError(f"{action} does not lead to {to_status}")
    note, note_en = _notes(note)
    from_status = submission.status
    submission.status = to_status
    submission._history_user = user
    submission.save()
    WorkflowEvent.objects.create(submission=submission, actor=user, action=event or action, from_status=from_status,
                                 to_status=to_status, note=note, note_en=note_en)
    if DOSSIER[action].held_notice:
        outbox.hold(submission, action, to_status, note)
    else:
        _notify_unit(submission, to_status, note)
    return submission


def _notify_unit(submission: Submission, to_status: str, note: str) -> None:
    notify_submission_change.delay(submission.pk, to_status, note)  # sent on commit (TransactionAwareTask)


def _set_outcome(nominees, outcome: str, user) -> int:
    """Set the outcome of several nominees at once, each with its history row (``update()`` would skip it)."""
    rows = list(nominees.select_for_update(of=("self",)))
    for nominee in rows:
        nominee.outcome = outcome
    if rows:
        bulk_update_with_history(rows, Nominee, ["outcome"], default_user=user)
    return len(rows)


def _fmt(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")
