from django.contrib import admin

from .models import SigningAuthority


@admin.register(SigningAuthority)
class SigningAuthorityAdmin(admin.ModelAdmin):
    """Who signs each kind of document, with which key, and which agency seals it (issue 32, item 1)."""

    list_display = ("kind", "valid_from", "valid_to", "signer_title", "signer_account", "signer_key", "agency_name",
                    "agency_key")
    list_filter = ("kind", "agency_key")
    autocomplete_fields = ()
    raw_id_fields = ("signer_account",)
