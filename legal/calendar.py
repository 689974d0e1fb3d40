"""Reading the law in force: legal parameters on a day, and the working-day calendar (weekends and recorded public
holidays excluded) that deadlines are counted in."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from .enums import DayKind, Occasion
from .models import Holiday, Parameter


def parameter(key: str, on: datetime.date, award_type=None, specific_only: bool = False) -> Decimal:
    """The value in force on ``on``: a row for the award type wins over a general one. With ``specific_only``
    only a row for the award type counts, and ``LookupError`` says there is none."""
    rows = Parameter.objects.in_force(on).filter(key=key)
    if specific_only:
        row = rows.filter(award_type=award_type).order_by("-effective_from").first() if award_type else None
        if row is None:
            raise LookupError(key)
        return row.value
    rows = rows.filter(Q(award_type__isnull=True) | Q(award_type=award_type)).order_by(
        "award_type_id", "-effective_from")
    # NULLs sort last in ascending order on PostgreSQL, so a specific row comes first.
    row = rows.first()
    if row is None:
        raise ImproperlyConfigured(f"No legal parameter {key!r} in force on {on:%d/%m/%Y}.")
    return row.value


def _exceptions(start: datetime.date, end: datetime.date) -> tuple[set, set]:
    """Days off (holidays and days given in their place) and weekend days worked, between the two dates."""
    rows = Holiday.objects.filter(date__gt=start, date__lte=end).values_list("date", "kind")
    off = {day for day, kind in rows if kind != DayKind.WORKING_DAY}
    worked = {day for day, kind in rows if kind == DayKind.WORKING_DAY}
    return off, worked


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start``: Monday to Friday, less the recorded holidays and days off,
    plus the weekend days worked in exchange (làm bù)."""
    off, worked = _exceptions(start, start + datetime.timedelta(days=days * 3 + 30))
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        if (day.weekday() < 5 and day not in off) or day in worked:
            left -= 1
    return day


def is_working_day(day: datetime.date) -> bool:
    off, worked = _exceptions(day - datetime.timedelta(days=1), day)
    return (day.weekday() < 5 and day not in off) or day in worked


# What each year's schedule holds once it is announced: the days of each holiday (Labour Code 2019, Art 112.1).
STATUTORY_DAYS = {
    Occasion.NEW_YEAR: 1,
    Occasion.LUNAR_NEW_YEAR: 5,
    Occasion.HUNG_KINGS: 1,
    Occasion.VICTORY_DAY: 1,
    Occasion.LABOUR_DAY: 1,
    Occasion.NATIONAL_DAY: 2,
}


def missing_days(years) -> dict[int, list[tuple[str, int, int]]]:
    """For each year, the holidays whose days are not all recorded yet: ``(label, recorded, required)``. A year
    whose Tết is missing is a year whose schedule the Board has not entered, and deadlines in it run too short."""
    counts = {}
    rows = Holiday.objects.filter(date__year__in=list(years), kind=DayKind.HOLIDAY)
    for year, occasion in rows.values_list("date__year", "occasion"):
        counts[year, occasion] = counts.get((year, occasion), 0) + 1
    return {year: [(Occasion(occasion).label, counts.get((year, occasion), 0), required)
                   for occasion, required in STATUTORY_DAYS.items()
                   if counts.get((year, occasion), 0) < required] for year in years}
