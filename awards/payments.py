"""The payment list of a decision (danh sách chi thưởng) for the accountant: PDF and Excel."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from documents.pdf import render_pdf
from documents.vnwords import money_in_words
from organisation.history import show_as_of
from utilities.excel import table_workbook

from .models import Decision

MONEY = "#,##0"


def awardees(decision: Decision, *, payable: bool = False):
    """The decision's awardees, their units named as on the day it was issued; ``payable``: only the awards still
    in force (a revoked award is not paid, so it leaves the payment list and its total)."""
    rows = decision.awardees.select_related("award_type", "person", "collective_unit", "submission__unit")
    if payable:
        rows = rows.filter(revoked_by__isnull=True)
    rows = list(rows.order_by("award_type__order", "id"))
    show_as_of([u for n in rows for u in (n.submission.unit, n.collective_unit)], decision.issued_on)
    return rows


def totals(rows) -> dict:
    """The total of the known amounts, in figures and words, and how many amounts are unknown."""
    total = sum((n.bonus_amount for n in rows if n.bonus_amount is not None), Decimal(0))
    return {"total": total, "words": money_in_words(total),
            "unknown": sum(1 for n in rows if n.bonus_amount is None)}


def payment_pdf(decision: Decision) -> bytes:
    rows = awardees(decision, payable=True)
    return render_pdf("awards/pdf/payment_list.html", {"decision": decision, "awardees": rows, **totals(rows)})


def payment_xlsx(decision: Decision) -> bytes:
    rows = awardees(decision, payable=True)
    summary = totals(rows)
    headers = [_("No."), _("Awardee"), _("Unit"), _("Award"), _("Amount (VND)"), _("Account number"), _("Bank"),
               _("Signature of the recipient")]
    data = [[index, n.name + (" " + _("(posthumous: the family receives)") if n.is_posthumous else ""),
             n.submission.unit.name, n.award_type.name,
             n.bonus_amount if n.bonus_amount is not None else _("no amount recorded"), "", "", ""]
            for index, n in enumerate(rows, start=1)]
    footer = [["", _("Total"), "", "", summary["total"], "", "", ""],
              ["", _("In words: %(words)s") % {"words": summary["words"]}]]
    return table_workbook(
        title=_("PAYMENT LIST OF BONUSES"),
        subtitle=_("Decision No. %(code)s of %(date)s") % {"code": decision.code,
                                                           "date": decision.issued_on.strftime("%d/%m/%Y")},
        headers=headers, rows=data, widths=[6, 32, 30, 36, 16, 18, 20, 18], formats={4: MONEY}, footer=footer,
        sheet_name=_("Payment list"))
