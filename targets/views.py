"""Targets: the leadership dashboard, a target's history, reporting figures, imports, exports."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
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
from .progress import ProgressStatus, Verdict, period_label, year_closed

STATUS_LABELS = dict(ProgressStatus.choices) | dict(Verdict.choices)
MILESTONE_STATUSES = (ProgressStatus.DONE, ProgressStatus.NOT_DONE)
# What a running year's summary counts, and a closed year's (milestones are judged like the rest).
RUNNING_KEYS = tuple(ProgressStatus.values)
CLOSED_KEYS = tuple(Verdict.values)


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


def _period_labels(by_quarter: bool) -> list[str]:
    """The x axis of a year: "Quý 1" … "Quý 4" where the figures come by quarter, else "Tháng 1" … "Tháng 12"."""
    return [period_label(month, by_quarter) for month in (range(3, 13, 3) if by_quarter else range(1, 13))]


def _plan_line(target, by_quarter: bool, bound) -> list[float] | None:
    """The plan drawn against the figures: a cumulative target at an even pace (a quarter of it by quarter 1),
    a point-in-time one flat at its value."""
    if bound is None:
        return None
    steps = 4 if by_quarter else 12
    if target.indicator.aggregation == "cumulative":
        return [round(float(bound) * k / steps, 4) for k in range(1, steps + 1)]
    return [float(bound)] * steps


def _chart_data(rows):
    charts = {}
    for r in rows:
        target, p = r.target, r.progress
        by_quarter = p.by_quarter
        step = 3 if by_quarter else 1
        values = [None] * (4 if by_quarter else 12)
        for month, value in p.series:
            values[month // step - 1] = float(value)
        plan = [line for line in (_plan_line(target, by_quarter, target.value_low),
                                  _plan_line(target, by_quarter, target.value_high)) if line]
        charts[str(target.pk)] = {"label": target.indicator.name, "measure": target.indicator.measure,
                                  "labels": _period_labels(by_quarter), "values": values, "plan": plan,
                                  "plan_label": str(_("Plan (even pace)") if target.indicator.aggregation
                                                    == "cumulative" else _("Plan"))}
    return charts


def _share(progress) -> float:
    """A target's share of its plan for the bars (a milestone: 100 reached, 0 not), kept inside the chart."""
    if progress.percent is None:
        return 100.0 if progress.badge in (ProgressStatus.DONE, Verdict.MET) else 0.0
    return min(float(progress.percent), 200.0)


def _glance(rows):
    """The year at a glance: each target's share of its plan as a bar coloured by its verdict or status, and
    over the plan's years how many targets came out (or stand) each way."""
    bars = {"labels": [Truncator(r.target.indicator.name).chars(40) for r in rows],
            "names_full": [r.target.indicator.name for r in rows], "values": [_share(r.progress) for r in rows],
            "keys": [r.progress.badge for r in rows], "names": {k: str(v) for k, v in STATUS_LABELS.items()},
            "axis": str(_("Share of the plan (%)")), "plan_label": str(_("Plan (100 %)"))}
    years = [cell.year for cell in rows[0].years] if rows else []
    per_year = {y: [c.progress.badge for r in rows for c in r.years if c.year == y and c.progress] for y in years}
    used = [k for k in (*CLOSED_KEYS, *RUNNING_KEYS) if any(k in badges for badges in per_year.values())]
    trend = {"labels": [str(y) for y in years], "axis": str(_("Targets")),
             "series": [{"key": k, "label": str(STATUS_LABELS[k]), "counts": [per_year[y].count(k) for y in years]}
                        for k in used]}
    return {"bars": bars, "trend": trend}


def dashboard(request):
    year, unit = _year(request), _unit_filter(request)
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "pdf"):
        rows = services.dashboard(year, unit)
        return _excel(rows, year) if fmt == "xlsx" else _pdf(rows, year)
    board = is_board(request.user)

    closed = year_closed(year, timezone.localdate())

    def body():
        rows = services.dashboard(year, unit)
        years = sorted(set(Target.objects.values_list("year", flat=True)), reverse=True)
        units = Unit.objects.filter(targets__isnull=False).distinct().order_by("name")
        # Every target counts, milestones too (reached / not yet reached; a closed year judges them as the rest).
        keys = CLOSED_KEYS if closed else RUNNING_KEYS
        counts = {key: sum(1 for r in rows if r.progress.badge == key) for key in keys}
        # Milestone statuses (reached / not yet) only where the year has milestones; no "no figure" if none lacks it.
        summary = [(key, n) for key, n in counts.items()
                   if n or (key not in MILESTONE_STATUSES and key != Verdict.NO_FIGURE)]
        counts["total"] = len(rows)
        charts = _chart_data(rows) | {"glance": _glance(rows)}
        return render_to_string("targets/_dashboard_body.html", {
            "rows": rows, "year": year, "years": years, "units": units, "unit": unit, "labels": STATUS_LABELS,
            "counts": counts, "summary": summary, "charts": charts, "is_board": board, "has_ended": closed,
            "plan_years": [cell.year for cell in rows[0].years] if rows else []})

    # Leaders open this page often and the figures change a few times a month: the rendered body is
    # reused until a target, a figure, a threshold or a unit changes (core/datacache.py), or the year closes.
    html = fragment("targets-dashboard", (year, unit.pk if unit else None, board, closed),
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
               "Đến kỳ", "% kế hoạch", "Dự báo cả năm", "% dự báo",
               "Kết quả" if year_closed(year, timezone.localdate()) else "Tình trạng", "Đơn vị chịu trách nhiệm"]
    body = []
    for r in rows:
        p, target = r.progress, r.target
        reached = (f"Quý {p.quarter}" if p.quarter else f"Tháng {p.months}") if p.year_value is not None else ""
        # a closed year: the verdict in the status column, no projection
        body.append([target.statement, target.indicator.measure, _float(target.value_low), _float(target.value_high),
                     _float(p.year_value), reached, _float(p.percent), _float(p.projected),
                     _float(p.projected_percent), str(STATUS_LABELS[p.badge]), target.responsible_unit.name])
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
    today = timezone.localdate()
    content = render_pdf("targets/pdf/dashboard.html", {"rows": rows, "year": year, "labels": STATUS_LABELS,
                                                        "today": today, "has_ended": year_closed(year, today)})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chi-tieu-{year}.pdf"'
    return response
