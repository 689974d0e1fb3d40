"""Rules from law as data: parameters (deadlines, thresholds), holidays, eligibility criteria, fairness targets."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from legal.models import AwardType

from .enums import CommendationType, RuleKind


class EligibilityRule(models.Model):
    """One criterion of one award, as the law states it, valid for a period.

    A new decree is a new row (with its dates), never a code change: the check for
    each ``kind`` is implemented once in awards/eligibility.py and reads ``params``.
    """

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="rules",
                                   verbose_name=_("award"))
    kind = models.CharField(_("check"), max_length=24, choices=RuleKind.choices)
    params = models.JSONField(_("parameters"), default=dict)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    description = models.CharField(_("criterion"), max_length=300)
    commendation_types = ArrayField(
        models.CharField(max_length=12, choices=CommendationType.choices), default=list, blank=True,
        verbose_name=_("types of commendation"), help_text=_("Empty: the rule applies to every type."))
    group = models.CharField(
        _("alternative group"), max_length=40, blank=True,
        help_text=_("Rules of one award sharing a group are alternatives: meeting one of them is enough."))

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["award_type", "effective_from", "id"]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.description}"


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
