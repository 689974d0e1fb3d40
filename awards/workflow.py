"""The nomination dossier's workflow, as one table.

Every state a dossier can be in, every action between states, who may take it, its label and its form
are written here and nowhere else. ``awards.services`` asks ``DOSSIER.check(action, user, dossier)``
before changing anything; the dossier page shows ``DOSSIER.offered(user, dossier)``; the API's actions,
the tests' ``to_state`` helper and docs/workflows.md's diagram walk the same rows.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from core.audit import record
from documents import authority as signing_authorities
from documents.formats import number, short_date
from documents.models import SignedPaper
from organisation.permissions import acts_for_owner, is_board, is_council, is_records_clerk, is_signer, predicate
from utilities.workflow import Transition, Workflow

from .authority import is_city_award
from .bonus import preview
from .models.enums import EDITABLE_STATUSES, Appraisal, CommentStatus, Outcome, Status
from .models.signatures import SignatureStatus


def needs_public_comment(submission) -> bool:
    return submission.nominees.filter(appraisal=Appraisal.ELIGIBLE, award_type__requires_public_comment=True).exists()


def _no_public_comment_needed(submission, today):
    if not needs_public_comment(submission):
        return _("No award in this dossier requires public comment.")
    return None


def _council_not_yet(submission, today):
    if submission.status == Status.APPRAISED and needs_public_comment(submission):
        return _("Some awards need public comment on the portal before the Council.")
    if submission.status == Status.PUBLIC_COMMENT and today <= submission.public_comment_until:
        return _("The public comment period runs until %(date)s.") % {"date": short_date(submission.public_comment_until)}
    return None


def _passed(submission, central: bool, today) -> bool:
    """Has a nominee passed the Council for an award the city decides (central=False) or one it forwards?"""
    return any(is_city_award(n.award_type, today) != central
               for n in submission.nominees.filter(outcome=Outcome.PASSED).select_related("award_type"))


def _bonus_preview(submission) -> str:
    """What the decision would pay if issued today, and the fund's balance: the warning before an overdraft."""
    p = preview(submission, timezone.localdate())
    text = _("Bonuses if issued today: %(total)s đ for %(count)s awardees.") % {
        "total": number(p["total"]), "count": p["count"]}
    if p["unknown"]:
        text += " " + _("%(n)s of them have no bonus amount recorded for the date.") % {"n": p["unknown"]}
    text += " " + _("The fund of %(year)s holds %(balance)s đ.") % {"year": p["year"], "balance": number(p["balance"])}
    if p["after"] < 0:
        text += " " + _("Not enough: the balance would fall to %(after)s đ; issuing needs the confirmation below.") % {
            "after": number(p["after"])}
    return text


def _no_city_award(submission, today):
    if not _passed(submission, central=False, today=today):
        return _("No nominee passed for a city-level award; forward the dossier instead.")
    return None


def decision_date_unmet(submission, day: datetime.date) -> str | None:
    """The decision's date rule (issue 33): a decision is dated from the Council's meeting (where it voted) up to
    today, and not before the year of the achievements it rewards. None: ``day`` is a possible date."""
    if day > timezone.localdate():
        return _("A decision cannot be dated in the future.")
    if day.year < submission.year:
        return _("The decision of %(date)s is dated before the year of the achievements (%(year)s).") % {
            "date": short_date(day), "year": submission.year}
    if submission.meeting_id and day < submission.meeting.held_on:
        return _("The decision of %(date)s is dated before the Council's vote of %(vote)s.") % {
            "date": short_date(day), "vote": short_date(submission.meeting.held_on)}
    return None


def _decision_possible(submission, day):
    """The row ``decide``'s condition, on the day the decision is dated (today where a page asks)."""
    return decision_date_unmet(submission, day) or _no_city_award(submission, day)


def _meeting_held(submission, today):
    """A vote is counted once its meeting has taken place: the decision that follows is dated from the meeting on,
    so a count before it would leave a dossier no date can decide."""
    if submission.meeting_id and submission.meeting.held_on > today:
        return _("The Council meets on %(date)s; its votes are counted from that day (re-date the meeting if its "
                 "date is wrong).") % {"date": short_date(submission.meeting.held_on)}
    return None


def _counted(submission) -> bool:
    return submission.nominees.filter(outcome__in=(Outcome.PASSED, Outcome.FAILED)).exists()


def _vote_counted(submission, today):
    """``reopen_vote``: a dossier closed by the Council's count, not by its appraisal."""
    if not _counted(submission):
        return _("The Council has not counted a vote on this dossier.")
    return None


def _closed_by_appraisal(submission, today):
    """``reopen_appraisal``: an appraised dossier not yet before the Council, or one the appraisal closed."""
    if submission.status == Status.CLOSED and _counted(submission):
        return _("The Council's count closed this dossier; reopen the vote instead.")
    return None


def _city_award_pending(submission, today):
    if _passed(submission, central=False, today=today):
        return _("Issue the city's decision first for the city-level awards in this dossier.")
    return None


def _nothing_forwarded(submission, today):
    if not submission.nominees.filter(outcome=Outcome.FORWARDED).exists():
        return _("No nominee waits for a central decision.")
    return None


def _comment_until(submission):
    if submission.public_comment_until:
        return _("Public comment until %(date)s") % {"date": short_date(submission.public_comment_until)}
    return ""


def _meeting(submission):
    return str(submission.meeting) if submission.meeting_id else ""


def _today_initial(user):
    """Today, and the name of the decisions' designated signer (documents.SigningAuthority), which the signature's
    key must match."""
    initial = {"issued_on": timezone.localdate()}
    try:
        account = signing_authorities.for_kind(SignedPaper.DECISION, initial["issued_on"]).signer_account
    except ValidationError:
        return initial
    if account is not None and account.person_id:
        initial["signer_name"] = account.person.full_name
    return initial


def _self_initial(user):
    return {"officer": user.pk}


def _decision_issued(decision):
    return _("Decision No. %(code)s issued.") % {"code": decision.code}


def _decision_page(decision):
    return reverse("awards:decision_detail", args=[decision.pk])


S = Status
DOSSIER = Workflow("dossier", Status, initial=S.DRAFT, lock_related=("unit", "meeting"), wrong_state_message=gettext_lazy(
    "This action is not possible while the dossier is “%(status)s”."), transitions=[
    Transition("edit", EDITABLE_STATUSES, (), acts_for_owner, gettext_lazy("Prepare the dossier"),
               wrong_state=gettext_lazy("The dossier was sent; it can be changed only if the Board returns it.")),
    Transition("submit", (S.DRAFT, S.RETURNED), (S.SUBMITTED,), acts_for_owner, gettext_lazy("Send to the Board"),
               url_name="awards:submission_submit", path="gui", done=gettext_lazy("Dossier sent to the Board."),
               labels_by_source={
                   S.RETURNED: gettext_lazy("Resubmit to the Board")},
               confirm=gettext_lazy("Send the dossier to the Board? Once sent, the unit can change it only if the "
                                    "Board returns it.")),
    Transition("receive", (S.SUBMITTED,), (S.RECEIVED,), is_board, gettext_lazy("Receive"),
               url_name="awards:submission_receive", path="tiep-nhan", done=gettext_lazy("Dossier received."), bulk=True),
    Transition("return_to_unit", (S.SUBMITTED, S.RECEIVED, S.ASSIGNED), (S.RETURNED,), is_board,
               gettext_lazy("Return to the unit"), form="awards.forms.ReturnForm", url_name="awards:submission_return",
               path="tra-lai", done=gettext_lazy("Dossier returned to the unit."), style="outline-danger",
               api_input="awards.api.ReturnSerializer", api_path="return",
               confirm=gettext_lazy("Return the dossier to the unit? The unit sees the reason, completes the dossier "
                                    "within the set working days and sends it again.")),
    Transition("assign", (S.RECEIVED, S.ASSIGNED), (S.ASSIGNED,), is_board, gettext_lazy("Assign"),
               form="awards.forms.AssignForm", form_initial=_self_initial, url_name="awards:submission_assign",
               path="phan-cong", done=gettext_lazy("Dossier assigned."), style="outline-primary",
               api_input="awards.api.AssignSerializer", bulk=True),
    Transition("appraise", (S.ASSIGNED,), (S.APPRAISED, S.RETURNED, S.CLOSED), is_board, gettext_lazy("Appraise"),
               url_name="awards:submission_appraise", method="get", api_input="awards.api.AppraiseSerializer"),
    Transition("open_public_comment", (S.APPRAISED,), (S.PUBLIC_COMMENT,), is_board,
               gettext_lazy("Publish for public comment"), url_name="awards:submission_public_comment",
               path="lay-y-kien", done=gettext_lazy("Nominees published for public comment."),
               api_path="open-public-comment", condition=_no_public_comment_needed, hide_when_unmet=True),
    Transition("to_council", (S.APPRAISED, S.PUBLIC_COMMENT), (S.IN_COUNCIL,), is_board,
               gettext_lazy("Put before the Council"), form="awards.forms.MeetingForm",
               url_name="awards:submission_to_council", path="trinh-hoi-dong",
               done=gettext_lazy("Dossier put before the Council."), api_input="awards.api.ToCouncilSerializer",
               api_path="to-council", condition=_council_not_yet, detail=_comment_until),
    Transition("vote", (S.IN_COUNCIL,), (), is_council, gettext_lazy("Vote")),
    Transition("close_vote", (S.IN_COUNCIL,), (S.VOTED, S.CLOSED), is_board, gettext_lazy("Count the votes"),
               url_name="awards:submission_close_vote", path="kiem-phieu", done=gettext_lazy("Votes counted."),
               api_path="close-vote", detail=_meeting, held_notice=True, condition=_meeting_held,
               confirm=gettext_lazy("Close the vote and count it? Council members can no longer vote on this "
                                    "dossier.")),
    Transition("decide", (S.VOTED,), (S.DECIDED,), is_board, gettext_lazy("Issue the decision"),
               form="awards.forms.DecisionForm", form_initial=_today_initial, url_name="awards:submission_decide",
               path="quyet-dinh", done=_decision_issued, next_url=_decision_page,
               api_input="awards.api.DecideSerializer", style="success", condition=_decision_possible,
               hide_when_unmet=True, detail=_bonus_preview, held_notice=True,
               confirm=gettext_lazy("Issue the decision? It takes the next number of the year; an issued decision is "
                                    "never changed, only revoked by another decision.")),
    Transition("forward", (S.VOTED,), (S.FORWARDED,), is_board, gettext_lazy("Forward to the central level"),
               form="awards.forms.ForwardForm", url_name="awards:submission_forward", path="trinh-trung-uong",
               done=gettext_lazy("Dossier forwarded to the central level."), api_input="awards.api.ForwardSerializer",
               condition=_city_award_pending, hide_when_unmet=True, held_notice=True,
               confirm=gettext_lazy("Forward the dossier to the central level? The Prime Minister or the President "
                                    "decides; the city records the result when it comes back.")),
    Transition("record_central_result", (S.DECIDED, S.FORWARDED), (), is_board,
               gettext_lazy("Record the central decision"), url_name="awards:central_result", method="get",
               style="outline-primary", condition=_nothing_forwarded, hide_when_unmet=True),
    # The Board's ways out (issue 33): a wrong meeting date is corrected, a count or an appraisal done too early is
    # reopened, each with its reason in the dossier's trail; never through the admin.
    Transition("redate_meeting", (S.IN_COUNCIL, S.VOTED), (), is_board, gettext_lazy("Re-date the Council meeting"),
               form="awards.forms.RedateMeetingForm", url_name="awards:submission_redate_meeting",
               path="doi-ngay-hop", done=gettext_lazy("Meeting re-dated."), style="outline-secondary",
               confirm=gettext_lazy("Change the meeting's date? Every dossier before this meeting follows it; the "
                                    "reason is kept in each dossier's history.")),
    Transition("reopen_vote", (S.VOTED, S.CLOSED), (S.IN_COUNCIL,), is_board, gettext_lazy("Reopen the vote"),
               form="awards.forms.ReopenForm", url_name="awards:submission_reopen_vote", path="mo-lai-bieu-quyet",
               done=gettext_lazy("The vote is open again."), style="outline-secondary",
               api_input="awards.api.ReopenSerializer", api_path="reopen-vote", condition=_vote_counted,
               hide_when_unmet=True,
               confirm=gettext_lazy("Reopen the vote? The dossier goes back before the Council; the votes cast stay "
                                    "and members may change them until the next count.")),
    Transition("reopen_appraisal", (S.APPRAISED, S.CLOSED), (S.ASSIGNED,), is_board,
               gettext_lazy("Reopen the appraisal"), form="awards.forms.ReopenForm",
               url_name="awards:submission_reopen_appraisal", path="mo-lai-tham-dinh",
               done=gettext_lazy("The appraisal is open again."), style="outline-secondary",
               api_input="awards.api.ReopenSerializer", api_path="reopen-appraisal", condition=_closed_by_appraisal,
               hide_when_unmet=True,
               confirm=gettext_lazy("Reopen the appraisal? The dossier goes back to the officer, who appraises it "
                                    "again.")),
    Transition("revoke", (S.DECIDED,), (), is_board, gettext_lazy("Revoke")),
    Transition("record_recovery", (S.DECIDED,), (), is_board, gettext_lazy("Record recovery")),
])


# Citizens' comments during public comment: the Board reads each one and takes it into account or dismisses it.
COMMENT = Workflow("public_comment", CommentStatus, initial=CommentStatus.NEW, transitions=[
    Transition("accept", (CommentStatus.NEW, CommentStatus.DISMISSED), (CommentStatus.ACCEPTED,), is_board,
               gettext_lazy("Take into account"), wrong_state=gettext_lazy("This comment is already taken into account.")),
    Transition("dismiss", (CommentStatus.NEW, CommentStatus.ACCEPTED), (CommentStatus.DISMISSED,), is_board,
               gettext_lazy("Dismiss"), wrong_state=gettext_lazy("This comment is already dismissed.")),
])


COMMENT.writes_with(audit=record)  # core.AuditEvent: the engine's one audit record


def signing_authority(document):
    """The decision's signer, agency and keys (documents.SigningAuthority of its kind on its date)."""
    decision = document.decision
    kind = SignedPaper.REVOCATION if decision.is_revocation else SignedPaper.DECISION
    return signing_authorities.for_kind(kind, decision.issued_on)


@predicate(gettext_lazy("Only the decision's designated signer signs it, from their own account: not the officer "
                        "who prepared it, nor the records clerk who seals it."))
def signs_decision(user, document=None) -> bool:
    """Separation of duties (issue 32, item 2): the signer role, the account the signing authority designates,
    and neither the account that prepared (issued) the decision nor the one that sealed it."""
    if not is_signer(user):
        return False
    if document is None:  # the page's first check, before the document is read
        return True
    if user.pk in (document.decision.issued_by_id, document.agency_signed_by_id):
        return False
    try:
        return signing_authorities.designated_signer(signing_authority(document), user)
    except ValidationError:  # no authority recorded: the step itself refuses, with the reason
        return True


@predicate(gettext_lazy("Only the records clerk (văn thư) seals a decision, and never the account that prepared "
                        "or signed it."))
def seals_decision(user, document=None) -> bool:
    """The records clerk's role, and one account never both signs and seals the same document (nor seals what it
    prepared)."""
    if not is_records_clerk(user):
        return False
    if document is None:
        return True
    return user.pk not in (document.decision.issued_by_id, document.signer_signed_by_id)


# A decision's file from draft to issued: the Board prepares it (``decide``), its designated signer signs first, then
# the records clerk (văn thư) applies the agency's seal; three accounts, each step audited.
SIGNATURE = Workflow("signed_document", SignatureStatus, initial=SignatureStatus.UNSIGNED,
                     lock_related=("decision__submission",), transitions=[
    Transition("sign", (SignatureStatus.UNSIGNED,), (SignatureStatus.SIGNED,), signs_decision,
               gettext_lazy("Sign digitally (signer)"), url_name="awards:decision_sign",
               wrong_state=gettext_lazy("The signer has already signed this document."),
               confirm=gettext_lazy("Sign the decision with the signer's certificate? From now on the file is kept "
                                    "as signed and never generated again.")),
    Transition("seal", (SignatureStatus.SIGNED,), (SignatureStatus.ISSUED,), seals_decision,
               gettext_lazy("Sign as the issuing agency (seal)"), url_name="awards:decision_seal",
               wrong_state=gettext_lazy("Only a document the signer has signed gets the agency's signature."),
               confirm=gettext_lazy("Add the agency's signature and issue the document?")),
])
