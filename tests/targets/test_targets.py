"""Targets: the directive's figures, progress arithmetic, reporting through the web, imports, dashboard."""

import datetime as dt
import io
from decimal import Decimal as D

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from targets import progress
from targets.models import Actual, Target
from targets.progress import Spec, Thresholds

T = Thresholds()


# --- the seed ---------------------------------------------------------------------

def test_seed_holds_the_directives_2023_targets(db):
    targets = {t.indicator.code: t for t in Target.objects.filter(year=2023).select_related("indicator")}
    assert len(targets) == 13
    assert (targets["grdp-growth"].value_low, targets["grdp-growth"].value_high, targets["grdp-growth"].is_about) == (
        D("12.7"), D("13"), True)
    assert targets["grdp-per-capita"].value_low == D("8150")
    assert targets["budget-revenue"].value_low == D("116442.134")
    assert targets["domestic-revenue"].value_low == D("42500")
    assert targets["domestic-revenue"].indicator.parent.code == "budget-revenue"
    assert targets["exports"].value_low == D("31")
    assert targets["port-cargo"].value_low == D("185")
    assert (targets["tourists"].value_low, targets["tourists"].is_about) == (D("7.3"), True)
    assert targets["ntm-model-completed"].value_low == D("35") and targets["ntm-model-started"].value_low == D("35")
    assert (targets["fdi"].value_low, targets["fdi"].value_high) == (D("2.0"), D("2.5"))
    assert targets["poverty-reduction"].value_low == D("0.4")
    assert targets["clean-water"].value_low == D("100")
    assert targets["city-planning"].kind == "milestone"
    assert all(t.legal_basis.number == "80/NQ-HĐND" for t in targets.values())
    assert "116.442,134 tỷ đồng" in targets["budget-revenue"].statement


# --- arithmetic -------------------------------------------------------------------

@pytest.mark.parametrize("value,spec,expected", [
    (D("12.7"), Spec(D("12.7"), D("13")), D("100")),          # lower bound of a range reached
    (D("13.5"), Spec(D("12.7"), D("13")), D("13.5") / D("12.7") * 100),
    (D("6.35"), Spec(D("12.7"), D("13")), D("50")),
    (D("2.2"), Spec(D("2.0"), D("2.5")), D("110")),            # FDI inside its range
    (D("5"), Spec(D("4"), direction="lower"), D("80")),         # lower is better: 4 / 5
    (D("3"), Spec(D("4"), direction="lower"), D("4") / D("3") * 100),
    (D("0"), Spec(D("4"), direction="lower"), D("999")),
    (D("2.2"), Spec(D("2"), D("2.5"), direction="lower"), D("2.5") / D("2.2") * 100),  # upper bound for lower
    (D("99"), Spec(D("100"), direction="exact"), D("99")),       # reach exactly 100
    (D("101"), Spec(D("100"), direction="exact"), D("99")),
    (D("2.3"), Spec(D("2"), D("2.5"), direction="exact"), D("100")),
])
def test_percent_of_target(value, spec, expected):
    assert progress.percent_of_target(value, spec) == expected


def test_about_targets_have_a_tolerance():
    about, strict = Spec(D("7.3"), about=True), Spec(D("7.3"))
    percent = progress.percent_of_target(D("7.1"), about)  # 97.26%
    assert progress.status_for(percent, about, T) == "on_track"
    assert progress.status_for(percent, strict, T) == "at_risk"
    assert progress.status_for(D("85"), strict, T) == "off_track"
    assert progress.status_for(None, strict, T) == "no_data"


class A:
    def __init__(self, kind, period, value):
        self.period_kind, self.period, self.value = kind, period, D(value)

    @property
    def end_month(self):
        return self.period * 3 if self.period_kind == "quarter" else self.period


def test_cumulative_projection_evenly_and_with_seasonality():
    spec = Spec(D("185"))
    q = [A("quarter", 1, "40"), A("quarter", 2, "45")]
    even = progress.compute(spec, "cumulative", q, T)
    assert even.year_value == D("85") and even.months == 6
    assert even.projected == D("170")  # 85 × 12 / 6
    assert even.status == "at_risk"     # 170 / 185 = 91,9%
    # Last year the first half carried 40% of the year: 85 / 0,4 = 212,5.
    last = [A("quarter", 1, "30"), A("quarter", 2, "30"), A("quarter", 3, "45"), A("quarter", 4, "45")]
    seasonal = progress.compute(spec, "cumulative", q, T, last)
    assert seasonal.projected == D("212.5") and seasonal.status == "on_track"
    assert [v for _m, v in seasonal.series] == [D("40"), D("85")]


def test_point_in_time_uses_the_latest_figure():
    result = progress.compute(Spec(D("12.7"), D("13"), about=True), "point",
                              [A("quarter", 1, "10.5"), A("quarter", 2, "12.4")], T)
    assert result.year_value == D("12.4") and result.projected == D("12.4")
    assert result.status == "on_track"  # 97,6% of 12,7 with the 3-point tolerance


# --- reporting through the web -----------------------------------------------------

def test_staff_reports_quarterly_figures_and_the_leader_sees_the_dashboard(staff_client, leader_client, monkeypatch):
    # 2023 while it ran (15 July): a running year is projected and has a status (a closed one is judged:
    # tests/targets/test_target_verdicts.py)
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2023, 7, 15))
    fdi = Target.objects.get(indicator__code="fdi", year=2023)
    for quarter, value in ((1, "0,5"), (2, "0,6")):  # typed the Vietnamese way
        response = staff_client.post(reverse("targets:report"), {
            "target": fdi.pk, "period_kind": "quarter", "period": quarter, "value": value,
            "source": "Sở Kế hoạch và Đầu tư", "note": ""})
        assert response.status_code == 302
    page = leader_client.get(reverse("targets:dashboard") + "?year=2023")
    row = next(r for r in page.context["rows"] if r.target.pk == fdi.pk)
    assert row.progress.year_value == D("1.1")
    assert row.progress.percent == D("55")           # 1,1 of the lower bound 2,0
    assert row.progress.projected == D("2.2")        # 1,1 × 12 / 6
    assert row.progress.status == "on_track"
    html = page.content.decode()
    assert "55,0%" in html and "Đúng tiến độ" in html
    assert leader_client.post(reverse("targets:report"), {"target": fdi.pk, "period_kind": "quarter",
                                                         "period": 3, "value": "1", "source": "x"}).status_code == 403
    assert fdi.actuals.count() == 2  # the leader reads; a write is refused before its input is read


def test_correction_keeps_the_previous_value(staff_client):
    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    for value in ("10,0", "10,4"):  # typed the Vietnamese way
        staff_client.post(reverse("targets:report"), {"target": growth.pk, "period_kind": "quarter", "period": 1,
                                                      "value": value, "source": "Cục Thống kê"})
    assert growth.actuals.get().value == D("10.4")
    assert list(Actual.history.filter(target_id=growth.pk).order_by("history_date").values_list(
        "value", flat=True)) == [D("10.0"), D("10.4")]
    page = staff_client.get(reverse("targets:target_detail", args=[growth.pk])).content.decode()
    assert "Quý 1 = 10,4</li>" in page and "Quý 1 = 10</li>" in page


def test_other_units_cannot_report_this_target(staff_b_client):
    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    response = staff_b_client.post(reverse("targets:report"), {
        "target": growth.pk, "period_kind": "quarter", "period": 1, "value": "1", "source": "x"})
    assert response.status_code == 200  # not a choice for this user
    assert not growth.actuals.exists()


def test_mixing_months_and_quarters_is_refused(staff_client):
    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    staff_client.post(reverse("targets:report"), {"target": growth.pk, "period_kind": "quarter", "period": 1,
                                                  "value": "10", "source": "x"})
    response = staff_client.post(reverse("targets:report"), {"target": growth.pk, "period_kind": "month",
                                                             "period": 4, "value": "10", "source": "x"})
    assert "giữ một loại kỳ" in response.content.decode()
    response = staff_client.post(reverse("targets:report"), {"target": growth.pk, "period_kind": "quarter",
                                                             "period": 5, "value": "10", "source": "x"})
    assert "từ 1 đến 4" in response.content.decode()


def _workbook(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Năm", "Mã", "Kỳ", "Số kỳ", "Số liệu", "Nguồn", "Ghi chú"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("so-lieu.xlsx", buffer.getvalue())


def test_excel_import_rejects_bad_rows_and_keeps_good_data(officer_client):
    exports = Target.objects.get(indicator__code="exports", year=2023)
    Actual.objects.create(target=exports, period_kind="quarter", period=1, value=D("7.5"), source="Sở Công Thương")
    bad = _workbook([[2023, "exports", "quý", 2, "8,1", "Cục Thống kê", ""],
                     [2023, "khong-co", "quý", 2, "1", "", ""],
                     [2023, "port-cargo", "tuần", 2, "abc", "", ""]])
    response = officer_client.post(reverse("targets:import"), {"upload": bad})
    body = response.content.decode()
    assert "Dòng 3" in body and "không có chỉ tiêu “khong-co”" in body
    assert "Dòng 4" in body and "phải là “tháng” hoặc “quý”" in body and "không phải là số" in body
    assert list(exports.actuals.values_list("period", "value")) == [(1, D("7.5"))]  # untouched
    good = _workbook([[2023, "exports", "quý", 2, "8,1", "Cục Thống kê", ""],
                      [2023, "port-cargo", "quý", 1, 44, "Cục Thống kê", ""]])
    assert officer_client.post(reverse("targets:import"), {"upload": good}).status_code == 302
    assert exports.actuals.get(period=2).value == D("8.1")


def test_late_reporting_units(officer_client):
    from targets import services

    late = {t.indicator.code: periods for t, periods in services.late_reporters(2023, today=dt.date(2023, 6, 1))}
    assert late["exports"] == "quý 1" and late["tourists"] == "quý 1"
    later = dict((t.indicator.code, p) for t, p in services.late_reporters(2023, today=dt.date(2023, 7, 20)))
    assert later["exports"] == "quý 1, quý 2"  # 15 days after 30/6 have passed
    exports = Target.objects.get(indicator__code="exports", year=2023)
    Actual.objects.create(target=exports, period_kind="quarter", period=1, value=D("7"), source="x")
    late = {t.indicator.code for t, _p in services.late_reporters(2023, today=dt.date(2023, 6, 1))}
    assert "exports" not in late
    assert officer_client.get(reverse("targets:late") + "?year=2023").status_code == 200


def test_dashboard_exports_and_query_count(leader_client, django_assert_max_num_queries):
    url = reverse("targets:dashboard") + "?year=2023"
    # Written first, so that both requests below run in a transaction that has written: both render every list
    # afresh (a select list of rows is reused only for committed data, core/templatetags/portal.py ``_select``).
    Target.objects.filter(year=2023).update(statement=F("statement"))
    with django_assert_max_num_queries(20) as first:
        leader_client.get(url)
    for target in Target.objects.filter(year=2023, kind="numeric"):
        for month in range(1, 13):
            Actual.objects.create(target=target, period_kind="month", period=month, value=D("1"), source="x")
    with django_assert_max_num_queries(len(first.captured_queries)):
        leader_client.get(url)
    xlsx_response = leader_client.get(url + "&format=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet.max_row == 4 + 13  # title, period line, blank row, header, then the 13 targets of 2023
    assert sheet["A4"].value == "Chỉ tiêu" and sheet["E5"].number_format == "#,##0.00"
    pdf = leader_client.get(url + "&format=pdf")
    import subprocess

    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True).stdout.decode()
    assert "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023" in text


def test_board_adds_a_later_years_target(officer_client, staff_client):
    from organisation.models import Unit
    from targets.models import Indicator

    exports = Indicator.objects.get(code="exports")
    unit = Unit.objects.get(code="so-cong-thuong")
    response = officer_client.post(reverse("targets:target_create"), {
        "indicator": exports.pk, "year": 2024, "kind": "numeric", "value_low": "33", "statement":
        "Kim ngạch xuất khẩu đạt 33 tỷ USD", "responsible_unit": unit.pk})
    assert response.status_code == 302
    assert Target.objects.filter(indicator=exports, year=2024).exists()
    assert staff_client.get(reverse("targets:target_create")).status_code == 403
