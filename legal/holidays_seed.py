"""The working-day calendar as each year's schedule was announced (legal.Holiday rows).

Fixed-date holidays come from the Labour Code 2019 (Law 45/2019/QH14), Art 112.1; when one falls on a weekend the
next working day is off in compensation (Art 111.3). Tết and the Hùng Kings' day follow the lunar calendar and the
days off around them (and any swap with a Saturday worked, làm bù) are set by the Government's announcement each
year: the seed holds the years whose schedule was published (2023–2026) and, for the years after, only the fixed-date
days and their compensations, so that a deadline never falls on 01/01/2027. The Board enters each new year's Tết and
Hùng Kings' day on /phap-ly/ngay-nghi/ when it is announced; the page says which years still lack them.

Seeding never changes a row already there: a day the Board corrected stays as the Board left it.
"""

from __future__ import annotations

import datetime as dt

from .enums import DayKind, Occasion
from .models import Holiday

D = dt.date
LABOUR_CODE = "Bộ luật Lao động 2019 (Luật 45/2019/QH14), Điều 112 khoản 1"
COMPENSATION = "Bộ luật Lao động 2019, Điều 111 khoản 3: ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù"


def _announced(year: int, ministry: str) -> str:
    return f"Thông báo lịch nghỉ lễ, Tết năm {year} của {ministry} (theo Bộ luật Lao động 2019, Điều 112)"


MOLISA, MOHA = "Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"
H, OFF, WORK = DayKind.HOLIDAY, DayKind.DAY_OFF, DayKind.WORKING_DAY
OC = Occasion

TET, HUNG = "Nghỉ Tết Âm lịch", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
FIXED = [  # (month, day, occasion, name)
    (1, 1, OC.NEW_YEAR, "Tết Dương lịch"),
    (4, 30, OC.VICTORY_DAY, "Ngày Chiến thắng (30/4)"),
    (5, 1, OC.LABOUR_DAY, "Ngày Quốc tế Lao động (1/5)"),
    (9, 2, OC.NATIONAL_DAY, "Quốc khánh (2/9)"),
]

# The announced days of the years whose schedule was published: (date, occasion, kind, name, basis).
ANNOUNCED = [
    (D(2023, 1, 2), OC.NEW_YEAR, OFF, "Nghỉ bù Tết Dương lịch (01/01 là Chủ nhật)", COMPENSATION),
    *[(D(2023, 1, d), OC.LUNAR_NEW_YEAR, H, TET, _announced(2023, MOLISA)) for d in (20, 23, 24, 25, 26)],
    (D(2023, 4, 29), OC.HUNG_KINGS, H, HUNG, LABOUR_CODE),
    (D(2023, 5, 2), OC.HUNG_KINGS, OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (29/4 là thứ Bảy)", COMPENSATION),
    (D(2023, 5, 3), OC.VICTORY_DAY, OFF, "Nghỉ bù Ngày Chiến thắng (30/4 là Chủ nhật)", COMPENSATION),
    (D(2023, 9, 1), OC.NATIONAL_DAY, H, "Quốc khánh (ngày liền kề)", _announced(2023, MOLISA)),
    (D(2023, 9, 4), OC.NATIONAL_DAY, OFF, "Nghỉ bù Quốc khánh (2/9 là thứ Bảy)", COMPENSATION),
    *[(D(2024, 2, d), OC.LUNAR_NEW_YEAR, H, TET, _announced(2024, MOLISA)) for d in (8, 9, 12, 13, 14)],
    (D(2024, 4, 18), OC.HUNG_KINGS, H, HUNG, LABOUR_CODE),
    (D(2024, 4, 29), OC.VICTORY_DAY, OFF, "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)", _announced(2024, MOLISA)),
    (D(2024, 5, 4), OC.VICTORY_DAY, WORK, "Làm bù cho ngày nghỉ 29/4/2024", _announced(2024, MOLISA)),
    (D(2024, 9, 3), OC.NATIONAL_DAY, H, "Quốc khánh (ngày liền kề)", _announced(2024, MOLISA)),
    *[(D(2025, 1, d), OC.LUNAR_NEW_YEAR, H, TET, _announced(2025, MOLISA)) for d in (27, 28, 29, 30, 31)],
    (D(2025, 4, 7), OC.HUNG_KINGS, H, HUNG, LABOUR_CODE),
    (D(2025, 5, 2), OC.LABOUR_DAY, OFF, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", _announced(2025, MOLISA)),
    (D(2025, 4, 26), OC.LABOUR_DAY, WORK, "Làm bù cho ngày nghỉ 02/5/2025", _announced(2025, MOLISA)),
    (D(2025, 9, 1), OC.NATIONAL_DAY, H, "Quốc khánh (ngày liền kề)", _announced(2025, MOLISA)),
    *[(D(2026, 2, d), OC.LUNAR_NEW_YEAR, H, TET, _announced(2026, MOHA)) for d in (16, 17, 18, 19, 20)],
    (D(2026, 4, 26), OC.HUNG_KINGS, H, HUNG, LABOUR_CODE),
    (D(2026, 4, 27), OC.HUNG_KINGS, OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)", COMPENSATION),
]
FIXED_YEARS = range(2023, 2031)


def _compensations(rows: dict) -> list:
    """Art 111.3: a fixed-date holiday on a weekend gives the next working day off (years not announced)."""
    extra = []
    for day, (occasion, kind, name, _basis) in sorted(rows.items()):
        if kind != H or day.weekday() < 5 or day.year <= 2026:
            continue
        off = day + dt.timedelta(days=1)
        while off.weekday() >= 5 or off in rows or any(e[0] == off for e in extra):
            off += dt.timedelta(days=1)
        extra.append((off, occasion, OFF, f"Nghỉ bù {name}", COMPENSATION))
    return extra


def calendar_rows() -> dict:
    rows = {D(year, month, day): (occasion, H, name, LABOUR_CODE)
            for year in FIXED_YEARS for month, day, occasion, name in FIXED}
    for day, occasion, kind, name, basis in ANNOUNCED:
        rows[day] = (occasion, kind, name, basis)
    for day, occasion, kind, name, basis in _compensations(rows):
        rows[day] = (occasion, kind, name, basis)
    return rows


def seed_holidays() -> int:
    """Create the calendar's days that are missing; a day already recorded is left as it is."""
    for day, (occasion, kind, name, basis) in calendar_rows().items():
        Holiday.objects.get_or_create(date=day, defaults={
            "occasion": occasion, "kind": kind, "name": name, "basis": basis})
    return Holiday.objects.count()
