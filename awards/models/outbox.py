"""Notices of outcomes held in the Board's outbox (pretalx's pending decisions are the model): the Council's tally
and the decision reach the unit and the awardees only when the Board releases them after the decision is issued."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import Status


class NoticeStatus(models.TextChoices):
    HELD = "held", _("Waiting in the outbox")
    SENT = "sent", _("Sent")


class OutcomeNotice(models.Model):
    submission = models.ForeignKey("awards.Submission", on_delete=models.CASCADE, related_name="notices")
    action = models.CharField(_("step"), max_length=32)  # the dossier workflow's action that composed it
    to_status = models.CharField(_("state reached"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    note_en = models.TextField(_("note in English"), blank=True, default="", db_default="")  # for English readers
    status = models.CharField(_("status"), max_length=8, choices=NoticeStatus.choices, default=NoticeStatus.HELD)
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("outcome notice")
        verbose_name_plural = _("outcome notices")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "submission"])]

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.to_status}"
