"""The nomination workflow. Every transition:

1. checks the actor's role (and unit) and the dossier's state,
2. locks the submission row (``select_for_update``),
3. changes it and writes an append-only ``WorkflowEvent``,
4. queues notifications to the submitting unit (the task leaves once the transaction commits: TransactionAwareTask).

Views call these functions and nothing else changes a dossier's state.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from documents.formats import number
from documents.numbering import next_number
from legal.calendar import add_working_days, parameter
from legal.models import AwardType, Parameter
from organisation.models import Person, Unit, User
from organisation.permissions import is_board, is_council, require_unit_actor
from organisation.roles import Role
from organisation.text import clean_text

from . import authority, bonus, eligibility, fairness, fund, outbox
from .eligibility import consume_initiatives, release_initiatives
from .models import (
    Appraisal,
    Attachment,
    AttachmentKind,
    CommendationType,
    CouncilMeeting,
    CouncilVote,
    Decision,
    DecisionKind,
    Nominee,
    Outcome,
    ParameterKey,
    Status,
    Submission,
    VoteChoice,
    WorkflowEvent,
)
from .tasks import notify_submission_change
from .workflow import DOSSIER, needs_public_comment

__all__ = ["needs_public_comment"]  # re-exported: pages and the API ask services, not the table's helpers


# --- helpers -----------------------------------------------------------------

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


# --- drafting (unit staff) ----------------------------------------------------

@transaction.atomic
def create_submission(user, *, unit: Unit, **fields) -> Submission:
    require_unit_actor(user, unit)
    submission = Submission(unit=unit, created_by=user, status=Status.DRAFT, **_clean_header(fields))
    submission._history_user = user
    submission.save()
    WorkflowEvent.objects.create(submission=submission, actor=user, action="create", to_status=Status.DRAFT)
    return submission


HEADER_FIELDS = ("title", "reference", "round_kind", "year", "movement", "commendation_type", "special_category")


def _clean_header(fields: dict) -> dict:
    """The header's typed texts without bidi controls or zero-width characters (organisation.text.clean_text)."""
    return {name: clean_text(value or "") if name in ("title", "reference") else value
            for name, value in fields.items()}


@transaction.atomic
def update_submission(user, submission: Submission, **fields) -> Submission:
    """Correct the dossier's header (title, number, round, year, movement, type) while the unit may still edit it;
    the unit stays as created. The audit trail names the fields changed."""
    submission = _lock(submission)
    _require_editable(user, submission)
    changed = []
    fields = _clean_header(fields)
    for name in HEADER_FIELDS:
        if name in fields and getattr(submission, name) != fields[name]:
            setattr(submission, name, fields[name])
            changed.append(name)
    if changed:
        submission._history_user = user
        submission.save()
        note, note_en = _notes(lambda: ", ".join(str(Submission._meta.get_field(f).verbose_name) for f in changed))
        WorkflowEvent.objects.create(submission=submission, actor=user, action="edit", from_status=submission.status,
                                     to_status=submission.status, note=note, note_en=note_en)
    return submission


def _require_editable(user, submission: Submission) -> None:
    DOSSIER["edit"].permission.require(user, submission)
    if not DOSSIER.is_in("edit", submission):
        raise ValidationError(_("The dossier was sent; it can be changed only if the Board returns it."))


def _check_nominee(award_type: AwardType, subject: str, person, collective_unit, submission: Submission) -> None:
    if award_type.subject != subject:
        raise ValidationError({"award_type": _("“%(award)s” is for a %(subject)s.") % {
            "award": award_type.name, "subject": award_type.get_subject_display().lower()}})
    # Every reference, whatever the subject (a household's person too), lies inside the submitting unit: the
    # eligibility check then reads only that unit's records.
    if person is not None and not person.unit.path.startswith(submission.unit.path):
        raise ValidationError({"person": _("The person does not belong to the submitting unit.")})
    if collective_unit is not None and not collective_unit.path.startswith(submission.unit.path):
        raise ValidationError({"collective_unit": _("The collective does not belong to the submitting unit.")})


@transaction.atomic
def save_nominee(user, submission: Submission, *, nominee: Nominee | None = None, subject: str, name: str,
                 award_type: AwardType, achievement_summary: str, achievement_report: str = "",
                 person: Person | None = None, collective_unit: Unit | None = None, is_posthumous: bool = False,
                 martyrs_count: int | None = None, service_period: str = "") -> Nominee:
    submission = _lock(submission)
    _require_editable(user, submission)
    _check_nominee(award_type, subject, person, collective_unit, submission)
    refusal = authority.not_for_the_city(award_type, timezone.localdate())
    if refusal:
        raise ValidationError({"award_type": refusal})
    if nominee is None:
        nominee = Nominee(submission=submission)
    elif nominee.submission_id != submission.pk:
        raise PermissionDenied
    nominee.subject, nominee.name, nominee.award_type = subject, clean_text(name), award_type
    nominee.person, nominee.collective_unit = person, collective_unit
    nominee.achievement_summary = clean_text(achievement_summary)
    nominee.achievement_report = clean_text(achievement_report)
    nominee.is_posthumous, nominee.martyrs_count, nominee.service_period = is_posthumous, martyrs_count, service_period
    if nominee.appraisal == Appraisal.INCOMPLETE:
        nominee.appraisal = Appraisal.PENDING  # corrected: appraise again
    nominee._history_user = user
    nominee.save()
    return nominee


@transaction.atomic
def remove_nominee(user, nominee: Nominee) -> None:
    submission = _lock(nominee.submission)
    _require_editable(user, submission)
    nominee.delete()


@transaction.atomic
def add_attachment(user, submission: Submission, *, kind: str, upload, nominee: Nominee | None = None) -> Attachment:
    submission = _lock(submission)
    _require_editable(user, submission)
    return Attachment.objects.create(submission=submission, nominee=nominee, kind=kind, file=upload,
                                     original_name=clean_text(upload.name)[:255], uploaded_by=user)


def missing_documents(submission: Submission) -> list[str]:
    """Documents the awards proposed require but the dossier lacks (not for ad hoc awards)."""
    if submission.commendation_type == CommendationType.AD_HOC:
        return []
    present = set(submission.attachments.values_list("kind", flat=True))
    needed: dict[str, str] = {}
    labels = dict(AttachmentKind.choices)
    for award in AwardType.objects.filter(nominees__submission=submission).distinct():
        for kind in award.required_attachments:
            if kind not in present:
                needed[kind] = str(labels.get(kind, kind))
    return sorted(needed.values())


@transaction.atomic
def submit(user, submission: Submission) -> Submission:
    submission = _begin("submit", user, submission)
    if not submission.nominees.exists():
        raise ValidationError(_("Add at least one nominee before sending the dossier."))
    missing = missing_documents(submission)
    if missing:
        raise ValidationError(_("The dossier lacks: %(documents)s.") % {"documents": "; ".join(missing)})
    resubmission = submission.status == Status.RETURNED
    submission.submitted_at = timezone.now()
    for nominee in submission.nominees.select_related("award_type", "person", "collective_unit", "submission"):
        eligibility.reserve_initiatives(nominee)  # held for this dossier until it is decided or refused
        eligibility.record(nominee)  # shown to the unit and the Board; the officer decides
    return _move(submission, user, "submit", Status.SUBMITTED, event="resubmit" if resubmission else "submit")


# --- the Board ----------------------------------------------------------------------

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


# --- the Council ------------------------------------------------------------------

def council_size(meeting: CouncilMeeting | None) -> int:
    """All members of the Council, present or not: the meeting's recorded number, else the active accounts."""
    if meeting is not None and meeting.member_count:
        return meeting.member_count
    return User.objects.filter(is_active=True, groups__name=Role.COUNCIL_MEMBER).distinct().count()


@dataclass(frozen=True)
class VoteRule:
    """Decree 98/2023 Art 30.7 for one award on one day: at least a share of *all* members (``of_members``: ≥ 90 %
    for Chiến sĩ thi đua cấp tỉnh / toàn quốc, ≥ 80 % for Cờ thi đua, …), otherwise more than the general share of
    the votes cast (``share``). Both are legal parameters."""

    of_members: Decimal | None
    share: Decimal | None
    day: datetime.date

    def judge(self, yes: int, cast: int, members: int) -> tuple[bool, str]:
        """(passes, the rule applied in words, in the active language)."""
        if self.of_members is not None:
            needed = Decimal(members) * self.of_members
            return Decimal(yes) >= needed, _("needs %(share)s%% of all %(members)s members (%(needed)s)") % {
                "share": number(self.of_members * 100), "members": members, "needed": number(needed)}
        if self.share is None:
            raise ImproperlyConfigured(f"No legal parameter {ParameterKey.VOTE_PASS_SHARE!r} in force on "
                                       f"{self.day:%d/%m/%Y}.")
        return Decimal(yes) > self.share * cast, _("needs more than %(share)s%% of %(cast)s votes cast") % {
            "share": number(self.share * 100), "cast": cast}


def vote_rules(award_types, day: datetime.date) -> dict[int, VoteRule]:
    """{award type id: its VoteRule on ``day``} for many awards in one query (a row for the award wins over the
    general one, the latest in force first — as ``legal.calendar.parameter`` chooses)."""
    rows = list(Parameter.objects.in_force(day).filter(key__in=[
        ParameterKey.VOTE_SHARE_OF_MEMBERS, ParameterKey.VOTE_PASS_SHARE]).order_by("-effective_from"))

    def first(key, award_type_id):
        return next((r.value for r in rows if r.key == key and r.award_type_id == award_type_id), None)

    general = first(ParameterKey.VOTE_PASS_SHARE, None)
    result = {}
    for award_type in award_types:
        share = first(ParameterKey.VOTE_PASS_SHARE, award_type.pk)
        result[award_type.pk] = VoteRule(first(ParameterKey.VOTE_SHARE_OF_MEMBERS, award_type.pk),
                                         share if share is not None else general, day)
    return result


def vote_passes(award_type, yes: int, cast: int, members: int, day: datetime.date) -> tuple[bool, str]:
    """Does a nominee for ``award_type`` pass with ``yes`` of ``cast`` votes, the Council having ``members``?"""
    return vote_rules([award_type], day)[award_type.pk].judge(yes, cast, members)


@transaction.atomic
def create_meeting(user, *, held_on: datetime.date, title: str = "") -> CouncilMeeting:
    """A Council meeting the Board puts dossiers before: the open one of that day and title if there is one (two
    officers sending dossiers to the same new meeting at once share it)."""
    DOSSIER["to_council"].permission.require(user)
    meeting, _created = CouncilMeeting.objects.get_or_create(
        held_on=held_on, title=title or _("Meeting of the Emulation and Commendation Council"), is_closed=False)
    return meeting


@transaction.atomic
def cast_vote(user, nominee: Nominee, choice: str) -> CouncilVote:
    _begin("vote", user, nominee.submission)
    if nominee.appraisal != Appraisal.ELIGIBLE:
        raise ValidationError(_("Only nominees found eligible are put to the vote."))
    if choice not in VoteChoice.values:
        raise ValidationError(_("Choose in favour, against or abstain."))
    vote, _created = CouncilVote.objects.update_or_create(nominee=nominee, member=user, defaults={"choice": choice})
    return vote


@transaction.atomic
def cast_votes(user, submission: Submission, choices: dict[int, str]) -> int:
    """A member's votes on several nominees of one dossier at once ("biểu quyết tất cả"): all are recorded or,
    on any error (which names the nominee), none."""
    submission = _begin("vote", user, submission)
    nominees = {n.pk: n for n in submission.nominees.filter(appraisal=Appraisal.ELIGIBLE)}
    if not choices:
        raise ValidationError(_("Choose a vote for at least one nominee."))
    for nominee_id, choice in choices.items():
        nominee = nominees.get(nominee_id)
        if nominee is None:
            raise ValidationError(_("Only nominees found eligible are put to the vote."))
        if choice not in VoteChoice.values:
            raise ValidationError(_("%(name)s: choose in favour, against or abstain.") % {"name": nominee.name})
        CouncilVote.objects.update_or_create(nominee=nominee, member=user, defaults={"choice": choice})
    return len(choices)


@transaction.atomic
def record_written_vote(user, nominee: Nominee, member, choice: str) -> CouncilVote:
    """An absent member's written vote, entered by a Board officer (Decree 98/2023 Art 30.7)."""
    DOSSIER["close_vote"].permission.require(user, nominee.submission)
    _begin("vote", member, nominee.submission)
    if not is_council(member):
        raise ValidationError(_("Only members of the Council vote."))
    if nominee.appraisal != Appraisal.ELIGIBLE:
        raise ValidationError(_("Only nominees found eligible are put to the vote."))
    if choice not in VoteChoice.values:
        raise ValidationError(_("Choose in favour, against or abstain."))
    vote, _created = CouncilVote.objects.update_or_create(
        nominee=nominee, member=member, defaults={"choice": choice, "in_writing": True, "recorded_by": user})
    return vote


@transaction.atomic
def close_vote(user, submission: Submission) -> Submission:
    """Count the votes per nominee; a nominee passes with more than the threshold share in favour."""
    submission = _begin("close_vote", user, submission)
    # The submission row is locked, which serialises every change to its nominees.
    eligible = list(submission.nominees.filter(appraisal=Appraisal.ELIGIBLE).select_related("award_type")
                    .with_vote_counts())
    missing = [n.name for n in eligible if n.yes + n.no + n.abstain == 0]
    if missing:
        raise ValidationError(_("Every eligible nominee needs at least one vote; none yet for: %(names)s.") % {
            "names": ", ".join(missing)})
    today = timezone.localdate()
    members = council_size(submission.meeting)
    rules = vote_rules({n.award_type for n in eligible}, today)
    for nominee in eligible:
        total = nominee.yes + nominee.no + nominee.abstain
        passed, _rule = rules[nominee.award_type_id].judge(nominee.yes, total, members)
        nominee.votes_yes, nominee.votes_no, nominee.votes_abstain = nominee.yes, nominee.no, nominee.abstain
        nominee.outcome = Outcome.PASSED if passed else Outcome.FAILED
        nominee._history_user = user
        nominee.save()

    def lines():  # the rule applied, in the note's language
        return "; ".join(
            f"{n.name}: {n.yes}/{n.yes + n.no + n.abstain} – "
            f"{rules[n.award_type_id].judge(n.yes, n.yes + n.no + n.abstain, members)[1]} "
            f"({n.get_outcome_display()})" for n in eligible)

    release_initiatives([n for n in eligible if n.outcome == Outcome.FAILED])
    if not any(n.outcome == Outcome.PASSED for n in eligible):
        return _move(submission, user, "close_vote", Status.CLOSED, lines, event="vote")
    return _move(submission, user, "close_vote", Status.VOTED, lines, event="vote")


# --- decisions ----------------------------------------------------------------------

def _fmt(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _awards_changed() -> None:
    """The set of awards changed: statistics kept in the cache are counted again after the commit."""
    transaction.on_commit(fairness.forget)


def _check_decision_date(submission: Submission, issued_on: datetime.date) -> None:
    """A decision comes after the Council's vote (held at its meeting) and is not dated in the future or before
    the year of the achievements it rewards."""
    if issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("A decision cannot be dated in the future.")})
    if issued_on.year < submission.year:
        raise ValidationError({"issued_on": _("The decision of %(date)s is dated before the year of the achievements "
                                              "(%(year)s).") % {"date": _fmt(issued_on), "year": submission.year}})
    if submission.meeting_id and issued_on < submission.meeting.held_on:
        raise ValidationError({"issued_on": _("The decision of %(date)s is dated before the Council's vote of "
                                              "%(vote)s.") % {"date": _fmt(issued_on),
                                                              "vote": _fmt(submission.meeting.held_on)}})


@transaction.atomic
def issue_decision(user, submission: Submission, *, issued_on: datetime.date, signer_name: str,
                   signer_title: str = "Chủ tịch", override_reason: str = "", accept_overdraft: bool = False) -> Decision:
    """The Chairman's decision for the nominees the Council passed (city-level awards). A nominee the eligibility
    check no longer passes (its evidence changed since the appraisal) is awarded only with a recorded reason."""
    submission = _begin("decide", user, submission, issued_on)
    _check_decision_date(submission, issued_on)
    passed = [n for n in submission.nominees.select_for_update(of=("self",)).select_related("award_type").filter(
        outcome=Outcome.PASSED) if authority.is_city_award(n.award_type, issued_on)]
    if not passed:
        raise ValidationError(_("No nominee passed for an award the city Chairman decides on %(date)s.") % {
            "date": issued_on.strftime("%d/%m/%Y")})
    failing = [n for n in passed if eligibility.check(n, issued_on).result == eligibility.NOT_ELIGIBLE]
    if failing and not override_reason.strip():
        raise ValidationError({"override_reason": _(
            "The eligibility check no longer passes %(names)s: give the reason for awarding all the same, or take "
            "the nominee out of the decision.") % {"names": ", ".join(n.name for n in failing)}})
    year = issued_on.year
    bonuses = bonus.settle(passed, issued_on)
    total = sum((b.amount for b in bonuses.values() if b.known), Decimal(0))
    fund.require_funds(year, total, accept_overdraft)
    decision = Decision.objects.create(
        year=year, number=next_number("decision", year), kind=DecisionKind.AWARD, issued_on=issued_on,
        title=_("On awarding emulation titles and commendations: %(title)s") % {"title": submission.title},
        signer_name=signer_name, signer_title=signer_title, submission=submission, issued_by=user,
    )
    for nominee in passed:
        if nominee in failing:
            nominee.override_reason = override_reason.strip()
        consume_initiatives(nominee)
        bonus.apply(nominee, bonuses[nominee.pk])
        nominee.decision = decision
        nominee.outcome = Outcome.AWARDED
        nominee.golden_book_number = f"{next_number('golden_book', year)}/{year}"
        nominee.certificate_code = uuid.uuid4()
        nominee._history_user = user
        nominee.save()
    rejected = submission.nominees.filter(outcome=Outcome.FAILED)
    eligibility.release_initiatives(list(rejected))
    _set_outcome(rejected, Outcome.REJECTED, user)
    _set_outcome(submission.nominees.filter(outcome=Outcome.PASSED).exclude(pk__in=[n.pk for n in passed]),
                 Outcome.FORWARDED, user)
    fund.spend_for_decision(user, decision, total)
    unknown = [n.name for n in passed if not bonuses[n.pk].known]

    def note():
        text = _("Decision No. %(code)s") % {"code": decision.code}
        text += "; " + _("bonuses %(total)s đ") % {"total": number(total)}
        if unknown:
            text += "; " + _("no bonus amount recorded for %(names)s") % {"names": ", ".join(unknown)}
        if failing:
            text += "; " + _("awarded against the eligibility check: %(names)s (%(reason)s)") % {
                "names": ", ".join(n.name for n in failing), "reason": override_reason.strip()}
        return text

    _move(submission, user, "decide", Status.DECIDED, note)
    _awards_changed()
    return decision


@transaction.atomic
def forward_to_central(user, submission: Submission, note: str = "") -> Submission:
    submission = _begin("forward", user, submission)
    _set_outcome(submission.nominees.filter(outcome=Outcome.PASSED), Outcome.FORWARDED, user)
    return _move(submission, user, "forward", Status.FORWARDED, note)


@transaction.atomic
def revoke(user, nominee: Nominee, *, grounds: str, issued_on: datetime.date, signer_name: str) -> Decision:
    DOSSIER["revoke"].permission.require(user, nominee.submission)
    nominee = Nominee.objects.select_for_update(of=("self",)).select_related("decision").get(pk=nominee.pk)
    if nominee.outcome != Outcome.AWARDED or nominee.is_revoked:
        raise ValidationError(_("Only an award in force can be revoked."))
    if not grounds.strip():
        raise ValidationError({"grounds": _("State the grounds for revocation.")})
    if issued_on > timezone.localdate() or issued_on < nominee.decision.issued_on:
        raise ValidationError({"issued_on": _("The revocation is dated between the award's decision (%(date)s) and "
                                              "today.") % {"date": _fmt(nominee.decision.issued_on)}})
    year = issued_on.year
    decision = Decision.objects.create(
        year=year, number=next_number("decision", year), kind=DecisionKind.REVOCATION, issued_on=issued_on,
        title=_("On revoking the award to %(name)s") % {"name": nominee.name}, signer_name=signer_name,
        signer_title="Chủ tịch", submission=nominee.submission, revokes=nominee.decision, issued_by=user,
    )
    nominee.revoked_by, nominee.revocation_grounds = decision, grounds.strip()
    nominee._history_user = user
    nominee.save()
    WorkflowEvent.objects.create(submission=nominee.submission, actor=user, action="revoke",
                                 from_status=nominee.submission.status, to_status=nominee.submission.status,
                                 note=f"{nominee.name}: {grounds.strip()} ({decision.code})")
    _awards_changed()
    return decision


@transaction.atomic
def record_recovery(user, nominee: Nominee, *, certificate_recovered: bool, bonus_recovered, recovered_on):
    DOSSIER["record_recovery"].permission.require(user, nominee.submission)
    nominee = Nominee.objects.select_for_update(of=("self",)).select_related("decision", "revoked_by").get(
        pk=nominee.pk)
    if not nominee.is_revoked:
        raise ValidationError(_("Recovery is recorded only for a revoked award."))
    bonus_recovered = Decimal(bonus_recovered or 0)
    if bonus_recovered < nominee.bonus_recovered:
        raise ValidationError({"bonus_recovered": _(
            "%(before)s đ were already recorded as recovered; the total recovered does not go down (correct a "
            "mistake with a reversing entry in the fund's ledger).") % {"before": number(nominee.bonus_recovered)}})
    if nominee.bonus_amount is not None and bonus_recovered > nominee.bonus_amount:
        raise ValidationError({"bonus_recovered": _(
            "The award paid %(paid)s đ; no more than that is recovered.") % {"paid": number(nominee.bonus_amount)}})
    fund.record_recovery(user, nominee, bonus_recovered - nominee.bonus_recovered,
                         recovered_on or timezone.localdate())
    nominee.certificate_recovered, nominee.bonus_recovered, nominee.recovered_on = (
        certificate_recovered, bonus_recovered, recovered_on)
    nominee._history_user = user
    nominee.save()
    return nominee


@transaction.atomic
def record_central_result(user, nominee: Nominee, *, awarded: bool, decision: str) -> Nominee:
    """The Prime Minister's or the President's decision on a nominee the city forwarded, once it comes back."""
    DOSSIER["record_central_result"].permission.require(user, nominee.submission)
    nominee = Nominee.objects.select_for_update(of=("self",)).select_related("submission").get(pk=nominee.pk)
    if nominee.outcome != Outcome.FORWARDED:
        raise ValidationError(_("Only a nominee forwarded to the central level waits for its result."))
    if not decision.strip():
        raise ValidationError({"decision": _("Give the number and date of the central decision.")})
    nominee.outcome = Outcome.AWARDED if awarded else Outcome.REJECTED
    nominee.external_decision = decision.strip()[:120]
    nominee._history_user = user
    nominee.save()
    note, note_en = _notes(lambda: f"{nominee.name}: {nominee.get_outcome_display()} ({decision})")
    WorkflowEvent.objects.create(
        submission=nominee.submission, actor=user, action="central_result", from_status=nominee.submission.status,
        to_status=nominee.submission.status, note=note, note_en=note_en)
    _awards_changed()
    return nominee
