"""Awards: the catalogue of emulation titles and forms of commendation (Law 06/2022/QH15).

Nominations, appraisal and decisions build on this catalogue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardCategory(models.TextChoices):
    EMULATION_TITLE = "emulation_title", _("Emulation title (danh hiệu thi đua)")
    COMMENDATION = "commendation", _("Form of commendation (hình thức khen thưởng)")


class Subject(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class AwardLevel(models.TextChoices):
    STATE = "state", _("State (President, Prime Minister)")
    CITY = "city", _("City")
    GRASSROOTS = "grassroots", _("Grassroots")


class Decider(models.TextChoices):
    PRESIDENT = "president", _("President")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    CITY_CHAIRMAN = "city_chairman", _("Chairman of the city People's Committee")
    UNIT_HEAD = "unit_head", _("Head of the unit")


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
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name
