"""Formatting helpers for templates.

Grouping is off globally (USE_THOUSAND_SEPARATOR = False) so that years and
identifiers are never printed as "2.023"; quantities use ``|number``.
"""

import functools
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
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


@functools.lru_cache(maxsize=256)
def _asset_url(path: str) -> str:
    from django.templatetags.static import static

    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """``{% static %}`` remembered per process: the manifest of hashed names does not change while the
    server runs, and every page links the same stylesheets and scripts."""
    return _asset_url(path)


@register.filter
def official_date(day) -> str:
    """"ngày 05 tháng 3 năm 2026", as Decree 30/2020 App. I writes dates: a day under 10 and the months 1 and 2
    with a leading zero, the other months as they are."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


@register.simple_tag(takes_context=True)
def sort_header(context, field: str, label, css: str = "") -> str:
    """A column header that sorts the list by ``field`` (``?o=field``, then ``?o=-field``), keeping the filters;
    the current order is announced with aria-sort and an arrow."""
    from django.utils.html import format_html

    params = context["request"].GET.copy()
    current = params.get("o", "")
    descending = current == f"-{field}"
    ascending = current == field
    params["o"] = f"-{field}" if ascending else field
    params.pop("page", None)
    state = "ascending" if ascending else "descending" if descending else "none"
    arrow = " ▲" if ascending else " ▼" if descending else ""
    return format_html('<th scope="col" class="{}" aria-sort="{}"><a class="link-body-emphasis" href="?{}">{}{}</a>'
                       '</th>', css, state, params.urlencode(), label, arrow)


@register.filter
def may(user, names: str) -> bool:
    """``{% if user|may:"can_read_reports" %}``: the named predicate of ``organisation/permissions.py``, so a
    template asks the rule, never a role name. ``"is_council or is_board_officer"`` is true when any of them is.
    A name that is not a predicate raises ``TemplateSyntaxError`` when the page renders, never a silent False
    (use the filter alone in ``{% if %}``: Django's ``if`` turns errors inside ``and``/``or``/``not`` into
    False)."""
    from organisation import permissions

    answers = []
    for name in names.split(" or "):
        test = getattr(permissions, name.strip(), None)
        if not isinstance(test, permissions.Predicate):
            raise template.TemplateSyntaxError(f"organisation.permissions has no predicate named {name.strip()!r}")
        answers.append(test)
    return any(test(user) for test in answers)
