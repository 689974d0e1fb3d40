"""The 2023 targets of Directive 01/CT-UBND item 4 (from Nghị quyết 80/NQ-HĐND), with exact figures."""

import datetime as dt
from decimal import Decimal as D

from legal.models import LegalDocument
from organisation.models import Unit

from .models import (
    Aggregation as A,
    Direction,
    Indicator,
    Plan,
    ProgressThreshold,
    ReportingDeadline,
    Target,
    TargetKind,
)

# code, indicator, measure, aggregation, direction, parent, responsible unit
INDICATORS = [
    ("grdp-growth", "Tốc độ tăng trưởng GRDP", "%", A.POINT, Direction.HIGHER, None, "so-ke-hoach-dau-tu"),
    ("grdp-per-capita", "GRDP bình quân đầu người", "USD", A.POINT, Direction.HIGHER, None, "so-ke-hoach-dau-tu"),
    ("budget-revenue", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", A.CUMULATIVE, Direction.HIGHER, None,
     "so-tai-chinh"),
    ("domestic-revenue", "Thu nội địa", "tỷ đồng", A.CUMULATIVE, Direction.HIGHER, "budget-revenue", "cuc-thue"),
    ("exports", "Kim ngạch xuất khẩu", "tỷ USD", A.CUMULATIVE, Direction.HIGHER, None, "so-cong-thuong"),
    ("port-cargo", "Sản lượng hàng hoá thông qua cảng", "triệu tấn", A.CUMULATIVE, Direction.HIGHER, None,
     "so-giao-thong-van-tai"),
    ("tourists", "Khách du lịch", "triệu lượt", A.CUMULATIVE, Direction.HIGHER, None, "so-du-lich"),
    ("ntm-model-completed", "Xã nông thôn mới kiểu mẫu hoàn thành (từ năm 2022 chuyển sang)", "xã", A.POINT,
     Direction.HIGHER, None, "so-nong-nghiep-ptnt"),
    ("ntm-model-started", "Xã triển khai xây dựng nông thôn mới kiểu mẫu tiếp theo", "xã", A.POINT,
     Direction.HIGHER, None, "so-nong-nghiep-ptnt"),
    ("fdi", "Vốn đầu tư trực tiếp nước ngoài thu hút", "tỷ USD", A.CUMULATIVE, Direction.HIGHER, None,
     "so-ke-hoach-dau-tu"),
    ("poverty-reduction", "Mức giảm tỷ lệ hộ nghèo (chuẩn nghèo quốc gia 2022-2025)", "điểm %", A.POINT,
     Direction.HIGHER, None, "so-lao-dong-tbxh"),
    ("clean-water", "Tỷ lệ hộ dân được sử dụng nước sạch theo tiêu chuẩn", "%", A.POINT, Direction.HIGHER, None,
     "so-xay-dung"),
    ("city-planning", "Quy hoạch thành phố thời kỳ 2021-2030, tầm nhìn đến năm 2050", "", A.POINT,
     Direction.HIGHER, None, "so-ke-hoach-dau-tu"),
]

# code, low, high, about, comparison, statement (as the directive writes it), kind
TARGETS_2023 = [
    ("grdp-growth", D("12.7"), D("13"), True, "so với năm 2022",
     "Tốc độ tăng trưởng GRDP tăng khoảng 12,7% - 13% so với năm 2022", TargetKind.NUMERIC),
    ("grdp-per-capita", D("8150"), None, False, "", "GRDP bình quân đầu người đạt 8.150 USD", TargetKind.NUMERIC),
    ("budget-revenue", D("116442.134"), None, False, "",
     "Thu ngân sách nhà nước trên địa bàn 116.442,134 tỷ đồng", TargetKind.NUMERIC),
    ("domestic-revenue", D("42500"), None, False, "", "trong đó thu nội địa 42.500 tỷ đồng", TargetKind.NUMERIC),
    ("exports", D("31"), None, False, "", "Kim ngạch xuất khẩu đạt 31 tỷ USD", TargetKind.NUMERIC),
    ("port-cargo", D("185"), None, False, "", "Sản lượng hàng hoá thông qua cảng đạt 185 triệu tấn",
     TargetKind.NUMERIC),
    ("tourists", D("7.3"), None, True, "", "Thu hút khách du lịch đạt khoảng 7,3 triệu lượt khách",
     TargetKind.NUMERIC),
    ("ntm-model-completed", D("35"), None, False, "",
     "Hoàn thành xây dựng 35 xã nông thôn mới kiểu mẫu từ năm 2022 chuyển sang", TargetKind.NUMERIC),
    ("ntm-model-started", D("35"), None, False, "",
     "Triển khai xây dựng nông thôn mới kiểu mẫu tại 35 xã tiếp theo năm 2023", TargetKind.NUMERIC),
    ("fdi", D("2.0"), D("2.5"), False, "", "Thu hút 2,0-2,5 tỷ USD vốn đầu tư trực tiếp nước ngoài",
     TargetKind.NUMERIC),
    ("poverty-reduction", D("0.4"), None, False, "",
     "Mức giảm tỷ lệ hộ nghèo (theo chuẩn nghèo quốc gia giai đoạn 2022-2025) là 0,4%", TargetKind.NUMERIC),
    ("clean-water", D("100"), None, False, "", "Tỷ lệ hộ dân được sử dụng nước sạch theo tiêu chuẩn đạt 100%",
     TargetKind.NUMERIC),
    ("city-planning", None, None, False, "",
     "Hoàn thành và triển khai thực hiện Quy hoạch thành phố thời kỳ 2021-2030, tầm nhìn đến năm 2050 được phê "
     "duyệt", TargetKind.MILESTONE),
]


def allowed_range(measure: str) -> dict:
    """The figures a unit may report: a rate of growth or a share between -100 % and 100 %; amounts and counts
    (revenue, exports, visitors, communes, …) never below zero."""
    if measure == "%":
        return {"allowed_min": -100, "allowed_max": 100}
    return {"allowed_min": 0, "allowed_max": None}


def seed_targets() -> int:
    plan, _ = Plan.objects.get_or_create(
        name="Kế hoạch phát triển kinh tế - xã hội thành phố 5 năm 2021 - 2025",
        defaults={"start_year": 2021, "end_year": 2025})
    basis = LegalDocument.objects.get(number="80/NQ-HĐND")
    units = {u.code: u for u in Unit.objects.all()}
    indicators = {}
    for order, (code, name, measure, aggregation, direction, parent, _unit_code) in enumerate(INDICATORS, start=1):
        indicators[code], _ = Indicator.objects.update_or_create(code=code, defaults={
            "name": name, "measure": measure, "aggregation": aggregation, "direction": direction,
            "parent": indicators.get(parent), "order": order})
    for code, low, high, about, comparison, statement, kind in TARGETS_2023:
        unit_code = next(row[6] for row in INDICATORS if row[0] == code)
        Target.objects.update_or_create(indicator=indicators[code], year=2023, defaults={
            "plan": plan, "kind": kind, "value_low": low, "value_high": high, "is_about": about,
            "comparison": comparison, "statement": statement, "responsible_unit": units[unit_code],
            "legal_basis": basis, **allowed_range(indicators[code].measure)})
    ProgressThreshold.objects.get_or_create(effective_from=dt.date(2023, 1, 1), defaults={
        "on_track_percent": 100, "at_risk_percent": 90, "about_tolerance_percent": 3,
        "basis": "Quy ước theo dõi của Ban TĐKT (tham số, điều chỉnh được)"})
    for kind, days in (("month", 10), ("quarter", 15)):
        ReportingDeadline.objects.get_or_create(period_kind=kind, defaults={
            "days_after": days, "basis": "Chế độ báo cáo định kỳ (tham số, điều chỉnh được)"})
    return len(TARGETS_2023)
