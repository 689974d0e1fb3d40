"""Formatting helpers for templates.

Grouping is off globally (USE_THOUSAND_SEPARATOR = False) so that years and
identifiers are never printed as "2.023"; quantities use ``|number``.
"""

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def number(value, decimals=None):
    """116442.134|number:3 -> "116.442,134" in Vietnamese, "116,442.134" in English."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, decimal_pos=None if decimals is None else int(decimals), use_l10n=True,
                                 force_grouping=True)
