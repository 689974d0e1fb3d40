"""A closed year is judged, not projected (issue 33, items 8 and 9): the verdict rules with their boundaries and
the "khoảng" tolerance, every date rule (when a year closes, when a milestone counts, which thresholds are in force),
the 2023 targets judged on figures entered for 2023, the plan's years side by side, the charts' data."""

import datetime as dt
import json
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from targets import progress, services
from targets.models import Actual, Indicator, Plan, ProgressThreshold, Target
from targets.progress import Spec, Thresholds, Verdict

from .test_targets import A  # a reported figure, as the progress rules read it

TOLERANCE = D(3)


# --- the verdict: every rule, at its boundaries ------------------------------------------

@pytest.mark.parametrize("spec,figure,tolerance,expected", [
    # at least one value (higher is better): below not met, the value met, above exceeded
    (Spec(D(31)), D("30.99"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D(31)), D(31), TOLERANCE, Verdict.MET),
    (Spec(D(31)), D("31.01"), TOLERANCE, Verdict.EXCEEDED),
    # a range: inside (both bounds included) met, above the upper bound exceeded
    (Spec(D("2.0"), D("2.5")), D("1.99"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D("2.0"), D("2.5")), D("2.0"), TOLERANCE, Verdict.MET),
    (Spec(D("2.0"), D("2.5")), D("2.5"), TOLERANCE, Verdict.MET),
    (Spec(D("2.0"), D("2.5")), D("2.51"), TOLERANCE, Verdict.EXCEEDED),
    # "khoảng 7,3" with 3 %: 7,081 to 7,519 is the target
    (Spec(D("7.3"), about=True), D("7.080"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D("7.3"), about=True), D("7.081"), TOLERANCE, Verdict.MET),
    (Spec(D("7.3"), about=True), D("7.519"), TOLERANCE, Verdict.MET),
    (Spec(D("7.3"), about=True), D("7.520"), TOLERANCE, Verdict.EXCEEDED),
    # the tolerance is the parameter: none makes "khoảng" strict, 5 % widens it
    (Spec(D("7.3"), about=True), D("7.29"), D(0), Verdict.NOT_MET),
    (Spec(D("7.3"), about=True), D("6.935"), D(5), Verdict.MET),
    # "khoảng 12,7 %–13 %": 12,319 to 13,39
    (Spec(D("12.7"), D(13), about=True), D("12.318"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D("12.7"), D(13), about=True), D("12.319"), TOLERANCE, Verdict.MET),
    (Spec(D("12.7"), D(13), about=True), D("13.39"), TOLERANCE, Verdict.MET),
    (Spec(D("12.7"), D(13), about=True), D("13.391"), TOLERANCE, Verdict.EXCEEDED),
    # at most (lower is better): above not met, the value met, below exceeded (better than planned)
    (Spec(D(4), direction="lower"), D("4.01"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D(4), direction="lower"), D(4), TOLERANCE, Verdict.MET),
    (Spec(D(4), direction="lower"), D("3.99"), TOLERANCE, Verdict.EXCEEDED),
    (Spec(D(2), D("2.5"), direction="lower"), D("2.6"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D(2), D("2.5"), direction="lower"), D("2.2"), TOLERANCE, Verdict.MET),
    (Spec(D(2), D("2.5"), direction="lower"), D("1.9"), TOLERANCE, Verdict.EXCEEDED),
    (Spec(D(4), direction="lower", about=True), D("4.12"), TOLERANCE, Verdict.MET),
    (Spec(D(4), direction="lower", about=True), D("4.13"), TOLERANCE, Verdict.NOT_MET),
    # reach exactly: inside met, either side not met (never "exceeded")
    (Spec(D(100), direction="exact"), D(100), TOLERANCE, Verdict.MET),
    (Spec(D(100), direction="exact"), D("99.9"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D(100), direction="exact"), D("100.1"), TOLERANCE, Verdict.NOT_MET),
    (Spec(D(100), direction="exact", about=True), D(103), TOLERANCE, Verdict.MET),
    (Spec(D(100), direction="exact", about=True), D("103.1"), TOLERANCE, Verdict.NOT_MET),
    # nothing to judge
    (Spec(D(31)), None, TOLERANCE, Verdict.NO_FIGURE),
    (Spec(None), D(5), TOLERANCE, Verdict.NO_FIGURE),
])
def test_verdict(spec, figure, tolerance, expected):
    assert progress.judge(spec, figure, tolerance) == expected


def test_a_negative_about_target_widens_away_from_zero():
    assert progress.bounds(Spec(D(-2), about=True), D(10)) == (D("-2.2"), D("-1.8"))


# --- date rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("today,closed", [
    (dt.date(2022, 12, 31), False),  # before the year
    (dt.date(2023, 1, 1), False),
    (dt.date(2023, 12, 31), False),  # its last day still runs
    (dt.date(2024, 1, 1), True),     # closed from 1 January of the next year
    (dt.date(2026, 12, 5), True),
])
def test_when_a_year_closes(today, closed):
    assert progress.year_closed(2023, today) is closed


@pytest.mark.parametrize("done_on,expected", [
    (dt.date(2023, 12, 31), Verdict.MET),
    (dt.date(2023, 3, 1), Verdict.MET),
    (dt.date(2024, 1, 1), Verdict.NOT_MET),  # reached, but after its year
    (None, Verdict.NOT_MET),
])
def test_a_milestone_counts_for_its_year_only_by_31_december(done_on, expected):
    assert progress.judge_milestone(done_on, 2023) == expected




def test_a_closed_year_needs_its_last_period_and_has_no_projection():
    spec = Spec(D(185))
    whole = [A("quarter", q, v) for q, v in ((1, "44"), (2, "46"), (3, "47"), (4, "50"))]
    judged = progress.compute(spec, "cumulative", whole, Thresholds(), closed=True)
    assert (judged.year_value, judged.verdict, judged.badge) == (D(187), Verdict.EXCEEDED, Verdict.EXCEEDED)
    assert judged.projected is None and judged.projected_percent is None
    assert judged.percent == D(187) / D(185) * 100
    # known to September only: the sum of three quarters is not the year's figure
    partial = progress.compute(spec, "cumulative", whole[:3], Thresholds(), closed=True)
    assert (partial.year_value, partial.months, partial.verdict) == (D(137), 9, Verdict.NO_FIGURE)
    # a point-in-time figure of December stands for the year
    point = progress.compute(Spec(D(8150)), "point", [A("month", 12, "8150")], Thresholds(), closed=True)
    assert point.verdict == Verdict.MET
    # the same figures while the year runs: projection and status, no verdict
    running = progress.compute(spec, "cumulative", whole[:2], Thresholds())
    assert running.verdict is None and running.badge == running.status == "at_risk" and running.projected == D(180)
    assert progress.compute(spec, "cumulative", [], Thresholds(), closed=True).badge == Verdict.NO_FIGURE


def test_the_thresholds_in_force_on_a_day(db):
    ProgressThreshold.objects.all().delete()
    ProgressThreshold.objects.create(effective_from=dt.date(2023, 1, 1), effective_to=dt.date(2024, 12, 31),
                                     on_track_percent=100, at_risk_percent=90, about_tolerance_percent=3, basis="a")
    ProgressThreshold.objects.create(effective_from=dt.date(2025, 1, 1), on_track_percent=100, at_risk_percent=85,
                                     about_tolerance_percent=5, basis="b")
    assert services.thresholds(dt.date(2022, 12, 31)) == Thresholds()  # none in force yet: the defaults
    assert services.thresholds(dt.date(2023, 1, 1)).about_tolerance == 3
    assert services.thresholds(dt.date(2024, 12, 31)).about_tolerance == 3  # its last day
    assert services.thresholds(dt.date(2025, 1, 1)).about_tolerance == 5
    assert services.thresholds(dt.date(2025, 1, 1)).at_risk == 85


# --- the 2023 targets judged on figures entered for 2023 ---------------------------------------

# Year-end figures entered for the test (illustrative, one per rule): cumulative indicators by quarter,
# point-in-time ones by their December figure.
FIGURES_2023 = {
    "grdp-growth": [("month", 12, "10.34")],              # khoảng 12,7–13 %: below 12,319 → not met
    "grdp-per-capita": [("month", 12, "8150")],           # exactly the target → met
    "budget-revenue": [("quarter", q, "22500") for q in (1, 2, 3, 4)],  # 90.000 of 116.442,134 → not met
    "exports": [("quarter", 1, "7"), ("quarter", 2, "7.5"), ("quarter", 3, "8"), ("quarter", 4, "8.5")],  # 31 → met
    "tourists": [("quarter", q, "1.8") for q in (1, 2, 3, 4)],          # 7,2: inside "khoảng 7,3" → met
    "fdi": [("quarter", q, "0.7") for q in (1, 2, 3, 4)],               # 2,8 above 2,0–2,5 → exceeded
    "port-cargo": [("quarter", q, "45") for q in (1, 2, 3)],            # no fourth quarter → no year's figure
}
EXPECTED_2023 = {"grdp-growth": Verdict.NOT_MET, "grdp-per-capita": Verdict.MET, "budget-revenue": Verdict.NOT_MET,
                 "exports": Verdict.MET, "tourists": Verdict.MET, "fdi": Verdict.EXCEEDED,
                 "port-cargo": Verdict.NO_FIGURE, "city-planning": Verdict.MET, "clean-water": Verdict.NO_FIGURE}


def enter_2023_figures():
    targets = {t.indicator.code: t for t in Target.objects.filter(year=2023).select_related("indicator")}
    for code, rows in FIGURES_2023.items():
        for kind, period, value in rows:
            Actual.objects.create(target=targets[code], period_kind=kind, period=period, value=D(value),
                                  source="Cục Thống kê")
    Target.objects.filter(pk=targets["city-planning"].pk).update(milestone_done_on=dt.date(2023, 11, 20))
    return targets


def test_a_closed_year_is_judged_on_its_figures(db):
    enter_2023_figures()
    rows = {r.target.indicator.code: r for r in services.dashboard(2023, today=dt.date(2024, 1, 1))}
    assert {code: rows[code].progress.badge for code in EXPECTED_2023} == EXPECTED_2023
    assert rows["fdi"].progress.year_value == D("2.8") and rows["fdi"].progress.percent == D(140)
    assert all(r.progress.projected is None for r in rows.values())
    # the same figures on 31 December 2023: still running, projected, "at risk" and the like
    running = {r.target.indicator.code: r for r in services.dashboard(2023, today=dt.date(2023, 12, 31))}
    assert running["budget-revenue"].progress.badge == "off_track" and running["fdi"].progress.badge == "on_track"
    assert running["port-cargo"].progress.projected == D(180)
    # a milestone reached after its year does not meet it
    Target.objects.filter(indicator__code="city-planning", year=2023).update(milestone_done_on=dt.date(2024, 2, 1))
    late = {r.target.indicator.code: r for r in services.dashboard(2023, today=dt.date(2024, 3, 1))}
    assert late["city-planning"].progress.badge == Verdict.NOT_MET


def test_the_leader_sees_verdicts_not_projections_for_a_closed_year(leader_client):
    assert progress.year_closed(2023, timezone.localdate())  # the suite runs after 2023
    enter_2023_figures()
    page = leader_client.get(reverse("targets:dashboard") + "?year=2023")
    html = page.content.decode()
    rows = {r.target.indicator.code: r for r in page.context["rows"]}
    assert rows["fdi"].progress.badge == Verdict.EXCEEDED
    assert "Vượt kế hoạch" in html and "Không đạt" in html and "Chưa có số liệu cả năm" in html
    assert "Số liệu cả năm" in html and "Kết quả cả năm" in html
    assert "Dự báo" not in html and "Đúng tiến độ" not in html and "Có nguy cơ chậm" not in html
    assert "Chậm tiến độ" not in html
    assert "Năm 2023 đã kết thúc" in html and "Toàn cảnh năm 2023" in html
    fdi_url = reverse("targets:target_detail", args=[rows["fdi"].target.pk])
    fdi_row = re.search(r"<tr>\s*<td><a href=\"" + fdi_url + r"\">.*?</tr>", html, re.S).group(0)
    assert "2,8 tỷ USD" in fdi_row and "140,0%" in fdi_row and "Vượt kế hoạch" in fdi_row
    # the summary counts verdicts
    assert re.search(r"status-exceeded\">Vượt kế hoạch</span>\s*1<", html)
    assert re.search(r"status-not_met\">Không đạt</span>\s*2<", html)
    # the year at a glance: one bar per target, coloured by its verdict
    charts = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html,
                                  re.S).group(1))
    bars = charts["glance"]["bars"]
    assert len(bars["values"]) == 13 and bars["keys"][bars["labels"].index("Kim ngạch xuất khẩu")] == Verdict.MET
    assert bars["values"][bars["labels"].index("Vốn đầu tư trực tiếp nước ngoài thu hút")] == 140.0
    trend = charts["glance"]["trend"]
    assert trend["labels"] == ["2021", "2022", "2023", "2024", "2025"]
    exceeded = next(s for s in trend["series"] if s["key"] == Verdict.EXCEEDED)
    assert exceeded["counts"] == [0, 0, 1, 0, 0]
    # a target's chart: quarters named as quarters, the plan drawn at an even pace to the year's target
    exports = charts[str(rows["exports"].target.pk)]
    assert exports["labels"] == ["Quý 1", "Quý 2", "Quý 3", "Quý 4"]
    assert exports["values"] == [7.0, 14.5, 22.5, 31.0]
    assert exports["plan"] == [[7.75, 15.5, 23.25, 31.0]] and exports["plan_label"] == "Kế hoạch (chia đều theo kỳ)"
    growth = charts[str(rows["grdp-growth"].target.pk)]
    assert growth["labels"][11] == "Tháng 12" and growth["plan"] == [[12.7] * 12, [13.0] * 12]  # a range: two lines
    detail = leader_client.get(reverse("targets:target_detail", args=[rows["exports"].target.pk])).content.decode()
    assert "Quý 3: 22,5" in detail and "Đạt" in detail and "Số liệu cả năm" in detail


def test_english_pages_say_the_same(leader_client):
    enter_2023_figures()
    leader_client.post(reverse("set_language"), {"language": "en"})
    html = leader_client.get(reverse("targets:dashboard") + "?year=2023").content.decode()
    assert "Exceeded" in html and "Not met" in html and "2023 at a glance" in html
    assert "The plan's years side by side (2021–2025)" in html


def test_the_plans_years_side_by_side(leader_client):
    enter_2023_figures()
    exports = Indicator.objects.get(code="exports")
    plan = Plan.objects.get()
    earlier = Target.objects.create(indicator=exports, year=2022, plan=plan, value_low=D(25), statement="25 tỷ USD",
                                    responsible_unit=Target.objects.get(indicator=exports, year=2023).responsible_unit)
    Actual.objects.create(target=earlier, period_kind="quarter", period=4, value=D(26), source="x")
    rows = {r.target.indicator.code: r for r in services.dashboard(2023)}
    cells = rows["exports"].years
    assert [c.year for c in cells] == [2021, 2022, 2023, 2024, 2025]
    assert cells[0].target is None and cells[1].target == earlier and cells[1].progress.badge == Verdict.EXCEEDED
    assert cells[2].progress.badge == Verdict.MET
    html = leader_client.get(reverse("targets:dashboard") + "?year=2023").content.decode()
    table = html[html.index("Các năm của kế hoạch (2021–2025)"):]
    assert "Chỉ tiêu: 25 tỷ USD" in re.sub(r"\s+", " ", table) and "Số liệu: 26 (104,0%)" in re.sub(r"\s+", " ", table)


def test_the_dashboard_query_count_does_not_grow_with_targets(leader_client, django_assert_max_num_queries):
    """One other year's target first (so each kind of query has run once), then three years of all thirteen."""
    url = reverse("targets:dashboard") + "?year=2023"
    plan = Plan.objects.get()

    def add(target, year):
        other = Target.objects.create(indicator=target.indicator, year=year, plan=plan, kind=target.kind,
                                      value_low=target.value_low, statement=target.statement,
                                      responsible_unit=target.responsible_unit)
        if other.kind == "numeric":
            Actual.objects.create(target=other, period_kind="quarter", period=4, value=D(1), source="x")

    targets = list(Target.objects.filter(year=2023).select_related("indicator"))
    add(targets[0], 2022)
    with django_assert_max_num_queries(30) as first:
        leader_client.get(url)
    for target in targets:
        for year in (2021, 2022, 2024):
            if not (target == targets[0] and year == 2022):
                add(target, year)
    ProgressThreshold.objects.create(effective_from=dt.date(2024, 1, 1), on_track_percent=100, at_risk_percent=90,
                                     about_tolerance_percent=3, basis="x")
    with django_assert_max_num_queries(len(first.captured_queries)) as after:
        page = leader_client.get(url)
    assert sum(len(r.years) for r in page.context["rows"]) == 13 * 5 and len(after.captured_queries) > 0


@pytest.mark.parametrize("kind,period,year,end", [
    ("quarter", 1, 2023, dt.date(2023, 3, 31)),
    ("quarter", 4, 2023, dt.date(2023, 12, 31)),
    ("month", 2, 2023, dt.date(2023, 2, 28)),
    ("month", 2, 2024, dt.date(2024, 2, 29)),  # a leap year
    ("month", 12, 2023, dt.date(2023, 12, 31)),
])
def test_when_a_period_ends(kind, period, year, end):
    assert services.period_end(year, kind, period) == end


@pytest.mark.parametrize("today,late", [
    (dt.date(2023, 4, 15), False),  # the fifteenth day after 31 March: still in time
    (dt.date(2023, 4, 16), True),
])
def test_a_quarter_is_late_from_the_day_after_its_deadline(db, today, late):
    codes = {t.indicator.code for t, _periods in services.late_reporters(2023, today=today)}
    assert ("exports" in codes) is late


def test_the_exports_of_a_closed_year_say_result_not_projection(leader_client):
    import io
    import subprocess

    from openpyxl import load_workbook

    enter_2023_figures()
    url = reverse("targets:dashboard") + "?year=2023"
    sheet = load_workbook(io.BytesIO(leader_client.get(url + "&format=xlsx").content)).active
    headers = [c.value for c in sheet[4]]
    assert "Kết quả" in headers and "Tình trạng" not in headers
    fdi = next(row for row in sheet.iter_rows(min_row=5, values_only=True) if row[0].startswith("Thu hút 2,0-2,5"))
    assert fdi[4] == 2.8 and fdi[7] is None and fdi[headers.index("Kết quả")] == "Vượt kế hoạch"
    pdf = leader_client.get(url + "&format=pdf").content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "Kết quả" in text and "Vượt kế hoạch" in text and "Dự báo cả năm" not in text


def test_a_closed_years_target_without_its_last_period_says_how_far_its_figures_go(leader_client):
    targets = enter_2023_figures()
    html = leader_client.get(reverse("targets:target_detail", args=[targets["port-cargo"].pk])).content.decode()
    text = re.sub(r"\s+", " ", html)
    assert "Chưa có số liệu cả năm" in text and "135 triệu tấn (73,0% kế hoạch), đến quý 3" in text
    assert "Dự báo cả năm" not in text
