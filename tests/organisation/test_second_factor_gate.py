"""The second factor cannot be bypassed (issue 27, items 1 and 2).

With ``MFA_REQUIRED`` on (the production setting), a privileged account (Board, Council, leadership,
administrator) whose session has not given its second factor reaches nothing but enrolment, verification, sign-out
and the language switch: every page, admin page, export, download, fragment and API route refuses it, by session and
by token. API tokens are issued only to a verified session with a fresh code, stored as digests, listed and revoked by
their owner and administrators, and revoked when the account enrols, its password, role or unit changes.
"""

import hashlib
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from organisation.models import ApiToken, Unit, User

from ..security.test_permission_matrix import PUBLIC, _fill, _patterns
from .test_mfa import _session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db")]  # db: the seed is found again after a
# transactional test of the same process emptied the tables (tests/conftest.py)

PRIVILEGED = ("demo_officer", "demo_council", "demo_leader", "demo_admin")
# The only pages a session without its second factor may use (besides public pages, open to anyone).
ENROLMENT = {"mfa_setup", "mfa_verify", "logout", "set_language"}


@pytest.fixture
def mfa_on():
    with override_settings(MFA_REQUIRED=True, OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0):
        yield


def _totp(user, ahead=0) -> str:
    """The app's code now, or ``ahead`` 30-second steps later (django-otp accepts one step of drift and refuses a
    code of a step already used, so a second fresh code in the same test is the next step's)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first() or \
        TOTPDevice.objects.filter(user=user).order_by("-pk").first()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=ahead):06d}"


def _enrol(client, user):
    assert client.get(reverse("mfa_setup")).status_code == 200
    assert client.post(reverse("mfa_setup"), {"token": _totp(user)}).status_code == 200


def _issue(client, name, **proof):
    data = {"action": "issue", "token-name": name}
    data.update({f"token-{field}": value for field, value in proof.items()})
    return client.post(reverse("api_token"), data)


def _key(response) -> str:
    match = re.search(r'id="api-token">([0-9a-f]{64})<', response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def _refused(response) -> bool:
    if response.status_code in (401, 403):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    return location.startswith((reverse("mfa_setup"), reverse("mfa_verify"), reverse("login")))


def _every_url(objects):
    """Every named URL pattern (pages, admin, API, exports, downloads, fragments) as a concrete URL."""
    for name, route in _patterns():
        if "format" in route:  # DRF's .json suffix twins of the API routes
            continue
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", "1", route).replace("/?", "/")
        yield name, _fill(name, route, objects)


def test_the_reported_bypass_is_closed(password, mfa_on):
    """Password-only session → POST /xac-thuc/token-api/ → API call: refused at every step."""
    council = User.objects.get(username="demo_council")
    client = _session("demo_council", password)
    response = _issue(client, "bypass", password=password)
    assert _refused(response) and 'id="api-token">' not in response.content.decode()
    assert not ApiToken.objects.filter(user=council).exists()
    assert client.get("/api/v1/persons/").status_code in (401, 403)
    officer = _session("demo_officer", password)
    assert officer.post("/api/v1/submissions/1/assign/", {"officer": 1}, content_type="application/json") \
        .status_code in (401, 403)


def test_every_way_in_refuses_a_session_or_token_without_its_second_factor(objects, password, mfa_on):
    urls = list(_every_url(objects))
    assert len(urls) > 250 and any(name.startswith("admin:") for name, _url in urls) and \
        any(url.startswith("/api/v1/") for _name, url in urls)
    officer = User.objects.get(username="demo_officer")
    _enrol(_session("demo_officer", password), officer)  # enrolled, but the sessions below never give a code
    ways = {f"session of {username}": _session(username, password) for username in PRIVILEGED}
    # tokens issued before the second factor was required (or before enrolment) must not outlive that
    for username in PRIVILEGED:
        _token, key = ApiToken.objects.create(User.objects.get(username=username), name="old", second_factor=False)
        ways[f"token of {username}"] = Client(HTTP_AUTHORIZATION=f"Token {key}")
    problems, reached = [], 0
    for name, url in urls:
        if name in ENROLMENT or name in PUBLIC or name == "admin:login":
            continue
        for way, client in ways.items():
            if way.startswith("token") and not url.startswith("/api/"):
                continue  # pages do not read tokens: such a client is anonymous there (checked once below)
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                reached += 1
                if not _refused(response):
                    problems.append(f"{way} {method.upper()} {url} ({name}): {response.status_code}")
    assert reached > 1500
    assert problems == []
    print(f"[security record] second factor gate: {len(urls)} URL patterns, {reached} requests by {len(ways)} "
          "ways in (password-only sessions, tokens issued without the factor), 0 reached")
    # a token on a page is no way in either
    token_client = ways["token of demo_officer"]
    assert token_client.get(reverse("home"))["Location"].startswith(reverse("login"))
    # the tokens issued without a second factor were refused and deleted on first use
    assert not ApiToken.objects.filter(user__username__in=PRIVILEGED).exists()
    # enrolment and sign-out stay open to the same sessions
    council = ways["session of demo_council"]
    assert council.get(reverse("mfa_setup")).status_code == 200
    assert ways["session of demo_officer"].get(reverse("mfa_verify")).status_code == 200
    assert council.post(reverse("logout")).status_code == 302


def test_a_verified_session_issues_a_token_with_a_fresh_code_stored_as_a_digest(password, mfa_on):
    officer = User.objects.get(username="demo_officer")
    client = _session("demo_officer", password)
    _enrol(client, officer)  # this session is verified by the enrolment's code
    used = _totp(officer)
    refused = _issue(client, "reused code", code=used)  # the code that verified the session is spent
    assert refused.status_code == 200 and 'id="api-token">' not in refused.content.decode()
    assert "Mã không đúng hoặc đã được dùng" in refused.content.decode()
    assert 'value="reused code"' in refused.content.decode()  # the name typed is kept
    assert _issue(client, "wrong", code="000000").status_code == 200
    assert not ApiToken.objects.filter(user=officer).exists()
    page = _issue(client, "Chương trình báo cáo", code=_totp(officer, ahead=1))
    key = _key(page)
    token = ApiToken.objects.get(user=officer)
    assert token.name == "Chương trình báo cáo" and token.second_factor
    assert (token.expiry - timezone.now()).days in (89, 90)
    # no usable key in the database: only the SHA-512 digest and the first 15 characters
    assert token.digest == hashlib.sha512(key.encode()).hexdigest() and token.token_key == key[:15]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM organisation_apitoken")
        assert all(key not in str(value) for row in cursor.fetchall() for value in row)
        cursor.execute("SELECT to_regclass('authtoken_token')")
        assert cursor.fetchone()[0] is None  # DRF's table of plain keys is gone
    # the key works, records its use, and is never shown again
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/submissions/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    security = client.get(reverse("security")).content.decode()
    assert "Chương trình báo cáo" in security and key not in security and key[:8] in security
    # the owner revokes it
    client.post(reverse("api_token"), {"action": "revoke", "digest": token.digest})
    assert api.get("/api/v1/submissions/").status_code == 401


def test_staff_without_a_second_factor_give_their_password_again(password, mfa_on):
    staff = User.objects.get(username="demo_staff")
    client = _session("demo_staff", password)
    wrong = _issue(client, "x", password="not-the-password")
    assert wrong.status_code == 200 and "Mật khẩu không đúng" in wrong.content.decode()
    key = _key(_issue(client, "Phần mềm của Sở", password=password))
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/").status_code == 200
    assert not ApiToken.objects.get(user=staff).second_factor
    # once staff opt in to the second factor, that token is revoked, and a new one needs a code
    _enrol(client, staff)
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/").status_code == 401
    assert not ApiToken.objects.filter(user=staff).exists()
    assert 'id="api-token">' not in _issue(client, "again", password=password).content.decode()
    _key(_issue(client, "again", code=_totp(staff, ahead=1)))


@pytest.mark.parametrize("change", ["password page", "role", "unit", "deactivated"])
def test_every_token_is_revoked_when_what_it_was_issued_under_changes(change, password):
    from django.contrib.auth.models import Group

    from organisation.roles import Role

    staff = User.objects.get(username="demo_staff")
    client = _session("demo_staff", password)
    keys = [_key(_issue(client, f"t{n}", password=password)) for n in range(2)]
    api = [Client(HTTP_AUTHORIZATION=f"Token {key}") for key in keys]
    assert all(c.get("/api/v1/units/").status_code == 200 for c in api)
    if change == "password page":
        response = client.post(reverse("password_change"), {
            "old_password": password, "new_password1": "Hai-Phong-2026!x", "new_password2": "Hai-Phong-2026!x"})
        assert response.status_code == 302
    elif change == "role":
        Group.objects.get(name=Role.BOARD_OFFICER).user_set.add(staff)
    elif change == "unit":
        staff.unit = Unit.objects.get(code="quan-le-chan")
        staff.save()
    else:
        staff.is_active = False
        staff.save()
    assert all(c.get("/api/v1/units/").status_code == 401 for c in api), change
    assert not ApiToken.objects.filter(user=staff).exists(), change


def test_a_token_from_before_the_second_factor_was_required_stops_working(password):
    """The setting turned on (or the role changed) after the token was issued: refused and deleted."""
    officer = User.objects.get(username="demo_officer")
    with override_settings(MFA_REQUIRED=False):
        key = _key(_issue(_session("demo_officer", password), "trước khi bắt buộc", password=password))
        assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/submissions/").status_code == 200
    with override_settings(MFA_REQUIRED=True):
        response = Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/submissions/")
        assert response.status_code == 401 and "xác thực hai lớp" in response.json()["detail"]
    assert not ApiToken.objects.filter(user=officer).exists()


def test_administrators_list_and_revoke_any_token(password):
    staff = User.objects.get(username="demo_staff")
    token, key = ApiToken.objects.create(staff, name="Máy chủ báo cáo")
    admin = Client()
    admin.force_login(User.objects.get(username="demo_admin"))
    listing = admin.get(reverse("admin:organisation_apitoken_changelist")).content.decode()
    assert "Máy chủ báo cáo" in listing and key not in listing
    assert admin.get(reverse("admin:organisation_apitoken_add")).status_code == 403
    admin.post(reverse("admin:organisation_apitoken_changelist"),
               {"action": "delete_selected", "_selected_action": [token.pk], "post": "yes"})
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/").status_code == 401


def test_an_expired_token_says_so(password):
    import datetime as dt

    staff = User.objects.get(username="demo_staff")
    token, key = ApiToken.objects.create(staff, name="cũ")
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    response = Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/")
    assert response.status_code == 401 and "hết hạn" in response.json()["detail"]
    assert not ApiToken.objects.filter(pk=token.pk).exists()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_an_officer_makes_and_revokes_a_token_in_the_browser(live_server, password):
    """In Chromium with the second factor required: enrol, name a token, give a fresh code, copy it once, see it
    listed with its expiry and last use, revoke it."""
    from ..browser import chromium_page, screenshot

    officer = User.objects.get(username="demo_officer")
    base = live_server.url
    with override_settings(MFA_REQUIRED=True, OTP_TOTP_THROTTLE_FACTOR=0), chromium_page("api-token") as page:
        page.goto(f"{base}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill("demo_officer")
        page.get_by_label("Mật khẩu").fill(password)
        page.locator("main").get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url("**/xac-thuc/dang-ky/**")  # straight to enrolment
        page.fill("#id_token", _totp(officer))
        page.locator("main").get_by_role("button", name="Xác nhận").click()
        assert "Mã dự phòng" in page.content() or "mã dự phòng" in page.content()  # the recovery codes
        page.goto(f"{base}/xac-thuc/")
        page.fill("#id_token-name", "Phần mềm tổng hợp")
        page.fill("#id_token-code", _totp(officer, ahead=1))
        page.locator("main button[value=issue]").click()
        key = page.locator("#api-token").inner_text()
        assert re.fullmatch(r"[0-9a-f]{64}", key)
        screenshot(page, "api-token-shown-once")
        assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/").status_code == 200
        page.goto(f"{base}/xac-thuc/")
        table = page.locator("#api-tokens").inner_text()
        assert "Phần mềm tổng hợp" in table and key not in page.content() and key[:8] in table
        screenshot(page, "api-token-list")
        page.locator("#api-tokens button[value=revoke]").click()
        assert "Đã thu hồi" in page.content()
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/units/").status_code == 401


def test_an_account_holds_at_most_the_tokens_allowed(password):
    """API_TOKENS_PER_USER (5): the sixth is refused with the way out, nothing is lost of what was typed."""
    client = _session("demo_staff", password)
    for n in range(5):
        _key(_issue(client, f"Chương trình {n}", password=password))
    refused = _issue(client, "Chương trình thứ sáu", password=password)
    page = refused.content.decode()
    assert refused.status_code == 200 and 'id="api-token">' not in page
    assert "Bạn đã có 5 mã truy cập API" in page and 'value="Chương trình thứ sáu"' in page
    assert ApiToken.objects.filter(user__username="demo_staff").count() == 5


@pytest.mark.parametrize("username", ["demo_signer", "demo_clerk"])
def test_the_signer_and_the_clerk_get_an_api_token_only_with_their_second_factor(username, password):
    """Issue 32: the signer and the records clerk always use a second factor, even where ``MFA_REQUIRED`` is off (the
    demo): no token for a password-only session, none for the password as proof, no API for such a session, and a
    token issued without the factor (before the role was given) is refused and deleted. With the factor, a fresh code
    issues one, and the API answers as the role reads (the clerk: decisions, no dossiers)."""
    from organisation import tokens

    user = User.objects.get(username=username)
    with override_settings(MFA_REQUIRED=False):
        client = _session(username, password)
        refused = _issue(client, "mật khẩu", password=password)
        assert _refused(refused) and not ApiToken.objects.filter(user=user).exists()
        assert client.get("/api/v1/decisions/").status_code in (401, 403)
        with pytest.raises(PermissionDenied):  # the service refuses it too, whoever calls it
            tokens.issue(user, verified=False, name="x", password=password)
        with pytest.raises(PermissionDenied):  # a verified session without a device gives no fresh code
            tokens.issue(user, verified=True, name="x", password=password)
        _token, old = ApiToken.objects.create(user, name="trước khi có vai trò", second_factor=False)
        response = Client(HTTP_AUTHORIZATION=f"Token {old}").get("/api/v1/decisions/")
        assert response.status_code == 401 and "xác thực hai lớp" in response.json()["detail"]
        assert not ApiToken.objects.filter(user=user).exists()
        _enrol(client, user)  # this session is now verified by the enrolment's code
        key = _key(_issue(client, "Phần mềm văn thư", code=_totp(user, ahead=1)))
        assert ApiToken.objects.get(user=user).second_factor
        api = Client(HTTP_AUTHORIZATION=f"Token {key}")
        assert api.get("/api/v1/decisions/").status_code == 200
        assert api.post("/api/v1/movements/", {"name": "X"}, content_type="application/json").status_code == 403
