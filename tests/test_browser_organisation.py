"""The Board's organisation and cluster work walked in Chromium (issue 21, items 2 and 3): the 2025 reform recorded
with its preview, a cluster year started from the last one with its head and deputy, a covenant's results."""

import pytest

from organisation.models import Unit, UnitKind

from .browser import chromium_page, screenshot
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
