"""Units (đơn vị), persons (cá nhân), clusters (cụm/khối thi đua) and users.

Units form an effective-dated tree. ``Unit`` holds the current state (name,
parent, kind, level and a materialised ``path`` for fast subtree queries);
``UnitVersion`` keeps every past state with its validity period, and
``UnitEvent`` records why it changed (establishment, rename, re-parenting,
merge, dissolution) with the legal basis. Change units only through
``organisation.services`` so that history and paths stay consistent.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken, AuthTokenManager
from simple_history.models import HistoricalRecords

from .text import FoldedNameQuerySet, fold


class UnitKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Department (sở, ngành)")
    BOARD = "board", _("Board (ban)")
    CENTRAL_AGENCY = "central_agency", _("Central agency in the city")
    PUBLIC_SERVICE = "public_service", _("Public service unit")
    PRESS = "press", _("Press and media")
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
    ELECTED_BODY = "elected_body", _("Elected body")
    URBAN_DISTRICT = "urban_district", _("Urban district (quận)")
    RURAL_DISTRICT = "rural_district", _("Rural district (huyện)")
    DISTRICT_CITY = "district_city", _("City under the city")
    WARD = "ward", _("Ward (phường)")
    COMMUNE = "commune", _("Commune (xã)")
    TOWNSHIP = "township", _("Township (thị trấn)")
    SPECIAL_ZONE = "special_zone", _("Special zone (đặc khu)")
    ENTERPRISE = "enterprise", _("Enterprise")
    PROVINCE = "province", _("Province or centrally-run city")
    OTHER = "other", _("Other")


class UnitLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class Sector(models.TextChoices):
    STATE = "state", _("State sector")
    ELECTED = "elected", _("Elected bodies")
    POLITICAL_SOCIAL = "political_social", _("Party and mass organisations")
    NON_STATE = "non_state", _("Non-state sector")


class UnitQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(Q(established_on__isnull=True) | Q(established_on__lte=day)).filter(
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day)
        )

    def active(self):
        return self.filter(dissolved_on__isnull=True)

    def subtree_of(self, unit: Unit):
        """``unit`` and every unit below it in the current tree."""
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=UnitLevel.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, default=Sector.STATE)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised path of ids ("/1/7/"), maintained by organisation.services.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    established_on = models.DateField(_("established on"), null=True, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    search_name = models.CharField(max_length=255, editable=False, default="", db_index=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        indexes = [models.Index(fields=["kind", "level"]), models.Index(fields=["parent", "name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if getattr(self, "_as_of", None) is not None:
            raise ValueError("A unit shown as it was on a past day (organisation.history.show_as_of) is not saved.")
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return max(self.path.count("/") - 2, 0)

    @property
    def is_active(self) -> bool:
        return self.dissolved_on is None

    def version_on(self, day: datetime.date) -> UnitVersion | None:
        return (
            self.versions.filter(valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
            .select_related("parent")
            .first()
        )


class UnitEventKind(models.TextChoices):
    RECORD = "record", _("Recorded in the portal")
    ESTABLISH = "establish", _("Established")
    RENAME = "rename", _("Renamed")
    REPARENT = "reparent", _("Moved to another parent")
    RECLASSIFY = "reclassify", _("Kind or level changed")
    MERGE = "merge", _("Merged")
    DISSOLVE = "dissolve", _("Dissolved")


class UnitEvent(models.Model):
    """Why a unit's state changed. Append-only."""

    kind = models.CharField(_("kind"), max_length=16, choices=UnitEventKind.choices)
    effective_on = models.DateField(_("effective on"))
    basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)
    predecessors = models.ManyToManyField(Unit, related_name="+", blank=True, verbose_name=_("predecessors"))
    successor = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("successor")
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        "organisation.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("unit event")
        verbose_name_plural = _("unit events")
        ordering = ["effective_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class UnitVersion(models.Model):
    """A unit's state during [valid_from, valid_to)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="versions")
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("parent unit")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    event = models.ForeignKey(UnitEvent, on_delete=models.PROTECT, related_name="versions")

    class Meta:
        verbose_name = _("unit version")
        verbose_name_plural = _("unit versions")
        ordering = ["unit", "valid_from", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=Q(valid_to__isnull=True), name="unit_single_open_version"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="unit_version_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from:%d/%m/%Y}–{self.valid_to or '…'})"


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class PersonCategory(models.TextChoices):
    CADRE = "cadre", _("Cadre (cán bộ)")
    CIVIL_SERVANT = "civil_servant", _("Civil servant (công chức)")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee (viên chức)")
    WORKER = "worker", _("Worker (người lao động)")
    ARMED_FORCES = "armed_forces", _("Armed forces")
    FARMER = "farmer", _("Farmer")
    CITIZEN = "citizen", _("Citizen")


class PersonQuerySet(FoldedNameQuerySet, models.QuerySet):
    def current(self):
        """Persons still on their unit's staff (not moved out)."""
        return self.filter(left_on__isnull=True)


# organisation.staff checks it before the constraint person_once_on_a_staff refuses it.
PERSON_ON_STAFF = _("This person is already on the unit's staff (the same full name and date of birth).")


class Person(models.Model):
    full_name = models.CharField(_("full name"), max_length=120)
    search_name = models.CharField(max_length=120, editable=False, default="", db_index=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="persons")
    position = models.CharField(_("position"), max_length=160, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=PersonCategory.choices)
    is_direct_worker = models.BooleanField(
        _("works directly in production or service"),
        default=False,
        help_text=_("Workers, farmers, staff and soldiers working directly (directive item 6)."),
    )
    is_leader = models.BooleanField(_("holds a leadership or management post"), default=False)
    hired_on = models.DateField(_("recruited on"), null=True, blank=True,
                                help_text=_("Start of work at the agency or unit (rules on time in service)."))
    is_deceased = models.BooleanField(_("deceased"), default=False)
    # Moved out of the unit (transferred, retired, resigned): the record stays for the awards already given.
    left_on = models.DateField(_("left the unit on"), null=True, blank=True)
    left_reason = models.CharField(_("reason for leaving"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["unit", "full_name", "id"]
        # Diacritic-insensitive "contains" search on the folded name.
        indexes = [GinIndex(fields=["search_name"], name="person_search_trgm", opclasses=["gin_trgm_ops"])]
        # One current record of a person in a unit; without a date of birth namesakes cannot be told apart.
        constraints = [models.UniqueConstraint(Lower("full_name"), "unit", "birth_date", condition=Q(left_on__isnull=True),
                                               name="person_once_on_a_staff", violation_error_message=PERSON_ON_STAFF)]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Cluster (cụm thi đua)")
    BLOCK = "block", _("Block (khối thi đua)")


class Cluster(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=ClusterKind.choices)
    level = models.CharField(_("organised at"), max_length=16, choices=UnitLevel.choices)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("emulation cluster")
        verbose_name_plural = _("emulation clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="cluster_memberships")
    year = models.PositiveSmallIntegerField(_("year"))
    is_head = models.BooleanField(_("cluster head"), default=False)
    is_deputy = models.BooleanField(_("deputy head"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        ordering = ["cluster", "year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit", "year"], name="cluster_member_once_a_year"),
            models.UniqueConstraint(
                fields=["cluster", "year"], condition=Q(is_head=True), name="cluster_one_head_a_year"
            ),
            models.UniqueConstraint(
                fields=["cluster", "year"], condition=Q(is_deputy=True), name="cluster_one_deputy_a_year"
            ),
            models.CheckConstraint(condition=~(Q(is_head=True) & Q(is_deputy=True)), name="cluster_head_not_deputy"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.cluster} ({self.year})"


class User(AbstractUser):
    """A portal account. Roles are groups (see organisation.roles)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    person = models.OneToOneField(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="account"
    )
    # Set by organisation.mfa when a second factor is confirmed (cleared when it is turned off): every session of
    # the account must then give a code, read without a query on each page.
    mfa_enrolled = models.BooleanField(_("uses a second factor"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    # What an API token was issued under: a change of any of these revokes every token of the account
    # (organisation.tokens). Roles are groups, watched by a signal.
    TOKEN_BOUND_FIELDS = ("unit_id", "is_active", "is_staff", "is_superuser")

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._loaded = {name: getattr(user, name) for name in cls.TOKEN_BOUND_FIELDS if name in user.__dict__}
        return user

    def save(self, *args, **kwargs):
        password_changed = self._password is not None  # set_password() was called (cleared by save)
        loaded = getattr(self, "_loaded", None)
        changed = loaded is not None and any(getattr(self, name) != value for name, value in loaded.items())
        super().save(*args, **kwargs)
        if password_changed or changed:
            ApiToken.objects.revoke_all(self)
        self._loaded = {name: getattr(self, name) for name in self.TOKEN_BOUND_FIELDS}

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names, then the given name ("Phạm Minh Đức")."""
        return f"{self.last_name} {self.first_name}".strip()


class ApiTokenManager(AuthTokenManager):
    def revoke_all(self, user) -> int:
        """Every token of ``user`` stops working at once."""
        return self.filter(user=user).delete()[0]


class ApiToken(AbstractAuthToken):
    """An API key of one account (django-rest-knox): only its SHA-512 digest and first 15 characters are stored,
    so a backup or a read of the table holds no usable key. Shown once when issued (``organisation.tokens``)."""

    name = models.CharField(_("name"), max_length=100)
    # Issued from a session that gave its second factor, with a fresh code: a token without it is refused once
    # the account needs a second factor (enrolled later, or the role or the setting changed).
    second_factor = models.BooleanField(_("issued after a second factor"), default=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = ApiTokenManager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.user} – {self.name}"
