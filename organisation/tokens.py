"""API tokens (django-rest-knox): several per account, each with a name, an expiry (``API_TOKEN_DAYS``, 90 by
default) and the time it was last used; stored as SHA-512 digests only, shown once when issued.

A token is issued only to a session that passed its second factor where the account needs one, and issuing asks for
a fresh code from the authenticator app (or, for staff without a second factor, the password again). Every token of
an account is revoked when it enrols a second factor or turns it off, when its password, unit, roles or admin flags
change (``User.save`` and the groups signal in ``organisation.signals``). A token issued without a second factor is
refused, and deleted, once the account needs one: enrolled later, or the role or the ``MFA_REQUIRED`` setting changed.
The browser's session reaches the API only once verified where the account needs a second factor.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.auth import TokenAuthentication
from knox.settings import knox_settings
from rest_framework import authentication, exceptions

from . import mfa
from .models import ApiToken

# A token's last use is written at most once a minute: the API's requests do not each write a row.
LAST_USED_PRECISION = datetime.timedelta(seconds=60)


def lifetime_days() -> int:
    return knox_settings.TOKEN_TTL.days


def of_user(user):
    """The account's tokens, newest first; expired ones are marked (knox deletes them on their next use)."""
    now = timezone.now()
    listed = list(ApiToken.objects.filter(user=user).order_by("-created"))
    for token in listed:
        token.expired = token.expiry is not None and token.expiry <= now
    return listed


def _check_fresh_proof(user, *, code: str, password: str) -> bool:
    """Who asks for a token proves it now: a fresh code from the app where the account has a second factor
    (a code already used is refused by django-otp), else the password. Returns whether a second factor was given."""
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if devices:
        token = mfa.clean_code(code)
        if not any(device.verify_token(token) for device in devices):
            raise ValidationError({"code": _("The code is not right or was already used; enter the 6 digits the "
                                             "app shows now.")})
        return True
    if not user.check_password(password or ""):
        raise ValidationError({"password": _("The password is not right.")})
    return False


@transaction.atomic
def issue(user, *, verified: bool, name: str, code: str = "", password: str = "") -> tuple[ApiToken, str]:
    """A new token named ``name`` for ``user``; returns the row and the key, which is shown once and never stored.

    ``verified``: the asking session passed its second factor. Refused where the account needs one and the session
    has not given it, or the fresh proof is wrong, or the account holds the most tokens allowed."""
    if mfa.required(user) and not verified:
        raise PermissionDenied(_("Verify this session with your second factor before creating an API token."))
    with_second_factor = _check_fresh_proof(user, code=code, password=password)
    if mfa.required(user) and not with_second_factor:  # the role needs one, but no device is confirmed yet
        raise PermissionDenied(_("Set up the second factor before creating an API token."))
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    now = timezone.now()
    ApiToken.objects.filter(user=user, expiry__lte=now).delete()
    if limit is not None and ApiToken.objects.select_for_update().filter(user=user).count() >= limit:
        raise ValidationError({"name": _("You already have %(limit)d API tokens; revoke one you no longer use "
                                         "first.") % {"limit": limit}})
    return ApiToken.objects.create(user, name=name.strip(), second_factor=with_second_factor)


def revoke(user, digest: str) -> int:
    """Revoke one of ``user``'s own tokens (an administrator revokes any in the admin)."""
    return ApiToken.objects.filter(user=user, digest=digest).delete()[0]


class ExpiringTokenAuthentication(TokenAuthentication):
    """knox's token check (digest compared in constant time, expired tokens deleted), then the second factor: a
    token issued without one is refused, and deleted, where the account needs one now. Records the last use."""

    def authenticate_credentials(self, token):
        self._expired = False
        try:
            return super().authenticate_credentials(token)
        except exceptions.AuthenticationFailed:
            if self._expired:  # say why, rather than knox's "Invalid token"
                raise exceptions.AuthenticationFailed(gettext_lazy(
                    "The API token has expired; create a new one on your account's security page.")) from None
            raise

    def _cleanup_token(self, auth_token) -> bool:
        expired = super()._cleanup_token(auth_token)
        self._expired = self._expired or expired
        return expired

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if mfa.required(user) and not token.second_factor:
            token.delete()
            raise exceptions.AuthenticationFailed(gettext_lazy(
                "This API token was issued without a second factor, which your account now needs; create a new one "
                "on your account's security page."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return user, token


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, once the second factor was given in it where the account needs one."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and mfa.required(result[0]) and not mfa.is_verified(result[0]):
            return None
        return result


try:  # the OpenAPI schema names these schemes
    from drf_spectacular.authentication import SessionScheme
    from drf_spectacular.extensions import OpenApiAuthenticationExtension
    from drf_spectacular.plumbing import build_bearer_security_scheme_object

    class VerifiedSessionScheme(SessionScheme):
        target_class = "organisation.tokens.VerifiedSessionAuthentication"

    class ExpiringTokenScheme(OpenApiAuthenticationExtension):
        target_class = "organisation.tokens.ExpiringTokenAuthentication"
        name = "tokenAuth"

        def get_security_definition(self, auto_schema):
            return build_bearer_security_scheme_object(header_name="Authorization",
                                                       token_prefix=knox_settings.AUTH_HEADER_PREFIX)
except ImportError:  # pragma: no cover
    pass
