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


def visible_units(user) -> QuerySet[Unit]:
    if is_city_wide(user):
        return Unit.objects.all()
    if Role.UNIT_STAFF in user_roles(user) and user.unit_id:
        return Unit.objects.filter(path__startswith=user.unit.path)
    return Unit.objects.none()


def scope_key(user) -> tuple:
    """What the scoping below depends on: two users with the same key see the same rows.

    Cached fragments of scoped lists carry it (haiphong_thidua/datacache.py)."""
    if is_city_wide(user):
        return ("city",)
    if Role.UNIT_STAFF in user_roles(user) and user.unit_id:
        return ("unit", user.unit_id)
    return ("none",)


def scope_to_user(queryset: QuerySet, user, unit_field: str = "unit") -> QuerySet:
    """Restrict any queryset whose rows belong to a unit (through ``unit_field``)."""
    if is_city_wide(user):
        return queryset
    if Role.UNIT_STAFF in user_roles(user) and user.unit_id:
        return queryset.filter(**{f"{unit_field}__path__startswith": user.unit.path})
    return queryset.none()


def can_act_for_unit(user, unit: Unit) -> bool:
    """May ``user`` submit data on behalf of ``unit``? (Staff of the unit or an ancestor.)"""
    return (
        Role.UNIT_STAFF in user_roles(user)
        and user.unit_id is not None
        and unit.path.startswith(user.unit.path)
    )
