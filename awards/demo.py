"""Demo data of the awards app for demo machines (never loaded in production)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from documents.models import SignedPaper, SigningAuthority
from organisation.models import User

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


def demo_signer() -> int:
    """The demo's Chairman (``demo_signer``) designated as the signer of the city's decisions, where the signing
    authority names no account yet (issue 32): only that account signs them."""
    signer = User.objects.filter(username="demo_signer").first()
    if signer is None:
        return 0
    return SigningAuthority.objects.filter(
        kind__in=(SignedPaper.DECISION, SignedPaper.REVOCATION, SignedPaper.CERTIFICATE),
        signer_account__isnull=True).update(signer_account=signer)
