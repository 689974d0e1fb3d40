from django.contrib import admin

from .models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "issued_on", "issuer", "effective_from", "effective_to")
    list_filter = ("kind", "issuer")
    search_fields = ("number", "title")
