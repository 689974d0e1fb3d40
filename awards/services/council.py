"""The Council: meetings, its size and vote thresholds, votes and their count."""


from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.formats import number, short_date
from documents.numbering import next_number
from legal.models import Parameter
from organisation.models import User
from organisation.permissions import is_council
from organisation.roles import Role
from organisation.text import clean_text
from utilities.workflow import AuditRecord, Step, notes

from ..eligibility import release_initiatives
from ..models import (
    Appraisal,
    CouncilMeeting,
    CouncilVote,
    Nominee,
    Outcome,
    ParameterKey,
    Status,
    Submission,
    VoteChoice,
)
from ..workflow import DOSSIER


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


def threshold_day(meeting: CouncilMeeting | None) -> datetime.date:
    """The day whose thresholds apply: the Council meeting's date, not the day the votes are counted."""
    return meeting.held_on if meeting is not None else timezone.localdate()


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


def _may_vote(user, submission: Submission) -> Submission:
    """Lock the dossier and ask the table's row of the vote (``cast_votes``) whether ``user`` may vote on it now."""
    submission = DOSSIER.lock(submission)
    cast_votes.check(user, submission)
    return submission


@transaction.atomic
def cast_vote(user, nominee: Nominee, choice: str) -> CouncilVote:
    """One vote on one nominee (the page's per-nominee form, the API)."""
    _may_vote(user, nominee.submission)
    if nominee.appraisal != Appraisal.ELIGIBLE:
        raise ValidationError(_("Only nominees found eligible are put to the vote."))
    if choice not in VoteChoice.values:
        raise ValidationError(_("Choose in favour, against or abstain."))
    before = CouncilVote.objects.select_for_update().filter(nominee=nominee, member=user).values_list(
        "choice", flat=True).first()
    vote, _created = CouncilVote.objects.update_or_create(nominee=nominee, member=user, defaults={"choice": choice})
    vote.changed = _changed(nominee, before, choice) if before not in (None, choice) else ""
    return vote


@dataclass(frozen=True)
class Ballot:
    """What a member's votes on a dossier did (issue 33: a vote is never overwritten silently): the votes recorded,
    the earlier votes they changed ("name: before → after"), and the nominees left as voted."""

    recorded: int
    changed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


def _changed(nominee: Nominee, before: str, after: str) -> str:
    return f"{nominee.name}: {VoteChoice(before).label} → {VoteChoice(after).label}"


@DOSSIER.action("vote")
def cast_votes(user, submission: Submission, choices: dict[int, str], *, keep_existing: bool = False) -> Step:
    """A member's votes on several nominees of one dossier at once ("biểu quyết tất cả"): all are recorded or,
    on any error (which names the nominee), none. ``keep_existing`` ("Đồng ý tất cả"): only the nominees this member
    has not voted on yet get ``choices``' vote; the others keep theirs. A vote that replaces a different one is
    named in the result. The ballot is not in the dossier's trail (the tally is)."""
    nominees = {n.pk: n for n in submission.nominees.filter(appraisal=Appraisal.ELIGIBLE)}
    if not choices:
        raise ValidationError(_("Choose a vote for at least one nominee."))
    earlier = dict(CouncilVote.objects.select_for_update().filter(nominee__in=list(nominees), member=user)
                   .values_list("nominee_id", "choice"))
    recorded, changed, kept = 0, [], []
    for nominee_id, choice in choices.items():
        nominee = nominees.get(nominee_id)
        if nominee is None:
            raise ValidationError(_("Only nominees found eligible are put to the vote."))
        if choice not in VoteChoice.values:
            raise ValidationError(_("%(name)s: choose in favour, against or abstain.") % {"name": nominee.name})
        before = earlier.get(nominee_id)
        if before is not None and keep_existing:
            kept.append(nominee.name)
            continue
        if before is not None and before != choice:
            changed.append(_changed(nominee, before, choice))
        CouncilVote.objects.update_or_create(nominee=nominee, member=user, defaults={"choice": choice})
        recorded += 1
    return Step(save=False, audit=False, result=Ballot(recorded, tuple(changed), tuple(kept)))


@transaction.atomic
def record_written_vote(user, nominee: Nominee, member, choice: str) -> CouncilVote:
    """An absent member's written vote, entered by a Board officer (Decree 98/2023 Art 30.7)."""
    close_vote.transition.permission.require(user, nominee.submission)
    _may_vote(member, nominee.submission)
    if not is_council(member):
        raise ValidationError(_("Only members of the Council vote."))
    if nominee.appraisal != Appraisal.ELIGIBLE:
        raise ValidationError(_("Only nominees found eligible are put to the vote."))
    if choice not in VoteChoice.values:
        raise ValidationError(_("Choose in favour, against or abstain."))
    vote, _created = CouncilVote.objects.update_or_create(
        nominee=nominee, member=member, defaults={"choice": choice, "in_writing": True, "recorded_by": user})
    return vote


@DOSSIER.action("close_vote")
def close_vote(user, submission: Submission) -> Step:
    """Count the votes per nominee; a nominee passes with more than the threshold share in favour."""
    # The submission row is locked, which serialises every change to its nominees.
    eligible = list(submission.nominees.filter(appraisal=Appraisal.ELIGIBLE).select_related("award_type")
                    .with_vote_counts())
    missing = [n.name for n in eligible if n.yes + n.no + n.abstain == 0]
    if missing:
        raise ValidationError(_("Every eligible nominee needs at least one vote; none yet for: %(names)s.") % {
            "names": ", ".join(missing)})
    members = council_size(submission.meeting)
    rules = vote_rules({n.award_type for n in eligible}, threshold_day(submission.meeting))
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
    passed = any(n.outcome == Outcome.PASSED for n in eligible)
    if passed and not submission.board_report_number:
        # The Board sends its tờ trình to the Chairman now: numbered and dated once, printed as stored.
        submission.board_report_on = timezone.localdate()
        submission.board_report_number = next_number("board_report", submission.board_report_on.year)
    return Step(to=Status.VOTED if passed else Status.CLOSED, note=lines, event="vote")


@DOSSIER.action("redate_meeting")
def redate_meeting(user, submission: Submission, *, held_on: datetime.date, reason: str) -> Step:
    """Correct the date of the dossier's Council meeting, with a reason (issue 33): the way out of a vote that
    cannot be counted yet (a meeting dated in the future by mistake) or a decision no date can follow. The meeting
    moves for every dossier before it, and each one's trail says so."""
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the meeting's date changes.")})
    meeting = CouncilMeeting.objects.select_for_update().get(pk=submission.meeting_id)
    before = meeting.held_on
    if held_on == before:
        raise ValidationError({"held_on": _("The meeting is already dated %(date)s.") % {"date": short_date(held_on)}})
    others = list(Submission.objects.select_for_update(of=("self",)).filter(meeting=meeting).exclude(
        pk=submission.pk).order_by("pk"))
    if held_on.year < max([submission.year, *(s.year for s in others)]):
        raise ValidationError({"held_on": _("The meeting of %(date)s is before the year of the achievements "
                                            "(%(year)s).") % {"date": short_date(held_on), "year": submission.year}})
    counted = [s for s in (submission, *others) if not close_vote.is_in(s)]
    if counted and held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The votes of this meeting were already counted: it cannot be dated in "
                                            "the future.")})
    decided = [s for s in (submission, *others) if s.decisions.filter(issued_on__lt=held_on).exists()]
    if decided:
        raise ValidationError({"held_on": _("A decision following this meeting is dated before %(date)s.") % {
            "date": short_date(held_on)}})
    if CouncilMeeting.objects.filter(held_on=held_on, title=meeting.title, is_closed=False).exclude(
            pk=meeting.pk).exists():
        raise ValidationError({"held_on": _("Another open meeting of that day has the same title; put the dossier "
                                            "before it instead.")})
    meeting.held_on = held_on
    meeting.save(update_fields=["held_on"])

    def note():
        return _("Meeting re-dated from %(before)s to %(after)s: %(reason)s") % {
            "before": short_date(before), "after": short_date(held_on), "reason": reason}

    text, english = notes(note)
    for other in others:  # the same record in each dossier before the meeting
        DOSSIER.audit(AuditRecord(DOSSIER.name, "redate_meeting", other, user, other.status, other.status, text,
                                  english))
    return Step(save=False, note=note)
