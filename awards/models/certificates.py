"""The certificates of a decision printed together: one PDF of every award in force, made by a worker (its
progress on the decision's page, awards.certificates)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class CertificateBatch(models.Model):
    decision = models.ForeignKey("Decision", verbose_name=_("decision"), on_delete=models.CASCADE,
                                 related_name="certificate_batches")
    requested_by = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.PENDING)
    total = models.PositiveIntegerField(_("certificates"), default=0)
    file = models.FileField(_("PDF of the certificates"), upload_to="certificates/", blank=True)
    reason = models.TextField(_("reason of the failure"), blank=True, default="")

    class Meta:
        verbose_name = _("certificates of a decision")
        verbose_name_plural = _("certificates of decisions")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == BatchStatus.PENDING

    @property
    def done(self) -> bool:
        return self.status == BatchStatus.DONE

    @property
    def failed(self) -> bool:
        return self.status == BatchStatus.FAILED
