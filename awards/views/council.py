"""The Council's pages: the members' ballot and the tally."""


from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisation.permissions import (
    can_open_council,
    is_council,
)
from utilities.forms import (
    posted_action,
    run_service,
)

from .. import (
    forms,
    priority,
    services,
)
from ..models import (
    Appraisal,
    CouncilVote,
    Nominee,
    Submission,
    VoteChoice,
)

# --- the Council -----------------------------------------------------------------------------------------

def council(request, posted=None):
    """The Council's page; ``posted``: a refused ballot's choices {nominee id: choice}, shown as they were typed."""
    can_open_council.require(request.user)
    submissions = Submission.objects.filter(status__in=services.cast_votes.transition.sources).select_related(
        "unit", "meeting").prefetch_related(
        Prefetch("nominees", queryset=Nominee.objects.filter(appraisal=Appraisal.ELIGIBLE).select_related(
            "award_type", "person").with_vote_counts().prefetch_related(
            Prefetch("votes", queryset=CouncilVote.objects.filter(member=request.user), to_attr="my_votes")),
            to_attr="eligible"))
    submissions = list(submissions)
    # The tally as it stands, before "Kiểm phiếu": votes per choice and what the count would decide now (the
    # rules of every award on the page in one query).
    awards, by_day, sizes = {n.award_type for s in submissions for n in s.eligible}, {}, {}
    for submission in submissions:
        members = sizes.setdefault(submission.meeting_id, services.council_size(submission.meeting))
        day = services.threshold_day(submission.meeting)  # the thresholds of the meeting's date
        if day not in by_day:
            by_day[day] = services.vote_rules(awards, day)
        rules = by_day[day]
        for nominee in submission.eligible:
            mine = nominee.my_votes[0].choice if nominee.my_votes else ""
            nominee.shown_choice = (posted or {}).get(nominee.pk, mine)
            nominee.vote_count = nominee.yes + nominee.no + nominee.abstain
            nominee.passes_now, nominee.rule_now = rules[nominee.award_type_id].judge(
                nominee.yes, nominee.vote_count, members)
        submission.members = members
    _women_priority(submissions)
    return render(request, "awards/council.html", {"submissions": submissions, "is_council": is_council(request.user),
                                                   "choices": VoteChoice.choices, "in_favour": VoteChoice.YES})


def _women_priority(submissions) -> None:
    """Each dossier's nominees in the order of the meeting's list: by award and votes in favour, equal candidates
    with women's priority first (awards/priority.py), each marked as the tally will state it."""
    meetings = {}
    for submission in submissions:
        meetings.setdefault(submission.meeting_id, (submission.meeting, []))[1].extend(submission.eligible)
    place = {}
    for meeting, nominees in meetings.values():
        priority.apply(nominees, services.threshold_day(meeting))
        place.update({n.pk: i for i, n in enumerate(nominees)})
    for submission in submissions:
        submission.eligible.sort(key=lambda n: place[n.pk])


@require_POST
def vote(request, nominee_pk):
    services.cast_votes.transition.permission.require(request.user)  # before the lookup: the answer tells nothing of the id
    nominee = get_object_or_404(Nominee.objects.select_related("submission"), pk=nominee_pk)
    form = forms.VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(name)s: choose in favour, against or abstain.") % {"name": nominee.name})
        return redirect(reverse("awards:council") + f"#dossier-{nominee.submission_id}")
    return posted_action(request, lambda data: services.cast_vote(request.user, nominee, data["choice"]),
                         back=reverse("awards:council") + f"#dossier-{nominee.submission_id}", form=form,
                         success=lambda vote: _("Vote changed for %(change)s.") % {"change": vote.changed}
                         if vote.changed else _("Vote recorded for %(name)s.") % {"name": nominee.name})


def _ballot_done(ballot) -> str:
    """The result of a ballot in words: the votes recorded, each earlier vote it changed, the votes left as they
    were ("In favour of all" never replaces a vote)."""
    text = _("%(n)s vote(s) recorded.") % {"n": ballot.recorded}
    if ballot.changed:
        text += " " + _("Changed: %(changes)s.") % {"changes": "; ".join(ballot.changed)}
    if ballot.kept:
        text += " " + _("Your earlier votes stay for: %(names)s (to change one, choose it and “Record my votes”).") % {
            "names": ", ".join(ballot.kept)}
    return text


@require_POST
def vote_all(request, pk):
    """One member's votes on every eligible nominee of a dossier: the choices ticked, or "in favour of all" (only
    the nominees this member has not voted on yet: a recorded vote is never replaced silently). A refused ballot
    shows the page again with the choices as ticked."""
    services.cast_votes.transition.permission.require(request.user)
    submission = get_object_or_404(Submission, pk=pk)
    ids = submission.nominees.filter(appraisal=Appraisal.ELIGIBLE).values_list("pk", flat=True)
    everyone = request.POST.get("all")
    choices = {pk: everyone if everyone else request.POST.get(f"choice_{pk}", "") for pk in ids}
    choices = {pk: choice for pk, choice in choices.items() if choice}
    ok, _ballot = run_service(request, lambda: services.cast_votes(request.user, submission, choices,
                                                                   keep_existing=bool(everyone)),
                              success=_ballot_done)
    if ok:
        return redirect(reverse("awards:council") + f"#dossier-{submission.pk}")
    return council(request, posted={} if everyone else choices)


