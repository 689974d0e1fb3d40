"""A unit reports target figures and the leader's dashboard shows the new progress and charts."""

import pytest

from targets.models import Actual, Target

from .browser import chromium_page, screenshot
from .test_browser_campaigns import _login, _logout

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_unit_reports_and_leader_sees_the_dashboard(live_server, password):
    from decimal import Decimal

    base = live_server.url
    budget = Target.objects.get(indicator__code="budget-revenue", year=2023)
    for quarter, value in ((1, "27000"), (2, "29500.5")):
        Actual.objects.create(target=budget, period_kind="quarter", period=quarter, value=Decimal(value),
                              source="Sở Tài chính")
    with chromium_page("targets-journey") as page:
        _login(page, base, "demo_staff", password)
        page.goto(f"{base}/chi-tieu/bao-cao/")
        page.get_by_label("Chỉ tiêu").select_option(label="2023 – Vốn đầu tư trực tiếp nước ngoài thu hút")
        page.get_by_label("Loại kỳ").select_option("quarter")
        page.get_by_label("Số kỳ (tháng 1–12 hoặc quý 1–4)").fill("1")
        page.get_by_role("textbox", name="Số liệu*").fill("0,6")
        page.get_by_label("Nguồn số liệu").fill("Sở Kế hoạch và Đầu tư")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã lưu số liệu.").is_visible()
        _logout(page)

        _login(page, base, "demo_leader", password)
        page.goto(f"{base}/chi-tieu/?year=2023")
        row = page.get_by_role("row").filter(has_text="Vốn đầu tư trực tiếp nước ngoài thu hút")
        assert "30,0%" in row.inner_text()  # 0,6 of the lower bound 2,0
        page.wait_for_function("document.querySelectorAll('canvas.sparkline').length >= 2")
        screenshot(page, "t1-dashboard")
        page.get_by_role("link", name="Thu ngân sách nhà nước trên địa bàn").click()
        page.wait_for_selector("canvas[data-kind=line]")
        screenshot(page, "t2-target-detail")
        assert page.console_errors == [], page.console_errors
