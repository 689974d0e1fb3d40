"""Units' own decisions: titles a unit head, or a district/commune chairman, awards (Law 06/2022 Art 80).

They are not the city's: the unit records its decision here, with its number and signer, so that the
eligibility rules see the titles (Lao động tiên tiến behind Chiến sĩ thi đua cơ sở, and so on).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legal.models import AwardType
from legal.periods import in_force
from organisation.models import Person
from organisation.permissions import acts_for_unit, enters_staff_records
from organisation.scoping import scope_to_user
from utilities.integrity import refused_as

from . import authority, eligibility
from .initiatives import parse_person_codes
from .models import LOCAL_DECIDERS, CommendationType, PastAward


def local_award_types(day: datetime.date):
    """The awards a unit decides itself on ``day``."""
    return AwardType.objects.filter(in_force(day, "authorities__"), authorities__decider__in=LOCAL_DECIDERS) \
        .distinct().order_by("order")


def visible_unit_decisions(user):
    return scope_to_user(PastAward.objects.exclude(decided_by="").select_related(
        "person", "award_type", "deciding_unit"), user, unit_field="deciding_unit").order_by(
        "-decided_on", "decision_number", "person__full_name")


@transaction.atomic
def record_unit_decision(user, *, unit, award_type, year: int, decision_number: str, decided_on: datetime.date,
                         signer_name: str, signer_title: str, person_codes: str) -> list[PastAward]:
    acts_for_unit.require(user, unit)
    enters_staff_records.require(user)
    today = timezone.localdate()
    if decided_on > today:
        raise ValidationError({"decided_on": _("The decision date is in the future.")})
    if year > decided_on.year:
        raise ValidationError({"year": _("The decision is dated before the end of the year of achievement.")})
    if not authority.is_local_award(award_type, decided_on):
        raise ValidationError({"award_type": _("“%(award)s” is not decided by a unit on %(date)s.") % {
            "award": award_type.name, "date": decided_on.strftime("%d/%m/%Y")}})
    refusal = authority.not_this_level(award_type, decided_on, unit)
    if refusal:
        raise ValidationError({"award_type": refusal})
    codes = parse_person_codes(person_codes)
    persons = {p.pk: p for p in scope_to_user(Person.objects.filter(pk__in=codes), user)
               if p.unit.path.startswith(unit.path)}
    unknown = [str(code) for code in codes if code not in persons]
    if unknown:
        raise ValidationError({"person_codes": _("No person with code %(codes)s in the unit's staff list.") % {
            "codes": ", ".join(unknown)}})
    def recorded(names) -> ValidationError:
        return ValidationError({"person_codes": _("Already recorded for %(year)s: %(names)s") % {
            "year": year, "names": ", ".join(sorted(names))}})

    already = set(PastAward.objects.filter(person__in=persons.values(), award_type=award_type, year=year)
                  .values_list("person__full_name", flat=True))
    if already:
        raise recorded(already)
    decider = authority.decider_on(award_type, decided_on)
    # The same decision recorded at the same moment: its persons are the ones already recorded.
    with refused_as({"unit_decision_once_a_year": recorded(p.full_name for p in persons.values())}):
        rows = PastAward.objects.bulk_create(
            PastAward(person=p, award_type=award_type, year=year, commendation_type=CommendationType.REGULAR,
                      decision_number=decision_number.strip(), decided_by=decider, decided_on=decided_on,
                      signer_name=signer_name.strip(), signer_title=signer_title.strip(), deciding_unit=unit,
                      recorded_by=user) for p in persons.values())
    # The initiatives the title rests on are used up by this decision, as by a city decision (one initiative, one
    # award); a person without free ones refuses the whole decision with the reason.
    eligibility.consume_for_unit_decision(rows)
    return rows
