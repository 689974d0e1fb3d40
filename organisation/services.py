"""Changing the organisation tree while keeping its history.

Every function here runs in one transaction, locks the rows it changes, closes
the current ``UnitVersion`` on the effective date, opens a new one and records
a ``UnitEvent``. Nothing else should write ``Unit.parent``/``name``/``path``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils.translation import gettext as _, gettext_lazy
from simple_history.utils import bulk_update_with_history

from utilities.integrity import refused_as, unique_field

from .models import Person, Unit, UnitEvent, UnitEventKind, UnitVersion, User

# The establishing form checks it first (organisation.unit_forms); the unique code is the guarantee.
CODE_TAKEN = gettext_lazy("Another unit already has this code.")

_VERSIONED_FIELDS = ("name", "short_name", "kind", "level", "parent_id")


def _path_for(unit: Unit, parent: Unit | None) -> str:
    return f"{parent.path if parent else '/'}{unit.pk}/"


def _open_version(unit: Unit, event: UnitEvent, valid_from: datetime.date) -> UnitVersion:
    return UnitVersion.objects.create(
        unit=unit,
        name=unit.name,
        short_name=unit.short_name,
        kind=unit.kind,
        level=unit.level,
        parent_id=unit.parent_id,
        valid_from=valid_from,
        event=event,
    )


def _close_current_version(unit: Unit, on: datetime.date) -> None:
    current = UnitVersion.objects.select_for_update().filter(unit=unit, valid_to__isnull=True).first()
    if current is None:
        return
    if on <= current.valid_from:
        raise ValidationError(
            _("The change must take effect after %(date)s, when the current state of the unit began.")
            % {"date": current.valid_from.strftime("%d/%m/%Y")}
        )
    current.valid_to = on
    current.save(update_fields=["valid_to"])


def _lock(unit: Unit) -> Unit:
    return Unit.objects.select_for_update().get(pk=unit.pk)


@transaction.atomic
def create_unit(
    *,
    code: str,
    name: str,
    kind: str,
    level: str,
    parent: Unit | None = None,
    short_name: str = "",
    sector: str = "state",
    established_on: datetime.date | None = None,
    recorded_from: datetime.date | None = None,
    basis: str = "",
    recorded_by=None,
) -> Unit:
    """Create a unit established on ``established_on``, or, for a unit that already
    existed before the portal knew it, recorded from ``recorded_from``."""
    if (established_on is None) == (recorded_from is None):
        raise ValueError("Give exactly one of established_on and recorded_from.")
    with refused_as({unique_field(Unit, "code"): ValidationError({"code": CODE_TAKEN})}):
        unit = Unit.objects.create(
            code=code,
            name=name,
            short_name=short_name,
            kind=kind,
            level=level,
            sector=sector,
            parent=parent,
            established_on=established_on,
        )
    unit.path = _path_for(unit, parent)
    unit.save(update_fields=["path"])
    valid_from = established_on or recorded_from
    event = UnitEvent.objects.create(
        kind=UnitEventKind.ESTABLISH if established_on else UnitEventKind.RECORD,
        effective_on=valid_from, basis=basis, successor=unit, recorded_by=recorded_by,
    )
    _open_version(unit, event, valid_from)
    return unit


def _apply_change(
    unit: Unit, *, event_kind: str, effective_on: datetime.date, basis: str, note: str = "", recorded_by=None,
    **changes,
) -> Unit:
    """``changes`` are Unit fields (``kind`` among them for a reclassification); ``event_kind`` names the event."""
    unit = _lock(unit)
    if not unit.is_active:
        raise ValidationError(_("Unit “%(name)s” was dissolved and cannot be changed.") % {"name": unit.name})
    _close_current_version(unit, effective_on)
    old_path = unit.path
    for field, value in changes.items():
        setattr(unit, field, value)
    if "parent" in changes:
        unit.path = _path_for(unit, changes["parent"])
    unit.save()
    if unit.path != old_path:
        # Re-root the subtree: replace the old prefix with the new one.
        Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).update(
            path=Concat(Value(unit.path), Substr("path", Length(Value(old_path)) + 1))
        )
    event = UnitEvent.objects.create(
        kind=event_kind, effective_on=effective_on, basis=basis, note=note, successor=unit, recorded_by=recorded_by
    )
    _open_version(unit, event, effective_on)
    return unit


@transaction.atomic
def rename_unit(unit: Unit, *, name: str, effective_on: datetime.date, short_name: str | None = None,
                basis: str = "", recorded_by=None) -> Unit:
    changes = {"name": name}
    if short_name is not None:
        changes["short_name"] = short_name
    return _apply_change(
        unit, event_kind=UnitEventKind.RENAME, effective_on=effective_on, basis=basis, recorded_by=recorded_by, **changes
    )


@transaction.atomic
def move_unit(unit: Unit, *, parent: Unit | None, effective_on: datetime.date, basis: str = "",
              recorded_by=None) -> Unit:
    if parent is not None and parent.path.startswith(unit.path):
        raise ValidationError(_("A unit cannot be placed under itself or one of its own sub-units."))
    return _apply_change(
        unit, event_kind=UnitEventKind.REPARENT, effective_on=effective_on, basis=basis, recorded_by=recorded_by,
        parent=parent,
    )


@transaction.atomic
def reclassify_unit(unit: Unit, *, kind: str, level: str, effective_on: datetime.date, basis: str = "",
                    recorded_by=None) -> Unit:
    return _apply_change(
        unit, event_kind=UnitEventKind.RECLASSIFY, effective_on=effective_on, basis=basis, recorded_by=recorded_by,
        kind=kind, level=level,
    )


@transaction.atomic
def merge_units(
    sources: Iterable[Unit], *, into: Unit, effective_on: datetime.date, basis: str = "", recorded_by=None
) -> UnitEvent:
    """Merge ``sources`` into ``into`` (an existing or newly created unit).

    The sources are dissolved on ``effective_on``; their active sub-units move
    under ``into`` and their persons and user accounts now belong to ``into``.
    Past versions keep the old names and parents, so data recorded before the
    merge still shows the unit as it was then.
    """
    sources = [_lock(u) for u in sources]
    into = _lock(into)
    if not sources or any(s.pk == into.pk for s in sources):
        raise ValidationError(_("Choose one or more units to merge, other than the receiving unit."))
    event = UnitEvent.objects.create(
        kind=UnitEventKind.MERGE, effective_on=effective_on, basis=basis, successor=into, recorded_by=recorded_by
    )
    event.predecessors.set(sources)
    for source in sources:
        if not source.is_active:
            raise ValidationError(_("Unit “%(name)s” was already dissolved.") % {"name": source.name})
        for child in source.children.filter(dissolved_on__isnull=True):
            move_unit(child, parent=into, effective_on=effective_on, basis=basis, recorded_by=recorded_by)
        movers = list(Person.objects.filter(unit=source))
        for person in movers:
            person.unit = into
        # One history row per person, so each person's record shows the move.
        with refused_as({"person_once_on_a_staff": ValidationError(_(
                "Two of the units have the same person on their staff (the same full name and date of birth): "
                "record one of the two as moved out before the merge."))}):
            bulk_update_with_history(movers, Person, ["unit"], batch_size=500,
                                     default_change_reason=f"merge:{event.pk}")
        User.objects.filter(unit=source).update(unit=into)
        _close_current_version(source, effective_on)
        source.dissolved_on = effective_on
        source.save(update_fields=["dissolved_on"])
    return event


@transaction.atomic
def dissolve_unit(unit: Unit, *, effective_on: datetime.date, basis: str = "", recorded_by=None) -> UnitEvent:
    unit = _lock(unit)
    if unit.children.filter(dissolved_on__isnull=True).exists():
        raise ValidationError(_("Move or dissolve the sub-units first."))
    _close_current_version(unit, effective_on)
    unit.dissolved_on = effective_on
    unit.save(update_fields=["dissolved_on"])
    event = UnitEvent.objects.create(
        kind=UnitEventKind.DISSOLVE, effective_on=effective_on, basis=basis, recorded_by=recorded_by
    )
    event.predecessors.set([unit])
    return event


def tree_on(day: datetime.date) -> list[UnitVersion]:
    """The organisation as it stood on ``day``: one version per unit active then."""
    return list(
        UnitVersion.objects.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .select_related("unit", "parent")
        .order_by("unit__path")
    )
