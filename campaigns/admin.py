from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Movement)
class MovementAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "authority", "starts_on", "ends_on", "status")
    list_filter = ("kind", "authority", "status")
    search_fields = ("name", "code")
    filter_horizontal = ("legal_basis",)


@admin.register(models.RegistrationWindow)
class RegistrationWindowAdmin(SimpleHistoryAdmin):
    list_display = ("year", "opens_on", "closes_on", "basis")


class TargetInline(admin.TabularInline):
    model = models.RegistrationTarget
    extra = 0


@admin.register(models.Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ("unit", "year", "status", "submitted_at")
    list_filter = ("year", "status")
    list_select_related = ("unit",)
    inlines = [TargetInline]


class CriterionInline(admin.TabularInline):
    model = models.CovenantCriterion
    extra = 0


@admin.register(models.ClusterCovenant)
class ClusterCovenantAdmin(SimpleHistoryAdmin):
    list_display = ("cluster", "year", "signed_on", "is_final")
    inlines = [CriterionInline]


for model in (models.ActionProgramme, models.ProgrammeTask, models.ReviewRound, models.ReviewReport,
              models.InspectionVisit, models.ExemplaryModel, models.MemberScore):
    admin.site.register(model, SimpleHistoryAdmin)
