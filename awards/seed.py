"""The catalogue of titles and forms of commendation of Law 06/2022/QH15 (DOMAIN.md §2)."""

from legal.models import LegalDocument

from .models import AwardCategory as C, AwardLevel as L, AwardType, Decider as D, Subject as S

LAW = ("06/2022/QH15",)

# code, name, category, subject, level, decided by, goes to central
CATALOGUE = [
    ("cstd-toan-quoc", "Chiến sĩ thi đua toàn quốc", C.EMULATION_TITLE, S.INDIVIDUAL, L.STATE, D.PRIME_MINISTER, True),
    ("cstd-thanh-pho", "Chiến sĩ thi đua thành phố", C.EMULATION_TITLE, S.INDIVIDUAL, L.CITY, D.CITY_CHAIRMAN, False),
    ("cstd-co-so", "Chiến sĩ thi đua cơ sở", C.EMULATION_TITLE, S.INDIVIDUAL, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("lao-dong-tien-tien", "Lao động tiên tiến", C.EMULATION_TITLE, S.INDIVIDUAL, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("chien-si-tien-tien", "Chiến sĩ tiên tiến", C.EMULATION_TITLE, S.INDIVIDUAL, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", C.EMULATION_TITLE, S.COLLECTIVE, L.STATE, D.PRIME_MINISTER, True),
    ("co-thi-dua-thanh-pho", "Cờ thi đua của Ủy ban nhân dân thành phố", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY,
     D.CITY_CHAIRMAN, False),
    ("tap-the-ldxs", "Tập thể lao động xuất sắc", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY, D.CITY_CHAIRMAN, False),
    ("don-vi-quyet-thang", "Đơn vị quyết thắng", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY, D.CITY_CHAIRMAN, False),
    ("tap-the-ldtt", "Tập thể lao động tiên tiến", C.EMULATION_TITLE, S.COLLECTIVE, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("don-vi-tien-tien", "Đơn vị tiên tiến", C.EMULATION_TITLE, S.COLLECTIVE, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("xa-phuong-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY, D.CITY_CHAIRMAN,
     False),
    ("thon-to-van-hoa", "Thôn, tổ dân phố văn hóa", C.EMULATION_TITLE, S.COLLECTIVE, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("gia-dinh-van-hoa", "Gia đình văn hóa", C.EMULATION_TITLE, S.HOUSEHOLD, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("huan-chuong-lao-dong-3", "Huân chương Lao động hạng Ba", C.COMMENDATION, S.INDIVIDUAL, L.STATE, D.PRESIDENT, True),
    ("huan-chuong-doc-lap-3", "Huân chương Độc lập hạng Ba", C.COMMENDATION, S.COLLECTIVE, L.STATE, D.PRESIDENT, True),
    ("huan-chuong-dung-cam", "Huân chương Dũng cảm", C.COMMENDATION, S.INDIVIDUAL, L.STATE, D.PRESIDENT, True),
    ("ba-me-viet-nam-anh-hung", "Danh hiệu vinh dự nhà nước “Bà mẹ Việt Nam anh hùng”", C.COMMENDATION, S.INDIVIDUAL,
     L.STATE, D.PRESIDENT, True),
    ("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", C.COMMENDATION, S.INDIVIDUAL, L.STATE,
     D.PRIME_MINISTER, True),
    ("bang-khen-thu-tuong-tap-the", "Bằng khen của Thủ tướng Chính phủ (tập thể)", C.COMMENDATION, S.COLLECTIVE,
     L.STATE, D.PRIME_MINISTER, True),
    ("bang-khen-chu-tich", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố", C.COMMENDATION, S.INDIVIDUAL, L.CITY,
     D.CITY_CHAIRMAN, False),
    ("bang-khen-chu-tich-tap-the", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố (tập thể)", C.COMMENDATION,
     S.COLLECTIVE, L.CITY, D.CITY_CHAIRMAN, False),
    ("bang-khen-chu-tich-ho-gia-dinh", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố (hộ gia đình)",
     C.COMMENDATION, S.HOUSEHOLD, L.CITY, D.CITY_CHAIRMAN, False),
    ("giay-khen", "Giấy khen", C.COMMENDATION, S.INDIVIDUAL, L.GRASSROOTS, D.UNIT_HEAD, False),
    ("giay-khen-tap-the", "Giấy khen (tập thể)", C.COMMENDATION, S.COLLECTIVE, L.GRASSROOTS, D.UNIT_HEAD, False),
]


def seed_award_catalogue() -> int:
    law = LegalDocument.objects.filter(number="06/2022/QH15").first()
    for order, (code, name, category, subject, level, decider, central) in enumerate(CATALOGUE, start=1):
        AwardType.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "category": category, "subject": subject, "level": level,
                "decided_by": decider, "goes_to_central": central, "legal_basis": law, "order": order,
            },
        )
    return len(CATALOGUE)
