"""Labels and row links computed once give what Django computes each time (issue 34: the dossier page's cost)."""

from types import SimpleNamespace

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation

from awards.models import Submission
from utilities.choices import ChoiceLabels
from utilities.links import row_links


def test_every_label_as_django_gives_it_in_both_languages():
    checked = 0
    for model in (m for m in apps.get_models() if issubclass(m, ChoiceLabels)):
        for field in (f for f in model._meta.concrete_fields if f.choices):
            for language in ("vi", "en"):
                with translation.override(language):
                    for value in [value for value, _ in field.flatchoices] + ["not-a-choice"]:
                        row = model(**{field.attname: value})
                        shown = getattr(row, f"get_{field.name}_display")()
                        assert shown == models.Model._get_FIELD_display(row, field), (model, field.name, value)
                        checked += 1
    assert checked > 100


def test_the_label_follows_the_reader_language():
    dossier = Submission(status=Submission._meta.get_field("status").flatchoices[0][0])
    with translation.override("vi"):
        vietnamese = dossier.get_status_display()
    with translation.override("en"):
        english = dossier.get_status_display()
    assert vietnamese != english
    with translation.override("vi"):
        assert dossier.get_status_display() == vietnamese


def test_row_links_are_the_reversed_urls():
    rows = [SimpleNamespace(pk=pk) for pk in (1, 918, 273645, 918273645)]
    row_links(rows, edit_url=("awards:nominee_edit", 918273), certificate_url=("awards:certificate_pdf",))
    for row in rows:
        assert row.edit_url == reverse("awards:nominee_edit", args=[918273, row.pk])
        assert row.certificate_url == reverse("awards:certificate_pdf", args=[row.pk])
