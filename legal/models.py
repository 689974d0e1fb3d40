"""The law as data: the legal documents (văn bản) cited as a basis, the catalogue of emulation titles and forms of
commendation (Law 06/2022/QH15) with their names by period, the legal parameters (deadlines, thresholds), public
holidays (the working-day calendar, legal.calendar), who decides each award in a period, the bonus amounts (the
base salary, lương cơ sở, by period and each award's multiple of it) and the eligibility criteria of each award
(the engine that applies them is awards/eligibility.py).

Rows that hold for a period answer "in force on day D" through legal.periods (``Model.objects.in_force(on=D)``)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import (
    AttachmentKind,
    AwardCategory,
    AwardLevel,
    CommendationType,
    DayKind,
    Decider,
    Occasion,
    ParameterKey,
    RuleKind,
    Subject,
)
from .periods import InForceQuerySet, is_in_force


class DocumentKind(models.TextChoices):
    LAW = "law", _("Law (Luật)")
    DECREE = "decree", _("Decree (Nghị định)")
    CIRCULAR = "circular", _("Circular (Thông tư)")
    RESOLUTION = "resolution", _("Resolution (Nghị quyết)")
    DIRECTIVE = "directive", _("Directive (Chỉ thị)")
    PLAN = "plan", _("Plan (Kế hoạch)")
    DECISION = "decision", _("Decision (Quyết định)")
    OTHER = "other", _("Other")


class LegalDocument(models.Model):
    number = models.CharField(_("number"), max_length=64, help_text=_("e.g. 06/2022/QH15, 01/CT-UBND"))
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    issued_on = models.DateField(_("issued on"))
    issuer = models.CharField(_("issuer"), max_length=255)
    title = models.TextField(_("title"))
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "number"]
        constraints = [models.UniqueConstraint(fields=["number", "issued_on"], name="legal_document_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display().split(' (')[0]} {self.number} ({self.issued_on:%d/%m/%Y})"

    @property
    def citation(self) -> str:
        """How Vietnamese documents cite it: "Chỉ thị số 19/CT-TTg ngày 16/7/2021"."""
        return f"{self.number} ngày {self.issued_on.day}/{self.issued_on.month}/{self.issued_on.year}"


class AwardType(models.Model):
    """An emulation title or form of commendation of the law, with who decides it and what its dossier needs."""

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
        db_table = "awards_awardtype"  # the awards app's table, moved here (issue 28): name and rows kept
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def name_on(self, day) -> str:
        """The award's name on ``day`` (a renamed award keeps its old name for earlier dates)."""
        for row in self.names.all():
            if is_in_force(row, day):
                return row.name
        return self.name


class AwardTypeName(models.Model):
    """A name an award carries in a period: a decree that renames it adds a row, the old name stays."""

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="names",
                                   verbose_name=_("award"))
    name = models.CharField(_("name"), max_length=255)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_awardtypename"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("award name in a period")
        verbose_name_plural = _("award names by period")
        ordering = ["award_type", "effective_from"]

    def __str__(self) -> str:
        return self.name


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
    reading = models.TextField(
        _("reading chosen"), blank=True, default="",
        help_text=_("Where the text can be read two ways: the reading this value applies, and why."))
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_parameter"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("legal parameter")
        verbose_name_plural = _("legal parameters")
        ordering = ["key", "-effective_from"]

    def __str__(self) -> str:
        return f"{self.get_key_display()} = {self.value}"


class Holiday(models.Model):
    """A day of the working-day calendar that differs from Monday-to-Friday: a public holiday (Labour Code 2019,
    Art 112.1), a day off given in compensation or swap (Art 111.3 and the Government's yearly announcement), or a
    weekend day worked in exchange. Tết and the Hùng Kings' day follow the lunar calendar and are entered as each
    year's schedule is announced; the seed holds the announced years (legal/holidays_seed.py)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=160)
    occasion = models.CharField(_("occasion"), max_length=20, choices=Occasion.choices, default=Occasion.OTHER)
    kind = models.CharField(_("kind of day"), max_length=20, choices=DayKind.choices, default=DayKind.HOLIDAY)
    basis = models.CharField(_("basis"), max_length=200, blank=True,
                             help_text=_("The article or the announcement that sets this day."))

    class Meta:
        db_table = "awards_holiday"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class DecidingAuthority(models.Model):
    """Who decides an award in a period (Law 06/2022 Art 77–80; communes' powers from 01/7/2025)."""

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="authorities",
                                   verbose_name=_("award"))
    decider = models.CharField(_("decided by"), max_length=20, choices=Decider.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    article = models.CharField(_("article"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_decidingauthority"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("deciding authority")
        verbose_name_plural = _("deciding authorities")
        ordering = ["award_type", "effective_from"]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.get_decider_display()}"


class BaseSalary(models.Model):
    """The base salary in force from a date (Decree 24/2023: 1.800.000 đ from 01/7/2023, …)."""

    amount = models.DecimalField(_("base salary (VND)"), max_digits=12, decimal_places=0)
    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200)

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_basesalary"  # the awards app's table, moved here (issue 28): name and rows kept
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

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_bonusrate"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("bonus rate")
        verbose_name_plural = _("bonus rates")
        ordering = ["award_type__order", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["award_type", "effective_from"], name="bonus_rate_unique")]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.multiple if self.multiple is not None else '?'}"


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
    commendation_types = ArrayField(
        models.CharField(max_length=12, choices=CommendationType.choices), default=list, blank=True,
        verbose_name=_("types of commendation"), help_text=_("Empty: the rule applies to every type."))
    group = models.CharField(
        _("alternative group"), max_length=40, blank=True,
        help_text=_("Rules of one award sharing a group are alternatives: meeting one of them is enough."))

    objects = InForceQuerySet.as_manager()

    class Meta:
        db_table = "awards_eligibilityrule"  # the awards app's table, moved here (issue 28): name and rows kept
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["award_type", "effective_from", "id"]

    def __str__(self) -> str:
        return f"{self.award_type}: {self.description}"


class Paper(models.TextChoices):
    """The portal's own documents that open with "Căn cứ …" lines."""

    AWARD_DECISION = "award_decision", _("Award decision")
    REVOCATION = "revocation", _("Revocation decision")
    SUBMISSION_REPORT = "submission_report", _("The Board's submission to the Chairman (tờ trình)")
    BALLOT_TALLY = "ballot_tally", _("Ballot tally and meeting minutes")


class LegalBasis(models.Model):
    """One "Căn cứ" line of a kind of document, for the period its legal document is in force: a document cites
    the rows in force on its own date (``legal.bases.in_force``), so a new law or decree is new rows, never an
    edited template."""

    paper = models.CharField(_("document"), max_length=24, choices=Paper.choices)
    document = models.ForeignKey(LegalDocument, verbose_name=_("legal document"), on_delete=models.PROTECT,
                                 related_name="citations")
    wording = models.TextField(_("wording"), help_text=_("What follows \"Căn cứ\", e.g. \"Luật Thi đua, khen thưởng "
                                                          "số 06/2022/QH15 ngày 15 tháng 6 năm 2022\"."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    source = models.CharField(_("where the facts were checked"), max_length=400, blank=True, default="")

    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal basis cited")
        verbose_name_plural = _("legal bases cited")
        ordering = ["paper", "order", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["paper", "document"], name="legal_basis_once_per_paper")]

    def __str__(self) -> str:
        return f"{self.get_paper_display()}: {self.wording}"
