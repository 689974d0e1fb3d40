"""Admin helpers shared by the apps."""

from django.contrib import admin


class AppendOnlyAdmin(admin.ModelAdmin):
    """An append-only record (an audit trail, a ledger): listed and read in the admin, never added, changed or
    deleted there; its rows are written by the services that own them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
