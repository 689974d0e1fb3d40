"""Choice labels looked up once per field and language.

Django's ``get_FOO_display()`` rebuilds ``dict(make_hashable(field.flatchoices))`` on every call, translating every
label of the field to hash it: a dossier page with twenty nominees pays that some seventy-five times. A model that
lists ``ChoiceLabels`` before ``models.Model`` gets the same answers from a table built once per process, field
and language (the choices are declared in code and do not change while the server runs).
"""

from __future__ import annotations

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_LABELS: dict[tuple, dict] = {}


def choice_labels(field) -> dict:
    """``{value: label}`` of a field with choices, in the active language."""
    key = (field, get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = _LABELS[key] = {make_hashable(value): force_str(label, strings_only=True)
                                 for value, label in field.flatchoices}
    return labels


class ChoiceLabels:
    """Model mixin (list it before ``models.Model``): ``get_FOO_display()`` as Django's, from ``choice_labels``."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)
