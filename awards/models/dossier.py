"""Nomination dossiers (hồ sơ đề nghị khen thưởng): the submission, its nominees, documents, audit trail
and public comments."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from legal.models import AwardType
from organisation.scoping import scope_key, scope_to_user
from organisation.text import FoldedNameQuerySet, fold
from utilities.choices import ChoiceLabels
from utilities.uploads import private_upload_to

from .appraisal import AppraisalRecord
from .council import CouncilTally
from .decisions import AwardRecord
from .enums import (
    EDITABLE_STATUSES,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    ArticlePoint,
    AttachmentKind,
    CommendationType,
    CommentStatus,
    Outcome,
    RoundKind,
    SpecialCategory,
    Status,
    Subject,
    VoteChoice,
)


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff: their units' dossiers, drafts included; city-wide roles: every dossier once sent."""
        if scope_key(user)[0] == "city":
            return self.exclude(status=Status.DRAFT)  # drafts belong to their unit until sent
        return scope_to_user(self, user)

    def unfinished(self):
        """Dossiers not yet decided, forwarded or closed (drafts included where the viewer sees them). Written as the
        statuses it keeps, not those it drops: the status index then reads only the few open dossiers, not the
        decided years (8 ms → 0,5 ms at scale 1)."""
        return self.filter(status__in=[s for s in Status.values if s not in FINISHED_STATUSES])

    def overdue(self, day=None):
        return self.filter(status__in=(*OPEN_STATUSES, Status.RETURNED), due_on__lt=day or timezone.localdate())


class Submission(ChoiceLabels, models.Model):
    """A unit's submission (tờ trình) with its list of nominees."""

    unit = models.ForeignKey("organisation.Unit", verbose_name=_("submitting unit"), on_delete=models.PROTECT,
                             related_name="submissions")
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("submission number"), max_length=64, blank=True,
                                 help_text=_("The unit's own number, e.g. 15/TTr-SKHĐT"))
    board_report_number = models.PositiveIntegerField(
        _("number of the Board's submission"), null=True, blank=True,
        help_text=_("Given when the Board sends its submission (tờ trình) to the Chairman, after the vote; kept."))
    board_report_on = models.DateField(_("date of the Board's submission"), null=True, blank=True)
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

    def get_absolute_url(self) -> str:
        """The dossier's page (the link of its notices)."""
        return reverse("awards:submission_detail", args=[self.pk])

    @property
    def board_report_code(self) -> str:
        """"05/TTr-BTĐKT" once the Board's submission is sent (numbered from 01 each year), else ""."""
        return f"{self.board_report_number:02d}/TTr-BTĐKT" if self.board_report_number else ""

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES or self.status == Status.RETURNED

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


# A name search that matches more distinct names than this is a word, not a name ("nguyen"): it filters the lines
# themselves, which the newest-first index walk answers quickly because such a word is in many of them.
NAME_SEARCH_MAX_NAMES = 300


class NomineeQuerySet(FoldedNameQuerySet, models.QuerySet):
    def search(self, text: str):
        """Lines whose folded name contains ``text`` (with or without diacritics), found through the distinct names
        (``NomineeName``): the substring test runs over the names, a few tens of thousands that grow far slower
        than the lines, and the lines are then read by the names' index. The same lines as
        ``search_name LIKE '%text%'``, without scanning a trigram index over every line (issue 34)."""
        folded = fold(text)
        if not folded:
            return self
        names = list(NomineeName.objects.filter(search_name__contains=folded).values_list("search_name", flat=True)
                     [:NAME_SEARCH_MAX_NAMES + 1])
        if len(names) > NAME_SEARCH_MAX_NAMES:
            return self.filter(search_name__contains=folded)
        return self.filter(search_name__in=names)

    def visible_to(self, user):
        """The nominees of the dossiers ``user`` sees."""
        if scope_key(user)[0] == "city":
            return self.exclude(submission__status=Status.DRAFT)
        return scope_to_user(self, user, unit_field="submission__unit")

    def awarded(self):
        """Nominees whose award was decided (revoked ones included: the history shows the revocation)."""
        return self.filter(outcome=Outcome.AWARDED)

    def with_vote_counts(self):
        """Each nominee with ``yes``, ``no`` and ``abstain``: the Council's ballots counted in the query."""
        return self.annotate(yes=models.Count("votes", filter=models.Q(votes__choice=VoteChoice.YES)),
                             no=models.Count("votes", filter=models.Q(votes__choice=VoteChoice.NO)),
                             abstain=models.Count("votes", filter=models.Q(votes__choice=VoteChoice.ABSTAIN)))


class Nominee(ChoiceLabels, AppraisalRecord, CouncilTally, AwardRecord, models.Model):
    """One person, collective or household proposed for one award. The nomination's own fields are here;
    the Board's appraisal (``appraisal.AppraisalRecord``), the Council's tally (``council.CouncilTally``)
    and the award as decided, certified, revoked and recovered (``decisions.AwardRecord``) are written
    in the modules of those concepts. One table, one history."""

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
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    is_posthumous = models.BooleanField(_("posthumous"), default=False)
    martyrs_count = models.PositiveSmallIntegerField(_("number of martyrs in the family"), null=True, blank=True)
    service_period = models.CharField(_("resistance period / service"), max_length=200, blank=True)
    # The facts the rules judge instead of asking (issue 31, item 9): the point of the article chosen (Bằng khen of
    # the Chairman: Law 06/2022 Art 74.1, before 2024 Decree 91/2017 Art 39) with its evidence; for an ad hoc or
    # thematic award, the achievement itself: what (the summary), when, the movement or event, the document.
    criterion = models.CharField(_("criterion chosen"), max_length=2, choices=ArticlePoint.choices, blank=True,
                                 default="", db_default="")
    criterion_evidence = models.TextField(_("evidence of the criterion"), blank=True, default="", db_default="")
    achievement_on = models.DateField(_("date of the achievement"), null=True, blank=True)
    achievement_event = models.CharField(_("movement or event"), max_length=300, blank=True, default="",
                                         db_default="")
    evidence_document = models.CharField(_("recognising or deciding document"), max_length=300, blank=True,
                                         default="", db_default="")
    history = HistoricalRecords()

    objects = NomineeQuerySet.as_manager()

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["submission", "id"]
        indexes = [GinIndex(fields=["search_name"], name="nominee_search_trgm", opclasses=["gin_trgm_ops"]),
                   models.Index(fields=["outcome", "award_type"])]
        # "12/2024": numbered by documents.numbering.next_number, never given twice.
        constraints = [models.UniqueConstraint(fields=["golden_book_number"], condition=~models.Q(golden_book_number=""),
                                               name="golden_book_number_unique")]

    def __str__(self) -> str:
        return f"{self.name} – {self.award_type}"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class NomineeName(models.Model):
    """Each distinct folded name of a nomination line (``Nominee.search_name``), for the name search.

    Kept by the database itself (migration 0025: statement triggers on ``awards_nominee`` add the names of the rows
    inserted or renamed, whoever writes them — the services, imports, ``COPY``); a name whose lines were deleted stays
    and simply finds nothing."""

    search_name = models.CharField(max_length=255, primary_key=True)

    class Meta:
        indexes = [GinIndex(fields=["search_name"], name="nomineename_trgm", opclasses=["gin_trgm_ops"])]

    def __str__(self) -> str:
        return self.search_name


class Attachment(ChoiceLabels, models.Model):
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


class WorkflowEvent(ChoiceLabels, models.Model):
    """Append-only audit trail of a dossier: who did what, when, from which state."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)  # in the portal's language (Vietnamese)
    note_en = models.TextField(_("note in English"), blank=True, default="", db_default="")  # for English readers
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        ordering = ["at", "id"]
        # A report's "state at the period's end" reads each dossier's last event before a moment.
        indexes = [models.Index(fields=["submission", "at"], name="event_submission_at_idx")]

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.action} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Workflow events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Workflow events are append-only.")


class PublicComment(models.Model):
    """A citizen's comment on a nominee during public comment; the Board reads it and takes it into account or
    dismisses it (awards/comments.py, the COMMENT workflow)."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="public_comments")
    author = models.CharField(_("your name"), max_length=120)
    contact = models.CharField(_("phone or e-mail"), max_length=120, blank=True)
    content = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    address = models.GenericIPAddressField(_("sent from"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.NEW,
                              db_default=CommentStatus.NEW)
    moderated_by = models.ForeignKey("organisation.User", verbose_name=_("read by"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(_("read at"), null=True, blank=True)
    moderation_note = models.CharField(_("Board's note"), max_length=300, blank=True, default="", db_default="")

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["address", "created_at"], name="comment_address_idx"),
                   models.Index(fields=["status", "created_at"], name="comment_status_idx")]

    def __str__(self) -> str:
        return f"{self.author}: {self.content[:40]}"
