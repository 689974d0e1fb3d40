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


# Documents a regular (non ad hoc) dossier must include, per award (DOMAIN.md §4).
REQUIRED_ATTACHMENTS = {
    "cstd-toan-quoc": ["council_minutes", "ballot_result", "initiative_recognition"],
    "cstd-thanh-pho": ["council_minutes", "ballot_result", "initiative_recognition"],
    "co-thi-dua-thanh-pho": ["council_minutes"],
    "tap-the-ldxs": ["council_minutes"],
    "bang-khen-chu-tich": ["council_minutes"],
    "bang-khen-chu-tich-tap-the": ["council_minutes"],
    "bang-khen-thu-tuong": ["council_minutes", "earlier_decision"],
    "bang-khen-thu-tuong-tap-the": ["council_minutes", "earlier_decision"],
}

REPORT_TEMPLATE = (
    "I. SƠ LƯỢC LÝ LỊCH / ĐẶC ĐIỂM, TÌNH HÌNH\n"
    "II. THÀNH TÍCH ĐẠT ĐƯỢC\n  1. Kết quả thực hiện nhiệm vụ\n  2. Sáng kiến, giải pháp (nếu có)\n"
    "  3. Việc thực hiện chủ trương, chính sách; phong trào thi đua\n"
    "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG\n"
)

# Deadlines and thresholds the workflow enforces. Values marked "cần xác minh" await the official text.
PARAMETERS = [
    ("appraisal_working_days", None, "20", "Quy trình thẩm định hồ sơ của Ban TĐKT (cần xác minh)"),
    ("resubmit_working_days", None, "10", "Thời hạn đơn vị bổ sung hồ sơ (cần xác minh)"),
    ("public_comment_days", None, "5", "Lấy ý kiến trên Cổng thông tin điện tử (cần xác minh)"),
    ("vote_pass_share", None, "0.5", "Quy chế Hội đồng TĐKT: trên 50% tổng số phiếu (cần xác minh)"),
]


def seed_award_catalogue() -> int:
    from datetime import date

    from .models import Parameter

    law = LegalDocument.objects.filter(number="06/2022/QH15").first()
    for order, (code, name, category, subject, level, decider, central) in enumerate(CATALOGUE, start=1):
        AwardType.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "category": category, "subject": subject, "level": level,
                "decided_by": decider, "goes_to_central": central, "legal_basis": law, "order": order,
                "requires_public_comment": central, "required_attachments": REQUIRED_ATTACHMENTS.get(code, []),
                "report_template": REPORT_TEMPLATE,
            },
        )
    for key, _award_code, value, article in PARAMETERS:
        Parameter.objects.get_or_create(
            key=key, award_type=None, effective_from=date(2024, 1, 1),
            defaults={"value": value, "legal_basis": law, "article": article},
        )
        # The same values under the 2003 law and Decree 91/2017 for dates before 2024.
        Parameter.objects.get_or_create(
            key=key, award_type=None, effective_from=date(2017, 9, 15),
            defaults={"value": value, "effective_to": date(2023, 12, 31),
                      "article": "Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP (cần xác minh)"},
        )
    return len(CATALOGUE)
