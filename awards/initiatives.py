"""The initiative ledger kept by units: initiatives recognised for their staff.

An initiative supports one award and is used up when the decision is issued (see eligibility);
units record them here, the Board sees them all. Authors are given by person code (the code the
ratings template lists), because a select of every person in the city would be unusable.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.models import Person
from organisation.permissions import enters_staff_records
from organisation.scoping import scope_to_user
from utilities.params import is_id

from .models import Initiative


def visible_initiatives(user):
    return Initiative.objects.visible_to(user).select_related(
        "consumed_by__award_type", "consumed_by_unit_decision__award_type").prefetch_related(
        "authors__unit").order_by("-recognised_on", "-pk")


def parse_person_codes(text: str) -> list[int]:
    codes = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not codes:
        raise ValidationError(_("Give the code of at least one author."))
    wrong = [code for code in codes if not is_id(code)]
    if wrong:
        raise ValidationError(_("Person codes are whole numbers: %(codes)s") % {"codes": ", ".join(wrong)})
    return sorted({int(code) for code in codes})


@transaction.atomic
def record_initiative(user, *, title: str, author_codes: list[int], level: str, recognised_by: str,
                      recognised_on: datetime.date) -> Initiative:
    """Record an initiative for persons the user may act for (the Board: anyone)."""
    if not enters_staff_records(user):
        raise PermissionDenied(_("Only unit staff and Board officers record initiatives."))
    if recognised_on > timezone.localdate():
        raise ValidationError(_("The recognition date cannot be in the future."))
    found = {p.pk: p for p in scope_to_user(Person.objects.filter(pk__in=author_codes), user)}
    missing = [str(code) for code in author_codes if code not in found]
    if missing:
        raise ValidationError(_("No person of your unit has the code %(codes)s.") % {"codes": ", ".join(missing)})
    initiative = Initiative(title=title, level=level, recognised_by=recognised_by, recognised_on=recognised_on)
    initiative._history_user = user
    initiative.save()
    initiative.authors.set(found.values())
    return initiative
