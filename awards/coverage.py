"""Which awards have eligibility criteria in force, per year of achievement and type of commendation.

An award without criteria for a year is not a pass: the check says "chưa có tiêu chuẩn áp dụng" and the
Board sees the gaps here and in the admin. A gap matters for the awards the city decides: the others are decided by a
unit, a commune or the central level (the cell names who), and an emulation title has no ad hoc or thematic form (a
title rewards a year's or a period's results; ad hoc and thematic awards are forms of commendation).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from legal.enums import AwardCategory
from legal.models import AwardType, DecidingAuthority, EligibilityRule

from .eligibility import rules_for
from .models import CommendationType, Decider

YEARS = (2023, 2024, 2025, 2026)
KINDS = (CommendationType.REGULAR, CommendationType.AD_HOC, CommendationType.THEMATIC)
# Cell states: criteria in force, none though the city decides it, decided by another level, not applicable.
COVERED, GAP, ELSEWHERE, NOT_APPLICABLE = "covered", "gap", "elsewhere", "n/a"


def covered(years=YEARS) -> dict[tuple[int, str], set[int]]:
    """(award id, commendation type) -> the years with at least one rule in force on 31 December."""
    result: dict[tuple[int, str], set[int]] = defaultdict(set)
    rules = list(EligibilityRule.objects.values_list("award_type_id", "commendation_types", "effective_from",
                                                     "effective_to"))
    for year in years:
        day = dt.date(year, 12, 31)
        for award_id, types, start, end in rules:
            if start <= day and (end is None or end >= day):
                for kind in types or CommendationType.values:
                    result[award_id, kind].add(year)
    return result


def gaps(award: AwardType, years=YEARS, kind: str = CommendationType.REGULAR) -> list[int]:
    """The years without a rule in force for ``award`` and type ``kind`` (the check's own rule lookup)."""
    return [year for year in years if not rules_for(award, year, kind)]


def deciders(years=YEARS) -> dict[tuple[int, int], str]:
    """(award id, year) -> who decides it on 31 December ("" : nobody, the title did not exist yet), from the
    ``DecidingAuthority`` rows; an award without any row falls back to its catalogue's decider."""
    rows = defaultdict(list)
    for award_id, decider, start, end in DecidingAuthority.objects.values_list(
            "award_type_id", "decider", "effective_from", "effective_to"):
        rows[award_id].append((start, end, decider))
    result = {}
    for award_id, fallback in AwardType.objects.values_list("pk", "decided_by"):
        for year in years:
            day = dt.date(year, 12, 31)
            own = rows.get(award_id)
            in_force = [(start, decider) for start, end, decider in own or () if start <= day and (
                end is None or end >= day)]
            result[award_id, year] = max(in_force)[1] if in_force else ("" if own else fallback)
    return result


def applies(award: AwardType, kind: str) -> bool:
    return award.category != AwardCategory.EMULATION_TITLE or kind == CommendationType.REGULAR


def table(years=YEARS, kinds=KINDS):
    have, who = covered(years), deciders(years)
    labels, kind_labels = dict(Decider.choices), dict(CommendationType.choices)
    rows, city_gaps = [], []
    for award in AwardType.objects.filter(is_active=True).order_by("order"):
        cells = []
        for kind in kinds:
            row = []
            for year in years:
                decider = who[award.pk, year]
                if not applies(award, kind) or not decider:
                    state = NOT_APPLICABLE
                elif year in have[award.pk, kind]:
                    state = COVERED
                elif decider == Decider.CITY_CHAIRMAN:
                    state = GAP
                else:
                    state = ELSEWHERE
                row.append((year, state, labels.get(decider, "")))
            cells.append((kind, row))
        missing = [(kind_labels[kind], year) for kind, row in cells for year, state, _w in row if state == GAP]
        rows.append({"award": award, "cells": cells, "missing": len(missing)})
        if missing:
            city_gaps.append({"award": award, "missing": missing})
    return {"rows": rows, "years": years, "kinds": [(k, kind_labels[k]) for k in kinds],
            "awards_without": len(city_gaps), "city_gaps": city_gaps,
            "states": {"covered": COVERED, "gap": GAP, "elsewhere": ELSEWHERE}}
