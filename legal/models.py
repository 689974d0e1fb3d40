"""Legal documents (văn bản) that movements, rules and targets cite as their basis."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    LAW = "law", _("Law (Luật)")
    DECREE = "decree", _("Decree (Nghị định)")
    CIRCULAR = "circular", _("Circular (Thông tư)")
    RESOLUTION = "resolution", _("Resolution (Nghị quyết)")
    DIRECTIVE = "directive", _("Directive (Chỉ thị)")
    PLAN = "plan", _("Plan (Kế hoạch)")
    DECISION = "decision", _("Decision (Quyết định)")
    OTHER = "other", _("Other")


class LegalDocument(models.Model):
    number = models.CharField(_("number"), max_length=64, help_text=_("e.g. 06/2022/QH15, 01/CT-UBND"))
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    issued_on = models.DateField(_("issued on"))
    issuer = models.CharField(_("issuer"), max_length=255)
    title = models.TextField(_("title"))
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "number"]
        constraints = [models.UniqueConstraint(fields=["number", "issued_on"], name="legal_document_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display().split(' (')[0]} {self.number} ({self.issued_on:%d/%m/%Y})"

    @property
    def citation(self) -> str:
        """How Vietnamese documents cite it: "Chỉ thị số 19/CT-TTg ngày 16/7/2021"."""
        return f"{self.number} ngày {self.issued_on.day}/{self.issued_on.month}/{self.issued_on.year}"
