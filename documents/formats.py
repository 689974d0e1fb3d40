"""How figures and dates are printed on official paper (and on the portal's pages).

Grouping is off globally (USE_THOUSAND_SEPARATOR = False) so that years and identifiers are never printed as
"2.023"; quantities use ``number``. Amounts in Vietnamese words: ``documents.vnwords.money_in_words``.
"""

from __future__ import annotations

from utilities.numbers import number  # noqa: F401  (the one number format, shared with stored texts)

from .vnwords import money_in_words  # noqa: F401  (one place for every format)


def short_date(day) -> str:
    """"05/03/2026": the date in figures, as the portal writes it in every language (issue 33, item 3)."""
    return day.strftime("%d/%m/%Y") if day else ""


def official_date(day) -> str:
    """"ngày 05 tháng 3 năm 2026", as Decree 30/2020 App. I writes dates: a day under 10 and the months 1 and 2
    with a leading zero, the other months as they are."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
