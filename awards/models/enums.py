"""Choices of the awards app: states, verdicts, outcomes, ratings; the law's own choices live in legal.enums."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from legal.enums import (  # noqa: F401  (the law's choices, re-exported for the awards app)
    CENTRAL_DECIDERS,
    LOCAL_DECIDERS,
    AchievementFact,
    ArticlePoint,
    AttachmentKind,
    AwardCategory,
    AwardLevel,
    CommendationType,
    Decider,
    LabourCriterion,
    ParameterKey,
    RuleKind,
    Subject,
)


class RoundKind(models.TextChoices):
    YEARLY = "yearly", _("Yearly review")
    MOVEMENT = "movement", _("A movement's review")
    AD_HOC = "ad_hoc", _("Ad hoc")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft, not sent")
    SUBMITTED = "submitted", _("Waiting to be received")
    RECEIVED = "received", _("Received by the Board")
    ASSIGNED = "assigned", _("Assigned to an officer")
    RETURNED = "returned", _("Returned for completion")
    APPRAISED = "appraised", _("Appraised")
    PUBLIC_COMMENT = "public_comment", _("Public comment")
    IN_COUNCIL = "in_council", _("Before the Council")
    VOTED = "voted", _("Voted by the Council")
    DECIDED = "decided", _("Decision issued")
    FORWARDED = "forwarded", _("Forwarded to the central level")
    CLOSED = "closed", _("Closed without award")


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

OPEN_STATUSES = (Status.SUBMITTED, Status.RECEIVED, Status.ASSIGNED, Status.APPRAISED, Status.PUBLIC_COMMENT,
                 Status.IN_COUNCIL, Status.VOTED)
# Dossiers whose outcome is settled: nothing more happens to them.
FINISHED_STATUSES = (Status.DECIDED, Status.FORWARDED, Status.CLOSED)

class SpecialCategory(models.TextChoices):
    NONE = "", _("None")
    HEROIC_MOTHER = "heroic_mother", _("Heroic Vietnamese Mother (incl. posthumous)")
    MARTYRS_FAMILY = "martyrs_family", _("Independence Order for a family with many martyrs")
    RESISTANCE_BACKLOG = "resistance_backlog", _("Backlog of resistance-war awards")


class Appraisal(models.TextChoices):
    PENDING = "pending", _("Not yet appraised")
    ELIGIBLE = "eligible", _("Eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    INCOMPLETE = "incomplete", _("Returned for completion")


class Outcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    PASSED = "passed", _("Passed by the Council")
    FAILED = "failed", _("Not passed by the Council")
    AWARDED = "awarded", _("Awarded")
    FORWARDED = "forwarded", _("Forwarded to the central level")
    REJECTED = "rejected", _("Not awarded")


class CommentStatus(models.TextChoices):
    NEW = "new", _("Not yet read")
    ACCEPTED = "accepted", _("Taken into account")
    DISMISSED = "dismissed", _("Dismissed (off-topic or abusive)")


class VoteChoice(models.TextChoices):
    YES = "yes", _("In favour")
    NO = "no", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Award decision")
    REVOCATION = "revocation", _("Revocation decision")


class Rating(models.TextChoices):
    """Yearly task rating; the order is the ranking used by the rules."""

    EXCELLENT = "HTXSNV", _("Excellent (HTXSNV)")
    GOOD = "HTTNV", _("Good (HTTNV)")
    COMPLETED = "HTNV", _("Completed (HTNV)")
    NOT_COMPLETED = "KHTNV", _("Not completed (KHTNV)")


RATING_RANK = {Rating.EXCELLENT: 4, Rating.GOOD: 3, Rating.COMPLETED: 2, Rating.NOT_COMPLETED: 1}

class InitiativeLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots")
    CITY = "city", _("City-wide")
    NATIONAL = "national", _("National")


INITIATIVE_RANK = {InitiativeLevel.GRASSROOTS: 1, InitiativeLevel.CITY: 2, InitiativeLevel.NATIONAL: 3}

class BlockKind(models.TextChoices):
    DISCIPLINE = "discipline", _("Disciplinary measure")
    INVESTIGATION = "investigation", _("Under investigation")
    COMPLAINT = "complaint", _("Pending complaint or denunciation")


