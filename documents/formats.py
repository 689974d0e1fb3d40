"""How figures and dates are printed on official paper (and on the portal's pages).

Grouping is off globally (USE_THOUSAND_SEPARATOR = False) so that years and identifiers are never printed as
"2.023"; quantities use ``number``. Amounts in Vietnamese words: ``documents.vnwords.money_in_words``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats

from .vnwords import money_in_words  # noqa: F401  (one place for every format)


def number(value, decimals=None):
    """116442.134|number:3 -> "116.442,134" in Vietnamese, "116,442.134" in English; 100.67|number:1 -> "100,7"."""
    if value is None or value == "":
        return ""
    if decimals is None:
        # As many decimals as the figure really has: 56500.5000 -> "56.500,5", 27000.0000 -> "27.000".
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    # Rounded half up to the decimals shown (Django's formatter cuts: 100,67 would print "100,6").
    value = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    return formats.number_format(value, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)


def official_date(day) -> str:
    """"ngày 05 tháng 3 năm 2026", as Decree 30/2020 App. I writes dates: a day under 10 and the months 1 and 2
    with a leading zero, the other months as they are."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
