"""Periodic progress reports for the Board, produced by Celery workers.

One row per (kind, period): a re-run replaces the file rather than adding a report."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    MONTHLY = "monthly", _("Monthly progress report")
    QUARTERLY = "quarterly", _("Quarterly progress report")
    # The calendar year's summary of what the portal records (with the fund's budget year); not the circular's forms.
    YEARLY_STATISTICS = "yearly_statistics", _("Yearly summary of the calendar year (simplified, with the fund)")
    # The circular's statistical forms 0601–0605 over its reporting year (01/12 of the year before to 30/11).
    CIRCULAR_FORMS = "circular_forms", _("Statistical forms 0601–0605 of the circular (year 01/12–30/11)")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    error = models.TextField(_("reason of failure"), blank=True)
    pdf = models.FileField(_("PDF"), blank=True)
    xlsx = models.FileField(_("Excel"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    generation_seconds = models.FloatField(null=True, blank=True)
    emailed_to = models.PositiveIntegerField(default=0)
    issued_on = models.DateField(_("issued on"), null=True, blank=True,
                                 help_text=_("The date of the first production: its number is of this year's register."))
    figures = models.JSONField(_("key figures"), default=dict, blank=True,
                               help_text=_("The figures of the last production, to tell what a regeneration changed."))
    regeneration_note = models.TextField(_("why it was produced again"), blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_start", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start"], name="one_report_per_period"),
            # The register's numbers (documents.numbering.next_number) never repeat within a year of issue.
            models.UniqueConstraint(ExtractYear("issued_on"), "number", name="report_number_unique_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label}"

    @property
    def is_pending(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    @property
    def is_ready(self) -> bool:
        return self.status == ReportStatus.DONE

    @property
    def has_failed(self) -> bool:
        return self.status == ReportStatus.FAILED

    @property
    def period_label(self) -> str:
        if self.kind == ReportKind.MONTHLY:
            return f"{self.period_start.month:02d}/{self.period_start.year}"
        if self.kind == ReportKind.QUARTERLY:
            return f"Q{(self.period_start.month - 1) // 3 + 1}/{self.period_start.year}"
        return str(self.period_end.year)  # a reporting year 01/12/2023–30/11/2024 is the year 2024

    @property
    def figures_to(self):
        """The last day the figures cover: the period's end, or, for the period still running, the day the report
        is issued (today for a draft): "đến ngày 05/12/2026", never a day still to come."""
        return min(self.period_end, self.issued_on or timezone.localdate())

    @property
    def code(self) -> str:
        """"05/BC-BTĐKT": the Board's register of reports, numbered from 01 each year of issue (Decree 30/2020)."""
        return f"{self.number:02d}/BC-BTĐKT" if self.number else "…/BC-BTĐKT"


class Subscriber(models.Model):
    """Who receives each kind of report by e-mail, with the PDF attached."""

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), unique=True)
    kinds = ArrayField(models.CharField(max_length=20, choices=ReportKind.choices), default=list,
                       verbose_name=_("reports received"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("report subscriber")
        verbose_name_plural = _("report subscribers")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
