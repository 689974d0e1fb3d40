"""Who decides an award on a date (Law 06/2022 Art 77–80; rows of ``DecidingAuthority`` by period).

The city issues "Số N/QĐ-UBND" only for what the city Chairman decides; what the Prime Minister or the
President decides goes up with the city's submission and its result is recorded when it comes back; what a
unit head or a district/commune chairman decides is that unit's own decision, recorded by the unit.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from legal.models import DecidingAuthority

from .models import CENTRAL_DECIDERS, LOCAL_DECIDERS, Decider


def authority_on(award_type, day: datetime.date) -> DecidingAuthority | None:
    return DecidingAuthority.objects.in_force(day).filter(award_type=award_type).order_by("-effective_from").first()


def decider_on(award_type, day: datetime.date) -> str:
    row = authority_on(award_type, day)
    return row.decider if row else award_type.decided_by


def is_city_award(award_type, day: datetime.date) -> bool:
    return decider_on(award_type, day) == Decider.CITY_CHAIRMAN


def is_central_award(award_type, day: datetime.date) -> bool:
    return decider_on(award_type, day) in CENTRAL_DECIDERS


def is_local_award(award_type, day: datetime.date) -> bool:
    return decider_on(award_type, day) in LOCAL_DECIDERS


def not_for_the_city(award_type, day: datetime.date) -> str | None:
    """Why a city dossier cannot propose ``award_type`` on ``day`` (None: it can)."""
    row = authority_on(award_type, day)
    decider = row.decider if row else award_type.decided_by
    basis = f" ({row.legal_basis}, {row.article})" if row else ""
    if decider in LOCAL_DECIDERS:
        return _("“%(award)s” is decided by the %(decider)s%(basis)s, not by the city Chairman: the unit records "
                 "its own decision under “Units' own decisions”.") % {
            "award": award_type.name_on(day), "decider": Decider(decider).label, "basis": basis}
    if decider == Decider.MINISTER:
        return _("“%(award)s” is given by a ministry or central body%(basis)s; record it as an earlier award.") % {
            "award": award_type.name_on(day), "basis": basis}
    return None


# The level of government a district or commune chairman's title is recorded by (Decree 86/2023: the titles of the
# commune and the district; from 01/7/2025 there are no districts).
CHAIRMAN_LEVELS = {Decider.DISTRICT_CHAIRMAN: "district", Decider.COMMUNE_CHAIRMAN: "commune"}


def not_this_level(award_type, day: datetime.date, unit) -> str | None:
    """Why ``unit`` cannot record its own decision of ``award_type`` dated ``day`` (None: it can): a district or
    commune chairman's title is recorded by a unit of that level, the level of the decision's date."""
    row = authority_on(award_type, day)
    level = CHAIRMAN_LEVELS.get(row.decider if row else award_type.decided_by)
    if level is None or unit.level == level:
        return None
    return _("On %(date)s “%(award)s” is decided by the %(decider)s (%(basis)s): a unit of that level records it.") % {
        "date": day.strftime("%d/%m/%Y"), "award": award_type.name_on(day),
        "decider": Decider(row.decider if row else award_type.decided_by).label,
        "basis": f"{row.legal_basis}, {row.article}" if row else ""}
