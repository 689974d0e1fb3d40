"""Unit scoping: what a user may see, enforced in querysets.

Unit staff see and act for their own unit and the units below it; Board
officers, Council members, leadership and administrators see every unit.
Every list and detail view filters through these functions, so a record of
another unit is simply not found (404), not merely hidden in a template.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Unit
from .roles import Role, is_city_wide, user_roles


def scope_key(user) -> tuple:
    """The one decision behind every scoping below: two users with the same key see the same rows.

    Cached fragments of scoped lists carry it (core/datacache.py)."""
    if is_city_wide(user):
        return ("city",)
    if Role.UNIT_STAFF in user_roles(user) and user.unit_id:
        return ("unit", user.unit_id)
    return ("none",)


def scope_to_user(queryset: QuerySet, user, unit_field: str | None = "unit") -> QuerySet:
    """Restrict any queryset whose rows belong to a unit (through ``unit_field``; None: the rows are units)."""
    kind = scope_key(user)[0]
    if kind == "city":
        return queryset
    if kind == "unit":
        path = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
        return queryset.filter(**{path: user.unit.path})
    return queryset.none()


def visible_units(user) -> QuerySet[Unit]:
    return scope_to_user(Unit.objects.all(), user, unit_field=None)


def can_act_for_unit(user, unit: Unit) -> bool:
    """May ``user`` submit data on behalf of ``unit``? (Staff of the unit or an ancestor.)"""
    return (
        Role.UNIT_STAFF in user_roles(user)
        and user.unit_id is not None
        and unit.path.startswith(user.unit.path)
    )
