"""Units keep their own staff records (the persons their nominations and ratings refer to): add, correct, move out.

A unit's staff act for their unit and the units below it; Board officers for every unit. A person who moves out
is not deleted: the record stays (with the date and reason) for the awards and ratings already given, and is no
longer offered for new nominations. Moving a person to another unit the actor may act for is a correction of the
unit field."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from utilities.integrity import refused_as

from .models import PERSON_ON_STAFF, Person, Unit
from .permissions import enters_staff_records
from .scoping import can_act_for_unit
from .text import clean_text

FIELDS = ("full_name", "sex", "birth_date", "unit", "position", "category", "is_direct_worker", "is_leader",
          "hired_on", "is_deceased")


def _require(user, unit: Unit) -> None:
    enters_staff_records.require(user)
    if not can_act_for_unit(user, unit):
        raise ValidationError({"unit": _("You can keep staff records only for your own unit and the units below it.")})


def _check(fields: dict, today: datetime.date) -> dict:
    fields = dict(fields)
    fields["full_name"] = clean_text(fields.get("full_name", ""))  # trimmed too
    fields["position"] = clean_text(fields.get("position", ""))
    if not fields["full_name"]:
        raise ValidationError({"full_name": _("Give the person's full name.")})
    born, hired = fields.get("birth_date"), fields.get("hired_on")
    if born and born > today:
        raise ValidationError({"birth_date": _("A date of birth cannot be in the future.")})
    if hired and hired > today:
        raise ValidationError({"hired_on": _("The recruitment date cannot be in the future.")})
    if born and hired and hired < born:
        raise ValidationError({"hired_on": _("The recruitment date is before the date of birth.")})
    unit = fields["unit"]
    if unit.dissolved_on:
        raise ValidationError({"unit": _("“%(unit)s” was dissolved; choose a unit that exists.") % {"unit": unit.name}})
    return fields


def _save(user, person: Person) -> Person:
    """Save a record that is not a second current record of the same person in its unit (checked first; the
    constraint person_once_on_a_staff stops one saved at the same moment)."""
    twice = ValidationError({"full_name": PERSON_ON_STAFF})
    if person.birth_date and person.left_on is None and Person.objects.current().filter(
            unit=person.unit, birth_date=person.birth_date, full_name__iexact=person.full_name).exclude(
            pk=person.pk).exists():
        raise twice
    person._history_user = user
    with refused_as({"person_once_on_a_staff": twice}):
        person.save()
    return person


@transaction.atomic
def add_person(user, **fields) -> Person:
    _require(user, fields["unit"])
    return _save(user, Person(**_check(fields, timezone.localdate())))


@transaction.atomic
def update_person(user, person: Person, **fields) -> Person:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    _require(user, person.unit)
    fields = _check({**{name: getattr(person, name) for name in FIELDS}, **fields}, timezone.localdate())
    _require(user, fields["unit"])  # a move to another unit stays inside the actor's units
    for name in FIELDS:
        setattr(person, name, fields[name])
    return _save(user, person)


@transaction.atomic
def move_out(user, person: Person, *, left_on: datetime.date, reason: str) -> Person:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    _require(user, person.unit)
    if person.left_on:
        raise ValidationError(_("%(name)s already left the unit on %(date)s.") % {
            "name": person.full_name, "date": person.left_on.strftime("%d/%m/%Y")})
    if left_on > timezone.localdate():
        raise ValidationError({"left_on": _("Record a move once it has happened (the date is in the future).")})
    if person.hired_on and left_on < person.hired_on:
        raise ValidationError({"left_on": _("The date is before the person was recruited.")})
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the person left (transfer, retirement, …).")})
    person.left_on, person.left_reason = left_on, reason
    person._history_user = user
    person.save()
    return person
