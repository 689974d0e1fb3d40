"""The document set of an award round, as drafts the records clerk (văn thư) issues: the Board's tờ trình to the
Chairman (nominees and the appraisal result), and the Council meeting's minutes and ballot tally (biên bản họp,
biên bản kiểm phiếu: members, who was present, votes per nominee, the threshold applied). Decree 30/2020 layout,
like the decisions (awards/documents.py)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from documents.pdf import render_pdf
from legal import bases
from legal.models import Paper

from . import priority
from .models import Appraisal, CouncilMeeting, CouncilVote, Nominee, Submission
from .services import council_size, vote_rules


def submission_report_pdf(submission: Submission) -> bytes:
    """Tờ trình of the Board to the Chairman: every nominee with the award proposed and the appraisal result."""
    nominees = list(submission.nominees.select_related("award_type", "person").order_by("award_type__order", "id"))
    eligible = [n for n in nominees if n.appraisal == Appraisal.ELIGIBLE]
    return render_pdf("awards/pdf/submission_report.html", {
        "submission": submission, "nominees": nominees, "eligible": eligible,
        "not_eligible": [n for n in nominees if n.appraisal == Appraisal.NOT_ELIGIBLE],
        "verdicts": dict(Appraisal.choices),
        # The bases in force on the submission's date (a draft not yet sent: today's).
        "bases": bases.in_force(Paper.SUBMISSION_REPORT, submission.board_report_on or timezone.localdate())})


def _tally(meeting: CouncilMeeting) -> dict:
    members = council_size(meeting)
    nominees = list(Nominee.objects.filter(submission__meeting=meeting, appraisal=Appraisal.ELIGIBLE).select_related(
        "award_type", "submission__unit", "person").with_vote_counts().annotate(
        written=Count("votes", filter=Q(votes__in_writing=True))).order_by("submission_id", "award_type__order", "id"))
    # By award and votes in favour; equal candidates with women's priority first, and the tally says so.
    preferences = priority.apply(nominees, meeting.held_on)
    rules = vote_rules({n.award_type for n in nominees}, meeting.held_on)
    for nominee in nominees:
        cast = nominee.yes + nominee.no + nominee.abstain
        nominee.passes, nominee.rule = rules[nominee.award_type_id].judge(nominee.yes, cast, members)
        nominee.share = round(nominee.yes * 100 / members, 1) if members else None
    votes = CouncilVote.objects.filter(nominee__submission__meeting=meeting)
    present = votes.filter(in_writing=False).values("member").distinct().count()
    in_writing = votes.filter(in_writing=True).values("member").distinct().count()
    return {"meeting": meeting, "members": members,
            "bases": bases.in_force(Paper.BALLOT_TALLY, meeting.held_on), "present": present, "in_writing": in_writing,
            "nominees": nominees, "submissions": Submission.objects.filter(meeting=meeting).select_related("unit"),
            "passed": sum(1 for n in nominees if n.passes), "preferences": preferences}


def meeting_minutes_pdf(meeting: CouncilMeeting) -> bytes:
    return render_pdf("awards/pdf/meeting_minutes.html", _tally(meeting))


def ballot_tally_pdf(meeting: CouncilMeeting) -> bytes:
    return render_pdf("awards/pdf/ballot_tally.html", _tally(meeting))
