"""Multi-factor authentication (OWASP ASVS 5.0 L2, V6): TOTP with django-otp, recovery codes.

Who must use a second factor is a setting (``MFA_REQUIRED``) and a named predicate: Board officers, Council
members, leadership and administrators (``needs_second_factor``). Unit staff may opt in; once a staff member has
a confirmed device, their sessions need it too. A session is *verified* when the second factor was given in it
(django-otp's ``login``); until then such a user reaches only the enrolment and verification pages and logout.
"""

from __future__ import annotations

import base64
import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user, login as otp_login, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import ApiToken
from .permissions import always_needs_second_factor, needs_second_factor

RECOVERY_CODES = 10


def required(user) -> bool:
    """Must this user give a second factor before using the portal? (No query: the roles and the account's
    ``mfa_enrolled`` flag are loaded with the user.)"""
    if not user.is_authenticated:
        return False
    if getattr(settings, "MFA_REQUIRED", True) and needs_second_factor(user):
        return True
    if always_needs_second_factor(user):  # the signer and the records clerk, whatever MFA_REQUIRED says
        return True
    return bool(user.mfa_enrolled)  # staff who opted in


def _mark(user, enrolled: bool) -> None:
    get_user_model().objects.filter(pk=user.pk).update(mfa_enrolled=enrolled)
    user.mfa_enrolled = enrolled


def is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def pending_device(user):
    """The TOTP device being enrolled (unconfirmed), created on first use; a new secret each time none waits."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


def qr_data_uri(device) -> str:
    """The otpauth:// link as a PNG data URI (the CSP allows data: images; nothing leaves the portal)."""
    import qrcode  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn

    image = qrcode.make(device.config_url, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_text(device) -> str:
    """The secret in base32, in groups of four, for apps where the QR code cannot be scanned."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def clean_code(token: str) -> str:
    """A code as typed: spaces removed, in lower case (recovery codes are lower case)."""
    return "".join((token or "").split()).lower()


@transaction.atomic
def confirm_enrolment(request, token: str) -> list[str]:
    """Check the first code from the app, confirm the device, verify this session and return new recovery codes."""
    device = pending_device(request.user)
    if not device.verify_token(clean_code(token)):
        raise ValidationError({"token": _("The code is not right or has expired; enter the 6 digits the app shows "
                                          "now.")})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _mark(request.user, True)
    ApiToken.objects.revoke_all(request.user)  # tokens issued before the second factor stop working
    otp_login(request, device)
    return new_recovery_codes(request.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten single-use recovery codes; earlier ones stop working. Shown once: only their use is stored after."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify(request, token: str):
    """A code from the app or a recovery code verifies this session; wrong codes are throttled by django-otp."""
    device = match_token(request.user, clean_code(token))
    if device is None:
        raise ValidationError({"token": _("The code is not right. Enter the 6 digits the app shows now, or one "
                                          "of your recovery codes.")})
    otp_login(request, device)
    return device


@transaction.atomic
def remove_devices(user) -> int:
    """Turn the second factor off for ``user`` (staff who opted in; an administrator resets a lost phone in the
    admin). Officers must enrol again at their next page."""
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    _mark(user, False)
    ApiToken.objects.revoke_all(user)
    return removed
