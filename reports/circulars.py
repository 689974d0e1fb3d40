"""The statistical forms of the emulation and commendation field (thi đua, khen thưởng), as data, by circular.

Each circular is kept with the day it came into force; a report uses the circular in force on the last day of its
period (``circular_for``). A form is its coded rows and numbered columns; each row and column carries the filter
that selects its awards (or movements) from the form's population, so a cell is the count of the population under
both filters. A row the portal does not record (``q=None``) is printed with its code and left blank for the Board
to fill by hand. Where a code could not be confirmed against the circular's own text, the row says so
(``code=None``) rather than guessing; docs/reports.md lists what was confirmed from where. To correct a code or add
the successor circular, edit the data below: nothing else needs to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from campaigns.models import Authority, MovementKind, Scope
from legal.enums import CommendationType, Subject
from organisation.models import UnitKind


@dataclass(frozen=True)
class Line:
    """A row (with its code, "Mã số") or a column (with its number) of a form."""

    code: str | None
    label: str
    q: Q | None = None  # the filter of the population; None: the portal does not record it
    unit: str = ""  # "Đơn vị tính" of a row
    heading: bool = False  # a heading row ("1. Chia theo …"): no code, no figures


@dataclass(frozen=True)
class Form:
    number: str  # "0601"
    symbol: str  # "0601.N/BNV-TĐKT"
    title: str
    population: str  # which records the cells count: see reports.data.FORM_POPULATIONS
    columns: tuple[Line, ...]
    rows: tuple[Line, ...]
    unit_note: str = ""  # "Đơn vị tính: Phong trào"
    note: str = ""  # what the portal cannot fill, printed under the table


@dataclass(frozen=True)
class Circular:
    number: str  # "02/2023/TT-BNV"
    signed_on: dt.date
    in_force_from: dt.date
    year_start: tuple[int, int]  # (month, day) of the reporting year's first day, in the year before
    due: tuple[int, int]  # (month, day) the report is due, in the reporting year
    forms: tuple[Form, ...] = field(default=())

    def year_bounds(self, year: int) -> tuple[dt.date, dt.date]:
        """The reporting year ``year``: from 01/12 of the year before to 30/11 of ``year`` (for 02/2023)."""
        start = dt.date(year - 1, *self.year_start)
        return start, dt.date(year, start.month, start.day) - dt.timedelta(days=1)

    def due_on(self, year: int) -> dt.date:
        return dt.date(year, *self.due)


NOTHING = Q(pk__isnull=True)  # matches no row (an empty IN would void the whole query)


def _codes(*codes: str) -> Q:
    return Q(award_type__code__in=codes) if codes else NOTHING


def _prefixes(*prefixes: str) -> Q:
    q = NOTHING
    for prefix in prefixes:
        q |= Q(award_type__code__startswith=prefix)
    return q


# Awards, rows shared by 0602 and 0603: who was awarded (organisations counted as organisations, one per award),
# and by which kind of commendation (the dossier's "phương thức khen thưởng").
COLLECTIVE = Q(subject=Subject.COLLECTIVE)
ENTERPRISE = COLLECTIVE & Q(collective_unit__kind=UnitKind.ENTERPRISE)
HOUSEHOLD = Q(subject=Subject.HOUSEHOLD)
INDIVIDUAL = Q(subject=Subject.INDIVIDUAL)
DIRECT_WORKER = INDIVIDUAL & Q(person__is_direct_worker=True)


def _by_subject(heading: str, codes: list[str]) -> tuple[Line, ...]:
    c = iter(codes)
    return (
        Line(None, f"{heading}. Chia theo đối tượng khen thưởng", heading=True),
        Line(next(c), "- Tập thể", COLLECTIVE, "Tập thể"),
        Line(next(c), "Trong đó: Doanh nghiệp", ENTERPRISE, "Doanh nghiệp"),
        Line(next(c), "- Hộ gia đình", HOUSEHOLD, "Hộ"),
        Line(next(c), "- Cá nhân", INDIVIDUAL, "Người"),
        Line(next(c), "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", None, "Người"),
        Line(next(c), "+ Lãnh đạo cấp vụ, sở, ngành và tương đương", None, "Người"),
        Line(next(c), "+ Doanh nhân", None, "Người"),
        Line(next(c), "+ Các cấp lãnh đạo khác từ phó phòng trở lên", None, "Người"),
        Line(next(c), "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
                      "(công nhân, nông dân, …)", DIRECT_WORKER, "Người"),
    )


def _by_method(heading: str, codes: list[str]) -> tuple[Line, ...]:
    t = CommendationType
    pairs = ((t.REGULAR, "- Thường xuyên"), (t.THEMATIC, "- Chuyên đề"), (t.AD_HOC, "- Đột xuất"),
             (t.FOREIGN, "- Đối ngoại"), (t.SERVICE, "- Cống hiến"), (t.TENURE, "- Niên hạn"),
             (t.RESISTANCE, "- Kháng chiến"))
    return (Line(None, f"{heading}. Chia theo phương thức khen thưởng", heading=True),
            *(Line(code, label, Q(submission__commendation_type=kind)) for code, (kind, label) in zip(codes, pairs,
                                                                                                    strict=True)))


def _numbers(first: int, last: int) -> list[str]:
    return [f"{n:02d}" for n in range(first, last + 1)]


# Movements (0601): the column is the level that launched it; rows by scope, duration and way of organising.
CENTRAL_LAUNCH = Q(authority__in=(Authority.CENTRAL, Authority.PRIME_MINISTER))
CITY_LAUNCH = Q(authority__in=(Authority.CITY_CHAIRMAN, Authority.CITY_COMMITTEE))
UNIT_LAUNCH = Q(authority=Authority.DEPARTMENT)
# The duration is annotated by reports.data (months and days of ends_on + 1 − starts_on); none without both dates.
UNDER_ONE_YEAR = Q(span_months__lt=12)
ONE_YEAR = Q(span_months=12, span_days=0)
ONE_TO_THREE = (Q(span_months=12) & ~Q(span_days=0)) | Q(span_months__gt=12, span_months__lt=36)
THREE_TO_FIVE = Q(span_months__gte=36, span_months__lt=60)
FIVE_AND_MORE = Q(span_months__gte=60)

F0601 = Form(
    number="0601", symbol="0601.N/BNV-TĐKT", title="SỐ PHONG TRÀO THI ĐUA", population="movements",
    unit_note="Đơn vị tính: Phong trào",
    columns=(
        Line("1", "Tổng số (1 = 2 + 3 + 4)", Q()),
        Line("2", "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)", CENTRAL_LAUNCH),
        Line("3", "Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương", CITY_LAUNCH),
        Line("4", "Cơ quan, tổ chức, đơn vị", UNIT_LAUNCH),
    ),
    rows=(
        Line("01", "Tổng số", Q()),
        Line(None, "1. Chia theo phạm vi tổ chức thi đua", heading=True),
        Line("02", "- Toàn quốc", Q(scope=Scope.NATIONWIDE)),
        Line("03", "- Bộ, ban, ngành, đoàn thể, địa phương", Q(scope=Scope.CITYWIDE)),
        Line("04", "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", None),
        Line("05", "- Cơ quan, tổ chức, đơn vị", Q(scope=Scope.SECTOR)),
        Line(None, "2. Chia theo thời hạn thi đua", heading=True),
        Line("06", "- Dưới 1 năm", UNDER_ONE_YEAR),
        Line("07", "- 1 năm", ONE_YEAR),
        Line("08", "- Từ 1 năm đến dưới 3 năm", ONE_TO_THREE),
        Line("09", "- Từ 3 năm đến dưới 5 năm", THREE_TO_FIVE),
        Line("10", "- Từ 5 năm trở lên", FIVE_AND_MORE),
        Line(None, "3. Chia theo phương thức tổ chức phong trào thi đua", heading=True),
        Line("11", "- Thi đua theo chuyên đề",
             Q(kind__in=(MovementKind.THEMATIC, MovementKind.FIVE_YEAR, MovementKind.SPECIAL))),
        Line("12", "- Thi đua thường xuyên hằng năm", Q(kind=MovementKind.REGULAR)),
    ),
    note="Phong trào phát động trong kỳ báo cáo (ngày bắt đầu trong kỳ). Dòng 04: Cổng không gắn phong trào với "
         "cụm, khối thi đua. Phong trào chưa có ngày bắt đầu và kết thúc không được chia theo thời hạn.",
)

# 0602: awards of the State (President, Prime Minister) the city proposed, counted when the central result came back.
STATE_ORDERS = _prefixes("huan-chuong-", "huy-chuong-")
HCM_PRIZE = _codes("giai-thuong-ho-chi-minh")
STATE_PRIZE = _codes("giai-thuong-nha-nuoc")
HONOUR_TITLES = _prefixes("anh-hung-", "nha-giao-", "thay-thuoc-", "nghe-si-", "nghe-nhan-", "ba-me-viet-nam-anh-hung")
GOVERNMENT_FLAG = _codes("co-thi-dua-chinh-phu")
PM_CERTIFICATE = _codes("bang-khen-thu-tuong", "bang-khen-thu-tuong-tap-the")
NATIONAL_EMULATION_FIGHTER = _codes("cstd-toan-quoc")
_NAMED_STATE = STATE_ORDERS | HCM_PRIZE | STATE_PRIZE | HONOUR_TITLES | GOVERNMENT_FLAG | PM_CERTIFICATE | \
    NATIONAL_EMULATION_FIGHTER

F0602 = Form(
    number="0602", symbol="0602.N/BNV-TĐKT", title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", population="state_awards",
    columns=(
        Line("1", "Tổng số", Q()),
        Line("2", "Các loại huân chương, huy chương", STATE_ORDERS),
        Line("3", "Giải thưởng Hồ Chí Minh", HCM_PRIZE),
        Line("4", "Giải thưởng Nhà nước", STATE_PRIZE),
        Line("5", "Danh hiệu vinh dự nhà nước", HONOUR_TITLES),
        Line("6", "Cờ thi đua của Chính phủ", GOVERNMENT_FLAG),
        Line("7", "Bằng khen của Thủ tướng Chính phủ", PM_CERTIFICATE),
        Line("8", "Chiến sĩ thi đua toàn quốc", NATIONAL_EMULATION_FIGHTER),
        Line("9", "Các hình thức khen thưởng khác", ~_NAMED_STATE),
    ),
    rows=(
        Line("01", "Tổng số", Q()),
        Line(None, "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng", heading=True),
        Line("02", "- Bộ, ban, ngành, đoàn thể Trung ương", None, "Bộ, ngành"),
        Line("03", "- Tỉnh, thành phố trực thuộc Trung ương", Q(), "Tỉnh, TP"),
        *_by_subject("2", _numbers(6, 14)),
        *_by_method("3", _numbers(15, 21)),
    ),
    note="Khen thưởng do Chủ tịch nước, Thủ tướng Chính phủ quyết định mà thành phố đã trình, tính theo ngày Cổng "
         "ghi nhận kết quả của Trung ương; dòng 02 không thuộc thành phố. Mã số 04, 05 chưa đối chiếu được với văn "
         "bản Thông tư nên không in dòng.",
)

# 0603: the city's own awards (Chairman of the city People's Committee), counted by the decision's date.
CITY_CERTIFICATE = _prefixes("bang-khen-chu-tich")
CITY_EMULATION_FIGHTER = _codes("cstd-thanh-pho")
CITY_FLAG = _codes("co-thi-dua-thanh-pho")
CITY_BADGE = _codes()  # the catalogue holds no badge (huy hiệu, kỷ niệm chương) of the city yet
CITY_COLUMNS = CITY_CERTIFICATE | CITY_EMULATION_FIGHTER | CITY_FLAG | CITY_BADGE

F0603 = Form(
    number="0603", symbol="0603.N/BNV-TĐKT",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    population="city_awards",
    columns=(
        Line("1", "Tổng số (1 = 2 + 3 + 4 + 5)", CITY_COLUMNS),
        Line("2", "Bằng khen", CITY_CERTIFICATE),
        Line("3", "Chiến sĩ thi đua cấp bộ, cấp tỉnh", CITY_EMULATION_FIGHTER),
        Line("4", "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
             CITY_FLAG),
        Line("5", "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
                  "Trung ương", CITY_BADGE),
    ),
    rows=(
        Line("01", "Tổng số", Q()),
        *_by_subject("1", _numbers(2, 10)),
        *_by_method("2", _numbers(11, 17)),
    ),
    note="Khen thưởng do Chủ tịch UBND thành phố quyết định trong kỳ, trừ khen thưởng đã bị hủy bỏ bằng quyết định "
         "ban hành đến hết kỳ. Các danh hiệu cấp thành phố khác (Tập thể lao động xuất sắc, …) không là cột của biểu.",
)

F0604 = Form(
    number="0604", symbol="0604.N/BNV-TĐKT",
    title="SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
          "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    population="manual",
    columns=(Line("1", "Số lượng", Q()),),
    rows=(
        Line("01", "Tổng số", None, "Tổ chức"),
        Line(None, "Chia theo cơ cấu tổ chức bộ máy", heading=True),
        Line("02", "- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", None, "Vụ"),
        Line("03", "- Cấp phòng, ban hoặc bộ phận thuộc Vụ", None, "Phòng"),
        Line("04", "- Cấp ban thuộc Sở Nội vụ", None, "Ban"),
        Line("05", "- Cấp phòng thuộc Sở Nội vụ", None, "Phòng"),
    ),
    note="Cổng không quản lý tổ chức bộ máy: Ban Thi đua - Khen thưởng điền số liệu.",
)

F0605 = Form(
    number="0605", symbol="0605.N/BNV-TĐKT",
    title="SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
          "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    population="manual", unit_note="Đơn vị tính: Người",
    columns=(Line("1", "Tổng số", Q()), Line("2", "Trong đó: Nữ", Q())),
    rows=(
        Line("01", "Tổng số"),
        Line(None, "1. Chia theo độ tuổi", heading=True),
        Line("02", "- Từ 30 trở xuống"), Line("03", "- Từ 31 đến 40"), Line("04", "- Từ 41 đến 50"),
        Line("05", "- Từ 51 đến 55"), Line("06", "- Từ 56 đến 60"), Line("07", "- Trên 60 tuổi"),
        Line(None, "2. Chia theo trình độ đào tạo", heading=True),
        Line("08", "- Sơ cấp"), Line("09", "- Trung cấp"), Line("10", "- Cao đẳng"), Line("11", "- Đại học"),
        Line("12", "- Trên đại học"),
        Line(None, "3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng", heading=True),
        Line("13", "- Dưới 5 năm"), Line("14", "- Từ 5 đến 10 năm"),
        Line(None, "- Từ 10 năm trở lên"),  # code not confirmed (15 by sequence; the source read prints 14 twice)
    ),
    note="Cổng không quản lý hồ sơ công chức (tuổi, trình độ, thâm niên): Ban Thi đua - Khen thưởng điền số liệu. "
         "Mã số của dòng cuối chưa đối chiếu được.",
)

CIRCULARS: tuple[Circular, ...] = (
    Circular(number="02/2023/TT-BNV", signed_on=dt.date(2023, 3, 23), in_force_from=dt.date(2023, 5, 10),
             year_start=(12, 1), due=(12, 15), forms=(F0601, F0602, F0603, F0604, F0605)),
    # Thông tư 18/2025/TT-BNV (08/10/2025, "Quy định Chế độ báo cáo thống kê ngành Nội vụ") may replace it: its
    # date of effect and its forms of this field could not be confirmed, so it is not entered (docs/reports.md).
)


def circular_for(day: dt.date) -> Circular | None:
    """The circular in force on ``day`` (the last day of a report's period), or None before the first one."""
    current = None
    for circular in sorted(CIRCULARS, key=lambda c: c.in_force_from):
        if circular.in_force_from <= day:
            current = circular
    return current


def reporting_year(year: int) -> tuple[dt.date, dt.date]:
    """The reporting year ``year`` of the circular in force at its nominal end (01/12 of year − 1 to 30/11)."""
    circular = circular_for(dt.date(year, 11, 30)) or CIRCULARS[0]
    return circular.year_bounds(year)
