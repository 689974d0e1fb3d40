"""The Board records changes of the organisation in the portal: a form per kind, a preview, then the change.

Each kind (``CHANGES``) names its form and the ``organisation.services`` function that makes it. The preview runs
that very function inside a savepoint that is rolled back, and reports what differs before and after (names,
parents, kinds, dissolutions, who moves), so what the Board sees is what the change will do, errors included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _, gettext_lazy

from . import services
from .models import Person, Unit, User
from .permissions import is_board


class _Rollback(Exception):
    pass


@dataclass(frozen=True)
class ChangeKind:
    slug: str
    label: object
    form: str  # class name in organisation.unit_forms
    apply: Callable  # (unit or None, cleaned data, user) -> the result of the service
    needs_unit: bool = True


def _rename(unit, data, user):
    return services.rename_unit(unit, name=data["name"], short_name=data["short_name"],
                                effective_on=data["effective_on"], basis=data["basis"], recorded_by=user)


def _move(unit, data, user):
    return services.move_unit(unit, parent=data["parent"], effective_on=data["effective_on"], basis=data["basis"],
                              recorded_by=user)


def _reclassify(unit, data, user):
    return services.reclassify_unit(unit, kind=data["kind"], level=data["level"], effective_on=data["effective_on"],
                                    basis=data["basis"], recorded_by=user)


def _merge(unit, data, user):
    """``unit`` receives the merged units."""
    return services.merge_units(data["sources"], into=unit, effective_on=data["effective_on"], basis=data["basis"],
                                recorded_by=user)


def _dissolve(unit, data, user):
    return services.dissolve_unit(unit, effective_on=data["effective_on"], basis=data["basis"], recorded_by=user)


def _establish(_unit, data, user):
    return services.create_unit(code=data["code"], name=data["name"], short_name=data["short_name"],
                                kind=data["kind"], level=data["level"], parent=data["parent"], sector=data["sector"],
                                established_on=data["effective_on"], basis=data["basis"], recorded_by=user)


CHANGES = {c.slug: c for c in (
    ChangeKind("doi-ten", gettext_lazy("Rename"), "RenameForm", _rename),
    ChangeKind("chuyen", gettext_lazy("Move under another unit"), "MoveForm", _move),
    ChangeKind("chuyen-loai", gettext_lazy("Change kind or level"), "ReclassifyForm", _reclassify),
    ChangeKind("sap-nhap", gettext_lazy("Merge other units into this one"), "MergeForm", _merge),
    ChangeKind("giai-the", gettext_lazy("Dissolve"), "DissolveForm", _dissolve),
    ChangeKind("thanh-lap", gettext_lazy("Establish a new unit"), "EstablishForm", _establish, needs_unit=False),
)}


def _snapshot() -> dict[int, tuple]:
    persons = dict(Person.objects.values("unit").annotate(n=Count("id")).values_list("unit", "n"))
    users = dict(User.objects.values("unit").annotate(n=Count("id")).values_list("unit", "n"))
    return {u.pk: (u.name, u.parent_id, u.kind, u.level, u.dissolved_on, persons.get(u.pk, 0), users.get(u.pk, 0))
            for u in Unit.objects.all()}


def _lines(before: dict, after: dict) -> list[str]:
    """What the change does, in the reader's words, one line per unit that changes."""
    names = {pk: row[0] for pk, row in {**before, **after}.items()}
    kinds = dict(Unit._meta.get_field("kind").flatchoices)
    levels = dict(Unit._meta.get_field("level").flatchoices)
    lines = []
    for pk, new in after.items():
        old = before.get(pk)
        if old is None:
            lines.append(_("New unit “%(name)s” under %(parent)s.") % {
                "name": new[0], "parent": names.get(new[1], "—")})
            continue
        parts = []
        if old[0] != new[0]:
            parts.append(_("name “%(old)s” → “%(new)s”") % {"old": old[0], "new": new[0]})
        if old[1] != new[1]:
            parts.append(_("parent %(old)s → %(new)s") % {"old": names.get(old[1], "—"),
                                                           "new": names.get(new[1], "—")})
        if old[2] != new[2] or old[3] != new[3]:
            parts.append(_("kind %(old)s → %(new)s") % {"old": f"{kinds[old[2]]} ({levels[old[3]]})",
                                                         "new": f"{kinds[new[2]]} ({levels[new[3]]})"})
        if old[4] != new[4]:
            parts.append(_("dissolved on %(date)s") % {"date": new[4].strftime("%d/%m/%Y")})
        if old[5] != new[5]:
            parts.append(_("persons %(old)s → %(new)s") % {"old": old[5], "new": new[5]})
        if old[6] != new[6]:
            parts.append(_("accounts %(old)s → %(new)s") % {"old": old[6], "new": new[6]})
        if parts:
            lines.append(f"{old[0]}: " + "; ".join(parts))
    return lines


def preview(user, kind: ChangeKind, unit: Unit | None, data: dict) -> list[str]:
    """What recording the change would do (ValidationError if it cannot be recorded); nothing is kept."""
    is_board.require(user)
    lines: list[str] = []
    try:
        with transaction.atomic():
            before = _snapshot()
            kind.apply(unit, data, user)
            lines = _lines(before, _snapshot())
            raise _Rollback
    except _Rollback:
        pass
    return lines


def record(user, kind: ChangeKind, unit: Unit | None, data: dict):
    is_board.require(user)
    return kind.apply(unit, data, user)
