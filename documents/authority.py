"""Who signs each kind of document and which agency seals it (issue 32, item 1): ``SigningAuthority`` rows, by
date. ``for_kind(kind, day)`` is the row a document dated ``day`` follows; a kind without a row is a clear
refusal, never a signature with the wrong key."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .formats import short_date
from .models import SignedPaper, SigningAuthority


def for_kind(kind: str, day: dt.date) -> SigningAuthority:
    """The signing authority of ``kind`` on ``day`` (the latest row in force that day)."""
    row = (SigningAuthority.objects.filter(kind=kind, valid_from__lte=day)
           .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day)).select_related("signer_account")
           .order_by("-valid_from").first())
    if row is None:
        raise ValidationError(_("No signing authority is recorded for %(kind)s on %(date)s (admin: “Signing "
                                "authorities”); nothing was signed.") % {
            "kind": SignedPaper(kind).label, "date": short_date(day)})
    return row


def designated_signer(row: SigningAuthority, user) -> bool:
    """Is ``user`` the signer ``row`` designates (its account; where none is named, any account with the signer
    role, which the caller checks)?"""
    return row.signer_account_id is None or row.signer_account_id == user.pk
