"""The Chairman's numbered decisions and the gapless yearly counters behind their numbers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.permissions import handles_issued_documents
from organisation.scoping import scope_key, scope_to_user
from utilities.choices import ChoiceLabels

from .enums import DecisionKind


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """City-wide roles, the signer and the records clerk: every decision; unit staff: the decisions on their
        units' dossiers."""
        if scope_key(user)[0] == "city" or handles_issued_documents(user):
            return self
        return scope_to_user(self, user, unit_field="submission__unit")


class Decision(ChoiceLabels, models.Model):
    """The Chairman's decision "Số N/QĐ-UBND"; N is gapless and restarts each year."""

    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=12, choices=DecisionKind.choices, default=DecisionKind.AWARD)
    issued_on = models.DateField(_("issued on"))
    title = models.CharField(_("title"), max_length=400)
    signer_name = models.CharField(_("signed by"), max_length=120)
    signer_title = models.CharField(_("signer's title"), max_length=120)
    submission = models.ForeignKey("Submission", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="decisions")
    revokes = models.ForeignKey("self", verbose_name=_("revokes"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="revocations")
    issued_by = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="decision_number_unique_per_year")]
        # The award history lists the newest decisions first, walking this index and each decision's lines.
        indexes = [models.Index(fields=["-issued_on", "-number"], name="decision_newest_idx")]

    def __str__(self) -> str:
        return self.code

    @property
    def is_revocation(self) -> bool:
        return self.kind == DecisionKind.REVOCATION

    @property
    def code(self) -> str:
        """"01/QĐ-UBND": numbered from 01 each year (Decree 30/2020, App. I)."""
        return f"{self.number:02d}/QĐ-UBND"


class AwardRecord(models.Model):
    """A nominee's award once decided: the decision, the golden-book number and certificate code, and, if the
    award is revoked, the revoking decision, its grounds and what was recovered."""

    decision = models.ForeignKey("Decision", verbose_name=_("decision"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="awardees")
    golden_book_number = models.CharField(_("golden-book number"), max_length=32, blank=True)
    certificate_code = models.UUIDField(_("verification code"), null=True, blank=True, unique=True)
    revoked_by = models.ForeignKey("Decision", verbose_name=_("revoked by decision"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="revoked_awards")
    revocation_grounds = models.TextField(_("grounds for revocation"), blank=True)
    certificate_recovered = models.BooleanField(_("certificate recovered"), default=False)
    bonus_recovered = models.DecimalField(_("bonus recovered (VND)"), max_digits=14, decimal_places=0, default=0)
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    bonus_amount = models.DecimalField(
        _("bonus (VND)"), max_digits=14, decimal_places=0, null=True, blank=True,
        help_text=_("Computed on the decision's date and kept: later changes to the rates never rewrite it. Empty: "
                    "no amount was known for the award on that date."))
    bonus_multiple = models.DecimalField(_("multiple of the base salary"), max_digits=6, decimal_places=2,
                                         null=True, blank=True)
    bonus_base_salary = models.DecimalField(_("base salary applied (VND)"), max_digits=12, decimal_places=0,
                                            null=True, blank=True)
    bonus_basis = models.CharField(_("legal basis of the bonus"), max_length=400, blank=True, default="",
                                   db_default="")
    bonus_note = models.CharField(_("note on the bonus"), max_length=400, blank=True, default="", db_default="")
    override_reason = models.TextField(
        _("reason for awarding against the eligibility check"), blank=True, default="", db_default="",
        help_text=_("Required when the decision is issued for a nominee the check no longer passes."))
    external_decision = models.CharField(
        _("decision of the central level"), max_length=120, blank=True, default="", db_default="",
        help_text=_("Number and date of the Prime Minister's or the President's decision, once it comes back."))

    class Meta:
        abstract = True

    @property
    def is_revoked(self) -> bool:
        return self.revoked_by_id is not None
