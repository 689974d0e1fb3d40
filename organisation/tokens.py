"""API tokens that expire (``API_TOKEN_DAYS``, 90 by default) and that their owner can replace or revoke.

DRF's token model holds one key per user with its creation time; a token older than the lifetime is refused.
Sessions used by the API count only once verified where the account needs a second factor."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions


def lifetime_days() -> int:
    return int(getattr(settings, "API_TOKEN_DAYS", 90))


def expires_at(token) -> datetime.datetime:
    return token.created + datetime.timedelta(days=lifetime_days())


def current(user):
    from rest_framework.authtoken.models import Token

    token = Token.objects.filter(user=user).first()
    if token is not None:
        token.expires_at = expires_at(token)
        token.expired = token.expires_at <= timezone.now()
    return token


def issue(user) -> str:
    """A new key for ``user`` (the old one stops working); returned once, to be copied by the owner."""
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user).key


def revoke(user) -> int:
    from rest_framework.authtoken.models import Token

    return Token.objects.filter(user=user).delete()[0]


class ExpiringTokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if expires_at(token) <= timezone.now():
            raise exceptions.AuthenticationFailed(_("The API token has expired; create a new one on your account's "
                                                    "security page."))
        return user, token


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, once the second factor was given in it where the account needs one."""

    def authenticate(self, request):
        from . import mfa

        result = super().authenticate(request)
        if result is not None and mfa.required(result[0]) and not mfa.is_verified(result[0]):
            return None
        return result


try:  # the OpenAPI schema names these schemes like the DRF classes they extend
    from drf_spectacular.authentication import SessionScheme, TokenScheme

    class VerifiedSessionScheme(SessionScheme):
        target_class = "organisation.tokens.VerifiedSessionAuthentication"

    class ExpiringTokenScheme(TokenScheme):
        target_class = "organisation.tokens.ExpiringTokenAuthentication"
except ImportError:  # pragma: no cover
    pass
