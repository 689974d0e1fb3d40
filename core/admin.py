from django.contrib import admin

from utilities.admin import AppendOnlyAdmin

from .models import AuditEvent, ReminderRule, ReminderSent


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    """The reminder schedule is data: days before each kind of deadline."""

    list_display = ("kind", "days_before", "is_active", "note")
    list_filter = ("kind", "is_active")
    list_editable = ("days_before", "is_active")


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """What was sent (read-only: the record that keeps a reminder from being sent twice)."""

    list_display = ("kind", "key", "due_on", "days_before", "recipient", "sent_at")
    list_filter = ("kind",)
    search_fields = ("key", "recipient")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(AppendOnlyAdmin):
    """The workflows' audit trail (campaigns, citizens' comments): read-only, append-only."""

    list_display = ("at", "workflow", "content_type", "object_id", "action", "from_state", "to_state", "actor")
    list_filter = ("workflow", "action")
    search_fields = ("note",)
