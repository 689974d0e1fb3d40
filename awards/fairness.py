"""Fairness statistics (directive item 8): who receives the awards, per year, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Max, Q

from core.datacache import versions

from .models import Decision, FairnessTarget, Nominee, Outcome, Subject

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


def _aggregates() -> dict:
    aggregates = {}
    for name, (condition, population) in DIMENSIONS.items():
        aggregates[f"{name}__n"] = Count("pk", filter=condition & population if population else condition)
        aggregates[f"{name}__of"] = Count("pk", filter=population) if population else Count("pk")
    return aggregates


def _awarded(year: int):
    return Nominee.objects.filter(outcome=Outcome.AWARDED, submission__year=year, revoked_by__isnull=True)


def _shares(counts: dict) -> list[Share]:
    targets = dict(FairnessTarget.objects.values_list("dimension", "min_share"))
    return [Share(name, counts[f"{name}__n"], counts[f"{name}__of"], targets.get(name)) for name in DIMENSIONS]


# The city's counts of a year scan every award of that year (60 ms at a million lines): they are kept in the
# cache until an award is decided or revoked (a new decision), a staff record changes, or a central result comes
# back (``forget``, after the commit). The key changes with each of those, so the time limit only matters where the
# cache is not shared (each process's memory: another web process may keep its counts up to FAIRNESS_COUNTS_SECONDS,
# 5 minutes); with Redis, every process sees the new key at once and the counts live 6 hours (settings), so an open
# dossier's page does not count a year again every five minutes (issue 34: those recounts were its slowest pages).


def _epoch() -> int:
    return caches["fragments"].get_or_set("fairness:epoch", 0, None)


def year_counts(year: int) -> dict:
    """The year's counts, cached under the last decision's number, the organisation's data version (a corrected
    staff record) and the epoch ``forget`` advances (a central result); counted afresh inside a transaction that
    has written (it may see what is not committed)."""
    stamp = versions("organisation")
    if stamp is None:
        return _awarded(year).aggregate(**_aggregates())
    last = Decision.objects.aggregate(last=Max("pk"))["last"]
    store, key = caches["fragments"], f"fairness:{year}:{_epoch()}:{stamp[0]}:{last}"
    counts = store.get(key)
    if counts is None:
        counts = _awarded(year).aggregate(**_aggregates())
        store.set(key, counts, settings.FAIRNESS_COUNTS_SECONDS)
    return counts


def forget() -> None:
    """The awarded set changed: the next reader counts again (services call it on commit)."""
    store = caches["fragments"]
    try:
        store.incr("fairness:epoch")
    except ValueError:
        store.set("fairness:epoch", 1, None)


def shares(year: int, extra=None, unit=None) -> list[Share]:
    """Shares among awards decided for achievements of ``year`` (optionally plus the nominees in ``extra``)."""
    if unit is not None:
        return _shares(_awarded(year).filter(submission__unit__path__startswith=unit.path).aggregate(**_aggregates()))
    counts = dict(year_counts(year))
    if extra is not None:  # the year's counts plus those of ``extra`` not counted in them yet
        delta = extra.exclude(outcome=Outcome.AWARDED, submission__year=year, revoked_by__isnull=True).aggregate(
            **_aggregates())
        counts = {key: counts[key] + delta[key] for key in counts}
    return _shares(counts)


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
