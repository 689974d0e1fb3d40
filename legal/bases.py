"""The "Căn cứ" lines a document cites: the rows of ``LegalBasis`` for its kind in force on its date."""

from __future__ import annotations

import datetime

from .models import LegalBasis


def in_force(paper: str, day: datetime.date) -> list[str]:
    """The wordings of the bases of ``paper`` (a ``legal.models.Paper``) in force on ``day``, in citing order."""
    return list(LegalBasis.objects.in_force(day).filter(paper=paper).order_by("order", "-effective_from")
                .values_list("wording", flat=True))
