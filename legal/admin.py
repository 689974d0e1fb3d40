from django.contrib import admin

from .models import BaseSalary, BonusRate, Holiday, LegalBasis, LegalDocument, Parameter


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "issued_on", "issuer", "effective_from", "effective_to")
    list_filter = ("kind", "issuer")
    search_fields = ("number", "title")


@admin.register(Parameter)
class ParameterAdmin(admin.ModelAdmin):
    list_display = ("key", "award_type", "value", "effective_from", "effective_to", "article", "reading")
    list_filter = ("key",)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "occasion", "kind", "basis")
    list_filter = ("kind", "occasion")
    date_hierarchy = "date"


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    """A new base salary: add a row from its date and close the previous one; paid amounts never change."""

    list_display = ("amount", "effective_from", "effective_to", "legal_basis")


@admin.register(BonusRate)
class BonusRateAdmin(admin.ModelAdmin):
    """An award's bonus as a multiple of the base salary for a period; a new decree is new rows."""

    list_display = ("award_type", "multiple", "effective_from", "effective_to", "legal_basis")
    list_filter = ("effective_from", "award_type__category", "award_type__subject")
    search_fields = ("award_type__name", "award_type__code", "legal_basis")
    autocomplete_fields = ("award_type",)


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    """The "Căn cứ" lines of each kind of document: a new law or decree is a new row from its date."""

    list_display = ("paper", "order", "wording", "effective_from", "effective_to")
    list_filter = ("paper",)
