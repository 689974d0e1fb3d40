"""The Board's organisation and cluster work walked in Chromium (issue 21, items 2 and 3): the 2025 reform recorded
with its preview, a cluster year started from the last one with its head and deputy, a covenant's results."""

import pytest

from organisation.models import Unit, UnitKind

from ..browser import chromium_page, screenshot
from .test_browser_campaigns import _login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_board_records_the_reform_and_a_cluster_year(live_server, password):
    base = live_server.url
    with chromium_page("organisation-journey") as page:
        _login(page, base, "demo_officer", password)
        # huyện → đặc khu, previewed first
        page.goto(f"{base}/to-chuc/don-vi/huyen-cat-hai/")
        page.get_by_role("link", name="Đổi loại hình, cấp").click()
        page.get_by_label("Loại hình mới").select_option(UnitKind.SPECIAL_ZONE)
        page.locator("#id_level").select_option("commune")
        page.get_by_label("Có hiệu lực từ ngày").fill("2025-07-01")
        page.get_by_label("Căn cứ pháp lý").fill("Nghị quyết 1669/NQ-UBTVQH15 ngày 16/6/2025")
        page.get_by_role("button", name="Xem trước").click()
        preview = page.locator("section.alert-warning")
        assert "Huyện Cát Hải: loại hình Huyện" in preview.inner_text() and "Đặc khu" in preview.inner_text()
        screenshot(page, "o1-reclassify-preview")
        assert Unit.objects.get(code="huyen-cat-hai").kind == UnitKind.RURAL_DISTRICT  # a preview keeps nothing
        page.get_by_role("button", name="Ghi nhận thay đổi").click()
        assert page.get_by_text("Đã ghi nhận thay đổi cùng căn cứ pháp lý.").is_visible()
        assert page.get_by_role("cell", name="Nghị quyết 1669/NQ-UBTVQH15 ngày 16/6/2025").is_visible()
        screenshot(page, "o2-unit-history")
        # a cluster's new year from last year's members, then its head and deputy
        page.goto(f"{base}/phong-trao/cum-thi-dua/")
        page.get_by_role("link", name="2026").first.click()
        page.get_by_role("button", name="Kế thừa thành viên năm 2023").click()
        assert page.get_by_text("Đã kế thừa 5 thành viên").is_visible()
        page.get_by_label("Trưởng cụm (luân phiên)").select_option(label="Thành phố Hồ Chí Minh")
        page.get_by_label("Phó Trưởng cụm").select_option(label="Ủy ban nhân dân thành phố Hải Phòng")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã ghi nhận thành viên, Trưởng cụm và Phó Trưởng cụm.").is_visible()
        row = page.get_by_role("row").filter(has_text="Thành phố Hồ Chí Minh")
        assert "Trưởng cụm" in row.inner_text()
        screenshot(page, "o3-cluster-year")
        assert page.console_errors == []


def test_outcome_notices_wait_for_the_decision_and_deadlines_reach_the_units(live_server, password):
    import datetime as dt

    from awards.models import NoticeStatus, OutcomeNotice, Status
    from campaigns.models import RegistrationWindow
    from organisation.models import UnitKind as Kind

    from ..awards_helpers import draft, to_state

    submission = to_state(draft(names=("Nguyễn Thị Hoa",)), Status.VOTED)
    today = dt.date.today()
    RegistrationWindow.objects.update_or_create(year=today.year + 1, defaults={
        "opens_on": today, "closes_on": today + dt.timedelta(days=10), "expected_kinds": [Kind.DEPARTMENT]})
    base = live_server.url
    with chromium_page("outbox-and-reminders") as page:
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/khen-thuong/hop-thu-di/")
        row = page.get_by_role("row").filter(has_text=submission.title)
        assert "chờ quyết định" in row.inner_text() and "Hội đồng đã biểu quyết" in row.inner_text()
        screenshot(page, "n1-outbox-waiting")
        to_state(submission, Status.DECIDED)
        page.reload()
        page.get_by_role("button", name="Gửi các thông báo đã chọn").click()
        assert page.get_by_text("Đã gửi 2 thông báo.").is_visible()
        screenshot(page, "n2-outbox-sent")
        assert not OutcomeNotice.objects.filter(status=NoticeStatus.HELD).exists()
        # the Board reminds the departments that have not registered for next year
        page.goto(f"{base}/phong-trao/dang-ky/{today.year + 1}/tong-hop/")
        page.get_by_role("button", name="Nhắc các đơn vị chưa đăng ký").click()
        assert page.get_by_text("đơn vị đã được nhắc").is_visible()
        page.get_by_role("button", name=page.locator("nav .dropdown-toggle.btn").inner_text()).click()
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng xuất").click()
        # the unit sees the outcome, the reminder and the deadline on its home page
        _login(page, base, "demo_staff", password)
        deadlines = page.locator("section").filter(has_text="Hạn sắp tới")
        assert f"Đăng ký thi đua năm {today.year + 1}" in deadlines.inner_text()
        screenshot(page, "n3-staff-home-deadlines")
        page.goto(f"{base}/khen-thuong/thong-bao/")
        assert page.get_by_text("Đã có quyết định").first.is_visible()
        assert page.get_by_text(f"Nhắc hạn: đăng ký thi đua năm {today.year + 1}").first.is_visible()
        screenshot(page, "n4-staff-notifications")
        assert page.console_errors == []


def test_the_board_enters_next_years_tet_in_the_calendar(live_server, password):
    base = live_server.url
    with chromium_page("calendar-journey") as page:
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/phap-ly/ngay-nghi/?year=2027")
        assert "chưa đủ" in page.locator("#calendar-years").inner_text()
        page.locator("#id_date").fill("2027-02-08")
        page.locator("#id_name").fill("Nghỉ Tết Âm lịch")
        page.get_by_label("Dịp nghỉ").select_option("lunar_new_year")
        page.get_by_label("Căn cứ").fill("Thông báo lịch nghỉ Tết Âm lịch năm 2027")
        page.get_by_role("button", name="Thêm vào lịch").click()
        assert page.get_by_text("Đã thêm ngày 08/02/2027 vào lịch.").is_visible()
        assert page.get_by_role("cell", name="Thông báo lịch nghỉ Tết Âm lịch năm 2027").is_visible()
        screenshot(page, "calendar-2027")
        assert not page.console_errors


def test_over_long_text_is_refused_with_its_limit_never_cut(live_server, password):
    """The browser's maxlength used to cut a pasted text at the field's limit without a word (issue 33): now a counter
    says how long it is and the server refuses it naming the limit, with everything typed kept."""
    base = live_server.url
    with chromium_page("length-limit") as page:
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/phap-ly/ngay-nghi/?year=2027")
        name = page.locator("#id_name")
        assert name.get_attribute("maxlength") is None and name.get_attribute("data-max-length") == "160"
        long_text = "Nghỉ Tết Âm lịch " * 11  # 187 characters
        page.locator("#id_date").fill("08/02/2027")
        name.fill(long_text)
        assert page.get_by_text(f"{len(long_text)}/160 ký tự").is_visible()
        page.get_by_role("button", name="Thêm vào lịch").click()
        assert page.locator(".invalid-feedback, .text-danger").filter(has_text="tối đa 160").count() >= 1
        assert page.locator("#id_name").input_value() == long_text  # nothing typed is lost
        screenshot(page, "length-limit")
        assert not page.console_errors
