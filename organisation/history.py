"""Units named as they were on a date: pages, exports and reports about a past period show the names of then
(2023 pages keep "Huyện Thủy Nguyên" after it became "Thành phố Thủy Nguyên" in 2025)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.db.models import Q

from .models import UnitVersion


def names_on(pairs: Iterable[tuple[int, datetime.date]]) -> dict[tuple[int, datetime.date], str]:
    """{(unit id, day): the unit's name on that day} for many pairs, in one query."""
    pairs = set(pairs)
    if not pairs:
        return {}
    units = {unit_id for unit_id, _day in pairs}
    earliest, latest = min(day for _u, day in pairs), max(day for _u, day in pairs)
    versions: dict[int, list] = {}
    for version in UnitVersion.objects.filter(unit_id__in=units, valid_from__lte=latest).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=earliest)).order_by("valid_from").values(
            "unit_id", "name", "valid_from", "valid_to"):
        versions.setdefault(version["unit_id"], []).append(version)
    names = {}
    for unit_id, day in pairs:
        for version in versions.get(unit_id, ()):
            if version["valid_from"] <= day and (version["valid_to"] is None or day < version["valid_to"]):
                names[(unit_id, day)] = version["name"]
    return names


def name_units_as_of(items: list, *, unit: Callable, day: Callable) -> list:
    """Give each item ``unit_name``: its unit's name on the item's day (``unit(item)``, ``day(item)``), falling back
    to today's name where the portal holds no version for that day."""
    names = names_on((unit(item).pk, day(item)) for item in items)
    for item in items:
        item.unit_name = names.get((unit(item).pk, day(item)), unit(item).name)
    return items


def show_as_of(units: Iterable, day: datetime.date) -> list:
    """Give these ``Unit`` objects, in memory only, the name, short name, kind, level and parent they had on ``day``
    (one query), so templates, exports and the API that read ``unit.name`` tell the past as it was. A unit the
    portal holds no version of for that day keeps today's state. Such an object refuses to be saved."""
    units = [u for u in units if u is not None]
    if not units:
        return units
    versions = {v.unit_id: v for v in UnitVersion.objects.filter(unit_id__in={u.pk for u in units}, valid_from__lte=day)
                .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day)).select_related("parent")}
    for unit in units:
        version = versions.get(unit.pk)
        if version is not None:
            unit.name, unit.short_name, unit.kind, unit.level = (version.name, version.short_name, version.kind,
                                                                 version.level)
            unit.parent = version.parent
        unit._as_of = day
    return units


def year_end(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day a year's names are taken from: its last day, or today for the current year."""
    today = today or datetime.date.today()
    return min(datetime.date(year, 12, 31), today)
