"""The Board's appraisal of a nominee, and the eligibility engine's verdict it starts from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import Appraisal


class AppraisalRecord(models.Model):
    """What the Board found (its verdict and reason) and what the eligibility check said (kept as evidence)."""

    appraisal = models.CharField(_("appraisal"), max_length=14, choices=Appraisal.choices,
                                 default=Appraisal.PENDING)
    appraisal_reason = models.TextField(_("reason"), blank=True)
    eligibility = models.CharField(_("eligibility check"), max_length=14, blank=True)
    eligibility_reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        abstract = True
