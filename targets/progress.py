"""Progress arithmetic: percent of target (ranges, "about", lower-is-better), year-end
projection (with last year's seasonality when known) and status. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

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

    @property
    def quarter(self) -> int | None:
        """The quarter the figures reach, where they come by quarter: pages say "to quarter 2", not "to month 6"."""
        return self.months // 3 if self.by_quarter and self.months % 3 == 0 else None


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


def compute(spec: Spec, aggregation: str, actuals, thresholds: Thresholds, last_year_actuals=None) -> Progress:
    series = monthly_series(actuals)
    if not series:
        return Progress()
    months = max(series)
    ytd = year_to_date(series, aggregation)
    last = monthly_series(last_year_actuals) if last_year_actuals else None
    projected = project(ytd, months, aggregation, last)
    percent = percent_of_target(ytd, spec)
    projected_percent = percent_of_target(projected, spec)
    running, cumulative = Decimal(0), []
    for month in sorted(series):
        running = running + series[month] if aggregation == "cumulative" else series[month]
        cumulative.append((month, running))
    by_quarter = not any(a.end_month == months and a.period_kind != "quarter" for a in actuals)
    return Progress(year_value=ytd, months=months, percent=percent, projected=projected,
                    projected_percent=projected_percent, status=status_for(projected_percent, spec, thresholds),
                    series=cumulative, by_quarter=by_quarter)
