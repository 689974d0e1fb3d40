"""Bonus amounts as data: the base salary (lương cơ sở) by period and each award's multiple of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from legal.models import AwardType


class BaseSalary(models.Model):
    """The base salary in force from a date (Decree 24/2023: 1.800.000 đ from 01/7/2023, …)."""

    amount = models.DecimalField(_("base salary (VND)"), max_digits=12, decimal_places=0)
    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.amount} đ ({self.effective_from:%d/%m/%Y})"


class BonusRate(models.Model):
    """An award's bonus as a multiple of the base salary, valid for a period. An empty multiple records that the
    amount for the period is not known yet: the officer sees "chưa có mức", never a zero."""

    award_type = models.ForeignKey(AwardType, verbose_name=_("award"), on_delete=models.CASCADE,
                                   related_name="bonus_rates")
    multiple = models.DecimalField(_("multiple of the base salary"), max_digits=6, decimal_places=2, null=True,
                                   blank=True, help_text=_("Empty: the amount for this period is not known yet."))
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200)

    class Meta:
        verbose_name = _("bonus rate")
        verbose_name_plural = _("bonus rates")
        ordering = ["award_type__order", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["award_type", "effective_from"], name="bonus_rate_unique")]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.multiple if self.multiple is not None else '?'}"
