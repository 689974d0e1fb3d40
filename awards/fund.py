"""The emulation and commendation fund's ledger: entries, balances, the decision's spending, recoveries.

Every entry is append-only (awards.models.fund): corrections are reversing entries. Spending is written when the
Chairman's decision takes effect, at the signer's signature (the city pays the awards it decides); a recovery after
a revocation returns to the fund of the year it is recovered in.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _, gettext_noop

from documents.formats import number
from organisation.permissions import keeps_fund
from utilities.messages import Message

from .models import DecisionKind, FundEntry, FundEntryKind, FundSource, Nominee

INCOME_KINDS = (FundEntryKind.ALLOCATION, FundEntryKind.INCOME)


def balance(year: int) -> Decimal:
    """The fund's balance at the end of ``year`` (every entry of that year and the years before)."""
    return FundEntry.objects.filter(year__lte=year).aggregate(total=Sum("amount"))["total"] or Decimal(0)


def year_summary(year: int) -> dict:
    """Opening balance, income per source, spending, recoveries, reversals and the closing balance of a year."""
    totals = FundEntry.objects.aggregate(
        opening=Sum("amount", filter=Q(year__lt=year)),
        spending=Sum("amount", filter=Q(year=year, kind=FundEntryKind.SPENDING)),
        recoveries=Sum("amount", filter=Q(year=year, kind=FundEntryKind.RECOVERY)),
        reversals=Sum("amount", filter=Q(year=year, kind=FundEntryKind.REVERSAL)),
        closing=Sum("amount", filter=Q(year__lte=year)),
    )
    by_source = dict(FundEntry.objects.filter(year=year, kind__in=INCOME_KINDS).values_list("source").annotate(
        total=Sum("amount")).values_list("source", "total"))
    sources = [(label, by_source.get(code, Decimal(0))) for code, label in FundSource.choices]
    zero = Decimal(0)
    income = sum((total for _label, total in sources), zero)
    return {"year": year, "opening": totals["opening"] or zero, "sources": sources, "income": income,
            "spending": -(totals["spending"] or zero), "recoveries": totals["recoveries"] or zero,
            "reversals": totals["reversals"] or zero, "closing": totals["closing"] or zero}


def _create(description: Message, **fields) -> FundEntry:
    """A line the portal composes: kept as what to say (each reader sees it in their language, the ledger's page
    and its Excel file too), and in the portal's language for the API and the admin."""
    return FundEntry.objects.create(description=description.in_language(settings.LANGUAGE_CODE)[:400],
                                    description_data=description.data, **fields)


@transaction.atomic
def record_income(user, *, kind: str, source: str, amount: Decimal, entered_on: datetime.date, description: str,
                  year: int | None = None) -> FundEntry:
    """An allocation or other income the Board records."""
    keeps_fund.require(user)
    if kind not in INCOME_KINDS:
        raise ValidationError({"kind": _("Only allocations and other income are entered by hand; bonuses are "
                                         "spent by the decisions.")})
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("The amount is a positive number of đồng.")})
    if not source:
        raise ValidationError({"source": _("Choose the source of the income.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe the entry (the document it rests on).")})
    return FundEntry.objects.create(year=year or entered_on.year, kind=kind, source=source, amount=amount,
                                    entered_on=entered_on, description=description.strip(), created_by=user)


@transaction.atomic
def reverse_entry(user, entry: FundEntry, *, reason: str, entered_on: datetime.date) -> FundEntry:
    """Correct a mistaken entry: the same amount with the other sign, linked to it; each entry once."""
    keeps_fund.require(user)
    entry = FundEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.kind == FundEntryKind.REVERSAL:
        raise ValidationError(_("A reversing entry is not reversed again: record the right entry instead."))
    if not entry.is_manual:
        raise ValidationError(_("Bonuses paid and recovered follow their decisions; only entries made by hand are "
                                "reversed."))
    if FundEntry.objects.filter(reverses=entry).exists():
        raise ValidationError(_("This entry has already been reversed."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the reversing entry.")})
    return _create(Message(gettext_noop("Reverses entry no. %(id)s: %(reason)s"), {
        "id": entry.pk, "reason": reason.strip()}),
        year=entry.year, kind=FundEntryKind.REVERSAL, source=entry.source, amount=-entry.amount,
        entered_on=entered_on, decision=entry.decision, nominee=entry.nominee, reverses=entry, created_by=user)


def committed(year: int) -> Decimal:
    """The bonuses of the year's award decisions issued but not yet signed (their spending not yet booked)."""
    return Nominee.objects.filter(
        decision__year=year, decision__kind=DecisionKind.AWARD, bonus_amount__isnull=False).exclude(
        decision__fund_entries__kind=FundEntryKind.SPENDING).aggregate(
        total=Sum("bonus_amount"))["total"] or Decimal(0)


def require_funds(year: int, total: Decimal, accepted: bool) -> None:
    """The warning before a decision that overdraws the fund (its balance less the decisions issued and not yet
    signed): the officer confirms it knowingly."""
    if total <= 0 or accepted:
        return
    held = balance(year) - committed(year)
    if held - total < 0:
        raise ValidationError({"accept_overdraft": _(
            "The fund of %(year)s holds %(balance)s đ; this decision pays %(total)s đ and would take it %(missing)s đ "
            "below zero. Tick the confirmation to issue it all the same.") % {
            "year": year, "balance": number(held), "total": number(total), "missing": number(total - held)}})


def spend_for_decision(user, decision, total: Decimal) -> FundEntry | None:
    """The decision's bonuses leave the fund of its year (one entry per decision), when it takes effect: the
    signer's signature (awards.signed_documents.sign)."""
    if not total or FundEntry.objects.filter(decision=decision, kind=FundEntryKind.SPENDING).exists():
        return None
    return _create(Message(gettext_noop("Bonuses of decision No. %(code)s"), {"code": decision.code}),
                   year=decision.issued_on.year, kind=FundEntryKind.SPENDING, amount=-total,
                   entered_on=decision.issued_on, decision=decision, created_by=user)


def record_recovery(user, nominee, amount: Decimal, day: datetime.date) -> FundEntry | None:
    """Money recovered from a revoked award returns to the fund."""
    if not amount:
        return None
    return _create(Message(gettext_noop("Bonus recovered from %(name)s (decision No. %(code)s revoked)"), {
        "name": nominee.name, "code": nominee.decision.code}),
        year=day.year, kind=FundEntryKind.RECOVERY, amount=amount, entered_on=day, decision=nominee.revoked_by,
        nominee=nominee, created_by=user)
