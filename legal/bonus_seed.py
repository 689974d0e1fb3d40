"""Bonus amounts as data (docs/fund.md cites each decree and article): the base salary by period and each
award's multiple of it, with the decree and article they come from. Awards whose amount was not retrieved have
no row for the period: the portal shows "chưa có mức tiền thưởng" for them until the Board records
the rate (admin: Mức tiền thưởng)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .models import AwardType, BaseSalary, BonusRate, Parameter

BASE_SALARIES = [
    (1_490_000, date(2019, 7, 1), date(2023, 6, 30), "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, date(2023, 7, 1), date(2024, 6, 30), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, date(2024, 7, 1), None, "Nghị định 73/2024/NĐ-CP"),
]

OLD = (date(2017, 9, 15), date(2023, 12, 31))
ND98 = (date(2024, 1, 1), date(2025, 6, 30))
ND152 = (date(2025, 7, 1), None)

# Emulation titles: the same multiples in Decree 98/2023 Art 54 and Decree 152/2025 Art 50; Decree 91/2017 Art 70
# for dates before 2024 (cần xác minh).
TITLES = {
    "cstd-toan-quoc": "4.5", "cstd-thanh-pho": "3.0", "cstd-co-so": "1.0", "lao-dong-tien-tien": "0.3",
    "chien-si-tien-tien": "0.3", "tap-the-ldxs": "1.5", "don-vi-quyet-thang": "1.5", "tap-the-ldtt": "0.8",
    "don-vi-tien-tien": "0.8", "thon-to-van-hoa": "1.5", "co-thi-dua-chinh-phu": "12.0",
    "co-thi-dua-thanh-pho": "8.0",
}
# A title of Law 06/2022 (Art 29): no amount before 2024.
NEW_TITLES = {"xa-phuong-tieu-bieu": "2.0"}

# Orders for collectives, Decree 152/2025 Art 51 (from 01/7/2025).
ORDERS_COLLECTIVE = {
    "huan-chuong-sao-vang-tap-the": "92", "huan-chuong-ho-chi-minh-tap-the": "61",
    "huan-chuong-doc-lap-1-tap-the": "30", "huan-chuong-quan-cong-1-tap-the": "30",
    "huan-chuong-doc-lap-2-tap-the": "25", "huan-chuong-quan-cong-2-tap-the": "25",
    "huan-chuong-lao-dong-1-tap-the": "18", "huan-chuong-chien-cong-1-tap-the": "18",
    "huan-chuong-bao-ve-to-quoc-1-tap-the": "18", "huan-chuong-lao-dong-2-tap-the": "15",
    "huan-chuong-chien-cong-2-tap-the": "15", "huan-chuong-bao-ve-to-quoc-2-tap-the": "15",
    "huan-chuong-dai-doan-ket-tap-the": "15", "huan-chuong-lao-dong-3-tap-the": "9",
    "huan-chuong-chien-cong-3-tap-the": "9", "huan-chuong-bao-ve-to-quoc-3-tap-the": "9",
    "huan-chuong-dung-cam-tap-the": "9",
}

# State honorary titles, Decree 98/2023 Art 56 (collectives double); carried into Decree 152/2025 (cần xác minh).
HONOURS = {
    "ba-me-viet-nam-anh-hung": "15.5", "anh-hung-lao-dong": "15.5", "anh-hung-llvt": "15.5",
    "anh-hung-lao-dong-tap-the": "31.0", "anh-hung-llvt-tap-the": "31.0",
    "nha-giao-nhan-dan": "12.5", "thay-thuoc-nhan-dan": "12.5", "nghe-si-nhan-dan": "12.5",
    "nghe-nhan-nhan-dan": "12.5", "nha-giao-uu-tu": "9.0", "thay-thuoc-uu-tu": "9.0", "nghe-si-uu-tu": "9.0",
    "nghe-nhan-uu-tu": "9.0",
}

# Bằng khen and Giấy khen for collectives, Decree 152/2025 Art 54 (from 01/7/2025); individuals and households in
# COMMENDATIONS below.
COMMENDATIONS_COLLECTIVE = {
    "bang-khen-thu-tuong-tap-the": "7", "bang-khen-chu-tich-tap-the": "3", "bang-khen-bo-nganh-tap-the": "3",
    "giay-khen-tap-the": "0.6",
}


# Bằng khen for individuals, households and collectives by period (the rows a decree gives; "None" records that the
# amount of the period was not confirmed in a published text: the officer sees "chưa có mức", never 0 đ).
# Decree 91/2017 Art 73: Bằng khen Thủ tướng 3,5 and cấp bộ/tỉnh 1,0 times the base salary for an individual
# (73.1.a, b), a collective twice the individual's (73.2); Decree 152/2025 Art 54.1: 3,5 and 1,5 for an individual.
COMMENDATIONS = [
    # (award, multiple or None, period, legal basis)
    ("bang-khen-thu-tuong", "3.5", OLD, "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 điểm a"),
    ("bang-khen-chu-tich", "1.0", OLD, "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 điểm b"),
    ("bang-khen-bo-nganh", "1.0", OLD, "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 điểm b"),
    ("bang-khen-thu-tuong-tap-the", "7.0", OLD,
     "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 2 (gấp hai lần mức của cá nhân; cần xác minh điểm)"),
    ("bang-khen-chu-tich-tap-the", "2.0", OLD,
     "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 2 (gấp hai lần mức của cá nhân; cần xác minh điểm)"),
    ("bang-khen-bo-nganh-tap-the", "2.0", OLD,
     "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 2 (gấp hai lần mức của cá nhân; cần xác minh điểm)"),
    ("bang-khen-chu-tich-ho-gia-dinh", None, OLD,
     "Nghị định 91/2017/NĐ-CP, Điều 73 (mức của hộ gia đình chưa xác minh được trong văn bản)"),
    *((code, None, ND98, "Nghị định 98/2023/NĐ-CP, Điều 58 (mức chưa xác minh được trong văn bản)") for code in (
        "bang-khen-thu-tuong", "bang-khen-chu-tich", "bang-khen-bo-nganh", "bang-khen-thu-tuong-tap-the",
        "bang-khen-chu-tich-tap-the", "bang-khen-bo-nganh-tap-the", "bang-khen-chu-tich-ho-gia-dinh")),
    ("bang-khen-thu-tuong", "3.5", ND152, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1"),
    ("bang-khen-chu-tich", "1.5", ND152, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1"),
    ("bang-khen-bo-nganh", "1.5", ND152, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1"),
    ("bang-khen-chu-tich-ho-gia-dinh", "2.25", ND152,
     "Nghị định 152/2025/NĐ-CP, Điều 54 (hộ gia đình 1,5 lần mức của cá nhân 1,5; cần xác minh khoản)"),
]


def rate_rows():
    """(award code, multiple, from, to, legal basis) of every rate the portal knows."""
    for code, multiple in TITLES.items():
        yield code, multiple, *OLD, "Nghị định 91/2017/NĐ-CP, Điều 70 (cần xác minh)"
    for code, multiple in {**TITLES, **NEW_TITLES}.items():
        yield code, multiple, *ND98, "Nghị định 98/2023/NĐ-CP, Điều 54"
        yield code, multiple, *ND152, "Nghị định 152/2025/NĐ-CP, Điều 50"
    for code, multiple in ORDERS_COLLECTIVE.items():
        yield code, multiple, *ND152, "Nghị định 152/2025/NĐ-CP, Điều 51"
    for code, multiple in HONOURS.items():
        yield code, multiple, *ND98, "Nghị định 98/2023/NĐ-CP, Điều 56"
        yield code, multiple, *ND152, "Nghị định 152/2025/NĐ-CP (cần xác minh; mức của Nghị định 98/2023, Điều 56)"
    for code, multiple in COMMENDATIONS_COLLECTIVE.items():
        yield code, multiple, *ND152, "Nghị định 152/2025/NĐ-CP, Điều 54"
    for code, multiple, (start, end), basis in COMMENDATIONS:
        yield code, multiple, start, end, basis


# Rounding up to tens of thousands of đồng, and "several titles for one achievement: the highest bonus only".
PARAMETERS = [
    ("bonus_round_up_to", "10000", *OLD, "Nghị định 91/2017/NĐ-CP, Điều 70 (cần xác minh)"),
    ("bonus_round_up_to", "10000", *ND98, "Nghị định 98/2023/NĐ-CP (cần xác minh)"),
    ("bonus_round_up_to", "10000", *ND152, "Nghị định 152/2025/NĐ-CP, Điều 49"),
    ("bonus_highest_title_only", "1", *OLD, "Nghị định 91/2017/NĐ-CP, Điều 70 khoản 4 (cần xác minh)"),
    ("bonus_highest_title_only", "1", *ND98, "Nghị định 98/2023/NĐ-CP (cần xác minh)"),
    ("bonus_highest_title_only", "1", *ND152, "Nghị định 152/2025/NĐ-CP, Điều 49 (cần xác minh)"),
]


def seed_bonus_rates() -> int:
    for amount, start, end, basis in BASE_SALARIES:
        BaseSalary.objects.update_or_create(effective_from=start, defaults={
            "amount": amount, "effective_to": end, "legal_basis": basis})
    awards = {a.code: a for a in AwardType.objects.all()}
    count = 0
    for code, multiple, start, end, basis in rate_rows():
        if code in awards:
            BonusRate.objects.update_or_create(award_type=awards[code], effective_from=start, defaults={
                "multiple": Decimal(multiple) if multiple is not None else None, "effective_to": end,
                "legal_basis": basis})
            count += 1
    for key, value, start, end, article in PARAMETERS:
        Parameter.objects.update_or_create(key=key, award_type=None, effective_from=start, defaults={
            "value": Decimal(value), "effective_to": end, "article": article})
    return count
