"""Pages of the emulation and commendation fund: the ledger (filters, summary, Excel), income and reversing entries."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.formats import number
from organisation.permissions import can_read_fund, keeps_fund
from utilities.excel import table_workbook
from utilities.forms import posted_action, require_on_post, run_service

from .. import forms, fund as ledger
from ..filters import FundEntryFilter
from ..models import FundEntry

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request):
    data = request.GET.copy()
    data.setdefault("year", str(timezone.localdate().year))
    filterset = FundEntryFilter(data, queryset=FundEntry.objects.select_related(
        "decision", "nominee", "created_by", "reverses", "reversed_by").order_by("entered_on", "id"))
    year = filterset.form.cleaned_data.get("year") if filterset.is_valid() else None
    return filterset, int(year or timezone.localdate().year)


def fund_ledger(request):
    can_read_fund.require(request.user)
    require_on_post(request, keeps_fund)
    filterset, year = _filtered(request)
    form = None
    if keeps_fund(request.user):
        form = forms.FundIncomeForm(request.POST or None, initial={"entered_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            ok, _entry = run_service(request, lambda: ledger.record_income(request.user, **form.cleaned_data),
                                     form=form, success=_("Entry recorded in the fund's ledger."))
            if ok:
                return redirect(reverse("awards:fund_ledger") + f"?year={form.cleaned_data['entered_on'].year}")
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/fund_ledger.html", {
        "filter": filterset, "page": page, "summary": ledger.year_summary(year), "form": form,
        "keeps_fund": keeps_fund(request.user),
        "reverse_form": forms.ReverseEntryForm(initial={"entered_on": timezone.localdate()})})


@require_POST
def fund_reverse(request, pk):
    keeps_fund.require(request.user)
    entry = get_object_or_404(FundEntry, pk=pk)
    return posted_action(request, lambda data: ledger.reverse_entry(request.user, entry, **data),
                         back=reverse("awards:fund_ledger") + f"?year={entry.year}",
                         form=forms.ReverseEntryForm(request.POST), success=_("Reversing entry recorded."))


def fund_excel(request):
    can_read_fund.require(request.user)
    filterset, year = _filtered(request)
    rows = [[e.pk, e.entered_on, e.year, e.get_kind_display(), e.get_source_display() if e.source else "",
             e.shown_description, e.decision.code if e.decision else "", e.amount,
             e.created_by.get_full_name() or e.created_by.username if e.created_by else ""]
            for e in filterset.qs]
    summary = ledger.year_summary(year)
    content = table_workbook(
        title=_("LEDGER OF THE EMULATION AND COMMENDATION FUND"),
        subtitle=_("Fund year %(year)s · opening balance %(opening)s · closing balance %(closing)s (VND)") % {
            "year": year, "opening": number(summary["opening"]), "closing": number(summary["closing"])},
        headers=[_("No."), _("Date"), _("Fund year"), _("Kind"), _("Source of the income"), _("Description"), _("Decision"),
                 _("Amount (VND)"), _("Entered by")],
        rows=rows, widths=[7, 12, 10, 30, 28, 50, 16, 18, 22], formats={1: "DD/MM/YYYY", 7: "#,##0;-#,##0"},
        footer=[["", "", "", "", "", _("Balance at the end of %(year)s") % {"year": year}, "", summary["closing"]]],
        sheet_name=_("Fund %(year)s") % {"year": year})
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="so-quy-thi-dua-{year}.xlsx"'
    return response
