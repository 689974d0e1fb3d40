"""Login, logout, password change and failed-login throttling (django-axes)."""

from django.urls import reverse

from organisation.models import User


def test_login_with_demo_account(client, db, password):
    response = client.post(reverse("login"), {"username": "demo_officer", "password": password})
    assert response.status_code == 302 and response.url == reverse("home")
    home = client.get(reverse("home"))
    assert "Chuyên viên Ban Thi đua - Khen thưởng" in home.content.decode()


def test_wrong_password_shows_vietnamese_error(client, db):
    response = client.post(reverse("login"), {"username": "demo_officer", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác" in response.content.decode()


def test_repeated_failures_lock_the_account(client, db, password, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "demo_staff", "password": "wrong-password"})
    # Even the right password is refused while locked.
    response = client.post(reverse("login"), {"username": "demo_staff", "password": password})
    assert response.status_code == 429
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    # Another account from the same address is not locked.
    ok = client.post(reverse("login"), {"username": "demo_leader", "password": password})
    assert ok.status_code == 302


def test_logout_is_a_post(staff_client):
    assert staff_client.post(reverse("logout")).status_code == 302
    assert staff_client.get(reverse("home")).status_code == 302


def test_password_change(staff_client, password):
    response = staff_client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "Hai-Phong-moi-2024", "new_password2": "Hai-Phong-moi-2024"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="demo_staff").check_password("Hai-Phong-moi-2024")


def test_csrf_is_enforced_on_login(db, password):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "demo_staff", "password": password})
    assert response.status_code == 403


def test_home_panels_follow_the_role(staff_client, leader_client):
    staff_page = staff_client.get(reverse("home")).content.decode()
    assert "Đơn vị của tôi" in staff_page and "Sở Kế hoạch và Đầu tư" in staff_page
    leader_page = leader_client.get(reverse("home")).content.decode()
    assert "Lãnh đạo" in leader_page and "Đơn vị của tôi" not in leader_page


def test_english_is_available(staff_client):
    staff_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = staff_client.get(reverse("home")).content.decode()
    assert "My unit" in page and 'lang="en"' in page


def test_demo_accounts_refused_in_production(db, settings):
    import pytest
    from django.core.management import CommandError, call_command

    settings.DEMO_ACCOUNTS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo_accounts")


def test_vietnamese_even_for_an_english_browser(client, db):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page and "Đăng nhập" in page
