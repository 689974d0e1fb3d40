"""Eligibility rules as data, each row with its law, article and dates (docs/eligibility.md, docs/law.md).

Three rule sets, chosen by the achievement year (the version in force on 31 December of that year):
- the old law (Luật TĐKT 2003, sửa đổi 2013, and Nghị định 91/2017/NĐ-CP) for achievements up to 2023;
- Luật TĐKT 06/2022/QH15 with Nghị định 98/2023/NĐ-CP for 2024 and the first half of 2025;
- the same law with Nghị định 152/2025/NĐ-CP, which replaced Decree 98/2023 from 01/7/2025.

Merit criteria apply to regular merit (công trạng) only; other types of commendation have their own rows or
none, and "no rule in force" is a finding for the officer, never a pass. Rows whose reading is still to
verify, or whose article number was not confirmed in a published text, say "(cần xác minh)".

Readings chosen where the law can be read two ways (each is a parameter of its row, changed in the admin):
- "02 lần liên tục" Chiến sĩ thi đua cấp tỉnh (for CSTĐ toàn quốc) = two consecutive three-year cycles
  (``step: 3``), as published answers read it; ``step: 1`` would be two consecutive years.
- Chiến sĩ thi đua cơ sở under Law 06/2022 Art 23: an initiative recognised in the year, or a year rated
  "hoàn thành xuất sắc nhiệm vụ" (``or_rating``), the reading the portal has applied since 2024.
- Yearly titles rest on the year's own achievement: initiatives count only if recognised within the period
  of the achievement (``within_years``), and a chain already used for an earlier award of the same title
  does not count again (``fresh``).
"""

import datetime as dt

from .enums import CommendationType
from .models import AwardType, EligibilityRule

D = dt.date
OLD_FROM, OLD_TO = D(2004, 1, 1), D(2023, 12, 31)
NEW_FROM, D98_TO, D152_FROM = D(2024, 1, 1), D(2025, 6, 30), D(2025, 7, 1)

LAW = "Luật Thi đua, khen thưởng 06/2022/QH15"
OLD = "Luật TĐKT 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP"
D98, D152 = "Nghị định 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP"
WARNING_OR_ABOVE = {"forms": ["cảnh cáo", "hạ bậc", "giáng chức", "cách chức", "buộc thôi việc"]}
REGULAR = [CommendationType.REGULAR]
AD_HOC, THEMATIC = [CommendationType.AD_HOC], [CommendationType.THEMATIC]
UNRATED = {"unrated_categories": ["farmer", "citizen"]}

# (award, kind, params, article, description[, commendation types[, group]]) for each set of rules.
OLD_RULES = [
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV", **UNRATED}, "Điều 24 của Luật",
     "Hoàn thành tốt nhiệm vụ trở lên"),
    ("lao-dong-tien-tien", "service_months", {"min": 10}, "Nghị định 91/2017 (cần xác minh)",
     "Không xét cá nhân mới tuyển dụng dưới 10 tháng"),
    ("lao-dong-tien-tien", "absence_at_most", {"max": 39}, "Nghị định 91/2017 (cần xác minh)",
     "Không xét cá nhân nghỉ từ 40 ngày làm việc trở lên"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1}, "Điều 23 của Luật",
     "Đạt danh hiệu Lao động tiên tiến"),
    ("cstd-co-so", "initiative", {"level": "grassroots", "min": 1, "within_years": 1}, "Điều 23 của Luật",
     "Có sáng kiến được công nhận trong năm"),
    ("cstd-co-so", "quota_share", {"of_award": "lao-dong-tien-tien", "max_share": 0.15},
     "Điều 9 khoản 3 Nghị định 91/2017", "Không quá 15% số cá nhân đạt Lao động tiên tiến (toàn thành phố)"),
    ("cstd-thanh-pho", "consecutive_titles", {"award": "cstd-co-so", "years": 3, "fresh": True},
     "Điều 22 của Luật", "03 lần liên tục đạt Chiến sĩ thi đua cơ sở"),
    ("cstd-thanh-pho", "initiative", {"level": "city", "min": 1, "within_years": 3}, "Điều 22 của Luật",
     "Sáng kiến có hiệu quả, phạm vi ảnh hưởng cấp tỉnh"),
    ("cstd-toan-quoc", "consecutive_titles", {"award": "cstd-thanh-pho", "years": 2, "step": 3, "fresh": True},
     "Điều 21 của Luật", "02 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh"),
    ("cstd-toan-quoc", "initiative", {"level": "national", "min": 1, "within_years": 6}, "Điều 21 của Luật",
     "Sáng kiến có phạm vi ảnh hưởng toàn quốc"),
    ("co-thi-dua-thanh-pho", "leads_cluster", {}, "Điều 26 của Luật",
     "Dẫn đầu cụm, khối thi đua của tỉnh"),
    ("co-thi-dua-chinh-phu", "titles_within", {"award": "co-thi-dua-thanh-pho", "times": 1, "years": 1},
     "Điều 25 của Luật", "Tiêu biểu xuất sắc trong số tập thể đạt Cờ thi đua cấp tỉnh"),
    ("tap-the-ldxs", "members_share", {"rating": "HTNV", "share": 1.0}, "Điều 27 của Luật",
     "100% cá nhân hoàn thành nhiệm vụ"),
    ("tap-the-ldxs", "members_share", {"award": "lao-dong-tien-tien", "share": 0.7}, "Điều 27 của Luật",
     "Ít nhất 70% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldxs", "members_count", {"award": "cstd-co-so", "min": 1}, "Điều 27 của Luật",
     "Có cá nhân đạt Chiến sĩ thi đua cơ sở"),
    ("tap-the-ldxs", "no_member_discipline", WARNING_OR_ABOVE, "Điều 27 của Luật",
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
    ("tap-the-ldtt", "members_share", {"award": "lao-dong-tien-tien", "share": 0.5, "strict": True},
     "Điều 28 của Luật", "Trên 50% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldtt", "no_member_discipline", WARNING_OR_ABOVE, "Điều 28 của Luật",
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
    ("bang-khen-thu-tuong", "holds_award", {"awards": ["bang-khen-chu-tich", "bang-khen-bo-nganh"]},
     "Điều 38 Nghị định 91/2017 (cần xác minh)", "Đã được tặng Bằng khen cấp bộ, ngành, tỉnh"),
    ("bang-khen-thu-tuong", "consecutive_ratings", {"rating": "HTXSNV", "years": 5},
     "Điều 38 Nghị định 91/2017 (cần xác minh)", "05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ"),
    ("bang-khen-thu-tuong", "initiative", {"level": "grassroots", "min": 5, "within_years": 5},
     "Điều 38 Nghị định 91/2017 (cần xác minh)", "05 sáng kiến được công nhận trong thời gian đó"),
    ("bang-khen-chu-tich", "consecutive_ratings", {"rating": "HTXSNV", "years": 2},
     "Điều 39 Nghị định 91/2017 (cần xác minh)", "02 năm liên tục hoàn thành xuất sắc nhiệm vụ",
     REGULAR, "bk.c"),
    ("bang-khen-chu-tich", "initiative", {"level": "grassroots", "min": 2, "within_years": 2},
     "Điều 39 Nghị định 91/2017 (cần xác minh)", "02 sáng kiến được công nhận trong thời gian đó",
     REGULAR, "bk.c"),
    ("bang-khen-chu-tich", "officer_judgment", {}, "Điều 39 Nghị định 91/2017 (cần xác minh)",
     "gương mẫu, có thành tích xuất sắc được bình xét trong phong trào thi đua, hoặc lập nhiều thành tích có phạm "
     "vi ảnh hưởng trong lĩnh vực", REGULAR, "bk.ab"),
]

NEW_RULES = [
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV", **UNRATED}, "Điều 24",
     "Hoàn thành tốt nhiệm vụ trở lên (công nhân, nông dân: tiêu chuẩn khoản 3)"),
    ("chien-si-tien-tien", "rating_at_least", {"rating": "HTTNV"}, "Điều 24 khoản 2",
     "Hoàn thành tốt nhiệm vụ trở lên"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1}, "Điều 23",
     "Đạt danh hiệu Lao động tiên tiến trong năm"),
    ("cstd-co-so", "initiative", {"level": "grassroots", "min": 1, "or_rating": "HTXSNV", "within_years": 1},
     "Điều 23", "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận trong năm"),
    ("cstd-thanh-pho", "consecutive_titles", {"award": "cstd-co-so", "years": 3, "fresh": True}, "Điều 22",
     "03 lần liên tục đạt Chiến sĩ thi đua cơ sở"),
    ("cstd-thanh-pho", "initiative", {"level": "city", "min": 1, "within_years": 3}, "Điều 22",
     "Sáng kiến có hiệu quả, phạm vi ảnh hưởng cấp thành phố"),
    ("cstd-toan-quoc", "consecutive_titles", {"award": "cstd-thanh-pho", "years": 2, "step": 3, "fresh": True},
     "Điều 21", "02 lần liên tục đạt Chiến sĩ thi đua cấp thành phố (hai chu kỳ liên tiếp)"),
    ("cstd-toan-quoc", "initiative", {"level": "national", "min": 1, "within_years": 6}, "Điều 21",
     "Sáng kiến có phạm vi ảnh hưởng toàn quốc"),
    ("co-thi-dua-thanh-pho", "collective_rating", {"rating": "HTXSNV"}, "Điều 26",
     "Tập thể hoàn thành xuất sắc nhiệm vụ"),
    ("co-thi-dua-thanh-pho", "leads_cluster", {}, "Điều 26", "Tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua"),
    ("co-thi-dua-chinh-phu", "titles_within", {"award": "co-thi-dua-thanh-pho", "times": 1, "years": 1}, "Điều 25",
     "Tiêu biểu xuất sắc trong số tập thể đạt Cờ thi đua cấp tỉnh"),
    ("co-thi-dua-chinh-phu", "collective_rating", {"rating": "HTXSNV"}, "Điều 25",
     "Tập thể hoàn thành xuất sắc toàn diện nhiệm vụ"),
    ("tap-the-ldxs", "collective_rating", {"rating": "HTXSNV"}, "Điều 27 khoản 1 điểm a",
     "Tập thể hoàn thành xuất sắc nhiệm vụ"),
    ("tap-the-ldxs", "members_share", {"rating": "HTNV", "share": 1.0}, "Điều 27",
     "100% cá nhân hoàn thành nhiệm vụ"),
    ("tap-the-ldxs", "members_share", {"award": "lao-dong-tien-tien", "share": 0.7}, "Điều 27",
     "Ít nhất 70% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldxs", "members_count", {"award": "cstd-co-so", "min": 1}, "Điều 27",
     "Có cá nhân đạt Chiến sĩ thi đua cơ sở"),
    ("tap-the-ldtt", "collective_rating", {"rating": "HTTNV"}, "Điều 28", "Tập thể hoàn thành tốt nhiệm vụ"),
    ("tap-the-ldtt", "members_share", {"award": "lao-dong-tien-tien", "share": 0.5, "strict": True}, "Điều 28",
     "Trên 50% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldtt", "no_member_discipline", WARNING_OR_ABOVE, "Điều 28",
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
    ("bang-khen-thu-tuong", "holds_award", {"awards": ["bang-khen-chu-tich", "bang-khen-bo-nganh"]},
     "Điều 73 khoản 1 điểm b", "Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh (công trạng)"),
    ("bang-khen-thu-tuong", "consecutive_ratings", {"rating": "HTTNV", "years": 5}, "Điều 73 khoản 1 điểm b",
     "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên"),
    ("bang-khen-thu-tuong", "titles_within", {"award": "cstd-co-so", "times": 3, "years": 5},
     "Điều 73 khoản 1 điểm b", "03 lần Chiến sĩ thi đua cơ sở trong thời gian đó"),
    ("bang-khen-chu-tich", "consecutive_ratings", {"rating": "HTXSNV", "years": 2}, "Điều 74 khoản 1 điểm c",
     "02 năm liên tục hoàn thành xuất sắc nhiệm vụ", REGULAR, "bk.c"),
    ("bang-khen-chu-tich", "initiative", {"level": "grassroots", "min": 2, "within_years": 2},
     "Điều 74 khoản 1 điểm c", "02 sáng kiến được công nhận trong thời gian đó", REGULAR, "bk.c"),
    ("bang-khen-chu-tich", "officer_judgment", {}, "Điều 74 khoản 1 điểm a, b",
     "gương mẫu, có thành tích xuất sắc được bình xét trong phong trào thi đua, hoặc lập được nhiều thành tích có "
     "phạm vi ảnh hưởng trong lĩnh vực", REGULAR, "bk.ab"),
    ("bang-khen-chu-tich", "officer_judgment", {}, "Điều 74 (cần xác minh)",
     "thành tích đột xuất (hành động dũng cảm, thành tích đặc biệt xuất sắc) được ghi nhận kịp thời", AD_HOC),
    ("bang-khen-chu-tich", "officer_judgment", {}, "Điều 74 (cần xác minh)",
     "thành tích xuất sắc trong phong trào thi đua theo đợt, chuyên đề do thành phố phát động", THEMATIC),
    ("bang-khen-chu-tich-tap-the", "collective_rating", {"rating": "HTXSNV"}, "Điều 74 khoản 2 (cần xác minh)",
     "Tập thể hoàn thành xuất sắc nhiệm vụ", REGULAR),
    ("bang-khen-chu-tich-tap-the", "officer_judgment", {}, "Điều 74 (cần xác minh)",
     "thành tích đột xuất của tập thể", AD_HOC),
    ("huan-chuong-doc-lap-3-gia-dinh", "martyrs", {"min": 3, "max": 3}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có 03 liệt sĩ", [CommendationType.SERVICE]),
    ("huan-chuong-doc-lap-2-gia-dinh", "martyrs", {"min": 4, "max": 4}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có 04 liệt sĩ", [CommendationType.SERVICE]),
    ("huan-chuong-doc-lap-1-gia-dinh", "martyrs", {"min": 5}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có từ 05 liệt sĩ trở lên", [CommendationType.SERVICE]),
]


# The armed forces' titles have the same standards in the same articles (Law 06/2022 Art 24.2, 27, 28).
SAME_STANDARD = {"chien-si-tien-tien": "lao-dong-tien-tien", "don-vi-quyet-thang": "tap-the-ldxs",
                 "don-vi-tien-tien": "tap-the-ldtt"}


def _with_same_standard(rules):
    present = {rule[0] for rule in rules}
    for rule in rules:
        yield rule
        for twin, source in SAME_STANDARD.items():
            if rule[0] == source and twin not in present:
                yield (twin, *rule[1:])


def rows():
    """Every rule row as (award, kind, params, basis, article, from, to, description, types, group)."""
    def expand(rule):
        award, kind, params, article, description, *rest = rule
        types = rest[0] if rest else REGULAR
        group = rest[1] if len(rest) > 1 else ""
        return award, kind, params, article, description, list(types), group

    for rule in _with_same_standard(OLD_RULES):
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, OLD, article, OLD_FROM, OLD_TO, description, types, group
    for rule in _with_same_standard(NEW_RULES):
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, f"{LAW}; {D98}", article, NEW_FROM, D98_TO, description, types, group
        yield award, kind, params, f"{LAW}; {D152}", article, D152_FROM, None, description, types, group


SEEDED_BASES = ("Luật TĐKT 2003", "Nghị định 91/2017", "Luật Thi đua, khen thưởng 06/2022")


def seed_rules() -> int:
    """Load the rule sets; rows this seed wrote earlier and no longer lists are removed (the Board's own rows,
    with another legal basis, are kept)."""
    awards = {a.code: a for a in AwardType.objects.all()}
    kept = []
    for code, kind, params, basis, article, start, end, description, types, group in rows():
        if code not in awards:
            continue
        rule, _created = EligibilityRule.objects.update_or_create(
            award_type=awards[code], kind=kind, effective_from=start, description=description,
            commendation_types=types, group=group,
            defaults={"params": params, "legal_basis": basis, "article": article, "effective_to": end})
        kept.append(rule.pk)
    for prefix in SEEDED_BASES:
        EligibilityRule.objects.filter(legal_basis__startswith=prefix).exclude(pk__in=kept).delete()
    return len(kept)
