"""The emulation and commendation fund (quỹ thi đua, khen thưởng): an append-only ledger per year."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from utilities import messages


class FundEntryKind(models.TextChoices):
    ALLOCATION = "allocation", _("Allocation from the city budget")
    INCOME = "income", _("Other income (contributions, sponsorship)")
    SPENDING = "spending", _("Bonuses paid")
    RECOVERY = "recovery", _("Bonus recovered after a revocation")
    REVERSAL = "reversal", _("Reversing entry")


class FundSource(models.TextChoices):
    CITY_BUDGET = "budget", _("City budget")
    CONTRIBUTIONS = "contributions", _("Contributions of organisations and individuals")
    OTHER = "other", _("Other lawful sources")


class FundEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Fund entries are never changed: record a reversing entry."))

    def delete(self):
        raise ValidationError(_("Fund entries are never deleted: record a reversing entry."))


class FundEntry(models.Model):
    """One movement of the fund. Income is positive, spending negative; a mistake is corrected by a reversing entry
    (the same amount with the other sign), never by changing or deleting a row (a database trigger refuses both)."""

    year = models.PositiveSmallIntegerField(_("fund year"))
    kind = models.CharField(_("kind"), max_length=12, choices=FundEntryKind.choices)
    source = models.CharField(_("source"), max_length=16, choices=FundSource.choices, blank=True)
    amount = models.DecimalField(_("amount (VND)"), max_digits=16, decimal_places=0)
    entered_on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=400)  # in the portal's language, or as typed
    # A line the portal composed (a decision's bonuses, a recovery, a reversal), kept as what to say
    # (utilities.messages) so that each reader sees it in their language; empty for what the Board typed.
    description_data = models.JSONField(null=True, blank=True)
    decision = models.ForeignKey("Decision", verbose_name=_("decision"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="fund_entries")
    nominee = models.ForeignKey("Nominee", verbose_name=_("awardee"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="fund_entries")
    reverses = models.OneToOneField("self", verbose_name=_("reverses"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversed_by")
    created_by = models.ForeignKey("organisation.User", verbose_name=_("entered by"), null=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    objects = FundEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("fund entry")
        verbose_name_plural = _("fund entries")
        ordering = ["year", "entered_on", "id"]
        indexes = [models.Index(fields=["year", "kind"], name="fund_entry_year_kind_idx")]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()} {self.amount}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("Fund entries are never changed: record a reversing entry."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Fund entries are never deleted: record a reversing entry."))

    @property
    def shown_description(self) -> str:
        """The line in the reader's language (what was typed, as typed)."""
        return messages.render(self.description_data) if self.description_data else self.description

    @property
    def is_manual(self) -> bool:
        """Allocations and other income are entered by hand (and reversed by hand); the rest follow decisions."""
        return self.kind in (FundEntryKind.ALLOCATION, FundEntryKind.INCOME)
