"""Journeys in a real browser: log in, see the role's home page, browse units."""

import pytest

from ..browser import chromium_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_officer_logs_in_and_browses_units(live_server, password):
    with chromium_page("login-officer") as page:
        page.goto(f"{live_server.url}/")
        assert "/dang-nhap/" in page.url
        page.get_by_label("Tên đăng nhập").fill("demo_officer")
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        assert page.get_by_role("heading", name="Chuyên viên Ban Thi đua - Khen thưởng").is_visible()
        screenshot(page, "home-officer")
        page.get_by_role("link", name="Đơn vị", exact=True).first.click()
        page.get_by_label("Tìm kiếm").fill("bach long vi")
        page.get_by_role("button", name="Lọc").click()
        assert page.get_by_role("link", name="Huyện Bạch Long Vĩ").is_visible()
        page.get_by_role("link", name="Huyện Bạch Long Vĩ").click()
        assert page.get_by_role("heading", name="Lịch sử").is_visible()
        screenshot(page, "unit-detail")
        assert page.console_errors == [], page.console_errors  # includes CSP violations


def test_staff_home_in_english(live_server, password):
    with chromium_page("login-staff-en") as page:
        page.goto(f"{live_server.url}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill("demo_staff")
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        page.get_by_label("Ngôn ngữ").select_option("en")
        page.get_by_role("button", name="Thay đổi").click()
        assert page.get_by_role("heading", name="My unit").is_visible()
        screenshot(page, "home-staff-en")
