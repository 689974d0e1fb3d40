"""Signed documents: the register of the PDFs the portal issued, as signed, never generated again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignatureStatus(models.TextChoices):
    UNSIGNED = "unsigned", _("Not signed")
    SIGNED = "signed", _("Signed by the signer")
    ISSUED = "issued", _("Signed by the agency (issued)")


class SignedDocument(models.Model):
    """The file of a decision from the signer's signature on: kept as signed (a correction is a new decision)."""

    decision = models.OneToOneField("Decision", verbose_name=_("decision"), on_delete=models.PROTECT,
                                    related_name="signed_document")
    status = models.CharField(_("status"), max_length=10, choices=SignatureStatus.choices,
                              default=SignatureStatus.UNSIGNED)
    file = models.FileField(_("signed PDF"), upload_to="signed/", blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, db_index=True)
    signer_signed_at = models.DateTimeField(_("signed by the signer at"), null=True, blank=True)
    signer_signed_by = models.ForeignKey("organisation.User", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    agency_signed_at = models.DateTimeField(_("signed by the agency at"), null=True, blank=True)
    agency_signed_by = models.ForeignKey("organisation.User", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    signers = models.JSONField(_("signatures"), default=list, blank=True)

    class Meta:
        verbose_name = _("signed document")
        verbose_name_plural = _("signed documents")

    def __str__(self) -> str:
        return f"{self.decision} ({self.get_status_display()})"
