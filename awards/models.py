"""Awards: the catalogue of emulation titles and forms of commendation (Law 06/2022/QH15).

Nominations, appraisal and decisions build on this catalogue.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from haiphong_thidua.uploads import private_upload_to
from organisation.text import FoldedNameQuerySet


class AttachmentKind(models.TextChoices):
    COUNCIL_MINUTES = "council_minutes", _("Minutes of the unit's emulation council")
    BALLOT_RESULT = "ballot_result", _("Ballot result")
    INITIATIVE_RECOGNITION = "initiative_recognition", _("Recognition of the initiative")
    EARLIER_DECISION = "earlier_decision", _("Copy of an earlier award decision")
    ACHIEVEMENT_REPORT = "achievement_report", _("Signed achievement report")
    OTHER = "other", _("Other document")


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


# ---------------------------------------------------------------------------
# Parameters from law: data with legal basis and effective dates
# ---------------------------------------------------------------------------

class ParameterKey(models.TextChoices):
    APPRAISAL_WORKING_DAYS = "appraisal_working_days", _("Working days for the Board to appraise a dossier")
    RESUBMIT_WORKING_DAYS = "resubmit_working_days", _("Working days for a unit to complete a returned dossier")
    PUBLIC_COMMENT_DAYS = "public_comment_days", _("Days of public comment on the portal")
    VOTE_PASS_SHARE = "vote_pass_share", _("Share of Council votes in favour needed (greater than)")


class Parameter(models.Model):
    """A number the law sets (deadline, threshold), valid for a period and optionally one award type."""

    key = models.CharField(_("parameter"), max_length=40, choices=ParameterKey.choices)
    award_type = models.ForeignKey(AwardType, verbose_name=_("award type"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="parameters",
                                   help_text=_("Empty: applies to every award type."))
    value = models.DecimalField(_("value"), max_digits=8, decimal_places=3)
    legal_basis = models.ForeignKey("legal.LegalDocument", verbose_name=_("legal basis"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal parameter")
        verbose_name_plural = _("legal parameters")
        ordering = ["key", "-effective_from"]

    def __str__(self) -> str:
        return f"{self.get_key_display()} = {self.value}"


class Holiday(models.Model):
    """Public holidays and compensatory days off, excluded from working-day deadlines."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=160)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


# ---------------------------------------------------------------------------
# Nomination dossiers (hồ sơ đề nghị khen thưởng)
# ---------------------------------------------------------------------------

class CommendationType(models.TextChoices):
    REGULAR = "regular", _("Regular merit (công trạng)")
    AD_HOC = "ad_hoc", _("Ad hoc (đột xuất)")
    THEMATIC = "thematic", _("Per movement or thematic (theo đợt, chuyên đề)")
    SERVICE = "service", _("Long service (quá trình cống hiến)")
    TENURE = "tenure", _("Years of service (niên hạn)")
    FOREIGN = "foreign", _("Foreign relations (đối ngoại)")
    RESISTANCE = "resistance", _("Resistance war (kháng chiến)")


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


class SubmissionQuerySet(models.QuerySet):
    def overdue(self, day=None):
        from django.utils import timezone

        return self.filter(status__in=(*OPEN_STATUSES, Status.RETURNED), due_on__lt=day or timezone.localdate())


class SpecialCategory(models.TextChoices):
    NONE = "", _("None")
    HEROIC_MOTHER = "heroic_mother", _("Heroic Vietnamese Mother (incl. posthumous)")
    MARTYRS_FAMILY = "martyrs_family", _("Independence Order for a family with many martyrs")
    RESISTANCE_BACKLOG = "resistance_backlog", _("Backlog of resistance-war awards")


class Submission(models.Model):
    """A unit's submission (tờ trình) with its list of nominees."""

    unit = models.ForeignKey("organisation.Unit", verbose_name=_("submitting unit"), on_delete=models.PROTECT,
                             related_name="submissions")
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("submission number"), max_length=64, blank=True,
                                 help_text=_("The unit's own number, e.g. 15/TTr-SKHĐT"))
    round_kind = models.CharField(_("round"), max_length=12, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("year of achievement"))
    movement = models.ForeignKey("campaigns.Movement", verbose_name=_("movement"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="submissions")
    commendation_type = models.CharField(_("type of commendation"), max_length=12, choices=CommendationType.choices)
    special_category = models.CharField(_("special category (directive item 6)"), max_length=20, blank=True,
                                        choices=SpecialCategory.choices, default="", db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    created_by = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    officer = models.ForeignKey("organisation.User", verbose_name=_("officer in charge"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="assigned_submissions")
    due_on = models.DateField(_("due on"), null=True, blank=True)
    public_comment_until = models.DateField(_("public comment until"), null=True, blank=True)
    meeting = models.ForeignKey("CouncilMeeting", verbose_name=_("Council meeting"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="submissions")
    history = HistoricalRecords()

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination submission")
        verbose_name_plural = _("nomination submissions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "due_on"]), models.Index(fields=["unit", "year"]),
                   models.Index(fields=["status", "year", "due_on", "-submitted_at", "-created_at"],
                                name="submission_queue_order_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES or self.status == Status.RETURNED

    @property
    def is_overdue(self) -> bool:
        from django.utils import timezone

        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


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


class NomineeQuerySet(FoldedNameQuerySet, models.QuerySet):
    pass


class Nominee(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="nominees")
    subject = models.CharField(_("subject"), max_length=12, choices=Subject.choices)
    person = models.ForeignKey("organisation.Person", verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="nominations")
    collective_unit = models.ForeignKey("organisation.Unit", verbose_name=_("collective (unit)"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="nominations")
    name = models.CharField(_("name of the person, collective or household"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, default="", db_index=True)
    award_type = models.ForeignKey(AwardType, verbose_name=_("award proposed"), on_delete=models.PROTECT,
                                   related_name="nominees")
    achievement_summary = models.TextField(_("achievement summary"))
    achievement_report = models.TextField(_("achievement report"), blank=True)
    appraisal = models.CharField(_("appraisal"), max_length=14, choices=Appraisal.choices,
                                 default=Appraisal.PENDING)
    appraisal_reason = models.TextField(_("reason"), blank=True)
    votes_yes = models.PositiveSmallIntegerField(default=0)
    votes_no = models.PositiveSmallIntegerField(default=0)
    votes_abstain = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    decision = models.ForeignKey("Decision", verbose_name=_("decision"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="awardees")
    golden_book_number = models.CharField(_("golden-book number"), max_length=32, blank=True)
    certificate_code = models.UUIDField(_("verification code"), null=True, blank=True, unique=True)
    revoked_by = models.ForeignKey("Decision", verbose_name=_("revoked by decision"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="revoked_awards")
    revocation_grounds = models.TextField(_("grounds for revocation"), blank=True)
    is_posthumous = models.BooleanField(_("posthumous"), default=False)
    martyrs_count = models.PositiveSmallIntegerField(_("number of martyrs in the family"), null=True, blank=True)
    service_period = models.CharField(_("resistance period / service"), max_length=200, blank=True)
    eligibility = models.CharField(_("eligibility check"), max_length=14, blank=True)
    eligibility_reasons = models.JSONField(_("reasons"), default=list, blank=True)
    certificate_recovered = models.BooleanField(_("certificate recovered"), default=False)
    bonus_recovered = models.DecimalField(_("bonus recovered (VND)"), max_digits=14, decimal_places=0, default=0)
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = NomineeQuerySet.as_manager()

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["submission", "id"]
        indexes = [GinIndex(fields=["search_name"], name="nominee_search_trgm", opclasses=["gin_trgm_ops"]),
                   models.Index(fields=["outcome", "award_type"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.award_type}"

    def save(self, *args, **kwargs):
        from organisation.text import fold

        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_by_id is not None


class Attachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    nominee = models.ForeignKey(Nominee, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("document"), max_length=32, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=private_upload_to)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class WorkflowEvent(models.Model):
    """Append-only audit trail of a dossier: who did what, when, from which state."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        ordering = ["at", "id"]

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Workflow events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Workflow events are append-only.")


class CouncilMeeting(models.Model):
    held_on = models.DateField(_("meeting date"))
    title = models.CharField(_("title"), max_length=255)
    is_closed = models.BooleanField(_("voting closed"), default=False)

    class Meta:
        verbose_name = _("Council meeting")
        verbose_name_plural = _("Council meetings")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class VoteChoice(models.TextChoices):
    YES = "yes", _("In favour")
    NO = "no", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class CouncilVote(models.Model):
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey("organisation.User", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=8, choices=VoteChoice.choices)
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nominee", "member"], name="one_vote_per_member")]


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Award decision")
    REVOCATION = "revocation", _("Revocation decision")


class Decision(models.Model):
    """The Chairman's decision "Số N/QĐ-UBND"; N is gapless and restarts each year."""

    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=12, choices=DecisionKind.choices, default=DecisionKind.AWARD)
    issued_on = models.DateField(_("issued on"))
    title = models.CharField(_("title"), max_length=400)
    signer_name = models.CharField(_("signed by"), max_length=120)
    signer_title = models.CharField(_("signer's title"), max_length=120)
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="decisions")
    revokes = models.ForeignKey("self", verbose_name=_("revokes"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="revocations")
    issued_by = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="decision_number_unique_per_year")]
        # The award history lists the newest decisions first, walking this index and each decision's lines.
        indexes = [models.Index(fields=["-issued_on", "-number"], name="decision_newest_idx")]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"{self.number}/QĐ-UBND"


class NumberSequence(models.Model):
    """Gapless yearly counters (decision numbers, golden-book numbers), locked row by row."""

    name = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="sequence_unique")]


class Notification(models.Model):
    """An in-portal message to one user."""

    user = models.ForeignKey("organisation.User", on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]


class PublicComment(models.Model):
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="public_comments")
    author = models.CharField(_("your name"), max_length=120)
    contact = models.CharField(_("phone or e-mail"), max_length=120, blank=True)
    content = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


# ---------------------------------------------------------------------------
# Inputs of the eligibility rules (DOMAIN.md §3)
# ---------------------------------------------------------------------------

class Rating(models.TextChoices):
    """Yearly task rating; the order is the ranking used by the rules."""

    EXCELLENT = "HTXSNV", _("Excellent (HTXSNV)")
    GOOD = "HTTNV", _("Good (HTTNV)")
    COMPLETED = "HTNV", _("Completed (HTNV)")
    NOT_COMPLETED = "KHTNV", _("Not completed (KHTNV)")


RATING_RANK = {Rating.EXCELLENT: 4, Rating.GOOD: 3, Rating.COMPLETED: 2, Rating.NOT_COMPLETED: 1}


class TaskRating(models.Model):
    person = models.ForeignKey("organisation.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="ratings")
    unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="ratings", help_text=_("For a collective's rating."))
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=6, choices=Rating.choices)
    source = models.CharField(_("source"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly task rating")
        verbose_name_plural = _("yearly task ratings")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_unit_year"),
            models.CheckConstraint(condition=models.Q(person__isnull=False) | models.Q(unit__isnull=False),
                                   name="rating_has_subject"),
        ]


class InitiativeLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots")
    CITY = "city", _("City-wide")
    NATIONAL = "national", _("National")


INITIATIVE_RANK = {InitiativeLevel.GRASSROOTS: 1, InitiativeLevel.CITY: 2, InitiativeLevel.NATIONAL: 3}


class Initiative(models.Model):
    title = models.CharField(_("initiative"), max_length=300)
    authors = models.ManyToManyField("organisation.Person", related_name="initiatives", verbose_name=_("authors"))
    level = models.CharField(_("level of effect"), max_length=12, choices=InitiativeLevel.choices)
    recognised_by = models.CharField(_("recognising decision"), max_length=120)
    recognised_on = models.DateField(_("recognised on"))
    consumed_by = models.ForeignKey("Nominee", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="consumed_initiatives", verbose_name=_("used for the award"))
    history = HistoricalRecords(m2m_fields=[authors])

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-recognised_on"]

    def __str__(self) -> str:
        return self.title


class BlockKind(models.TextChoices):
    DISCIPLINE = "discipline", _("Disciplinary measure")
    INVESTIGATION = "investigation", _("Under investigation")
    COMPLAINT = "complaint", _("Pending complaint or denunciation")


class BlockingRecord(models.Model):
    person = models.ForeignKey("organisation.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="blocking_records")
    unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="blocking_records")
    kind = models.CharField(_("kind"), max_length=14, choices=BlockKind.choices)
    level = models.CharField(_("form"), max_length=80, blank=True, help_text=_("e.g. khiển trách, cảnh cáo"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("discipline, investigation or complaint")
        verbose_name_plural = _("discipline, investigation and complaint records")
        ordering = ["-starts_on"]


class PastAward(models.Model):
    """Awards given before the portal, or by a unit head (grassroots titles), that rules must see."""

    person = models.ForeignKey("organisation.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="past_awards")
    unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="past_awards")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="+", verbose_name=_("award"))
    year = models.PositiveSmallIntegerField(_("year of achievement"))
    commendation_type = models.CharField(_("type of commendation"), max_length=12, choices=CommendationType.choices,
                                         default=CommendationType.REGULAR)
    decision_number = models.CharField(_("decision"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("earlier award")
        verbose_name_plural = _("earlier awards")
        ordering = ["-year"]


class RuleKind(models.TextChoices):
    RATING_AT_LEAST = "rating_at_least", _("Yearly rating at least")
    CONSECUTIVE_RATINGS = "consecutive_ratings", _("Consecutive years rated at least")
    CONSECUTIVE_TITLES = "consecutive_titles", _("Consecutive years holding a title")
    TITLES_WITHIN = "titles_within", _("A title a number of times within a period")
    HOLDS_AWARD = "holds_award", _("Already holds an award")
    INITIATIVE = "initiative", _("Recognised initiative(s) not yet used")
    MEMBERS_SHARE = "members_share", _("Share of the collective's members holding a title")
    MEMBERS_COUNT = "members_count", _("Members holding a title")
    NO_MEMBER_DISCIPLINE = "no_member_discipline", _("No member disciplined")
    QUOTA_SHARE = "quota_share", _("Quota: at most a share of another title in the unit")


class EligibilityRule(models.Model):
    """One criterion of one award, as the law states it, valid for a period.

    A new decree is a new row (with its dates), never a code change: the check for
    each ``kind`` is implemented once in awards/eligibility.py and reads ``params``.
    """

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="rules",
                                   verbose_name=_("award"))
    kind = models.CharField(_("check"), max_length=24, choices=RuleKind.choices)
    params = models.JSONField(_("parameters"), default=dict)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    description = models.CharField(_("criterion"), max_length=300)

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["award_type", "effective_from", "id"]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.description}"


class FairnessTarget(models.Model):
    """The city's target share of awards for a group (directive item 8), as data."""

    dimension = models.CharField(_("group"), max_length=20, choices=[
        ("grassroots", _("Grassroots units")), ("direct_workers", _("Direct workers")), ("women", _("Women")),
        ("non_state", _("Non-state sector")), ("elected", _("Elected bodies")),
        ("small_collectives", _("Small collectives")),
    ], unique=True)
    min_share = models.DecimalField(_("minimum share (%)"), max_digits=5, decimal_places=2)
    basis = models.CharField(_("basis"), max_length=200)

    class Meta:
        verbose_name = _("fairness target")
        verbose_name_plural = _("fairness targets")
