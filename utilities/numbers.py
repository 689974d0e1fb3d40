"""The one way the portal prints a figure or an amount: in the reader's language (Vietnamese "2.340.000,5", English
"2,340,000.5"). Pages (``{% load documents %}`` ``|number``), official paper (``documents.formats``) and the texts the
portal keeps (``utilities.messages``, rendered when read) all call ``number``."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats


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
