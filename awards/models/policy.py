"""The Board's own policy, as data: fairness targets (the share of awards it aims to see go to each group).

Not a rule of law (the law's rows live in legal.models): no award is granted or refused by it, it has no period of
validity and its figures are the Board's targets for directive 01/CT-UBND item 8 ("hướng về cơ sở"), which names the
groups but sets no numbers; awards/fairness.py compares the year's outcomes against it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FairnessTarget(models.Model):
    """The city's target share of awards for a group (directive item 8), as data."""

    dimension = models.CharField(_("group"), max_length=20, choices=[
        ("grassroots", _("Grassroots units")), ("direct_workers", _("Direct workers")), ("women", _("Women")),
        ("non_state", _("Non-state sector")), ("elected", _("Elected bodies")),
        ("small_collectives", _("Small collectives")),
    ], unique=True)
    min_share = models.DecimalField(_("minimum share (%)"), max_digits=5, decimal_places=2)
    basis = models.CharField(_("basis"), max_length=200)

    class Meta:
        verbose_name = _("fairness target")
        verbose_name_plural = _("fairness targets")

    def __str__(self) -> str:
        return f"{self.get_dimension_display()} ≥ {self.min_share}%"
