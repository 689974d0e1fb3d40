from django.contrib import admin

from .models import AwardType


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "subject", "level", "decided_by", "goes_to_central", "is_active")
    list_filter = ("category", "subject", "level", "goes_to_central", "is_active")
    search_fields = ("name", "code")
