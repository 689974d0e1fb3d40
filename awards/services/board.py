"""The Board's steps: reception, assignment, return, appraisal, public comment, sending to the Council."""


from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.formats import short_date
from legal.calendar import add_working_days, parameter
from organisation.permissions import is_board
from organisation.text import clean_text
from utilities.workflow import Step

from .. import eligibility
from ..eligibility import release_initiatives
from ..models import (
    Appraisal,
    CouncilMeeting,
    Outcome,
    ParameterKey,
    Status,
    Submission,
    WorkflowEvent,
)
from ..workflow import DOSSIER
from .steps import _set_outcome


@DOSSIER.action("receive")
def receive(user, submission: Submission, today: datetime.date | None = None) -> Step:
    today = today or timezone.localdate()
    days = int(parameter(ParameterKey.APPRAISAL_WORKING_DAYS, today))
    submission.received_at = timezone.now()
    submission.due_on = add_working_days(today, days)
    return Step(note=lambda: _("Appraisal due on %(date)s (%(days)s working days).") % {
        "date": submission.due_on.strftime("%d/%m/%Y"), "days": days})


@DOSSIER.action("assign")
def assign(user, submission: Submission, officer) -> Step:
    if not is_board(officer):
        raise ValidationError(_("Dossiers can be assigned only to Board officers."))
    submission.officer = officer
    return Step(note=officer.get_full_name() or officer.username)


@DOSSIER.action("return_to_unit")
def return_to_unit(user, submission: Submission, reason: str, today: datetime.date | None = None) -> Step:
    """Send a dossier back before appraisal (at reception or once assigned), with what the unit must do."""
    reason = clean_text(reason)  # trimmed too
    if not reason:
        raise ValidationError(_("Say what the unit must complete or correct."))
    today = today or timezone.localdate()
    days = int(parameter(ParameterKey.RESUBMIT_WORKING_DAYS, today))
    submission.due_on = add_working_days(today, days)
    return Step(note=reason, event="return")


def last_return(submission: Submission) -> WorkflowEvent | None:
    """The step that last sent the dossier back to its unit (a return at reception or the appraisal's), with its
    reason: a returned dossier shows it at the top, where the unit starts work."""
    return submission.events.filter(to_status=Status.RETURNED).select_related("actor").order_by("-at", "-pk").first()


def bulk(user, submissions: Iterable[Submission], action: str, **data) -> tuple[int, list[str]]:
    """Take ``action`` of the table on several dossiers, each in its own transaction, through the same engine as
    one dossier's page. Returns (done, errors)."""
    done, errors = 0, []
    for submission in submissions:
        try:
            DOSSIER.take(action, user, submission, **data)
            done += 1
        except ValidationError as exc:
            errors.append(f"{submission.title}: {' '.join(exc.messages)}")
    return done, errors


@DOSSIER.action("appraise")
def appraise(user, submission: Submission, verdicts: dict[int, tuple[str, str]]) -> Step:
    """``verdicts``: nominee id -> (Appraisal value, reason). Every nominee needs a verdict;
    any "incomplete" returns the dossier to the unit."""
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
        return Step(to=Status.RETURNED, note=summary, event="return")
    if all(v == Appraisal.NOT_ELIGIBLE for v, _r in verdicts.values()):
        return Step(to=Status.CLOSED, note=summary, event="reject")
    return Step(to=Status.APPRAISED, note=summary)


@DOSSIER.action("open_public_comment")
def open_public_comment(user, submission: Submission, today: datetime.date | None = None) -> Step:
    today = today or timezone.localdate()
    days = int(parameter(ParameterKey.PUBLIC_COMMENT_DAYS, today))
    submission.public_comment_until = today + datetime.timedelta(days=days)
    return Step(note=lambda: _("Public comment until %(date)s.") % {
        "date": submission.public_comment_until.strftime("%d/%m/%Y")})


@transaction.atomic
def create_meeting(user, *, held_on: datetime.date, title: str = "") -> CouncilMeeting:
    """A Council meeting the Board puts dossiers before: the open one of that day and title if there is one (two
    officers sending dossiers to the same new meeting at once share it)."""
    send_to_council.transition.permission.require(user)
    meeting, _created = CouncilMeeting.objects.get_or_create(
        held_on=held_on, title=title or _("Meeting of the Emulation and Commendation Council"), is_closed=False)
    return meeting


@DOSSIER.action("to_council")
def send_to_council(user, submission: Submission, meeting: CouncilMeeting | None = None, *,
                    new_meeting_date: datetime.date | None = None, new_meeting_title: str = "",
                    today: datetime.date | None = None) -> Step:
    """Put the dossier before ``meeting``, or before the open meeting of ``new_meeting_date`` (made if none). Every
    check comes before the meeting is made: a refused step leaves no meeting behind (and the engine's transaction
    would roll it back anyway)."""
    held_on = meeting.held_on if meeting is not None else new_meeting_date
    if held_on is None:
        raise ValidationError(_("Choose a meeting or give the date of a new one."))
    if held_on.year < submission.year:
        raise ValidationError({"meeting" if meeting is not None else "new_meeting_date": _(
            "The meeting of %(date)s is before the year of the achievements (%(year)s).") % {
            "date": short_date(held_on), "year": submission.year}})
    if meeting is not None and meeting.is_closed:
        raise ValidationError(_("Voting at this meeting is closed."))
    if meeting is None:
        meeting = create_meeting(user, held_on=new_meeting_date, title=new_meeting_title)
    submission.meeting = meeting
    return Step(note=str(meeting))


def _reason(reason: str) -> str:
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the dossier is reopened.")})
    return reason


@DOSSIER.action("reopen_appraisal")
def reopen_appraisal(user, submission: Submission, reason: str) -> Step:
    """The Board's way back to the appraisal (issue 33): the dossier goes back to its officer, the verdicts stay as
    the form's starting point, the nominees it refused are pending again. The reason is in the trail."""
    reason = _reason(reason)
    _set_outcome(submission.nominees.filter(outcome=Outcome.REJECTED), Outcome.PENDING, user)
    return Step(note=reason, event="reopen")


@DOSSIER.action("reopen_vote")
def reopen_vote(user, submission: Submission, reason: str) -> Step:
    """The Board's way back to the Council (issue 33): a count done too early or wrongly is undone; the members'
    votes stay and may be changed, the outcomes are counted again by the next "Kiểm phiếu". The reason is in the
    trail."""
    reason = _reason(reason)
    if submission.meeting is None or submission.meeting.is_closed:
        raise ValidationError(_("Voting at this meeting is closed."))
    _set_outcome(submission.nominees.filter(outcome__in=(Outcome.PASSED, Outcome.FAILED)), Outcome.PENDING, user)
    return Step(note=reason, event="reopen")
