"""The Jinja2 environment of the pages' hottest fragments (issue 34): Django's built-in Jinja2 backend
(``TEMPLATES["jinja2"]``, templates under ``<app>/jinja2/``), with helpers that write what the Django template
language writes, byte for byte, so that a fragment moved to Jinja2 looks the same to its reader.

A Jinja2 template renders a dossier's rows three to four times faster than the Django template language, whose
variable resolution and per-tag nodes were the largest cost of an uncached dossier page (bench/results.md). Only
fragments that a profile shows as hot move here; the pages, their layout and everything else stay Django templates.

What each helper stands for:

* ``_("text")`` — ``{% translate "text" %}``: the translation, escaped (as Django escapes a translated string).
* ``_("… %(name)s …", name=value)`` — ``{% blocktranslate with name=value %}``: the translation as written (not
  escaped), each value escaped and put in. The message ids are the ones ``makemessages`` took from the Django
  templates (``trimmed`` ones on one line).
* ``date(value, "SHORT_DATE_FORMAT")`` — the ``date`` filter, in local time.
* ``url(name, *args)`` — ``{% url %}``; ``language()`` — ``{% get_current_language %}``.
* every ``{{ value }}`` is written as Django writes a variable: in local time, localized, escaped.
"""

from __future__ import annotations

from django.template.defaultfilters import date as date_filter, floatformat, linebreaksbr
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from jinja2 import Environment


def _translate(message: str, **values):
    text = translation.gettext(message)
    if not values:
        return conditional_escape(text)
    return mark_safe(text % {k: conditional_escape(v) for k, v in values.items()})  # values escaped  # nosec B308 B703


def date(value, fmt: str = "DATE_FORMAT") -> str:
    """The ``date`` filter (a format name or a format string), given the local time as a Django template gives it."""
    return date_filter(template_localtime(value), fmt)


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def _finalize(value):
    """What ``{{ value }}`` writes in a Django template: local time, the active language's format, escaped by Django
    (whose escapes differ from markupsafe's: ``&#x27;`` for an apostrophe, not ``&#39;``)."""
    return conditional_escape(formats.localize(template_localtime(value)))


def environment(**options) -> Environment:
    options.setdefault("keep_trailing_newline", True)  # as the Django template language keeps it
    options.pop("autoescape", None)  # (the backend passes True; written out here)
    env = Environment(autoescape=True, finalize=_finalize, **options)
    env.globals.update(_=_translate, url=url, date=date, language=translation.get_language,
                       floatformat=floatformat, linebreaksbr=linebreaksbr)
    return env
