"""The one answer to "in force on day D" for every dated row of law (effective_from, effective_to inclusive, an
empty effective_to meaning "until further notice")."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q


def in_force(day: datetime.date, prefix: str = "") -> Q:
    """Rows (effective_from/effective_to, through ``prefix`` for a related model) in force on ``day``."""
    return Q(**{f"{prefix}effective_from__lte": day}) & (
        Q(**{f"{prefix}effective_to__isnull": True}) | Q(**{f"{prefix}effective_to__gte": day}))


def is_in_force(row, day: datetime.date) -> bool:
    """The same test on a row already loaded (e.g. from a prefetch)."""
    return row.effective_from <= day and (row.effective_to is None or row.effective_to >= day)


class InForceQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date) -> InForceQuerySet:
        return self.filter(in_force(on))
