from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, Cluster, ClusterMembership, Person, Unit, UnitEvent, UnitVersion, User


class UnitVersionInline(admin.TabularInline):
    model = UnitVersion
    fk_name = "unit"
    extra = 0
    can_delete = False
    readonly_fields = ("name", "short_name", "kind", "level", "parent", "valid_from", "valid_to", "event")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    """Units are read-only here except for sector: structure changes go through
    organisation.services so that history is kept."""

    list_display = ("name", "code", "kind", "level", "sector", "parent", "dissolved_on")
    list_filter = ("kind", "level", "sector")
    search_fields = ("name", "code", "search_name")
    readonly_fields = ("code", "name", "short_name", "kind", "level", "parent", "path", "established_on", "dissolved_on")
    inlines = [UnitVersionInline]
    list_select_related = ("parent",)

    def has_add_permission(self, request):
        return False


@admin.register(UnitEvent)
class UnitEventAdmin(admin.ModelAdmin):
    list_display = ("kind", "effective_on", "successor", "basis")
    list_filter = ("kind",)
    list_select_related = ("successor",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "unit", "sex", "category", "position", "is_direct_worker")
    list_filter = ("sex", "category", "is_direct_worker")
    search_fields = ("full_name", "search_name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)


class ClusterMembershipInline(admin.TabularInline):
    model = ClusterMembership
    extra = 0
    autocomplete_fields = ("unit",)


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "level")
    inlines = [ClusterMembershipInline]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + ((_("Unit"), {"fields": ("unit", "person")}),)
    list_display = ("username", "first_name", "last_name", "unit", "is_active")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit", "person")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators list every account's API tokens and revoke them (delete); a token is created only by its
    owner on the security page, where its key is shown once."""

    list_display = ("user", "name", "token_key", "created", "expiry", "last_used_at", "second_factor")
    list_select_related = ("user",)
    list_filter = ("second_factor",)
    search_fields = ("user__username", "name", "token_key")
    fields = readonly_fields = ("user", "name", "token_key", "created", "expiry", "last_used_at", "second_factor")
    actions = ["delete_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
