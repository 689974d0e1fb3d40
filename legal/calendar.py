"""Reading the law in force: legal parameters on a day, and the working-day calendar (weekends and recorded public
holidays excluded) that deadlines are counted in."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

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


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (weekends and recorded holidays excluded)."""
    holidays = set(
        Holiday.objects.filter(date__gt=start, date__lte=start + datetime.timedelta(days=days * 3 + 30))
        .values_list("date", flat=True)
    )
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            left -= 1
    return day
