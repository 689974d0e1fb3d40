"""Reporting figures, building the dashboard in a fixed number of queries, late reporters, imports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.formats import number
from legal.periods import is_in_force
from organisation.history import show_as_of, year_end
from organisation.permissions import is_board, require_board
from organisation.scoping import can_act_for_unit
from organisation.text import in_sentence
from utilities.excel import UnreadableWorkbook, capped, data_rows, too_long, validate_column, workbook_bytes
from utilities.integrity import refused_as

from . import progress
from .models import Actual, PeriodKind, ProgressThreshold, ReportingDeadline, Target, TargetKind


def can_report(user, target: Target) -> bool:
    return can_act_for_unit(user, target.responsible_unit) or is_board(user)


@transaction.atomic
def create_target(user, **fields) -> Target:
    """A target the Board adds (a later year's, or one the directive did not list)."""
    require_board(user)
    target = Target(**fields)
    target._history_user = user
    # The form checks the indicator's year (the model's unique check); the constraint says the same at a race.
    with refused_as({"one_target_per_indicator_year": target.unique_error_message(Target, ("indicator", "year"))}):
        target.save()
    return target


@transaction.atomic
def record_actual(user, target: Target, *, period_kind: str, period: int, value: Decimal, source: str,
                  note: str = "") -> Actual:
    """Report (or correct) the figure of one period; the previous value stays in the history."""
    target = Target.objects.select_for_update(of=("self",)).select_related("responsible_unit", "indicator").get(
        pk=target.pk)
    if not can_report(user, target):
        raise PermissionDenied(_("Only the responsible unit or the Board may report this target's figures."))
    if target.kind == TargetKind.MILESTONE:
        raise ValidationError(_("A milestone is marked as reached, not reported with figures."))
    low, high = target.allowed_min, target.allowed_max
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = " – ".join(number(b) if b is not None else "…" for b in (low, high))
        raise ValidationError({"value": _("“%(value)s” is outside the figures this target allows (%(bounds)s %(measure)s)."
                                          ) % {"value": number(value), "bounds": bounds,
                                               "measure": target.indicator.measure}})
    last = 4 if period_kind == PeriodKind.QUARTER else 12
    if not 1 <= period <= last:
        raise ValidationError({"period": _("The period must be between 1 and %(last)s.") % {"last": last}})
    other = PeriodKind.MONTH if period_kind == PeriodKind.QUARTER else PeriodKind.QUARTER
    if target.actuals.filter(period_kind=other).exists():
        raise ValidationError({"period_kind": _("This target is reported by %(kind)s; keep to one kind of period.")
                               % {"kind": in_sentence(PeriodKind(other).label)}})
    actual = target.actuals.filter(period_kind=period_kind, period=period).first() or Actual(
        target=target, period_kind=period_kind, period=period)
    actual.value, actual.source, actual.note, actual.reported_by = value, source.strip(), note.strip(), user
    actual._history_user = user
    actual.save()
    return actual


@transaction.atomic
def mark_milestone(user, target: Target, done_on: datetime.date | None) -> Target:
    target = Target.objects.select_for_update().get(pk=target.pk)
    if not can_report(user, target):
        raise PermissionDenied
    target.milestone_done_on = done_on
    target._history_user = user
    target.save()
    return target


def thresholds(on: datetime.date) -> progress.Thresholds:
    """The thresholds in force on ``on`` (legal.periods' one reading of a dated row; the latest start wins)."""
    row = ProgressThreshold.objects.in_force(on).order_by("-effective_from").first()
    if row is None:
        return progress.Thresholds()
    return progress.Thresholds(row.on_track_percent, row.at_risk_percent, row.about_tolerance_percent)


def spec(target: Target) -> progress.Spec:
    return progress.Spec(target.value_low, target.value_high, target.indicator.direction, target.is_about)


def _thresholds_by_year(years) -> dict[int, progress.Thresholds]:
    """Each year's thresholds, in force on its 31 December, from one read of the (small) table."""
    rows = sorted(ProgressThreshold.objects.all(), key=lambda r: r.effective_from, reverse=True)
    found = {}
    for year in years:
        row = next((r for r in rows if is_in_force(r, datetime.date(year, 12, 31))), None)
        found[year] = progress.Thresholds(row.on_track_percent, row.at_risk_percent,
                                          row.about_tolerance_percent) if row else progress.Thresholds()
    return found


@dataclass
class YearCell:
    """One year of an indicator in the plan's years side by side: its target (if the year has one) and result."""

    year: int
    target: Target | None
    progress: progress.Progress | None


@dataclass
class Row:
    target: Target
    progress: progress.Progress
    previous: Target | None
    previous_value: Decimal | None
    years: list[YearCell] = field(default_factory=list)


def plan_years(targets: list[Target], year: int) -> list[int]:
    """The years of the five-year plan the targets belong to (2021–2025), else just ``year``."""
    plan = next((t.plan for t in targets if t.plan is not None), None)
    return list(range(plan.start_year, plan.end_year + 1)) if plan else [year]


def _progress(target: Target, actuals, limits, last_actuals, closed: bool, through=None) -> progress.Progress:
    if target.kind == TargetKind.MILESTONE:
        done = target.milestone_done_on and (through is None or target.milestone_done_on <= through)
        return progress.Progress(status=progress.ProgressStatus.DONE if done else progress.ProgressStatus.NOT_DONE,
                                 closed=closed, verdict=progress.judge_milestone(target.milestone_done_on,
                                                                                  target.year) if closed else None)
    return progress.compute(spec(target), target.indicator.aggregation, actuals, limits, last_actuals, closed)


def dashboard(year: int, responsible_unit=None, through: datetime.date | None = None,
              today: datetime.date | None = None) -> list[Row]:
    """Every target of ``year`` with its progress; a constant number of queries whatever the data.

    A year that has ended by ``today`` (the local date unless given) is judged: each target's verdict on the
    year's figure, no projection. The year still running keeps the projection and its status. Each row also
    carries the plan's years side by side (the same indicator's target and result in 2021–2025).

    With ``through`` (a report's period end) only the figures of periods ending by then count, for the target
    and for last year's comparison (the same months), and a milestone counts as reached only if it was by then."""
    today = today or through or timezone.localdate()
    actuals = Prefetch("actuals", queryset=Actual.objects.order_by("period_kind", "period"))
    targets = Target.objects.filter(year=year).select_related("indicator", "responsible_unit", "plan").prefetch_related(
        actuals).order_by("indicator__order")
    if responsible_unit is not None:
        targets = targets.filter(responsible_unit=responsible_unit)
    targets = list(targets)

    # the responsible units named as at the end of the year (or of the report's period): 2023 keeps 2023's names
    show_as_of([t.responsible_unit for t in targets], min(through, year_end(year)) if through else year_end(year))
    years = plan_years(targets, year)
    # the other years of the plan and last year, in one query whatever the number of targets
    others = {(t.indicator_id, t.year): t for t in Target.objects.filter(
        year__range=(min(years[0], year - 1), years[-1]), indicator__in=[t.indicator_id for t in targets]).exclude(
        year=year).select_related("indicator").prefetch_related(actuals)}
    limits = _thresholds_by_year({year, *years})
    closed = progress.year_closed(year, today)
    until = 12 if through is None or through.year > year else (0 if through.year < year else through.month)
    rows = []
    for target in targets:
        last = others.get((target.indicator_id, year - 1))
        last_actuals = list(last.actuals.all()) if last else None
        current = [a for a in target.actuals.all() if a.end_month <= until]
        result = _progress(target, current, limits[year], last_actuals, closed, through)
        same_months = [a for a in last_actuals if a.end_month <= until] if last_actuals else None
        last_value = progress.year_to_date(progress.monthly_series(same_months), target.indicator.aggregation) \
            if same_months else None
        cells = []
        for other_year in years:
            other = target if other_year == year else others.get((target.indicator_id, other_year))
            if other is None:
                cells.append(YearCell(other_year, None, None))
                continue
            if other is target:
                cells.append(YearCell(other_year, target, result))
                continue
            before = others.get((target.indicator_id, other_year - 1))
            cells.append(YearCell(other_year, other, _progress(
                other, list(other.actuals.all()), limits[other_year],
                list(before.actuals.all()) if before else None, progress.year_closed(other_year, today))))
        rows.append(Row(target, result, last, last_value, cells))
    return rows


def late_reporters(year: int, today: datetime.date | None = None) -> list[tuple[Target, str]]:
    """Targets whose responsible unit has not reported the last period that is due."""
    today = today or timezone.localdate()
    deadlines = {d.period_kind: d.days_after for d in ReportingDeadline.objects.all()}
    late = []
    for target in Target.objects.filter(year=year, kind=TargetKind.NUMERIC).select_related(
            "responsible_unit", "indicator").prefetch_related("actuals"):
        kinds = {a.period_kind for a in target.actuals.all()} or {PeriodKind.QUARTER}
        kind = kinds.pop()
        days = deadlines.get(kind, 15)
        periods = range(1, 13) if kind == PeriodKind.MONTH else range(1, 5)
        due = [p for p in periods if period_end(year, kind, p) + datetime.timedelta(days=days) < today]
        if not due:
            continue
        reported = {a.period for a in target.actuals.all() if a.period_kind == kind}
        missing = [p for p in due if p not in reported]
        if missing:
            label = in_sentence(PeriodKind(kind).label)
            late.append((target, ", ".join(f"{label} {p}" for p in missing)))
    return late


def period_end(year: int, kind: str, period: int) -> datetime.date:
    month = period * 3 if kind == PeriodKind.QUARTER else period
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


# --- Excel: the statistics office's figures --------------------------------------------

HEADERS = ["Năm", "Mã chỉ tiêu", "Kỳ (thang/quy)", "Số kỳ", "Số liệu", "Nguồn", "Ghi chú"]


def template_workbook(year: int) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    book = Workbook()
    sheet = book.active
    sheet.title = "So lieu"
    sheet.append(HEADERS)
    for target in Target.objects.filter(year=year, kind=TargetKind.NUMERIC).select_related("indicator"):
        sheet.append([year, target.indicator.code, "quy", 1, None, "Cục Thống kê", target.indicator.name])
    validate_column(sheet, "C", choices="tháng,quý,thang,quy", message=_("Write “tháng” or “quý”."))
    validate_column(sheet, "D", whole=(1, 12), message=_("A month 1–12 or a quarter 1–4."))
    validate_column(sheet, "F", max_length=200, message=_("At most 200 characters."))
    validate_column(sheet, "G", max_length=500, message=_("At most 500 characters."))
    return workbook_bytes(book)


@transaction.atomic
def import_actuals(user, upload, progress=None) -> tuple[int, list[tuple[int, str]]]:
    """All rows or none; each wrong row is reported with its number."""
    try:
        sheet_rows = data_rows(upload, 7, progress)
    except UnreadableWorkbook as exc:
        return 0, [(0, str(exc))]
    kinds = {"thang": PeriodKind.MONTH, "tháng": PeriodKind.MONTH, "month": PeriodKind.MONTH,
             "quy": PeriodKind.QUARTER, "quý": PeriodKind.QUARTER, "quarter": PeriodKind.QUARTER}
    targets = {(t.year, t.indicator.code): t for t in Target.objects.select_related("indicator", "responsible_unit")}
    errors, rows = [], []
    for row_number, values in sheet_rows:
        year, code, kind_text, period, value, source, note = values
        problems = []
        try:
            target = targets.get((int(year), str(code).strip()))
        except (TypeError, ValueError):
            target = None
        if target is None:
            problems.append(_("no target “%(code)s” for year %(year)s") % {"code": code, "year": year})
        kind = kinds.get(str(kind_text or "").strip().lower())
        if kind is None:
            problems.append(_("period must be “tháng” or “quý”"))
        try:
            period = int(period)
        except (TypeError, ValueError):
            problems.append(_("period number “%(value)s” is not a whole number") % {"value": period})
        try:
            value = Decimal(str(value).replace(",", ".")) if value not in (None, "") else None
        except InvalidOperation:
            value = None
        if value is None:
            problems.append(_("the figure is missing or not a number"))
        source, note = str(source or "Cục Thống kê").strip(), str(note or "").strip()
        problems += filter(None, [too_long(source, 200, _("the source")), too_long(note, 500, _("the note"))])
        if problems:
            errors.append((row_number, "; ".join(problems)))
        else:
            rows.append((row_number, target, kind, period, value, source, note))
    if errors:
        return 0, capped(errors)
    for row_number, target, kind, period, value, source, note in rows:
        try:
            record_actual(user, target, period_kind=kind, period=period, value=value, source=source, note=note)
        except (ValidationError, PermissionDenied) as exc:
            transaction.set_rollback(True)
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            return 0, [(row_number, message)]
    return len(rows), []


def run_import_job(job, upload, progress):
    """A large figures sheet, in a worker (core/import_jobs.py)."""
    try:
        return import_actuals(job.user, upload, progress)
    except PermissionDenied as exc:
        return 0, [(0, str(exc))]
