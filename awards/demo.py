"""Demo data of the awards app for demo machines (never loaded in production)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from .models import FundEntry, FundEntryKind, FundSource

DEMO_ALLOCATION = Decimal(2_000_000_000)


def demo_fund() -> int:
    """An allocation for the current year, so that the demo's decisions pay from a fund (once per year)."""
    today = timezone.localdate()
    if FundEntry.objects.filter(year=today.year, kind=FundEntryKind.ALLOCATION).exists():
        return 0
    FundEntry.objects.create(
        year=today.year, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET, amount=DEMO_ALLOCATION,
        entered_on=today.replace(month=1, day=1),
        description=f"Dự toán kinh phí khen thưởng năm {today.year} (dữ liệu minh họa)")
    return 1
