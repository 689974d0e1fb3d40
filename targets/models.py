"""Socio-economic targets (chỉ tiêu), the figures units report against them, and the
thresholds that turn progress into a status. Targets are data: later years are added
through the portal or an Excel import, not code."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from legal.periods import InForceQuerySet
from organisation.permissions import is_board, is_unit_staff
from organisation.scoping import scope_to_user


class Plan(models.Model):
    name = models.CharField(_("name"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("from year"))
    end_year = models.PositiveSmallIntegerField(_("to year"))

    class Meta:
        verbose_name = _("five-year plan")
        verbose_name_plural = _("five-year plans")
        ordering = ["-start_year"]

    def __str__(self) -> str:
        return self.name


class Aggregation(models.TextChoices):
    CUMULATIVE = "cumulative", _("Cumulative: the year's figure is the sum of the periods")
    POINT = "point", _("Point in time: the latest reported figure stands for the year")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")
    EXACT = "exact", _("Reach exactly")


class TargetKind(models.TextChoices):
    NUMERIC = "numeric", _("Numeric")
    MILESTONE = "milestone", _("Milestone (done or not)")


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("indicator"), max_length=300)
    measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    aggregation = models.CharField(_("aggregation"), max_length=12, choices=Aggregation.choices)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    parent = models.ForeignKey("self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="parts")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class TargetQuerySet(models.QuerySet):
    def reportable_by(self, user):
        """Targets whose figures ``user`` reports: the Board every one; unit staff those of their units;
        leadership and the Council read, they do not report."""
        if is_board(user):
            return self
        if is_unit_staff(user):
            return scope_to_user(self, user, unit_field="responsible_unit")
        return self.none()


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT,
                                  related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    plan = models.ForeignKey(Plan, verbose_name=_("five-year plan"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="targets")
    kind = models.CharField(_("kind"), max_length=10, choices=TargetKind.choices, default=TargetKind.NUMERIC)
    value_low = models.DecimalField(_("target (or lower bound)"), max_digits=18, decimal_places=4, null=True,
                                    blank=True)
    value_high = models.DecimalField(_("upper bound of a range"), max_digits=18, decimal_places=4, null=True,
                                     blank=True)
    is_about = models.BooleanField(_("“about” target"), default=False)
    comparison = models.CharField(_("compared with"), max_length=120, blank=True)
    statement = models.TextField(_("target as the document states it"))
    responsible_unit = models.ForeignKey("organisation.Unit", verbose_name=_("responsible unit"),
                                         on_delete=models.PROTECT, related_name="targets")
    legal_basis = models.ForeignKey("legal.LegalDocument", verbose_name=_("legal basis"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    milestone_done_on = models.DateField(_("milestone reached on"), null=True, blank=True)
    allowed_min = models.DecimalField(_("smallest figure a unit may report"), max_digits=18, decimal_places=4,
                                      null=True, blank=True, help_text=_("Empty: no lower limit."))
    allowed_max = models.DecimalField(_("largest figure a unit may report"), max_digits=18, decimal_places=4,
                                      null=True, blank=True, help_text=_("Empty: no upper limit."))
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year", "indicator__order"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_indicator_year")]
        indexes = [models.Index(fields=["year", "responsible_unit"])]

    def __str__(self) -> str:
        return f"{self.indicator} ({self.year})"


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")


class Actual(models.Model):
    """A reported figure for one period. Corrections overwrite it; the history keeps every value."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="actuals")
    period_kind = models.CharField(_("period"), max_length=8, choices=PeriodKind.choices)
    period = models.PositiveSmallIntegerField(_("number"))
    value = models.DecimalField(_("figure"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=200)
    note = models.CharField(_("note"), max_length=500, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(_("reported at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["target", "period_kind", "period"]
        constraints = [
            models.UniqueConstraint(fields=["target", "period_kind", "period"], name="one_figure_per_period"),
            models.CheckConstraint(condition=models.Q(period__gte=1, period__lte=12), name="period_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.target} {self.period_kind} {self.period}: {self.value}"

    @property
    def end_month(self) -> int:
        return self.period * 3 if self.period_kind == PeriodKind.QUARTER else self.period


class ProgressThreshold(models.Model):
    """When projected progress counts as on track or at risk; "about" (khoảng) targets get a tolerance: a figure
    within ``about_tolerance_percent`` percent of the target's own value counts as the target (see
    ``progress.bounds``). The Board's monitoring convention, not a number the law sets, so it is kept here and
    not in ``legal.Parameter``; it is dated like the law (``legal.periods``) so a closed year is judged by the
    convention in force on its 31 December."""

    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True,
                                    help_text=_("Empty: until further notice."))
    on_track_percent = models.DecimalField(_("on track from (percent of target)"), max_digits=6, decimal_places=2)
    at_risk_percent = models.DecimalField(_("at risk from (percent of target)"), max_digits=6, decimal_places=2)
    about_tolerance_percent = models.DecimalField(_("tolerance of an “about” target (%)"), max_digits=6,
                                                  decimal_places=2)
    basis = models.CharField(_("basis"), max_length=255)

    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress threshold")
        verbose_name_plural = _("progress thresholds")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"≥{self.on_track_percent}% / ≥{self.at_risk_percent}% ({self.effective_from:%d/%m/%Y})"


class ReportingDeadline(models.Model):
    """Responsible units report each period within ``days_after`` days after it ends."""

    period_kind = models.CharField(_("period"), max_length=8, choices=PeriodKind.choices, unique=True)
    days_after = models.PositiveSmallIntegerField(_("days after the period ends"))
    basis = models.CharField(_("basis"), max_length=255)

    class Meta:
        verbose_name = _("reporting deadline")
        verbose_name_plural = _("reporting deadlines")

    def __str__(self) -> str:
        return f"{self.get_period_kind_display()}: {self.days_after}"
