"""Targets: the leadership dashboard, a target's history, reporting figures, imports, exports."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.datacache import fragment
from core.import_jobs import queue_if_large
from documents.pdf import render_pdf
from organisation.models import Unit
from organisation.permissions import is_board, reports_figures, require_board
from utilities.excel import table_workbook
from utilities.forms import form_page, require_on_post
from utilities.params import year_param

from . import forms, services
from .models import Actual, Target, TargetKind
from .progress import ProgressStatus

STATUS_LABELS = dict(ProgressStatus.choices)
MILESTONE_STATUSES = (ProgressStatus.DONE, ProgressStatus.NOT_DONE)


def _year(request) -> int:
    """``?year=``, else the current plan year: this year, or the latest year up to now that has targets (not the
    highest year that has a target)."""
    this_year = timezone.localdate().year
    fallback = (Target.objects.filter(year__lte=this_year).aggregate(y=Max("year"))["y"]
                or Target.objects.aggregate(y=Max("year"))["y"] or this_year)
    return year_param(request, fallback)


def _unit_filter(request):
    code = request.GET.get("unit")
    return Unit.objects.filter(code=code).first() if code else None


def _chart_data(rows):
    return {str(r.target.pk): {"label": r.target.indicator.name, "measure": r.target.indicator.measure,
                               "points": [[m, float(v)] for m, v in r.progress.series],
                               "target": float(r.target.value_low) if r.target.value_low is not None else None}
            for r in rows}


def dashboard(request):
    year, unit = _year(request), _unit_filter(request)
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "pdf"):
        rows = services.dashboard(year, unit)
        return _excel(rows, year) if fmt == "xlsx" else _pdf(rows, year)
    board = is_board(request.user)

    def body():
        rows = services.dashboard(year, unit)
        years = sorted(set(Target.objects.values_list("year", flat=True)), reverse=True)
        units = Unit.objects.filter(targets__isnull=False).distinct().order_by("name")
        # Every target counts, milestones too (reached / not yet reached).
        counts = {key: sum(1 for r in rows if r.progress.status == key) for key in STATUS_LABELS}
        # Milestone statuses (reached / not yet) only where the year has milestones.
        summary = [(key, n) for key, n in counts.items() if n or key not in MILESTONE_STATUSES]
        counts["total"] = len(rows)
        return render_to_string("targets/_dashboard_body.html", {
            "rows": rows, "year": year, "years": years, "units": units, "unit": unit, "labels": STATUS_LABELS,
            "counts": counts, "summary": summary, "charts": _chart_data(rows), "is_board": board})

    # Leaders open this page often and the figures change a few times a month: the rendered body is
    # reused until a target, a figure, a threshold or a unit changes (core/datacache.py).
    html = fragment("targets-dashboard", (year, unit.pk if unit else None, board),
                    ("targets", "organisation", "legal"), body)
    return render(request, "targets/dashboard.html", {"body": html, "year": year})


def target_detail(request, pk):
    target = get_object_or_404(Target.objects.select_related("indicator", "responsible_unit", "legal_basis"), pk=pk)
    row = next(r for r in services.dashboard(target.year) if r.target.pk == target.pk)
    history = Actual.history.filter(target_id=target.pk).select_related("history_user").order_by("-history_date")
    return render(request, "targets/target_detail.html", {
        "row": row, "target": target, "actuals": target.actuals.select_related("reported_by"),
        "history": history[:200], "labels": STATUS_LABELS, "charts": _chart_data([row]),
        "can_report": services.can_report(request.user, target),
        "milestone_form": forms.MilestoneForm(initial={"done_on": target.milestone_done_on})})


def report(request):
    require_on_post(request, reports_figures)
    targets = Target.objects.reportable_by(request.user).select_related("indicator").filter(
        kind=TargetKind.NUMERIC).order_by("-year", "indicator__order")
    form = forms.ActualForm(request.POST or None, targets=targets, initial={"target": request.GET.get("target")})

    def record(data):
        data = dict(data)
        return services.record_actual(request.user, data.pop("target"), **data)

    recent = Actual.objects.filter(target__in=targets).select_related("target__indicator", "reported_by").order_by(
        "-reported_at")[:20]
    return form_page(request, form, record, success=_("Figure saved."), next_url=reverse("targets:report"),
                     template="targets/report.html", context={"recent": recent, "has_targets": targets.exists()})


def milestone(request, pk):
    target = get_object_or_404(Target, pk=pk, kind=TargetKind.MILESTONE)
    require_on_post(request, reports_figures)
    form = forms.MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.mark_milestone(request.user, target, form.cleaned_data["done_on"])
        messages.success(request, _("Milestone updated."))
    return redirect("targets:target_detail", pk=pk)


def import_actuals(request):
    require_board(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        queued = queue_if_large(request, "targets.actuals", form.cleaned_data["upload"])
        if queued:
            return queued
        count, row_errors = services.import_actuals(request.user, form.cleaned_data["upload"])
        if count:
            messages.success(request, _("%(n)s figure(s) imported.") % {"n": count})
            return redirect("targets:dashboard")
    return render(request, "targets/import.html", {"form": form, "row_errors": row_errors, "year": _year(request)})


def import_template(request):
    response = HttpResponse(services.template_workbook(_year(request)),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="mau-so-lieu-chi-tieu.xlsx"'
    return response


def late(request):
    require_board(request.user)
    year = _year(request)
    return render(request, "targets/late.html", {"year": year, "late": services.late_reporters(year)})


def target_create(request):
    require_board(request.user)
    return form_page(request, forms.TargetForm(request.POST or None),
                     lambda data: services.create_target(request.user, **data), success=_("Target added."),
                     next_url=lambda t: reverse("targets:target_detail", args=[t.pk]),
                     context={"title": _("Add a target")})


def _excel(rows, year):
    headers = ["Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Mục tiêu (cận trên, nếu là khoảng)", "Thực hiện",
               "Đến kỳ", "% kế hoạch", "Dự báo cả năm", "% dự báo", "Tình trạng", "Đơn vị chịu trách nhiệm"]
    body = []
    for r in rows:
        p, target = r.progress, r.target
        reached = (f"Quý {p.quarter}" if p.quarter else f"Tháng {p.months}") if p.year_value is not None else ""
        body.append([target.statement, target.indicator.measure, _float(target.value_low), _float(target.value_high),
                     _float(p.year_value), reached, _float(p.percent), _float(p.projected),
                     _float(p.projected_percent), str(STATUS_LABELS[p.status]), target.responsible_unit.name])
    value, percent = "#,##0.00", "#,##0.0"
    content = table_workbook(
        title=f"TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {year}",
        subtitle=f"Số liệu đến ngày {timezone.localdate():%d/%m/%Y}", headers=headers, rows=body,
        widths=[50, 14, 12, 14, 14, 10, 11, 14, 11, 18, 36],
        formats={2: value, 3: value, 4: value, 6: percent, 7: value, 8: percent}, sheet_name=f"Chỉ tiêu {year}")
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="chi-tieu-{year}.xlsx"'
    return response


def _float(value):
    return float(value) if value is not None else None


def _pdf(rows, year):
    content = render_pdf("targets/pdf/dashboard.html", {"rows": rows, "year": year, "labels": STATUS_LABELS,
                                                        "today": timezone.localdate()})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chi-tieu-{year}.pdf"'
    return response
