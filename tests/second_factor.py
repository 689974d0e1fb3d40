"""Browser sessions that gave their second factor, as the signer and the records clerk must (issue 32)."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import mfa
from organisation.models import User


def verify(client: Client, user: User) -> Client:
    """Mark ``client``'s session as verified with the account's authenticator app (what django-otp's login does
    after a right code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Ứng dụng xác thực", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def login(username: str) -> Client:
    """A session of ``username``, verified with a second factor where the account needs one."""
    client = Client()
    user = User.objects.get(username=username)
    client.force_login(user)
    if mfa.required(user):
        verify(client, user)
    return client
