"""Rules from law as data: parameters (deadlines, thresholds), holidays, eligibility criteria, fairness targets."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from legal.models import AwardType

from .enums import CommendationType, Decider, ParameterKey, RuleKind


class Parameter(models.Model):
    """A number the law sets (deadline, threshold), valid for a period and optionally one award type."""

    key = models.CharField(_("parameter"), max_length=40, choices=ParameterKey.choices)
    award_type = models.ForeignKey(AwardType, verbose_name=_("award type"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="parameters",
                                   help_text=_("Empty: applies to every award type."))
    value = models.DecimalField(_("value"), max_digits=8, decimal_places=3)
    legal_basis = models.ForeignKey("legal.LegalDocument", verbose_name=_("legal basis"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal parameter")
        verbose_name_plural = _("legal parameters")
        ordering = ["key", "-effective_from"]

    def __str__(self) -> str:
        return f"{self.get_key_display()} = {self.value}"


class Holiday(models.Model):
    """Public holidays and compensatory days off, excluded from working-day deadlines."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=160)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


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


class DecidingAuthority(models.Model):
    """Who decides an award in a period (Law 06/2022 Art 77–80; communes' powers from 01/7/2025)."""

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="authorities",
                                   verbose_name=_("award"))
    decider = models.CharField(_("decided by"), max_length=20, choices=Decider.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    class Meta:
        verbose_name = _("deciding authority")
        verbose_name_plural = _("deciding authorities")
        ordering = ["award_type", "effective_from"]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.get_decider_display()}"
