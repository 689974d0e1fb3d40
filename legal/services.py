"""The Board keeps the working-day calendar: it enters each year's announced days and corrects them."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from organisation.permissions import keeps_calendar
from utilities.integrity import refused_as, unique_field

from .enums import DayKind
from .models import Holiday


def _taken(day: datetime.date) -> ValidationError:
    return ValidationError({"date": _("%(date)s is already in the calendar; remove it first to change it.") % {
        "date": f"{day:%d/%m/%Y}"}})


@transaction.atomic
def add_day(user, *, date: datetime.date, name: str, occasion: str, kind: str, basis: str = "") -> Holiday:
    keeps_calendar.require(user)
    if kind == DayKind.WORKING_DAY and date.weekday() < 5:
        raise ValidationError({"kind": _("Only a Saturday or a Sunday can be a day worked in exchange.")})
    if kind == DayKind.DAY_OFF and date.weekday() >= 5:
        raise ValidationError({"kind": _("A day off in compensation falls on a working day, not a weekend.")})
    if Holiday.objects.filter(date=date).exists():
        raise _taken(date)
    with refused_as({unique_field(Holiday, "date"): _taken(date)}):
        return Holiday.objects.create(date=date, name=name, occasion=occasion, kind=kind, basis=basis)


@transaction.atomic
def remove_day(user, holiday: Holiday) -> None:
    keeps_calendar.require(user)
    Holiday.objects.filter(pk=holiday.pk).delete()
