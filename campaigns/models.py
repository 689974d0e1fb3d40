"""Emulation movements (phong trào thi đua) and the work units do under them.

- Movement: a movement or an action theme, its launching authority and legal basis.
- RegistrationWindow / Registration / RegistrationTarget: each unit registers per year
  which movements it joins and which titles it aims for, before a deadline.
- ActionProgramme / ProgrammeTask: a unit's plan under a movement, with due dates.
- ReviewRound / ReviewReport / InspectionVisit: mid-term and final reviews, inspections.
- ExemplaryModel: advanced models and good deeds, published for the press once approved.
- ClusterCovenant / CovenantCriterion / MemberScore / CriterionScore: cluster scoring.

State changes go through campaigns.services; every model keeps an audit history.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisation.models import Cluster, Unit, UnitKind
from utilities.uploads import private_upload_to


class MovementKind(models.TextChoices):
    THEME = "theme", _("Action theme (chủ đề)")
    REGULAR = "regular", _("Regular, yearly (thường xuyên)")
    THEMATIC = "thematic", _("Per campaign or thematic (theo đợt, chuyên đề)")
    FIVE_YEAR = "five_year", _("Five-year")
    SPECIAL = "special", _("Special movement (đặc biệt)")


class Authority(models.TextChoices):
    CENTRAL = "central", _("Central level")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    CITY_CHAIRMAN = "city_chairman", _("Chairman of the city People's Committee")
    CITY_COMMITTEE = "city_committee", _("City People's Committee")
    DEPARTMENT = "department", _("A department or unit")


class MovementStatus(models.TextChoices):
    ACTIVE = "active", _("Under way")
    CLOSED = "closed", _("Closed (final review done)")


class Scope(models.TextChoices):
    NATIONWIDE = "nationwide", _("Nationwide")
    CITYWIDE = "citywide", _("Whole city")
    SECTOR = "sector", _("A sector or unit")


class MovementQuerySet(models.QuerySet):
    def running_in(self, year: int):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=start)
        )


# The check of a launch (the form, the model's validation) and the constraint it rests on say the same.
MOVEMENT_NAME_TAKEN = _("A movement with this name already exists.")


class Movement(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=400)
    kind = models.CharField(_("type"), max_length=16, choices=MovementKind.choices)
    authority = models.CharField(_("launched by"), max_length=20, choices=Authority.choices)
    launching_unit = models.ForeignKey(
        Unit, verbose_name=_("launching unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    legal_basis = models.ManyToManyField(
        "legal.LegalDocument", verbose_name=_("legal basis"), blank=True, related_name="movements"
    )
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.CITYWIDE)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MovementStatus.choices, default=MovementStatus.ACTIVE)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent movement or theme"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    launched_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    launched_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = MovementQuerySet.as_manager()

    class Meta:
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["status", "kind"]), models.Index(fields=["starts_on", "ends_on"])]
        constraints = [models.UniqueConstraint(Lower("name"), name="movement_name_unique",
                                               violation_error_message=MOVEMENT_NAME_TAKEN)]

    def __str__(self) -> str:
        return self.name

    @property
    def is_theme(self) -> bool:
        return self.kind == MovementKind.THEME


def default_expected_kinds():
    return [
        UnitKind.DEPARTMENT, UnitKind.BOARD, UnitKind.PRESS, UnitKind.MASS_ORGANISATION,
        UnitKind.URBAN_DISTRICT, UnitKind.RURAL_DISTRICT, UnitKind.DISTRICT_CITY,
    ]


class RegistrationWindow(models.Model):
    """The registration period of a year: a deadline is data, with its basis."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("deadline"))
    basis = models.CharField(_("basis"), max_length=255, blank=True)
    expected_kinds = ArrayField(
        models.CharField(max_length=32, choices=UnitKind.choices), default=default_expected_kinds,
        verbose_name=_("kinds of unit expected to register"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration window")
        verbose_name_plural = _("registration windows")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.opens_on:%d/%m/%Y}–{self.closes_on:%d/%m/%Y}"

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on


class RegistrationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Registration(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="registrations")
    year = models.PositiveSmallIntegerField(_("year"))
    movements = models.ManyToManyField(Movement, verbose_name=_("movements joined"), related_name="registrations")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.DRAFT)
    note = models.TextField(_("commitments"), blank=True)
    # Set when the Board reopens the registration after the year's deadline: this unit's own deadline.
    extended_until = models.DateField(_("extended deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    history = HistoricalRecords(m2m_fields=[movements])

    class Meta:
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")
        ordering = ["-year", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="registration_once_a_year")]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.unit} – {self.year}"


class RegistrationTarget(models.Model):
    """A title the unit aims for: for itself or a sub-collective, or a number of individuals."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="targets")
    award_type = models.ForeignKey("legal.AwardType", verbose_name=_("title or award"), on_delete=models.PROTECT,
                                   related_name="+")
    quantity = models.PositiveSmallIntegerField(_("number"), default=1)
    note = models.CharField(_("for whom"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registered title")
        verbose_name_plural = _("registered titles")
        ordering = ["award_type__order"]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.award_type}"


class ActionProgramme(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="programmes")
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), on_delete=models.PROTECT,
                                 related_name="programmes")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action programme")
        verbose_name_plural = _("action programmes")
        ordering = ["-year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "movement", "year"], name="programme_once_per_movement_year")
        ]

    def __str__(self) -> str:
        return self.title


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_TASK_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


class TaskQuerySet(models.QuerySet):
    def overdue(self, day: datetime.date | None = None):
        return self.filter(status__in=OPEN_TASK_STATUSES, due_on__lt=day or timezone.localdate())


class ProgrammeTask(models.Model):
    programme = models.ForeignKey(ActionProgramme, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.CharField(_("owner"), max_length=160)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=private_upload_to, blank=True)
    history = HistoricalRecords()

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme task")
        verbose_name_plural = _("programme tasks")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_TASK_STATUSES and self.due_on < timezone.localdate()


class ReviewKind(models.TextChoices):
    MID_TERM = "mid_term", _("Mid-term review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Collecting reports")
    CONSOLIDATED = "consolidated", _("Consolidated by the Board")


class ReviewRound(models.Model):
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), on_delete=models.PROTECT,
                                 related_name="review_rounds")
    kind = models.CharField(_("kind"), max_length=12, choices=ReviewKind.choices)
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("Units registered for the movement in this year "
                                                                    "are expected to report."))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_on = models.DateField(_("reports due on"))
    status = models.CharField(_("status"), max_length=14, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    consolidated_summary = models.TextField(_("consolidated summary"), blank=True)
    consolidated_at = models.DateTimeField(null=True, blank=True)
    consolidated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        ordering = ["-due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ReviewReport(models.Model):
    round = models.ForeignKey(ReviewRound, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="review_reports")
    text = models.TextField(_("report"))
    attachment = models.FileField(_("attachment"), upload_to=private_upload_to, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        ordering = ["unit__name"]
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="one_report_per_unit_and_round")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.round}"

    @property
    def is_late(self) -> bool:
        return timezone.localtime(self.submitted_at).date() > self.round.due_on


class VisitKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection (kiểm tra)")
    SUPERVISION = "supervision", _("Supervision (giám sát)")


class Assessment(models.TextChoices):
    GOOD = "good", _("Active, good results")
    ADEQUATE = "adequate", _("Adequate")
    PASSIVE = "passive", _("Passive or irresponsible")


class InspectionVisit(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="inspections")
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(_("kind"), max_length=12, choices=VisitKind.choices)
    visited_on = models.DateField(_("date"))
    team = models.CharField(_("team"), max_length=255)
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    assessment = models.CharField(_("assessment"), max_length=10, choices=Assessment.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection or supervision visit")
        verbose_name_plural = _("inspection and supervision visits")
        ordering = ["-visited_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} {self.visited_on:%d/%m/%Y}"


class ModelKind(models.TextChoices):
    ADVANCED = "advanced", _("Advanced model (điển hình tiên tiến)")
    GOOD_DEEDS = "good_deeds", _("Good people, good deeds (Người tốt, việc tốt)")
    BRAVE_RESCUE = "brave_rescue", _("Brave rescue of people or property")
    INITIATIVE = "initiative", _("Effective initiative or solution")


class ModelStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved and published")
    REJECTED = "rejected", _("Not approved")


class ExemplaryModelQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModelStatus.APPROVED, published_at__isnull=False)


class ExemplaryModel(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("proposing unit"), on_delete=models.PROTECT,
                             related_name="exemplary_models")
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="exemplary_models")
    kind = models.CharField(_("kind"), max_length=14, choices=ModelKind.choices)
    title = models.CharField(_("headline"), max_length=255)
    subject_name = models.CharField(_("person or collective"), max_length=255)
    summary = models.CharField(_("summary"), max_length=500)
    story = models.TextField(_("story"))
    photo = models.ImageField(_("photo"), upload_to=private_upload_to, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ModelStatus.choices, default=ModelStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("Board's note"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ExemplaryModelQuerySet.as_manager()

    class Meta:
        verbose_name = _("exemplary model")
        verbose_name_plural = _("exemplary models")
        ordering = ["-published_at", "-proposed_at"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ModelStatus.APPROVED and self.published_at is not None


class CriterionKind(models.TextChoices):
    STANDARD = "standard", _("Criterion")
    BONUS = "bonus", _("Bonus points")
    DEDUCTION = "deduction", _("Deduction")


class ClusterCovenant(models.Model):
    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT,
                                related_name="covenants")
    year = models.PositiveSmallIntegerField(_("year"))
    signed_on = models.DateField(_("signed on"))
    content = models.TextField(_("covenant"), blank=True)
    signatories = models.TextField(_("signatories (one per line: name, title, unit)"), blank=True)
    signed_file = models.FileField(_("signed covenant"), upload_to=private_upload_to, blank=True)
    is_final = models.BooleanField(_("results final"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cluster covenant")
        verbose_name_plural = _("cluster covenants")
        ordering = ["-year", "cluster__name"]
        constraints = [models.UniqueConstraint(fields=["cluster", "year"], name="one_covenant_per_cluster_year")]

    def __str__(self) -> str:
        return f"{self.cluster} – {self.year}"


class CovenantCriterion(models.Model):
    covenant = models.ForeignKey(ClusterCovenant, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("criterion"), max_length=400)
    kind = models.CharField(_("kind"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.STANDARD)
    max_points = models.DecimalField(_("maximum points"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("covenant criterion")
        verbose_name_plural = _("covenant criteria")
        ordering = ["covenant", "order"]
        constraints = [models.UniqueConstraint(fields=["covenant", "order"], name="criterion_order_unique")]

    def __str__(self) -> str:
        return self.name


class ScoreStatus(models.TextChoices):
    DRAFT = "draft", _("Self-scoring")
    SELF_SCORED = "self_scored", _("Self-score submitted")
    CHECKED = "checked", _("Cross-checked by the cluster head")


class MemberScore(models.Model):
    covenant = models.ForeignKey(ClusterCovenant, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey(Unit, verbose_name=_("member"), on_delete=models.PROTECT, related_name="cluster_scores")
    status = models.CharField(_("status"), max_length=12, choices=ScoreStatus.choices, default=ScoreStatus.DRAFT)
    self_total = models.DecimalField(_("self-score"), max_digits=7, decimal_places=2, default=0)
    final_total = models.DecimalField(_("final score"), max_digits=7, decimal_places=2, null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    acclaimed = models.BooleanField(_("acclaimed leading unit"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member score")
        verbose_name_plural = _("member scores")
        ordering = ["covenant", "rank", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["covenant", "unit"], name="one_score_per_member")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.covenant}"


class CriterionScore(models.Model):
    member_score = models.ForeignKey(MemberScore, on_delete=models.CASCADE, related_name="lines")
    criterion = models.ForeignKey(CovenantCriterion, on_delete=models.PROTECT, related_name="+")
    self_points = models.DecimalField(_("self-assessed points"), max_digits=6, decimal_places=2, default=0)
    evidence = models.TextField(_("evidence"), blank=True)
    checked_points = models.DecimalField(_("points after cross-check"), max_digits=6, decimal_places=2, null=True,
                                         blank=True)
    check_note = models.CharField(_("cross-check note"), max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion__order"]
        constraints = [models.UniqueConstraint(fields=["member_score", "criterion"], name="one_line_per_criterion")]

    def __str__(self) -> str:
        return f"{self.member_score}: {self.criterion}"
