"""One set of validators for what a page reads from its query string: a bad value falls back or is refused with
a message, never a server error (NUL bytes, Unicode digits, huge numbers, words where a year is expected)."""

from __future__ import annotations

import django_filters
from django import forms

YEAR_MIN, YEAR_MAX = 1945, 2100


def year_param(request, default: int, name: str = "year") -> int:
    """``?year=`` as a year the portal can hold, else ``default``."""
    value = request.GET.get(name, "")
    if value.isascii() and value.isdecimal() and len(value) <= 4 and YEAR_MIN <= int(value) <= YEAR_MAX:
        return int(value)
    return default


def is_id(value: str) -> bool:
    """A database id as typed or posted: ASCII digits only (``"²".isdigit()`` is true), at most 12 of them."""
    return value.isascii() and value.isdecimal() and len(value) <= 12


def id_list(values) -> list[int]:
    """The ids among posted values (ticked rows); anything else is left out."""
    return [int(v) for v in values if is_id(v)]


class YearField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    """A year between 1945 and 2100; anything else makes the filter invalid (an empty list and a message)."""

    field_class = YearField


class YearConverter:
    """``<year:year>`` in a URL: four digits between YEAR_MIN and YEAR_MAX, anything else is a 404 (not a 500)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return f"{int(value):04d}"
