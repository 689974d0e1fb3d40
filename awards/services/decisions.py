"""Decisions: the Chairman's decision, forwarding to the central level, revocations, recoveries, central results."""


from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from documents.formats import number, short_date
from documents.numbering import next_number, next_numbers
from utilities.workflow import Step

from .. import authority, bonus, eligibility, fairness, fund
from ..eligibility import consume_initiatives
from ..models import (
    Decision,
    DecisionKind,
    Nominee,
    Outcome,
    Submission,
)
from ..workflow import DOSSIER
from .steps import _set_outcome

# What issuing a decision writes on each awardee (awards.bonus.apply's fields among them).
AWARD_FIELDS = ["override_reason", "bonus_amount", "bonus_multiple", "bonus_base_salary", "bonus_basis", "bonus_note",
                "decision", "outcome", "golden_book_number", "certificate_code"]


def _awards_changed() -> None:
    """The set of awards changed: statistics kept in the cache are counted again after the commit."""
    transaction.on_commit(fairness.forget)


@DOSSIER.action("decide", today="issued_on")
def issue_decision(user, submission: Submission, *, issued_on: datetime.date, signer_name: str,
                   signer_title: str = "Chủ tịch", override_reason: str = "", accept_overdraft: bool = False) -> Decision:
    """The Chairman's decision for the nominees the Council passed (city-level awards). A nominee the eligibility
    check no longer passes (its evidence changed since the appraisal) is awarded only with a recorded reason."""
    # The date rule is the table's (``decision_date_unmet``, the row's condition), checked by the engine on
    # ``issued_on`` before this runs; a refusal is the form's "issued_on" error.
    passed = [n for n in submission.nominees.select_for_update(of=("self",)).select_related(
        "award_type", "person", "collective_unit").filter(outcome=Outcome.PASSED)
        if authority.is_city_award(n.award_type, issued_on)]
    if not passed:
        raise ValidationError(_("No nominee passed for an award the city Chairman decides on %(date)s.") % {
            "date": issued_on.strftime("%d/%m/%Y")})
    # The evidence of all of them, the rivals of each and the law read at once; the same verdicts as one by one.
    with eligibility.remembering(persons={n.person_id for n in passed if n.person_id},
                                 units={n.collective_unit_id for n in passed if n.collective_unit_id},
                                 rivals_of=passed):
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
    # The golden-book numbers in the nominees' order, taken together (one lock of the series, not one per nominee).
    numbers = next_numbers("golden_book", year, len(passed))
    with eligibility.remembering():  # the law read once (each initiative is still read and locked as it is used)
        for nominee, golden_book in zip(passed, numbers, strict=True):
            if nominee in failing:
                nominee.override_reason = override_reason.strip()
            consume_initiatives(nominee)
            bonus.apply(nominee, bonuses[nominee.pk])
            nominee.decision = decision
            nominee.outcome = Outcome.AWARDED
            nominee.golden_book_number = f"{golden_book}/{year}"
            nominee.certificate_code = uuid.uuid4()
    # Each with its history row naming the officer, as a save() of each would write.
    bulk_update_with_history(passed, Nominee, AWARD_FIELDS, default_user=user, batch_size=500)
    rejected = submission.nominees.filter(outcome=Outcome.FAILED)
    eligibility.release_initiatives(list(rejected))
    _set_outcome(rejected, Outcome.REJECTED, user)
    _set_outcome(submission.nominees.filter(outcome=Outcome.PASSED).exclude(pk__in=[n.pk for n in passed]),
                 Outcome.FORWARDED, user)
    # The bonuses leave the fund when the decision takes effect, at the signer's signature
    # (awards.signed_documents.sign), not at issue.
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

    _awards_changed()
    return Step(note=note, result=decision)


@DOSSIER.action("forward")
def forward_to_central(user, submission: Submission, note: str = "") -> Step:
    _set_outcome(submission.nominees.filter(outcome=Outcome.PASSED), Outcome.FORWARDED, user)
    return Step(note=note)


def _dossier(nominee: Nominee) -> Submission:
    return nominee.submission


@DOSSIER.action("revoke", record=_dossier)
def revoke(user, submission: Submission, nominee: Nominee, *, grounds: str, issued_on: datetime.date,
           signer_name: str) -> Step:
    nominee = Nominee.objects.select_for_update(of=("self",)).select_related("decision").get(pk=nominee.pk)
    if nominee.outcome != Outcome.AWARDED or nominee.is_revoked:
        raise ValidationError(_("Only an award in force can be revoked."))
    if not grounds.strip():
        raise ValidationError({"grounds": _("State the grounds for revocation.")})
    if issued_on > timezone.localdate() or issued_on < nominee.decision.issued_on:
        raise ValidationError({"issued_on": _("The revocation is dated between the award's decision (%(date)s) and "
                                              "today.") % {"date": short_date(nominee.decision.issued_on)}})
    year = issued_on.year
    decision = Decision.objects.create(
        year=year, number=next_number("decision", year), kind=DecisionKind.REVOCATION, issued_on=issued_on,
        title=_("On revoking the award to %(name)s") % {"name": nominee.name}, signer_name=signer_name,
        signer_title="Chủ tịch", submission=submission, revokes=nominee.decision, issued_by=user,
    )
    nominee.revoked_by, nominee.revocation_grounds = decision, grounds.strip()
    nominee._history_user = user
    nominee.save()
    _awards_changed()
    return Step(save=False, note=f"{nominee.name}: {grounds.strip()} ({decision.code})", result=decision)


@DOSSIER.action("record_recovery", record=_dossier)
def record_recovery(user, submission: Submission, nominee: Nominee, *, certificate_recovered: bool, bonus_recovered,
                    recovered_on) -> Step:
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
    return Step(save=False, audit=False, result=nominee)  # the fund's ledger and the nominee's history keep it


@DOSSIER.action("record_central_result", record=_dossier)
def record_central_result(user, submission: Submission, nominee: Nominee, *, awarded: bool, decision: str) -> Step:
    """The Prime Minister's or the President's decision on a nominee the city forwarded, once it comes back."""
    nominee = Nominee.objects.select_for_update(of=("self",)).select_related("submission").get(pk=nominee.pk)
    if nominee.outcome != Outcome.FORWARDED:
        raise ValidationError(_("Only a nominee forwarded to the central level waits for its result."))
    if not decision.strip():
        raise ValidationError({"decision": _("Give the number and date of the central decision.")})
    nominee.outcome = Outcome.AWARDED if awarded else Outcome.REJECTED
    nominee.external_decision = decision.strip()[:120]
    nominee._history_user = user
    nominee.save()
    _awards_changed()
    return Step(save=False, event="central_result", result=nominee,
                note=lambda: f"{nominee.name}: {nominee.get_outcome_display()} ({decision})")
