"""Helpers for the portal's pages. The formats of figures and dates (``|number``, ``|official_date``) are the
documents floor's (documents.formats, ``{% load documents %}``), offered here too for the pages."""

import functools

from django import forms, template
from django.core.exceptions import EmptyResultSet
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext as _

from documents import formats
from organisation import permissions
from organisation.text import in_sentence

from ..datacache import DOMAINS, versions

register = template.Library()
register.filter("number", formats.number)
register.filter("official_date", formats.official_date)
register.filter("in_sentence", in_sentence)


@functools.lru_cache(maxsize=256)
def _asset_url(path: str) -> str:
    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """``{% static %}`` remembered per process: the manifest of hashed names does not change while the
    server runs, and every page links the same stylesheets and scripts."""
    return _asset_url(path)


@register.simple_tag(takes_context=True)
def sort_header(context, field: str, label, css: str = "") -> str:
    """A column header that sorts the list by ``field`` (``?o=field``, then ``?o=-field``), keeping the filters;
    the current order is announced with aria-sort and an arrow."""
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
    answers = []
    for name in names.split(" or "):
        test = getattr(permissions, name.strip(), None)
        if not isinstance(test, permissions.Predicate):
            raise template.TemplateSyntaxError(f"organisation.permissions has no predicate named {name.strip()!r}")
        answers.append(test)
    return any(test(user) for test in answers)


@register.simple_tag(takes_context=True)
def export_button(context, url_name: str, *args) -> str:
    """The "Download Excel" button of a list page: the list's ``…/excel/`` download with the filters and sorting the
    page has now (its query string, less the page number)."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    return format_html('<a class="btn btn-outline-success btn-sm" href="{}{}">{}</a>', reverse(url_name, args=args),
                       f"?{query}" if query else "", _("Download Excel"))


_INPUT_CLASS = {"select": "form-select", "selectmultiple": "form-select", "checkbox": "form-check-input"}


@register.simple_tag
def filter_field(field) -> str:
    """One field of a list's filter row, in Bootstrap's markup (label, control, help, errors, the same ids and
    aria attributes as crispy-forms' field), written here in Python: crispy's nested field templates cost about
    1,5 ms a field, the largest part of a filtered list's page when it is not cached (bench/results.md)."""
    widget = field.field.widget
    kind = getattr(widget, "input_type", None) or type(widget).__name__.lower()
    attrs = {"class": " ".join(filter(None, (widget.attrs.get("class", ""), _INPUT_CLASS.get(kind, "form-control"))))}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    control = _select(field, attrs) or field.as_widget(attrs=attrs)
    label = format_html('<label for="{}" class="{}">{}</label>', field.id_for_label,
                        "form-check-label" if kind == "checkbox" else "form-label", field.label)
    parts = [control, label] if kind == "checkbox" else [label, control]
    if field.help_text:
        parts.append(format_html('<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text))
    if field.errors:
        parts.append(format_html('<div id="{}_error" class="invalid-feedback">{}</div>', field.auto_id,
                                 format_html_join("", "<p>{}</p>", ((error,) for error in field.errors))))
    return format_html('<div id="div_{}" class="{}">{}</div>', field.auto_id,
                       "form-check" if kind == "checkbox" else "mb-0", format_html_join("", "{}", ((p,) for p in parts)))


_SELECTS: dict = {}
_SELECTS_KEPT = 500
_SELECTS_CHARACTERS = 4_000_000  # a list of every unit is some 200,000 characters: a few MB a process at most


def _select(field, attrs: dict):
    """A select list of database rows (award types, officers) as rendered before for the same data, value and
    language, or None. Building and writing its options (Django's ``optgroups``, a dict and a template context an
    option) was a third of an uncached queue page; the list changes only when its domain's data version does
    (core/datacache.py), which is part of the key. Kept per process: a few hundred lists, a few megabytes, at most."""
    widget, queryset = field.field.widget, getattr(field.field, "queryset", None)
    if queryset is None or not isinstance(widget, forms.Select) or widget.allow_multiple_selected:
        return None
    domain = queryset.model._meta.app_label
    stamp = versions(domain) if domain in DOMAINS else None
    if stamp is None:  # a domain without a version, or a transaction that has written: rendered afresh
        return None
    try:
        rows = str(queryset.query)  # the list's own query (a list scoped to the reader differs in it)
    except EmptyResultSet:
        return None
    key = (type(field.form).__qualname__, field.html_name, field.auto_id, str(field.field.empty_label),
           field.field.required, str(field.value()), tuple(sorted(attrs.items())), get_language(), stamp, rows)
    html = _SELECTS.get(key)
    if html is None:
        html = str(field.as_widget(attrs=attrs))
        if len(_SELECTS) >= _SELECTS_KEPT or sum(map(len, _SELECTS.values())) + len(html) > _SELECTS_CHARACTERS:
            _SELECTS.clear()
        _SELECTS[key] = html
    return mark_safe(html)  # the widget's own rendering, escaped when it was rendered  # nosec B308 B703


@register.simple_tag
def jinja(name: str, **context) -> str:
    """A Jinja2 fragment (``<app>/jinja2/``, utilities/jinja.py) placed in a Django template, with ``context``: one
    markup for the pages of both engines (the eligibility badge of a dossier's rows and of the appraisal form)."""
    return mark_safe(render_to_string(name, context, using="jinja2"))  # Jinja2 escaped it  # nosec B308 B703


@register.simple_tag
def status_badge(status, labels) -> str:
    """A target's progress badge (the dashboard's rows and summary, the target's page), written in Python: an include
    a row cost more than the row's own markup. The status's label from ``labels``, none if it has no label."""
    return format_html('<span class="badge status-{}">{}</span>\n', status, labels.get(status, ""))
