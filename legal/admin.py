from django.contrib import admin

from .models import Holiday, LegalDocument, Parameter


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "issued_on", "issuer", "effective_from", "effective_to")
    list_filter = ("kind", "issuer")
    search_fields = ("number", "title")


@admin.register(Parameter)
class ParameterAdmin(admin.ModelAdmin):
    list_display = ("key", "award_type", "value", "effective_from", "effective_to", "article")
    list_filter = ("key",)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name")
