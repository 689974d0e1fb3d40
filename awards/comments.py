"""Citizens' comments on nominees during public comment: bounded (per address and nominee, per address, per
nominee) and moderated by the Board."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.text import clean_text
from utilities.workflow import Step

from .models import Nominee, PublicComment
from .workflow import COMMENT


def _limits() -> dict:
    return {"per_nominee_per_day": 3, "per_address_per_hour": 10, "per_nominee": 500,
            **getattr(settings, "PUBLIC_COMMENT_LIMITS", {})}


@transaction.atomic
def submit_comment(nominee: Nominee, *, address: str, author: str, contact: str, content: str) -> PublicComment:
    """Store a comment unless its sender has sent too many (the nominee's row lock serialises concurrent senders)."""
    nominee = Nominee.objects.select_for_update().get(pk=nominee.pk)
    limits, now = _limits(), timezone.now()
    sent = PublicComment.objects.filter(address=address or None)
    if address and sent.filter(nominee=nominee, created_at__gte=now - datetime.timedelta(days=1)).count() >= limits[
            "per_nominee_per_day"]:
        raise ValidationError(_("You have already sent %(n)s comments on this nominee today; the Board reads each "
                                "one. Please write again tomorrow if you have more to say.") % {
            "n": limits["per_nominee_per_day"]})
    if address and sent.filter(created_at__gte=now - datetime.timedelta(hours=1)).count() >= limits[
            "per_address_per_hour"]:
        raise ValidationError(_("Too many comments were sent from your address in the last hour; please try again "
                                "later."))
    if PublicComment.objects.filter(nominee=nominee).count() >= limits["per_nominee"]:
        raise ValidationError(_("This nominee has received the most comments the portal accepts; please send yours "
                                "to the Board in writing."))
    return PublicComment.objects.create(nominee=nominee, address=address or None, author=clean_text(author),
                                        contact=clean_text(contact), content=clean_text(content))


def _moderated(user, comment: PublicComment, note: str) -> Step:
    comment.moderated_by, comment.moderated_at, comment.moderation_note = user, timezone.now(), note.strip()[:300]
    return Step(note=comment.moderation_note)


@COMMENT.action("accept")
def accept(user, comment: PublicComment, note: str = "") -> Step:
    """The Board takes the comment into account (its note says how)."""
    return _moderated(user, comment, note)


@COMMENT.action("dismiss")
def dismiss(user, comment: PublicComment, note: str = "") -> Step:
    return _moderated(user, comment, note)


def moderate(user, comment: PublicComment, action: str, note: str = "") -> PublicComment:
    """The comment page's two buttons, one route: ``action`` is the row's name."""
    return COMMENT.take(action, user, comment, note=note)
