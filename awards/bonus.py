"""Bonus amounts (tiền thưởng): a multiple of the base salary in force on the decision's date, rounded up as the
decree says, computed once when the decision is issued and kept on the awardee.

The multiples, the base salary and the rounding are data (``BonusRate``, ``BaseSalary``, ``Parameter``) with their
legal basis and dates (legal/bonus_seed.py). Where no amount is known for an award on a date the result says so
(``Bonus.amount is None`` with the reason), never zero.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from documents.formats import number
from legal.calendar import parameter
from legal.models import BaseSalary, BonusRate

from . import authority, fund
from .models import AwardCategory, Nominee, Outcome, ParameterKey


@dataclass(frozen=True)
class Bonus:
    amount: Decimal | None
    multiple: Decimal | None = None
    base_salary: Decimal | None = None
    basis: str = ""
    note: str = ""

    @property
    def known(self) -> bool:
        return self.amount is not None


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def base_salary_on(day: datetime.date) -> BaseSalary | None:
    return BaseSalary.objects.in_force(day).order_by("-effective_from").first()


def rates_on(day: datetime.date, award_types) -> dict[int, BonusRate]:
    """The rate in force on ``day`` for each of ``award_types`` that has one (one query)."""
    rates = {}
    for rate in BonusRate.objects.in_force(day).filter(award_type__in=list(award_types)).order_by("effective_from"):
        rates[rate.award_type_id] = rate
    return rates


def round_up(value: Decimal, step: Decimal) -> Decimal:
    """Up to the next multiple of ``step`` (Decree 152/2025 Art 49: "làm tròn số lên hàng chục nghìn đồng")."""
    if not step:
        return value.quantize(Decimal(1), rounding=ROUND_CEILING)
    return ((value / step).quantize(Decimal(1), rounding=ROUND_CEILING) * step).quantize(Decimal(1))


def _rounding(day: datetime.date) -> Decimal:
    try:
        return parameter(ParameterKey.BONUS_ROUND_UP_TO, day)
    except ImproperlyConfigured:  # no rounding rule recorded for the date: whole đồng
        return Decimal(1)


def bonus_for(award_type, day: datetime.date, *, posthumous: bool = False, rate=None, salary=None) -> Bonus:
    """The bonus of one award decided on ``day`` (``rate``/``salary`` when the caller has looked them up)."""
    salary = salary if salary is not None else base_salary_on(day)
    rate = rate if rate is not None else rates_on(day, [award_type]).get(award_type.pk)
    if rate is None or rate.multiple is None:  # a row with no multiple says where the amount is to be found
        return Bonus(None, basis=rate.legal_basis if rate is not None else "", note=_(
            "No bonus amount is recorded for %(award)s on %(date)s.") % {
            "award": award_type.name, "date": _date(day)})
    if salary is None:
        return Bonus(None, multiple=rate.multiple, basis=rate.legal_basis, note=_(
            "No base salary is recorded for %(date)s.") % {"date": _date(day)})
    amount = round_up(rate.multiple * salary.amount, _rounding(day))
    basis = _("%(rate)s; base salary %(salary)s đ (%(salary_basis)s)") % {
        "rate": rate.legal_basis, "salary": number(salary.amount), "salary_basis": salary.legal_basis}
    note = _("Posthumous award: the family receives the bonus.") if posthumous else ""
    return Bonus(amount, rate.multiple, salary.amount, basis, note)


def _holder(nominee) -> Q | None:
    if nominee.person_id:
        return Q(person_id=nominee.person_id)
    if nominee.collective_unit_id:
        return Q(collective_unit_id=nominee.collective_unit_id)
    return None


def _paid_for_titles(nominee, exclude_ids) -> Decimal:
    """Bonuses already paid to the same holder for emulation titles of the same year of achievement."""
    holder = _holder(nominee)
    if holder is None:
        return Decimal(0)
    paid = Nominee.objects.filter(
        holder, outcome=Outcome.AWARDED, revoked_by__isnull=True, bonus_amount__isnull=False,
        award_type__category=AwardCategory.EMULATION_TITLE, submission__year=nominee.submission.year,
    ).exclude(pk__in=exclude_ids).aggregate(total=Sum("bonus_amount"))["total"]
    return paid or Decimal(0)


def settle(nominees, day: datetime.date) -> dict[int, Bonus]:
    """The bonus of each nominee of one decision dated ``day``.

    With ``bonus_highest_title_only`` (Decree 91/2017 Art 70.4; Decree 152/2025 Art 49, cần xác minh), a holder who
    earns several emulation titles for one achievement receives the highest bonus only: titles are settled from
    the highest down, and each pays what exceeds the titles' bonuses already paid for that year."""
    nominees = list(nominees)
    salary = base_salary_on(day)
    rates = rates_on(day, {n.award_type_id for n in nominees})
    try:
        highest_only = parameter(ParameterKey.BONUS_HIGHEST_TITLE_ONLY, day) == 1
    except ImproperlyConfigured:
        highest_only = False
    computed = {n.pk: bonus_for(n.award_type, day, posthumous=n.is_posthumous, rate=rates.get(n.award_type_id),
                                salary=salary) for n in nominees}
    if not highest_only:
        return computed
    in_decision = [n.pk for n in nominees]
    settled: dict[int, Bonus] = dict(computed)
    titles = [n for n in nominees if n.award_type.category == AwardCategory.EMULATION_TITLE
              and computed[n.pk].known and _holder(n) is not None]
    titles.sort(key=lambda n: computed[n.pk].amount, reverse=True)
    paid_here: dict[tuple, Decimal] = {}
    for nominee in titles:
        key = (nominee.person_id, nominee.collective_unit_id, nominee.submission.year)
        if key not in paid_here:
            paid_here[key] = _paid_for_titles(nominee, in_decision)
        already = paid_here[key]
        full = computed[nominee.pk]
        if not already:
            paid_here[key] = full.amount
            continue
        pay = max(Decimal(0), full.amount - already)
        paid_here[key] = already + pay
        note = _("Several emulation titles for the achievements of %(year)s: %(paid)s đ already paid, only the "
                 "highest bonus is received.") % {"year": nominee.submission.year, "paid": number(already)}
        settled[nominee.pk] = Bonus(pay, full.multiple, full.base_salary, full.basis,
                                    " ".join(filter(None, [full.note, note])))
    return settled


def apply(nominee, bonus: Bonus) -> None:
    """Keep the settled bonus on the awardee (the caller saves it)."""
    nominee.bonus_amount, nominee.bonus_multiple = bonus.amount, bonus.multiple
    nominee.bonus_base_salary = bonus.base_salary
    nominee.bonus_basis, nominee.bonus_note = bonus.basis[:400], bonus.note[:400]


def preview(submission, day: datetime.date) -> dict:
    """What issuing the decision on ``day`` would pay: the total, how many amounts are unknown, the fund after."""
    passed = [n for n in submission.nominees.filter(outcome=Outcome.PASSED).select_related("award_type",
                                                                                          "submission")
              if authority.is_city_award(n.award_type, day)]
    bonuses = settle(passed, day)
    total = sum((b.amount for b in bonuses.values() if b.known), Decimal(0))
    balance = fund.balance(day.year)
    return {"count": len(passed), "total": total, "unknown": sum(1 for b in bonuses.values() if not b.known),
            "balance": balance, "after": balance - total, "year": day.year}
