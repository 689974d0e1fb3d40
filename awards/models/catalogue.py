"""The catalogue of emulation titles and forms of commendation (Law 06/2022/QH15)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import AttachmentKind, AwardCategory, AwardLevel, Decider, Subject


class AwardType(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    category = models.CharField(_("category"), max_length=20, choices=AwardCategory.choices)
    subject = models.CharField(_("subject"), max_length=12, choices=Subject.choices)
    level = models.CharField(_("level"), max_length=12, choices=AwardLevel.choices)
    decided_by = models.CharField(_("decided by"), max_length=20, choices=Decider.choices)
    goes_to_central = models.BooleanField(
        _("submitted to the central level"), default=False,
        help_text=_("The city submits it; the Prime Minister or the President decides."),
    )
    legal_basis = models.ForeignKey(
        "legal.LegalDocument", verbose_name=_("legal basis"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    article = models.CharField(_("article"), max_length=64, blank=True)
    requires_public_comment = models.BooleanField(
        _("public comment on the portal before the Council"), default=False)
    required_attachments = ArrayField(
        models.CharField(max_length=32, choices=AttachmentKind.choices), default=list, blank=True,
        verbose_name=_("documents the dossier must include"),
    )
    report_template = models.TextField(
        _("achievement report template"), blank=True,
        help_text=_("The outline the nominee's achievement report follows."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def name_on(self, day) -> str:
        """The award's name on ``day`` (a renamed award keeps its old name for earlier dates)."""
        for row in self.names.all():
            if row.effective_from <= day and (row.effective_to is None or row.effective_to >= day):
                return row.name
        return self.name
