"""Inputs of the eligibility rules: yearly ratings, initiatives, blocking records, earlier awards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from legal.models import AwardType
from organisation.models import Person
from organisation.scoping import scope_key, scope_to_user

from .enums import BlockKind, CommendationType, Decider, InitiativeLevel, LabourCriterion, Rating


class TaskRating(models.Model):
    person = models.ForeignKey("organisation.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="ratings")
    unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="ratings", help_text=_("For a collective's rating."))
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=6, choices=Rating.choices)
    source = models.CharField(_("source"), max_length=200, blank=True)
    days_absent = models.PositiveSmallIntegerField(
        _("working days absent in the year"), null=True, blank=True,
        help_text=_("Leave that the law counts as work (maternity, treatment after an injury on duty) is not "
                    "included."))
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

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.rating}"


class LabourResult(models.Model):
    """A worker's or farmer's results of a year (Law 06/2022 Art 24.3: Lao động tiên tiến for those outside the
    civil service, who have no task rating): productivity, income, an initiative applied, as the unit or the
    commune confirms them."""

    person = models.ForeignKey("organisation.Person", on_delete=models.CASCADE, related_name="labour_results")
    year = models.PositiveSmallIntegerField(_("year"))
    productivity = models.BooleanField(_("productivity and quality met or exceeded"), null=True, blank=True)
    income = models.BooleanField(_("stable income from the work"), null=True, blank=True)
    initiative_applied = models.BooleanField(_("an initiative or new technique applied"), null=True, blank=True)
    details = models.TextField(_("figures and details"), blank=True, default="",
                               help_text=_("E.g. output against the plan, income, the initiative and where it is "
                                           "applied."))
    source = models.CharField(_("confirmed by"), max_length=200, blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("worker's or farmer's results (Art 24.3)")
        verbose_name_plural = _("workers' and farmers' results (Art 24.3)")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="one_labour_result_per_person_year")]

    def __str__(self) -> str:
        return f"{self.person} {self.year}"

    def met(self, criterion: str) -> bool | None:
        return {LabourCriterion.PRODUCTIVITY: self.productivity, LabourCriterion.INCOME: self.income,
                LabourCriterion.INITIATIVE: self.initiative_applied}.get(criterion)


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """City-wide roles: every initiative; unit staff: those with an author in their units."""
        if scope_key(user)[0] == "city":
            return self
        return self.filter(authors__in=scope_to_user(Person.objects.all(), user)).distinct()


class Initiative(models.Model):
    title = models.CharField(_("initiative"), max_length=300)
    authors = models.ManyToManyField("organisation.Person", related_name="initiatives", verbose_name=_("authors"))
    level = models.CharField(_("level of effect"), max_length=12, choices=InitiativeLevel.choices)
    recognised_by = models.CharField(_("recognising decision"), max_length=120)
    recognised_on = models.DateField(_("recognised on"))
    consumed_by = models.ForeignKey("Nominee", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="consumed_initiatives", verbose_name=_("used for the award"))
    reserved_for = models.ForeignKey("Nominee", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="reserved_initiatives", verbose_name=_("reserved for the nominee"),
                                     help_text=_("Held by a dossier that was sent and not yet decided."))
    # A title a unit decides itself (Chiến sĩ thi đua cơ sở, awards.unit_decisions) uses up its initiative too.
    consumed_by_unit_decision = models.ForeignKey(
        "PastAward", null=True, blank=True, on_delete=models.SET_NULL, related_name="consumed_initiatives",
        verbose_name=_("used for the unit's decision"))
    history = HistoricalRecords(m2m_fields=[authors])

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-recognised_on"]

    def __str__(self) -> str:
        return self.title


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

    def __str__(self) -> str:
        return f"{self.person or self.unit}: {self.get_kind_display()}"


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
    # A unit's own decision (a title its head, or a commune chairman, decides), recorded in the portal.
    decided_by = models.CharField(_("decided by"), max_length=20, choices=Decider.choices, blank=True, default="",
                                  db_default="")
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    signer_name = models.CharField(_("signed by"), max_length=120, blank=True, default="", db_default="")
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True, default="", db_default="")
    deciding_unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="own_decisions", verbose_name=_("deciding unit"))
    recorded_by = models.ForeignKey("organisation.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("earlier award")
        verbose_name_plural = _("earlier awards")
        ordering = ["-year"]
        # A unit records its own decision on a person's title of a year once (awards.unit_decisions).
        constraints = [models.UniqueConstraint(fields=["person", "award_type", "year"],
                                               condition=models.Q(deciding_unit__isnull=False),
                                               name="unit_decision_once_a_year")]

    def __str__(self) -> str:
        return f"{self.person or self.unit}: {self.award_type} {self.year}"


class LeadershipTenure(models.Model):
    """Time a person held a leadership post, for awards of long service (cống hiến); women need one third less
    time in post (Decree 98/2023 Art 4, Decree 152/2025 Art 4)."""

    person = models.ForeignKey("organisation.Person", on_delete=models.CASCADE, related_name="leadership_tenures")
    post = models.CharField(_("post"), max_length=200)
    post_level = models.CharField(_("level of the post"), max_length=40,
                                  help_text=_("The post group the rule names, e.g. giam-doc-so, pho-giam-doc-so"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("time in a leadership post")
        verbose_name_plural = _("times in leadership posts")
        ordering = ["person", "starts_on"]

    def __str__(self) -> str:
        return f"{self.person}: {self.post}"

