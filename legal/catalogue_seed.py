"""The catalogue of titles and forms of commendation of Law 06/2022/QH15 (titles Art 21–29, orders Art 33, medals
Art 54, state honorary titles Art 59, prizes Art 66–67, Kỷ niệm chương Art 71; each group below cites its article)."""

from datetime import date, timedelta

from .enums import AwardCategory as C, AwardLevel as L, Decider as D, Subject as S
from .models import AwardType, AwardTypeName, DecidingAuthority, LegalDocument, Parameter

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
    ("thon-to-van-hoa", "Thôn, tổ dân phố văn hóa", C.EMULATION_TITLE, S.COLLECTIVE, L.GRASSROOTS, D.COMMUNE_CHAIRMAN,
     False),
    ("gia-dinh-van-hoa", "Gia đình văn hóa", C.EMULATION_TITLE, S.HOUSEHOLD, L.GRASSROOTS, D.COMMUNE_CHAIRMAN,
     False),
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



# Law 06/2022 Art 33: the ten orders (Huân chương), with their classes; each for individuals and collectives.
ORDERS = [
    ("sao-vang", "Huân chương Sao vàng", [""]), ("ho-chi-minh", "Huân chương Hồ Chí Minh", [""]),
    ("doc-lap", "Huân chương Độc lập", ["1", "2", "3"]), ("quan-cong", "Huân chương Quân công", ["1", "2", "3"]),
    ("lao-dong", "Huân chương Lao động", ["1", "2", "3"]),
    ("bao-ve-to-quoc", "Huân chương Bảo vệ Tổ quốc", ["1", "2", "3"]),
    ("chien-cong", "Huân chương Chiến công", ["1", "2", "3"]), ("dung-cam", "Huân chương Dũng cảm", [""]),
    ("dai-doan-ket", "Huân chương Đại đoàn kết dân tộc", [""]), ("huu-nghi", "Huân chương Hữu nghị", [""]),
]
CLASS_NAMES = {"1": "hạng Nhất", "2": "hạng Nhì", "3": "hạng Ba"}
# Codes the portal used before the catalogue was complete keep their meaning.
KEPT_CODES = {("huan-chuong-doc-lap-3", S.COLLECTIVE)}


def _order_code(base: str, subject: str) -> str:
    """Individuals take the plain code and collectives "-tap-the", except where an earlier code meant otherwise."""
    if (base, subject) in KEPT_CODES:
        return base
    if (base, S.COLLECTIVE) in KEPT_CODES:
        return base + "-ca-nhan"
    return base if subject == S.INDIVIDUAL else base + "-tap-the"


def _orders():
    for slug, name, classes in ORDERS:
        for cls in classes:
            base = f"huan-chuong-{slug}" + (f"-{cls}" if cls else "")
            full = name + (f" {CLASS_NAMES[cls]}" if cls else "")
            for subject, label in ((S.INDIVIDUAL, ""), (S.COLLECTIVE, " (tập thể)")):
                code = _order_code(base, subject)
                yield (code, full + label, C.COMMENDATION, subject, L.STATE, D.PRESIDENT, True)
    # Huân chương Độc lập for families with many martyrs: the class follows the number of martyrs (data).
    for cls in ("1", "2", "3"):
        yield (f"huan-chuong-doc-lap-{cls}-gia-dinh", f"Huân chương Độc lập {CLASS_NAMES[cls]} (gia đình liệt sĩ)",
               C.COMMENDATION, S.HOUSEHOLD, L.STATE, D.PRESIDENT, True)


# Art 54: medals (armed forces and foreigners); Art 59: state honorary titles; Art 66–67 prizes; Art 71.
STATE_AWARDS = [
    ("huy-chuong-quan-ky-quyet-thang", "Huy chương Quân kỳ quyết thắng", S.INDIVIDUAL),
    ("huy-chuong-vi-an-ninh-to-quoc", "Huy chương Vì an ninh Tổ quốc", S.INDIVIDUAL),
    ("huy-chuong-chien-si-ve-vang-1", "Huy chương Chiến sĩ vẻ vang hạng Nhất", S.INDIVIDUAL),
    ("huy-chuong-chien-si-ve-vang-2", "Huy chương Chiến sĩ vẻ vang hạng Nhì", S.INDIVIDUAL),
    ("huy-chuong-chien-si-ve-vang-3", "Huy chương Chiến sĩ vẻ vang hạng Ba", S.INDIVIDUAL),
    ("huy-chuong-huu-nghi", "Huy chương Hữu nghị", S.INDIVIDUAL),
    ("anh-hung-llvt", "Danh hiệu “Anh hùng Lực lượng vũ trang nhân dân”", S.INDIVIDUAL),
    ("anh-hung-llvt-tap-the", "Danh hiệu “Anh hùng Lực lượng vũ trang nhân dân” (tập thể)", S.COLLECTIVE),
    ("anh-hung-lao-dong", "Danh hiệu “Anh hùng Lao động”", S.INDIVIDUAL),
    ("anh-hung-lao-dong-tap-the", "Danh hiệu “Anh hùng Lao động” (tập thể)", S.COLLECTIVE),
    ("nha-giao-nhan-dan", "Danh hiệu “Nhà giáo nhân dân”", S.INDIVIDUAL),
    ("nha-giao-uu-tu", "Danh hiệu “Nhà giáo ưu tú”", S.INDIVIDUAL),
    ("thay-thuoc-nhan-dan", "Danh hiệu “Thầy thuốc nhân dân”", S.INDIVIDUAL),
    ("thay-thuoc-uu-tu", "Danh hiệu “Thầy thuốc ưu tú”", S.INDIVIDUAL),
    ("nghe-si-nhan-dan", "Danh hiệu “Nghệ sĩ nhân dân”", S.INDIVIDUAL),
    ("nghe-si-uu-tu", "Danh hiệu “Nghệ sĩ ưu tú”", S.INDIVIDUAL),
    ("nghe-nhan-nhan-dan", "Danh hiệu “Nghệ nhân nhân dân”", S.INDIVIDUAL),
    ("nghe-nhan-uu-tu", "Danh hiệu “Nghệ nhân ưu tú”", S.INDIVIDUAL),
    ("giai-thuong-ho-chi-minh", "Giải thưởng Hồ Chí Minh", S.INDIVIDUAL),
    ("giai-thuong-nha-nuoc", "Giải thưởng Nhà nước", S.INDIVIDUAL),
]
OTHER_AWARDS = [
    # Kỷ niệm chương (Art 71) and a ministry's Bằng khen: given by central bodies, recorded as earlier awards.
    ("ky-niem-chuong", "Kỷ niệm chương", C.COMMENDATION, S.INDIVIDUAL, L.STATE, D.MINISTER, False),
    ("bang-khen-bo-nganh", "Bằng khen của Bộ, ban, ngành Trung ương", C.COMMENDATION, S.INDIVIDUAL, L.STATE,
     D.MINISTER, False),
    ("bang-khen-bo-nganh-tap-the", "Bằng khen của Bộ, ban, ngành Trung ương (tập thể)", C.COMMENDATION,
     S.COLLECTIVE, L.STATE, D.MINISTER, False),
]


def full_catalogue():
    yield from CATALOGUE
    yield from _orders()
    for code, name, subject in STATE_AWARDS:
        yield (code, name, C.COMMENDATION, subject, L.STATE, D.PRESIDENT, True)
    yield from OTHER_AWARDS


# Who decides (Law 06/2022 Art 77–80; the same split under the old law), by period. A title a unit head
# decides is the unit's own decision.
REFORM = date(2025, 7, 1)
AUTHORITY_BASIS = {
    D.PRESIDENT: ("Luật TĐKT 06/2022/QH15", "Điều 77"), D.PRIME_MINISTER: ("Luật TĐKT 06/2022/QH15", "Điều 78"),
    D.CITY_CHAIRMAN: ("Luật TĐKT 06/2022/QH15", "Điều 79"), D.UNIT_HEAD: ("Luật TĐKT 06/2022/QH15", "Điều 80"),
    D.MINISTER: ("Luật TĐKT 06/2022/QH15", "Điều 79"),
}

# The titles of Decree 86/2023/NĐ-CP (in force from 30/01/2024; Decree 122/2018/NĐ-CP before it), who decides each
# (docs/law.md, "The titles of Decree 86/2023"): the commune chairman decides Gia đình văn hóa (Art 8.1, the dossier of
# Art 7.1 "trình Chủ tịch Ủy ban nhân dân cấp xã quyết định"); the district chairman Thôn, tổ dân phố văn hóa (the
# commune's dossier of Art 7.2 "trình Chủ tịch Ủy ban nhân dân cấp huyện quyết định") until the districts end on
# 30/6/2025, the commune chairman from 01/7/2025 (Decree 137/2025/NĐ-CP, the two-level local government in the field
# of culture); the city Chairman Xã, phường, thị trấn tiêu biểu (Form 12 of Appendix IV: the decision of the
# provincial People's Committee, after the provincial Council, Form 09). Article numbers not read in the published
# text say "cần xác minh".
D86_FROM = date(2024, 1, 30)
CULTURE_TITLES = {
    "gia-dinh-van-hoa": [
        (D.COMMUNE_CHAIRMAN, "Nghị định 122/2018/NĐ-CP", "(cần xác minh số điều)", date(2004, 1, 1),
         D86_FROM - timedelta(days=1)),
        (D.COMMUNE_CHAIRMAN, "Nghị định 86/2023/NĐ-CP", "Điều 8 khoản 1 (hồ sơ: Điều 7 khoản 1; cần xác minh số điều)",
         D86_FROM, None),
    ],
    "thon-to-van-hoa": [
        (D.DISTRICT_CHAIRMAN, "Nghị định 122/2018/NĐ-CP", "(cần xác minh số điều)", date(2004, 1, 1),
         D86_FROM - timedelta(days=1)),
        (D.DISTRICT_CHAIRMAN, "Nghị định 86/2023/NĐ-CP", "Điều 8 khoản 2 (hồ sơ: Điều 7 khoản 2; cần xác minh số điều)",
         D86_FROM, REFORM - timedelta(days=1)),
        (D.COMMUNE_CHAIRMAN, "Nghị định 137/2025/NĐ-CP", "phân định thẩm quyền cấp huyện cho cấp xã (cần xác minh số "
         "điều)", REFORM, None),
    ],
    "xa-phuong-tieu-bieu": [
        # The title is new in Law 06/2022 (Art 29): nobody awards it before 2024.
        (D.CITY_CHAIRMAN, "Luật TĐKT 06/2022/QH15", "Điều 29, Điều 79 (cần xác minh)", date(2024, 1, 1),
         D86_FROM - timedelta(days=1)),
        (D.CITY_CHAIRMAN, "Nghị định 86/2023/NĐ-CP", "Điều 8 khoản 3, Mẫu số 12 Phụ lục IV (cần xác minh số điều)",
         D86_FROM, None),
    ],
}
LOCAL_TITLES = {code for code, rows in CULTURE_TITLES.items() if rows[-1][0] != D.CITY_CHAIRMAN}


def authorities(code: str, decider: str):
    """(decider, basis, article, from, to) rows of one award."""
    if code in CULTURE_TITLES:
        yield from CULTURE_TITLES[code]
        return
    basis, article = AUTHORITY_BASIS[decider]
    yield (decider, basis, article, date(2024, 1, 1), None)
    yield (decider, "Luật TĐKT 2003 (sửa đổi 2013)", "Điều 77–80 (cần xác minh)", date(2004, 1, 1),
           date(2023, 12, 31))


# Names that a decree changed: the old name stays for earlier dates.
RENAMES = [
    ("xa-phuong-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", "Luật TĐKT 06/2022/QH15, Điều 29", None,
     REFORM - timedelta(days=1)),
    ("xa-phuong-tieu-bieu", "Xã, phường, đặc khu tiêu biểu", "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 2 điểm c",
     REFORM, None),
]


# Documents a regular (non ad hoc) dossier must include, per award (docs/awards.md, "Rules of the workflow").
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

# Public comment on the portal before the Council (docs/awards.md, `/lay-y-kien/`; verify): orders, state honorary titles,
# the Hồ Chí Minh and State prizes, Chiến sĩ thi đua toàn quốc.
PUBLIC_COMMENT = {"cstd-toan-quoc", "ba-me-viet-nam-anh-hung", "giai-thuong-ho-chi-minh", "giai-thuong-nha-nuoc",
                  "nha-giao-nhan-dan", "nha-giao-uu-tu", "thay-thuoc-nhan-dan", "thay-thuoc-uu-tu",
                  "nghe-si-nhan-dan", "nghe-si-uu-tu", "nghe-nhan-nhan-dan", "nghe-nhan-uu-tu"}

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


# Decree 98/2023 Art 30.7 (and 152/2025, verify): shares of ALL Council members voting in favour, secret ballot.
MEMBER_THRESHOLDS = [
    (("cstd-thanh-pho", "cstd-toan-quoc", "anh-hung-lao-dong", "anh-hung-lao-dong-tap-the", "anh-hung-llvt",
      "anh-hung-llvt-tap-the"), "0.9"),
    (("cstd-co-so", "co-thi-dua-thanh-pho", "co-thi-dua-chinh-phu"), "0.8"),
]


def seed_vote_thresholds() -> None:
    for codes, share in MEMBER_THRESHOLDS:
        for award in AwardType.objects.filter(code__in=codes):
            for start, end, article in ((date(2024, 1, 1), date(2025, 6, 30), "Nghị định 98/2023/NĐ-CP, Điều 30 "
                                         "khoản 7"), (date(2025, 7, 1), None, "Nghị định 152/2025/NĐ-CP (cần xác minh)")):
                Parameter.objects.update_or_create(
                    key="vote_share_of_members", award_type=award, effective_from=start,
                    defaults={"value": share, "effective_to": end, "article": article})


def seed_award_catalogue() -> int:
    law = LegalDocument.objects.filter(number="06/2022/QH15").first()
    catalogue = list(full_catalogue())
    for order, (code, name, category, subject, level, decider, central) in enumerate(catalogue, start=1):
        award, _created = AwardType.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "category": category, "subject": subject, "level": level,
                "decided_by": decider, "goes_to_central": central, "legal_basis": law, "order": order,
                "requires_public_comment": code in PUBLIC_COMMENT or code.startswith(("huan-chuong", "anh-hung")),
                "required_attachments": REQUIRED_ATTACHMENTS.get(code, []), "report_template": REPORT_TEMPLATE,
            },
        )
        rows = list(authorities(code, decider))
        for who, basis, article, start, end in rows:
            DecidingAuthority.objects.update_or_create(
                award_type=award, effective_from=start,
                defaults={"decider": who, "legal_basis": basis, "article": article, "effective_to": end})
        if code in CULTURE_TITLES:  # periods an earlier seed wrote and the law no longer has
            DecidingAuthority.objects.filter(award_type=award).exclude(
                effective_from__in=[row[3] for row in rows]).delete()
    for code, name, basis, start, end in RENAMES:
        AwardTypeName.objects.update_or_create(
            award_type=AwardType.objects.get(code=code), effective_from=start or date(2004, 1, 1),
            defaults={"name": name, "legal_basis": basis, "effective_to": end})
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
    seed_vote_thresholds()
    return len(catalogue)
