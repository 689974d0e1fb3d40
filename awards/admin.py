from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from legal import models as legal_models
from utilities.admin import AppendOnlyAdmin

from . import models
from .coverage import gaps


class DecidingAuthorityInline(admin.TabularInline):
    model = legal_models.DecidingAuthority
    extra = 0


class AwardTypeNameInline(admin.TabularInline):
    model = legal_models.AwardTypeName
    extra = 0


@admin.register(legal_models.AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "subject", "level", "decided_by", "goes_to_central", "criteria_gaps",
                    "is_active")
    list_filter = ("category", "subject", "level", "goes_to_central", "is_active")
    search_fields = ("name", "code")
    inlines = [DecidingAuthorityInline, AwardTypeNameInline]

    @admin.display(description=_("years without criteria (công trạng)"))
    def criteria_gaps(self, obj):
        return ", ".join(str(y) for y in gaps(obj)) or "—"


class NomineeInline(admin.TabularInline):
    model = models.Nominee
    extra = 0
    fields = ("name", "award_type", "appraisal", "outcome", "golden_book_number")
    readonly_fields = fields
    can_delete = False


@admin.register(models.Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "unit", "status", "due_on", "officer")
    list_filter = ("status", "round_kind", "year")
    list_select_related = ("unit", "officer")
    readonly_fields = ("status",)  # state changes only through awards.services
    inlines = [NomineeInline]
    view_on_site = False  # get_absolute_url is the notices' link; the admin keeps no "view on site" button


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("code", "year", "kind", "issued_on", "title")
    list_filter = ("year", "kind")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.CouncilMeeting)
class CouncilMeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "held_on", "is_closed")


@admin.register(legal_models.EligibilityRule)
class EligibilityRuleAdmin(admin.ModelAdmin):
    """A new decree: add rule rows with their dates (and close the old ones); no code change."""

    list_display = ("award_type", "description", "kind", "commendation_types", "group", "legal_basis", "article",
                    "effective_from", "effective_to")
    list_filter = ("award_type", "kind", "legal_basis")


for model in (models.TaskRating, models.Initiative, models.BlockingRecord, models.PastAward, models.FairnessTarget):
    admin.site.register(model)


@admin.register(models.LabourResult)
class LabourResultAdmin(admin.ModelAdmin):
    """Workers' and farmers' yearly results (Law 06/2022 Art 24.3), read by the Lao động tiên tiến rule."""

    list_display = ("person", "year", "productivity", "income", "initiative_applied", "source")
    list_filter = ("year",)
    search_fields = ("person__full_name",)
    raw_id_fields = ("person",)


@admin.register(models.LeadershipTenure)
class LeadershipTenureAdmin(admin.ModelAdmin):
    """Time in leadership posts, for long-service awards (women need one third less)."""

    list_display = ("person", "post", "post_level", "starts_on", "ends_on")
    search_fields = ("person__full_name", "post")
    autocomplete_fields = ("person",)



@admin.register(models.FundEntry)
class FundEntryAdmin(AppendOnlyAdmin):
    """The ledger is append-only: entries are added and reversed on the fund's page, never edited here."""

    list_display = ("id", "year", "entered_on", "kind", "source", "amount", "description", "created_by")
    list_filter = ("year", "kind", "source")
