"""Which awards have eligibility criteria in force, per year of achievement and type of commendation.

An award without criteria for a year is not a pass: the check says "chưa có tiêu chuẩn áp dụng" and the
Board sees the gaps here and in the admin.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from legal.models import AwardType, EligibilityRule

from .eligibility import rules_for
from .models import CommendationType

YEARS = (2023, 2024, 2025, 2026)


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


def table(years=YEARS, kinds=(CommendationType.REGULAR, CommendationType.AD_HOC, CommendationType.THEMATIC)):
    have = covered(years)
    rows = []
    for award in AwardType.objects.filter(is_active=True).order_by("order"):
        cells = [(kind, [(year, year in have[award.pk, kind]) for year in years]) for kind in kinds]
        rows.append({"award": award, "cells": cells,
                     "missing": sum(1 for _k, c in cells for _y, ok in c if not ok)})
    labels = dict(CommendationType.choices)
    return {"rows": rows, "years": years, "kinds": [(k, labels[k]) for k in kinds],
            "awards_without": sum(1 for r in rows if r["missing"])}
