"""The Emulation and Commendation Council: meetings and members' votes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import VoteChoice


class CouncilMeeting(models.Model):
    held_on = models.DateField(_("meeting date"))
    title = models.CharField(_("title"), max_length=255)
    is_closed = models.BooleanField(_("voting closed"), default=False)
    member_count = models.PositiveSmallIntegerField(
        _("members of the Council"), null=True, blank=True,
        help_text=_("All members, present or not: thresholds are shares of this number (Decree 98/2023 Art 30.7). "
                    "Empty: the number of active Council accounts when the votes are counted."))

    class Meta:
        verbose_name = _("Council meeting")
        verbose_name_plural = _("Council meetings")
        ordering = ["-held_on"]
        # A new meeting asked for by the day and title of an open one is that meeting (awards.services.create_meeting).
        constraints = [models.UniqueConstraint(fields=["held_on", "title"], condition=models.Q(is_closed=False),
                                               name="one_open_meeting_per_day_and_title")]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class CouncilVote(models.Model):
    nominee = models.ForeignKey("Nominee", on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey("organisation.User", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=8, choices=VoteChoice.choices)
    cast_at = models.DateTimeField(auto_now=True)
    in_writing = models.BooleanField(_("absent member's written vote"), default=False, db_default=False)
    recorded_by = models.ForeignKey("organisation.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", help_text=_("The Board officer who entered a written vote."))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nominee", "member"], name="one_vote_per_member")]

    def __str__(self) -> str:
        return f"{self.member} – {self.nominee}: {self.choice}"


class CouncilTally(models.Model):
    """A nominee's votes as counted when the Board closed the vote (the ballots are ``CouncilVote`` rows)."""

    votes_yes = models.PositiveSmallIntegerField(default=0)
    votes_no = models.PositiveSmallIntegerField(default=0)
    votes_abstain = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
