"""The campaigns journey in a real browser, with screenshots of each step."""

import datetime as dt

import pytest
from django.utils import timezone

from ..browser import chromium_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _login(page, base, username, password):
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.locator("main").get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def _logout(page):
    page.get_by_role("button", name=page.locator("nav .dropdown-toggle.btn").inner_text()).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()
    assert "/dang-nhap/" in page.url


def test_movement_registration_programme_review_and_public_model(live_server, password, tmp_path):
    today = timezone.localdate()
    base = live_server.url
    with chromium_page("campaigns-journey") as page:
        # The Board launches a movement and opens registration.
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/phong-trao/phat-dong/")
        page.get_by_label("Tên").fill("Thi đua chuyển đổi số trong cơ quan nhà nước")
        page.get_by_label("Loại hình").select_option("thematic")
        page.get_by_label("Cấp phát động").select_option("city_chairman")
        page.get_by_label("Ngày bắt đầu").fill(f"{today.year}-01-01")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã phát động phong trào").is_visible()
        screenshot(page, "c1-movement-launched")
        page.goto(f"{base}/phong-trao/dang-ky/")
        page.locator("section").get_by_label("Năm").fill(str(today.year))
        page.get_by_label("Ngày mở").fill((today - dt.timedelta(days=1)).isoformat())
        page.get_by_label("Hạn cuối").fill((today + dt.timedelta(days=30)).isoformat())
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text(f"Đăng ký thi đua năm {today.year} mở đến hết ngày").is_visible()
        _logout(page)

        # Unit staff registers with a title and creates a programme with a task.
        _login(page, base, "demo_staff", password)
        page.goto(f"{base}/phong-trao/dang-ky/{today.year}/")
        page.get_by_label("Thi đua chuyển đổi số trong cơ quan nhà nước").check()
        page.locator("#id_targets-0-award_type").select_option(label="Tập thể lao động xuất sắc")
        assert page.get_by_role("heading", name=f"Đăng ký thi đua năm {today.year}").is_visible()  # not 2.026
        screenshot(page, "c2-registration-form")
        page.get_by_role("button", name="Gửi đăng ký").click()
        assert page.get_by_text("Đã gửi đăng ký thi đua.").is_visible()
        page.goto(f"{base}/phong-trao/chuong-trinh/")
        create = page.locator("section").filter(has_text="Chương trình hành động mới")
        create.get_by_label("Phong trào").select_option(label="Thi đua chuyển đổi số trong cơ quan nhà nước")
        create.get_by_label("Tiêu đề").fill("Chương trình chuyển đổi số của Sở")
        create.get_by_role("button", name="Tạo").click()
        page.get_by_label("Nhiệm vụ").fill("Số hóa hồ sơ lưu trữ")
        page.get_by_label("Đơn vị, người chủ trì").fill("Văn phòng Sở")
        page.get_by_label("Thời hạn").fill((today - dt.timedelta(days=2)).isoformat())
        page.get_by_role("button", name="Thêm").click()
        assert page.get_by_text("quá hạn").first.is_visible()
        screenshot(page, "c3-programme-overdue")

        # Staff proposes an exemplary model.
        page.goto(f"{base}/phong-trao/dien-hinh/de-xuat/")
        page.get_by_label("Loại").select_option("good_deeds")
        page.get_by_label("Tiêu đề").fill("Trả lại 50 triệu đồng nhặt được")
        page.get_by_label("Cá nhân, tập thể").fill("Chị Phạm Thị Mai")
        page.get_by_label("Tóm tắt").fill("Nhặt được túi tiền và trả lại người đánh rơi")
        page.get_by_label("Nội dung").fill("Sáng 3/3, chị Mai nhặt được túi tiền...")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã gửi đề xuất đến Ban TĐKT.").is_visible()
        model_url = page.url
        _logout(page)

        # The Board approves; the public page (no login) shows it.
        _login(page, base, "demo_officer", password)
        page.goto(model_url)
        page.get_by_role("button", name="Duyệt và công bố").click()
        assert page.get_by_text("Đã duyệt và công bố trên trang công khai.").is_visible()
        page.goto(f"{base}/phong-trao/dang-ky/{today.year}/tong-hop/")
        assert page.get_by_role("heading", name="Chưa đăng ký").is_visible()
        screenshot(page, "c4-registration-overview")
        _logout(page)
        page.goto(f"{base}/dien-hinh/")
        assert page.get_by_role("link", name="Trả lại 50 triệu đồng nhặt được").is_visible()
        screenshot(page, "c5-public-models")
        assert page.console_errors == [], page.console_errors
