"""The report archive, on-demand generation with a progress indicator, and downloads."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from organisation.permissions import can_read_reports, can_request_reports
from utilities.forms import require_on_post
from utilities.uploads import serve_private

from . import periods, services
from .models import Report, ReportKind


def _require_reader(user):
    can_read_reports.require(user)


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Report"), choices=ReportKind.choices)
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    number = forms.IntegerField(label=gettext_lazy("Month (1–12) or quarter (1–4)"), min_value=1, max_value=12,
                                required=False)

    def clean(self):
        data = super().clean()
        kind, number = data.get("kind"), data.get("number")
        if kind == ReportKind.MONTHLY and not number:
            self.add_error("number", _("Choose the month."))
        if kind == ReportKind.QUARTERLY and not (number and number <= 4):
            self.add_error("number", _("Choose a quarter from 1 to 4."))
        return data


def archive(request):
    _require_reader(request.user)
    reports = Report.objects.select_related("requested_by").order_by("-period_start", "kind")
    kind = request.GET.get("kind")
    if kind in ReportKind.values:
        reports = reports.filter(kind=kind)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    today = timezone.localdate()
    require_on_post(request, can_request_reports)
    form = RequestForm(request.POST or None, initial={"year": today.year, "number": today.month, "kind": "monthly"})
    if request.method == "POST" and form.is_valid():
        start, end = periods.bounds(form.cleaned_data["kind"], form.cleaned_data["year"],
                                    form.cleaned_data["number"] or 1)
        report = services.request_on_demand(request.user, form.cleaned_data["kind"], start, end)
        messages.success(request, _("Report requested."))  # the status below says how far it is, and updates
        return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/archive.html", {"page": page, "form": form, "kinds": ReportKind.choices,
                                                    "kind": kind, "can_request": can_request_reports(request.user)})


def detail(request, pk):
    _require_reader(request.user)
    report = get_object_or_404(Report, pk=pk)
    template = "reports/_status.html" if request.headers.get("HX-Request") else "reports/detail.html"
    return render(request, template, {"report": report})


def download(request, pk, fmt):
    _require_reader(request.user)
    report = get_object_or_404(Report, pk=pk)
    field = report.pdf if fmt == "pdf" else report.xlsx
    name = f"bao-cao-{report.kind}-{report.period_start:%Y-%m}.{fmt}"
    return serve_private(field, name, inline=fmt == "pdf")
