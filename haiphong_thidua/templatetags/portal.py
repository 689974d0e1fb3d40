"""Formatting helpers for templates.

Grouping is off globally (USE_THOUSAND_SEPARATOR = False) so that years and
identifiers are never printed as "2.023"; quantities use ``|number``.
"""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def number(value, decimals=None):
    """116442.134|number:3 -> "116.442,134" in Vietnamese, "116,442.134" in English."""
    if value is None or value == "":
        return ""
    if decimals is None:
        # As many decimals as the figure really has: 56500.5000 -> "56.500,5", 27000.0000 -> "27.000".
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return formats.number_format(value, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
