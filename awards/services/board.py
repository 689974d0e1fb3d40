"""The Board's steps: reception, assignment, return, appraisal, public comment, sending to the Council."""


from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legal.calendar import add_working_days, parameter
from organisation.permissions import is_board
from organisation.text import clean_text

from .. import eligibility
from ..eligibility import release_initiatives
from ..models import (
    Appraisal,
    CouncilMeeting,
    Outcome,
    ParameterKey,
    Status,
    Submission,
)
from .steps import _begin, _fmt, _move


@transaction.atomic
def receive(user, submission: Submission, today: datetime.date | None = None) -> Submission:
    submission = _begin("receive", user, submission, today)
    today = today or timezone.localdate()
    days = int(parameter(ParameterKey.APPRAISAL_WORKING_DAYS, today))
    submission.received_at = timezone.now()
    submission.due_on = add_working_days(today, days)
    return _move(submission, user, "receive", Status.RECEIVED,
                 lambda: _("Appraisal due on %(date)s (%(days)s working days).") % {
                     "date": submission.due_on.strftime("%d/%m/%Y"), "days": days})


@transaction.atomic
def assign(user, submission: Submission, officer) -> Submission:
    submission = _begin("assign", user, submission)
    if not is_board(officer):
        raise ValidationError(_("Dossiers can be assigned only to Board officers."))
    submission.officer = officer
    return _move(submission, user, "assign", Status.ASSIGNED, officer.get_full_name() or officer.username)


@transaction.atomic
def return_to_unit(user, submission: Submission, reason: str, today: datetime.date | None = None) -> Submission:
    """Send a dossier back before appraisal (at reception or once assigned), with what the unit must do."""
    submission = _begin("return_to_unit", user, submission, today)
    reason = clean_text(reason)  # trimmed too
    if not reason:
        raise ValidationError(_("Say what the unit must complete or correct."))
    today = today or timezone.localdate()
    days = int(parameter(ParameterKey.RESUBMIT_WORKING_DAYS, today))
    submission.due_on = add_working_days(today, days)
    return _move(submission, user, "return_to_unit", Status.RETURNED, reason, event="return")


def bulk(user, submissions: Iterable[Submission], action: str, officer=None) -> tuple[int, list[str]]:
    """Receive or assign several dossiers; each in its own transaction. Returns (done, errors)."""
    done, errors = 0, []
    for submission in submissions:
        try:
            if action == "receive":
                receive(user, submission)
            else:
                assign(user, submission, officer)
            done += 1
        except ValidationError as exc:
            errors.append(f"{submission.title}: {' '.join(exc.messages)}")
    return done, errors


@transaction.atomic
def appraise(user, submission: Submission, verdicts: dict[int, tuple[str, str]]) -> Submission:
    """``verdicts``: nominee id -> (Appraisal value, reason). Every nominee needs a verdict;
    any "incomplete" returns the dossier to the unit."""
    submission = _begin("appraise", user, submission)
    nominees = {n.pk: n for n in submission.nominees.select_for_update()}
    if set(verdicts) != set(nominees):
        raise ValidationError(_("Give a verdict for every nominee."))
    for nominee_id, (verdict, reason) in verdicts.items():
        if verdict not in (Appraisal.ELIGIBLE, Appraisal.NOT_ELIGIBLE, Appraisal.INCOMPLETE):
            raise ValidationError(_("Give a verdict for every nominee."))
        if verdict != Appraisal.ELIGIBLE and not reason.strip():
            raise ValidationError(_("Give the reason for “%(name)s”.") % {"name": nominees[nominee_id].name})
        if verdict == Appraisal.ELIGIBLE and not reason.strip() and \
                eligibility.check(nominees[nominee_id]).result == eligibility.NOT_ELIGIBLE:
            raise ValidationError(_("The eligibility check finds “%(name)s” not eligible: give the reason for "
                                    "finding the nominee eligible.") % {"name": nominees[nominee_id].name})
        nominee = nominees[nominee_id]
        nominee.appraisal, nominee.appraisal_reason = verdict, reason.strip()
        if verdict == Appraisal.NOT_ELIGIBLE:
            nominee.outcome = Outcome.REJECTED
        nominee._history_user = user
        nominee.save()
    release_initiatives([n for n in nominees.values() if n.appraisal == Appraisal.NOT_ELIGIBLE])
    def summary():
        return "; ".join(f"{n.name}: {n.get_appraisal_display()}" + (f" ({n.appraisal_reason})"
                                                                    if n.appraisal_reason else "")
                         for n in nominees.values())

    if any(v == Appraisal.INCOMPLETE for v, _r in verdicts.values()):
        days = int(parameter(ParameterKey.RESUBMIT_WORKING_DAYS, timezone.localdate()))
        submission.due_on = add_working_days(timezone.localdate(), days)
        return _move(submission, user, "appraise", Status.RETURNED, summary, event="return")
    if all(v == Appraisal.NOT_ELIGIBLE for v, _r in verdicts.values()):
        return _move(submission, user, "appraise", Status.CLOSED, summary, event="reject")
    return _move(submission, user, "appraise", Status.APPRAISED, summary)


@transaction.atomic
def open_public_comment(user, submission: Submission, today: datetime.date | None = None) -> Submission:
    today = today or timezone.localdate()
    submission = _begin("open_public_comment", user, submission, today)
    days = int(parameter(ParameterKey.PUBLIC_COMMENT_DAYS, today))
    submission.public_comment_until = today + datetime.timedelta(days=days)
    return _move(submission, user, "open_public_comment", Status.PUBLIC_COMMENT,
                 lambda: _("Public comment until %(date)s.") % {
                     "date": submission.public_comment_until.strftime("%d/%m/%Y")})


@transaction.atomic
def send_to_council(user, submission: Submission, meeting: CouncilMeeting,
                    today: datetime.date | None = None) -> Submission:
    submission = _begin("to_council", user, submission, today)
    if meeting.held_on.year < submission.year:
        raise ValidationError({"meeting": _("The meeting of %(date)s is before the year of the achievements "
                                            "(%(year)s).") % {"date": _fmt(meeting.held_on), "year": submission.year}})
    if meeting.is_closed:
        raise ValidationError(_("Voting at this meeting is closed."))
    submission.meeting = meeting
    return _move(submission, user, "to_council", Status.IN_COUNCIL, str(meeting))
