"""A Board member produces a report on demand, watches its progress and downloads the PDF."""

import pytest

from ..browser import chromium_page, screenshot
from .test_browser_campaigns import _login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_board_member_generates_and_downloads_a_report(live_server, password):
    base = live_server.url
    with chromium_page("reports-journey") as page:
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/bao-cao/")
        form = page.locator("section").filter(has_text="Lập báo cáo ngay")
        form.get_by_label("Báo cáo").select_option("quarterly")
        form.get_by_label("Năm").fill("2023")
        form.get_by_label("Tháng (1–12) hoặc quý (1–4)").fill("2")
        form.get_by_role("button", name="Lập báo cáo").click()
        page.get_by_text("đã sẵn sàng").wait_for(timeout=30000)
        screenshot(page, "r1-report-ready")
        with page.expect_download() as download:
            page.get_by_role("link", name="Excel").click()
        assert download.value.suggested_filename.endswith(".xlsx")
        response = page.request.get(base + page.get_by_role("link", name="PDF").get_attribute("href"))
        assert response.status == 200 and response.body().startswith(b"%PDF")
        assert page.console_errors == [], page.console_errors
