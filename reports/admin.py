from django.contrib import admin

from .models import Report, Subscriber


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("kind", "period_start", "status", "attempts", "finished_at", "generation_seconds")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in Report._meta.fields]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "kinds", "is_active")
