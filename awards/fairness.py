"""Fairness statistics (directive item 8): who receives the awards, per year, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from .models import FairnessTarget, Nominee, Outcome, Subject

# dimension -> (filter on awarded nominees, filter defining the population it is a share of)
DIMENSIONS = {
    "grassroots": (Q(submission__unit__level="commune") | Q(collective_unit__level="commune"), Q()),
    "direct_workers": (Q(person__is_direct_worker=True), Q(subject=Subject.INDIVIDUAL)),
    "women": (Q(person__sex="female"), Q(subject=Subject.INDIVIDUAL)),
    "non_state": (Q(submission__unit__sector="non_state"), Q()),
    "elected": (Q(submission__unit__sector="elected"), Q()),
    "small_collectives": (Q(subject=Subject.COLLECTIVE, collective_unit__parent__isnull=False), Q(
        subject=Subject.COLLECTIVE)),
}


@dataclass
class Share:
    dimension: str
    count: int
    total: int
    target: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        return Decimal(100) * self.count / self.total if self.total else None

    @property
    def below_target(self) -> bool:
        return self.target is not None and self.percent is not None and self.percent < self.target


def shares(year: int, extra=None, unit=None) -> list[Share]:
    """Shares among awards decided for achievements of ``year`` (optionally plus the nominees in ``extra``)."""
    awarded = Nominee.objects.filter(outcome=Outcome.AWARDED, submission__year=year, revoked_by__isnull=True)
    if unit is not None:
        awarded = awarded.filter(submission__unit__path__startswith=unit.path)
    if extra is not None:
        awarded = Nominee.objects.filter(Q(pk__in=awarded.values("pk")) | Q(pk__in=extra.values("pk")))
    aggregates = {}
    for name, (condition, population) in DIMENSIONS.items():
        aggregates[f"{name}__n"] = Count("pk", filter=condition & population if population else condition)
        aggregates[f"{name}__of"] = Count("pk", filter=population) if population else Count("pk")
    counts = awarded.aggregate(**aggregates)
    targets = dict(FairnessTarget.objects.values_list("dimension", "min_share"))
    return [Share(name, counts[f"{name}__n"], counts[f"{name}__of"], targets.get(name)) for name in DIMENSIONS]


def warnings_for(submission) -> list[tuple[Share, Share]]:
    """(before, after) for each group whose share this submission would push further below its target."""
    before = {s.dimension: s for s in shares(submission.year)}
    after = {s.dimension: s for s in shares(submission.year, extra=submission.nominees.exclude(
        outcome__in=[Outcome.REJECTED, Outcome.FAILED]))}
    return [(before[name], new) for name, new in after.items() if lowers_share(before[name], new)]


def _as_shown(percent: Decimal) -> Decimal:
    """Shares are shown with one decimal (floatformat:1 rounds half up)."""
    return percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def lowers_share(old: Share, new: Share) -> bool:
    """Would ``new`` leave the group below its target and visibly lower than ``old``?

    A drop that does not change the figure shown would read "from 35,2% to 35,2%": no warning."""
    if new.target is None or new.percent is None or new.percent >= new.target:
        return False
    return old.percent is None or _as_shown(new.percent) < _as_shown(old.percent)
