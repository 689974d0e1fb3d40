"""A unit reports target figures and the leader's dashboard shows the new progress and charts."""

import pytest

from targets.models import Actual, Target

from ..browser import chromium_page, screenshot
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
        page.get_by_role("textbox", name="Số liệu*", exact=True).fill("0,6")
        page.get_by_label("Nguồn số liệu").fill("Sở Kế hoạch và Đầu tư")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã lưu số liệu.").is_visible()
        _logout(page)

        _login(page, base, "demo_leader", password)
        page.goto(f"{base}/chi-tieu/?year=2023")
        # the year's table (the plan's years below name the indicator too)
        row = page.locator("table.dashboard-table").get_by_role("row").filter(
            has_text="Vốn đầu tư trực tiếp nước ngoài thu hút")
        assert "30,0%" in row.inner_text()  # 0,6 of the lower bound 2,0
        page.wait_for_function("document.querySelectorAll('canvas.sparkline').length >= 2")
        screenshot(page, "t1-dashboard")
        page.get_by_role("link", name="Thu ngân sách nhà nước trên địa bàn").click()
        page.wait_for_selector("canvas[data-kind=line]")
        screenshot(page, "t2-target-detail")
        assert page.console_errors == [], page.console_errors


def test_leader_sees_a_closed_year_judged_and_the_running_year_projected(live_server, password):
    """Issue 33 items 8-9, walked in the browser: 2023 (closed) with its year-end figures shows verdicts, the year
    at a glance, the plan's years side by side; a target's chart names quarters "Quý 3" and draws the plan; the
    running year keeps its projection and status."""
    from decimal import Decimal

    from django.utils import timezone

    from ..targets.test_target_verdicts import enter_2023_figures

    base = live_server.url
    targets = enter_2023_figures()
    this_year = timezone.localdate().year
    running = Target.objects.create(indicator=targets["exports"].indicator, year=this_year, value_low=Decimal(40),
                                    statement=f"Kim ngạch xuất khẩu đạt 40 tỷ USD ({this_year})",
                                    responsible_unit=targets["exports"].responsible_unit)
    # the quarters already ended this year, on a pace of 9 a quarter (at risk against 40 whenever it is read)
    for quarter in range(1, max(1, (timezone.localdate().month - 1) // 3) + 1):
        Actual.objects.create(target=running, period_kind="quarter", period=quarter, value=Decimal(9), source="x")
    with chromium_page("targets-verdicts") as page:
        _login(page, base, "demo_leader", password)
        page.goto(f"{base}/chi-tieu/?year=2023")
        assert page.get_by_text("Năm 2023 đã kết thúc").is_visible()
        assert page.get_by_role("heading", name="Toàn cảnh năm 2023").is_visible()
        assert page.get_by_role("columnheader", name="Kết quả cả năm").is_visible()
        assert page.get_by_role("columnheader", name="Dự báo cả năm").count() == 0
        fdi = page.get_by_role("row").filter(has_text="Thu hút 2,0-2,5 tỷ USD")
        assert "2,8 tỷ USD" in fdi.inner_text() and "140,0%" in fdi.inner_text() and "Vượt kế hoạch" in fdi.inner_text()
        growth = page.get_by_role("row").filter(has_text="tăng khoảng 12,7% - 13%")
        assert "10,34 %" in growth.inner_text() and "Không đạt" in growth.inner_text()
        # the year at a glance: 13 bars coloured by verdict; the results over the plan's years
        page.wait_for_function("Chart.getChart(document.querySelector('canvas[data-kind=glance]')) !== undefined")
        bars = page.evaluate("""() => { const c = Chart.getChart(document.querySelector('canvas[data-kind=glance]'));
            return {n: c.data.labels.length, colours: c.data.datasets[0].backgroundColor}; }""")
        assert bars["n"] == 13 and "#0f5132" in bars["colours"] and "#dc3545" in bars["colours"]
        trend = page.evaluate("""() => Chart.getChart(document.querySelector('canvas[data-kind=trend]')).data""")
        assert trend["labels"] == ["2021", "2022", "2023", "2024", "2025"]
        assert {d["label"] for d in trend["datasets"]} >= {"Đạt", "Vượt kế hoạch", "Không đạt"}
        plan = page.get_by_role("table").filter(has_text="Chỉ tiêu và kết quả từng năm của kế hoạch")
        assert [h.inner_text() for h in plan.get_by_role("columnheader").all()][1:] == [
            "2021", "2022", "2023", "2024", "2025"]
        screenshot(page, "t3-closed-year-dashboard")

        page.get_by_role("link", name="Kim ngạch xuất khẩu").first.click()
        page.wait_for_function("Chart.getChart(document.querySelector('canvas[data-kind=line]')) !== undefined")
        chart = page.evaluate("""() => { const c = Chart.getChart(document.querySelector('canvas[data-kind=line]'));
            return {labels: c.data.labels, sets: c.data.datasets.map(d => [d.label, d.data])}; }""")
        assert chart["labels"] == ["Quý 1", "Quý 2", "Quý 3", "Quý 4"]
        assert chart["sets"][1] == ["Kế hoạch (chia đều theo kỳ)", [7.75, 15.5, 23.25, 31]]  # the plan line
        assert page.get_by_text("Kết quả cả năm").is_visible() and page.locator(".badge.status-met").is_visible()
        screenshot(page, "t4-closed-year-target")

        page.goto(f"{base}/chi-tieu/?year={this_year}")
        assert page.get_by_role("columnheader", name="Dự báo cả năm").is_visible()
        row = page.get_by_role("row").filter(has_text=f"Kim ngạch xuất khẩu đạt 40 tỷ USD ({this_year})")
        assert "Có nguy cơ chậm" in row.inner_text() or "Chậm tiến độ" in row.inner_text()
        assert page.get_by_text(f"Năm {this_year} đã kết thúc").count() == 0
        page.wait_for_function("Chart.getChart(document.querySelector('canvas[data-kind=glance]')) !== undefined")
        screenshot(page, "t5-running-year-dashboard")

        page.goto(f"{base}/chi-tieu/?year=2023")
        page.get_by_label("Ngôn ngữ").select_option("en")
        with page.expect_navigation():
            page.get_by_role("button", name="Thay đổi").click()
        assert page.get_by_role("heading", name="2023 at a glance").is_visible()
        assert page.get_by_role("columnheader", name="Year's result").is_visible()
        screenshot(page, "t6-closed-year-english")
        assert page.console_errors == [], page.console_errors
