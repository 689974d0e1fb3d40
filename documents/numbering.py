"""The register of numbers by series and year: decision numbers, golden-book numbers, report numbers. Each series
starts at 1 every year and never skips or repeats a number."""

from __future__ import annotations

from .models import NumberSequence


def next_number(name: str, year: int) -> int:
    """The next number of a gapless yearly sequence; the row lock serialises concurrent callers (call it inside
    the transaction that uses the number, so a rollback gives the number back)."""
    return next_numbers(name, year, 1)[0]


def next_numbers(name: str, year: int, count: int) -> range:
    """The next ``count`` numbers of the sequence at once, in order (one row lock and one write for a decision's
    500 golden-book entries); the same rules as ``next_number``."""
    NumberSequence.objects.get_or_create(name=name, year=year)
    sequence = NumberSequence.objects.select_for_update().get(name=name, year=year)
    first = sequence.last + 1
    sequence.last += count
    sequence.save(update_fields=["last"])
    return range(first, sequence.last + 1)


def skip_to(name: str, year: int, last: int) -> None:
    """Mark the numbers up to ``last`` of a series as given (numbers given outside the portal, e.g. imported
    decisions): the next one is ``last + 1`` unless the series is already past it."""
    sequence, _created = NumberSequence.objects.get_or_create(name=name, year=year)
    if sequence.last < last:
        sequence.last = last
        sequence.save(update_fields=["last"])
