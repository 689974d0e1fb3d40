"""Progress arithmetic: percent of target (ranges, "about", lower-is-better), year-end
projection (with last year's seasonality when known) and status while a year runs; once it has
ended, the verdict on the year's figure (met, exceeded, not met). Pure functions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import TextChoices
from django.utils.translation import gettext, gettext_lazy as _

HUNDRED = Decimal(100)
CAP = Decimal(999)


class ProgressStatus(TextChoices):
    """How a target stands (not a workflow state: it is computed from the figures)."""

    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No figures yet")
    DONE = "done", _("Reached")
    NOT_DONE = "not_done", _("Not yet reached")


class Verdict(TextChoices):
    """How a closed year's target came out (computed from the year's figure, not a workflow state)."""

    EXCEEDED = "exceeded", _("Exceeded")
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NO_FIGURE = "no_figure", _("No year's figure")


@dataclass(frozen=True)
class Spec:
    low: Decimal | None
    high: Decimal | None = None
    direction: str = "higher"
    about: bool = False


@dataclass(frozen=True)
class Thresholds:
    on_track: Decimal = Decimal(100)
    at_risk: Decimal = Decimal(90)
    about_tolerance: Decimal = Decimal(3)


@dataclass
class Progress:
    year_value: Decimal | None = None
    months: int = 0
    percent: Decimal | None = None
    projected: Decimal | None = None
    projected_percent: Decimal | None = None
    status: str = ProgressStatus.NO_DATA
    series: list = field(default_factory=list)
    by_quarter: bool = False  # the latest figure is a quarter's (no monthly figure for its last month)
    closed: bool = False  # the year has ended: a verdict, no projection
    verdict: str | None = None

    def labelled_series(self) -> list[tuple[str, Decimal]]:
        """[("Quý 3", value)] where the figures come by quarter, else [("Tháng 9", value)]: for text alternatives."""
        return [(period_label(month, self.by_quarter), value) for month, value in self.series]

    @property
    def badge(self) -> str:
        """What the pages show: the verdict of a closed year, the status of a running one."""
        return self.verdict if self.closed else self.status

    @property
    def quarter(self) -> int | None:
        """The quarter the figures reach, where they come by quarter: pages say "to quarter 2", not "to month 6"."""
        return self.months // 3 if self.by_quarter and self.months % 3 == 0 else None


def period_label(end_month: int, by_quarter: bool) -> str:
    """A period as people name it: "Quý 3" (not month 9) where the figures come by quarter, else "Tháng 9"."""
    if by_quarter:
        return gettext("Quarter %(n)s") % {"n": (end_month + 2) // 3}
    return gettext("Month %(n)s") % {"n": end_month}


def percent_of_target(value: Decimal, spec: Spec) -> Decimal | None:
    """How far ``value`` goes towards the target, 100 = reached.

    Higher is better: against the lower bound of a range (reaching 12,7% of "12,7%–13%" is 100).
    Lower is better: the upper bound (or the single value) divided by the figure.
    Reach exactly: 100 inside the range, less the relative distance outside it.
    """
    if spec.low is None or value is None:
        return None
    low, high = spec.low, spec.high if spec.high is not None else spec.low
    if spec.direction == "lower":
        if value <= 0:
            return CAP
        return min(high / value * HUNDRED, CAP)
    if spec.direction == "exact":
        if low <= value <= high:
            return HUNDRED
        bound = low if value < low else high
        return max(HUNDRED - abs(value - bound) / abs(bound) * HUNDRED, Decimal(0)) if bound else Decimal(0)
    if low == 0:
        return HUNDRED if value >= 0 else Decimal(0)
    return min(value / low * HUNDRED, CAP)


def status_for(percent: Decimal | None, spec: Spec, thresholds: Thresholds) -> str:
    if percent is None:
        return ProgressStatus.NO_DATA
    tolerance = thresholds.about_tolerance if spec.about else Decimal(0)
    if percent >= thresholds.on_track - tolerance:
        return ProgressStatus.ON_TRACK
    if percent >= thresholds.at_risk - tolerance:
        return ProgressStatus.AT_RISK
    return ProgressStatus.OFF_TRACK


def monthly_series(actuals) -> dict[int, Decimal]:
    """{end month: value}; a quarter's figure counts at its last month. Monthly figures win."""
    series: dict[int, Decimal] = {}
    for a in sorted(actuals, key=lambda a: (a.period_kind != "quarter", a.end_month)):
        series[a.end_month] = a.value
    return series


def year_to_date(series: dict[int, Decimal], aggregation: str) -> Decimal | None:
    if not series:
        return None
    if aggregation == "point":
        return series[max(series)]
    return sum(series.values(), Decimal(0))


def project(ytd: Decimal, months: int, aggregation: str, last_year: dict[int, Decimal] | None) -> Decimal:
    """Year-end projection: a point-in-time figure stands; a cumulative one grows with the
    share of last year's total reached by the same month, or evenly if last year is unknown."""
    if aggregation == "point" or months >= 12:
        return ytd
    if last_year and max(last_year) == 12:
        total = sum(last_year.values(), Decimal(0))
        so_far = sum((v for m, v in last_year.items() if m <= months), Decimal(0))
        if total > 0 and so_far > 0:
            return ytd * total / so_far
    return ytd * Decimal(12) / Decimal(months)


def year_closed(year: int, today: datetime.date) -> bool:
    """A year is closed from 1 January of the next year: 31 December is still its last running day."""
    return today > datetime.date(year, 12, 31)


def bounds(spec: Spec, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    """The figures that count as the target itself. A range is its two bounds (both inside); a single value is
    both bounds. An "about" (khoảng) target widens them by ``tolerance`` percent of the bound's own value:
    "khoảng 7,3" with a 3 % tolerance is met from 7,081 to 7,519; "khoảng 12,7 %–13 %" from 12,319 to 13,39."""
    low, high = spec.low, spec.high if spec.high is not None else spec.low
    if spec.about:
        share = tolerance / HUNDRED
        low, high = low - abs(low) * share, high + abs(high) * share
    return low, high


def judge(spec: Spec, figure: Decimal | None, tolerance: Decimal) -> str:
    """The verdict on a closed year's ``figure``.

    At least (higher is better): below the lower bound not met, inside met, above the upper bound exceeded.
    At most (lower is better): the mirror image, below the lower bound is exceeded (better than planned).
    Reach exactly: inside met, outside either way not met.
    """
    if figure is None or spec.low is None:
        return Verdict.NO_FIGURE
    low, high = bounds(spec, tolerance)
    if low <= figure <= high:
        return Verdict.MET
    if spec.direction == "exact":
        return Verdict.NOT_MET
    better = figure > high if spec.direction != "lower" else figure < low
    return Verdict.EXCEEDED if better else Verdict.NOT_MET


def judge_milestone(done_on: datetime.date | None, year: int) -> str:
    """A milestone is met if it was reached by 31 December of its year; reached later, the year did not meet it."""
    return Verdict.MET if done_on and done_on <= datetime.date(year, 12, 31) else Verdict.NOT_MET


def compute(spec: Spec, aggregation: str, actuals, thresholds: Thresholds, last_year_actuals=None,
            closed: bool = False) -> Progress:
    """Progress of a year's figures; for a ``closed`` year the verdict on the year's figure (the figures must
    reach December or the fourth quarter: a year known only to September has no year's figure) and no
    projection."""
    series = monthly_series(actuals)
    if not series:
        return Progress(closed=closed, verdict=Verdict.NO_FIGURE if closed else None)
    months = max(series)
    ytd = year_to_date(series, aggregation)
    by_quarter = not any(a.end_month == months and a.period_kind != "quarter" for a in actuals)
    running, cumulative = Decimal(0), []
    for month in sorted(series):
        running = running + series[month] if aggregation == "cumulative" else series[month]
        cumulative.append((month, running))
    if closed:
        verdict = judge(spec, ytd if months == 12 else None, thresholds.about_tolerance)
        return Progress(year_value=ytd, months=months, percent=percent_of_target(ytd, spec), series=cumulative,
                        by_quarter=by_quarter, closed=True, verdict=verdict)
    last = monthly_series(last_year_actuals) if last_year_actuals else None
    projected = project(ytd, months, aggregation, last)
    percent = percent_of_target(ytd, spec)
    projected_percent = percent_of_target(projected, spec)
    return Progress(year_value=ytd, months=months, percent=percent, projected=projected,
                    projected_percent=projected_percent, status=status_for(projected_percent, spec, thresholds),
                    series=cumulative, by_quarter=by_quarter)
