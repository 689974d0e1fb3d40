"""The dossier table's part of the engine (utilities.workflow): its audit writer and its notices, and the helpers
every step shares. ``DOSSIER.take`` locks, checks, calls the step's handler, moves, saves, audits and notifies."""


from __future__ import annotations

from simple_history.utils import bulk_update_with_history

from utilities.workflow import AuditRecord, notes

from .. import outbox
from ..models import (
    Nominee,
    Submission,
    WorkflowEvent,
)
from ..tasks import notify_submission_change
from ..workflow import DOSSIER


def _lock(submission: Submission) -> Submission:
    return DOSSIER.lock(submission)


def audit(entry: AuditRecord) -> WorkflowEvent:
    """The dossier's audit writer: the engine's record as a row of the dossier's trail (``awards.WorkflowEvent``,
    which the dossier page and the reports' "state at a date" read)."""
    return WorkflowEvent.objects.create(submission=entry.obj, actor=entry.actor, action=entry.action,
                                        from_status=entry.from_state, to_status=entry.to_state, note=entry.note,
                                        note_en=entry.note_en)


def record(submission: Submission, user, action: str, note="", *, from_status: str | None = None) -> WorkflowEvent:
    """A dossier's audit record for what is not a state change (its creation, an edit, a revocation, a signature):
    the same record through the same writer."""
    text, english = notes(note)
    from_status = submission.status if from_status is None else from_status
    return audit(AuditRecord(DOSSIER.name, action, submission, user, from_status, submission.status, text, english))


def _notify(submission: Submission, transition, to_status: str, note: str, note_en: str = "") -> None:
    """The unit is told of each step after commit, with the step's note in both languages (each reader sees their
    own); a ``held_notice`` step's notice waits in the Board's outbox."""
    if transition.held_notice:
        outbox.hold(submission, transition.name, to_status, note, note_en)
    else:
        notify_submission_change.delay(submission.pk, to_status, note, note_en)  # sent on commit (TransactionAwareTask)


DOSSIER.writes_with(audit=audit, notify=_notify)


def _set_outcome(nominees, outcome: str, user) -> int:
    """Set the outcome of several nominees at once, each with its history row (``update()`` would skip it)."""
    rows = list(nominees.select_for_update(of=("self",)))
    for nominee in rows:
        nominee.outcome = outcome
    if rows:
        bulk_update_with_history(rows, Nominee, ["outcome"], default_user=user)
    return len(rows)


