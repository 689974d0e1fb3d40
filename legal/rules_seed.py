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
from .models import AwardType, EligibilityRule, LegalDocument, Parameter

D = dt.date
OLD_FROM, OLD_TO = D(2004, 1, 1), D(2023, 12, 31)
NEW_FROM, D98_TO, D152_FROM = D(2024, 1, 1), D(2025, 6, 30), D(2025, 7, 1)

LAW = "Luật Thi đua, khen thưởng 06/2022/QH15"
OLD = "Luật TĐKT 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP"
D98, D152 = "Nghị định 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP"
WARNING_OR_ABOVE = {"forms": ["cảnh cáo", "hạ bậc", "giáng chức", "cách chức", "buộc thôi việc"]}
REGULAR = [CommendationType.REGULAR]
AD_HOC, THEMATIC = [CommendationType.AD_HOC], [CommendationType.THEMATIC]
# Workers and farmers outside the civil service have no task rating: Lao động tiên tiến rests on their results of the
# year (Law 06/2022 Art 24.3; issue 31, item 10). The published text of Art 24.3 was not found here: the results the
# rule requires are a parameter (``labour_criteria``, cần xác minh); an initiative applied is recorded and shown.
UNRATED = {"unrated_categories": ["worker", "farmer", "citizen"], "labour_criteria": ["productivity", "income"]}
# The facts an achievement recorded on the nomination must give (awards.eligibility._achievement_facts).
AD_HOC_FACTS = {"facts": ["what", "when", "event", "document"], "in_year": True}
MOVEMENT_FACTS = {"facts": ["evidence", "event", "document"]}
FIELD_FACTS = {"facts": ["evidence", "document"]}

# (award, kind, params, article, description[, commendation types[, group]]) for each set of rules.
OLD_RULES = [
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV", **UNRATED},
     "Điều 24 của Luật (công nhân, nông dân: cần xác minh)",
     "Hoàn thành tốt nhiệm vụ trở lên; công nhân, nông dân: lao động sản xuất có năng suất, thu nhập"),
    ("lao-dong-tien-tien", "service_months", {"min": 10, "not_for": ["farmer", "citizen"]},
     "Nghị định 91/2017 (cần xác minh)",
     "Không xét cá nhân mới tuyển dụng dưới 10 tháng"),
    ("lao-dong-tien-tien", "absence_at_most", {"max": 39, "not_for": ["farmer", "citizen"]},
     "Nghị định 91/2017 (cần xác minh)",
     "Không xét cá nhân nghỉ từ 40 ngày làm việc trở lên"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1, "standard_suffices": True},
     "Điều 23 khoản 1 của Luật", "Đạt các tiêu chuẩn của danh hiệu Lao động tiên tiến"),
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
    ("bang-khen-thu-tuong", "holds_award", {"awards": ["bang-khen-chu-tich", "bang-khen-bo-nganh"],
                                             "followed_by_years": 5},
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
    # Decree 91/2017 Art 39 (article and wording cần xác minh): the unit chooses the point, the engine checks its facts.
    ("bang-khen-chu-tich", "achievement_facts", MOVEMENT_FACTS, "Điều 39 khoản 1 điểm a Nghị định 91/2017 (cần xác minh)",
     "Thành tích xuất sắc được bình xét trong phong trào thi đua", REGULAR, "bk.a"),
    ("bang-khen-chu-tich", "achievement_facts", FIELD_FACTS, "Điều 39 khoản 1 điểm b Nghị định 91/2017 (cần xác minh)",
     "Lập được nhiều thành tích có phạm vi ảnh hưởng trong lĩnh vực", REGULAR, "bk.b"),
    ("bang-khen-chu-tich", "achievement_facts", AD_HOC_FACTS, "Điều 39 Nghị định 91/2017 (cần xác minh)",
     "Thành tích đột xuất", AD_HOC),
    ("bang-khen-chu-tich", "achievement_facts", AD_HOC_FACTS, "Điều 39 Nghị định 91/2017 (cần xác minh)",
     "Thành tích xuất sắc trong phong trào thi đua theo đợt, chuyên đề", THEMATIC),
    ("bang-khen-chu-tich-tap-the", "collective_rating", {"rating": "HTXSNV"},
     "Điều 39 khoản 2 Nghị định 91/2017 (cần xác minh)", "Tập thể hoàn thành xuất sắc nhiệm vụ", REGULAR),
    ("bang-khen-chu-tich-tap-the", "achievement_facts", AD_HOC_FACTS, "Điều 39 Nghị định 91/2017 (cần xác minh)",
     "Thành tích đột xuất của tập thể", AD_HOC),
    ("bang-khen-chu-tich-tap-the", "achievement_facts", AD_HOC_FACTS, "Điều 39 Nghị định 91/2017 (cần xác minh)",
     "Thành tích của tập thể trong phong trào thi đua theo đợt, chuyên đề", THEMATIC),
]

SERVICE = [CommendationType.SERVICE]
# Huân chương Lao động (individuals). The ladder for achievement: the award held before, then five years; the classes
# whose text was not confirmed in a published source are for the officer, with "(cần xác minh)".
OLD_ORDER_RULES = [
    ("huan-chuong-lao-dong-3", "holds_award", {"awards": ["bang-khen-thu-tuong"], "followed_by_years": 5,
                                                "follows": True},
     "Điều 24 khoản 1 điểm a Nghị định 91/2017", "Đã được tặng Bằng khen của Thủ tướng Chính phủ",
     REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "consecutive_ratings", {"rating": "HTXSNV", "years": 5},
     "Điều 24 khoản 1 điểm a Nghị định 91/2017", "05 năm tiếp theo trở lên liên tục lập được thành tích xuất sắc",
     REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "initiative", {"level": "city", "min": 2, "within_years": 5},
     "Điều 24 khoản 1 điểm a Nghị định 91/2017", "02 sáng kiến có phạm vi ảnh hưởng trong bộ, ngành, tỉnh",
     REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "officer_judgment", {}, "Điều 24 khoản 1 điểm b, c Nghị định 91/2017",
     "thành tích đặc biệt xuất sắc đột xuất, hoặc phát minh, sáng chế, công trình có phạm vi ảnh hưởng trong bộ, "
     "ngành, tỉnh", REGULAR, "hc.2"),
    ("huan-chuong-lao-dong-2", "officer_judgment", {}, "Điều 23 Nghị định 91/2017 (cần xác minh)",
     "Đã được tặng Huân chương Lao động hạng Ba và 05 năm tiếp theo lập được thành tích xuất sắc (tiêu chuẩn chưa "
     "xác minh được trong văn bản: cán bộ đối chiếu)"),
    ("huan-chuong-lao-dong-1", "officer_judgment", {}, "Điều 22 Nghị định 91/2017 (cần xác minh)",
     "Đã được tặng Huân chương Lao động hạng Nhì và 05 năm tiếp theo lập được thành tích xuất sắc (tiêu chuẩn chưa "
     "xác minh được trong văn bản: cán bộ đối chiếu)"),
    *((f"huan-chuong-lao-dong-{cls}", "officer_judgment", {},
       "Nghị định 91/2017; Nghị định 65/2014/NĐ-CP, Điều 2 khoản 3 (cần xác minh)",
       "Quá trình cống hiến: thời gian giữ chức vụ lãnh đạo theo quy định của thời kỳ; nữ được giảm số năm theo "
       "Nghị định 65/2014 (số năm chưa xác minh được: cán bộ đối chiếu)", SERVICE) for cls in (1, 2, 3)),
]

NEW_ORDER_RULES = [
    # Law 06/2022 Art 44.1.e (hạng Ba) and Art 43.1 (hạng Nhì): the order held, then 05 years or more rated HTTNV or
    # better with HTXSNV and titles in that time.
    ("huan-chuong-lao-dong-3", "holds_award", {"awards": ["bang-khen-thu-tuong"], "followed_by_years": 5,
                                                "follows": True},
     "Điều 44 khoản 1 điểm e", "Đã được tặng Bằng khen của Thủ tướng Chính phủ và sau đó 05 năm", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "consecutive_ratings", {"rating": "HTTNV", "years": 5}, "Điều 44 khoản 1 điểm e",
     "05 năm trở lên liên tục hoàn thành tốt nhiệm vụ trở lên", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "ratings_within", {"rating": "HTXSNV", "times": 1, "years": 5},
     "Điều 44 khoản 1 điểm e", "có 01 năm trở lên hoàn thành xuất sắc nhiệm vụ", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "titles_within", {"award": "cstd-co-so", "times": 3, "years": 5},
     "Điều 44 khoản 1 điểm e", "03 lần Chiến sĩ thi đua cơ sở trong thời gian đó", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-3", "officer_judgment", {}, "Điều 44 khoản 1 (các điểm khác)",
     "thành tích xuất sắc đột xuất, phát minh, sáng chế, công trình, tác phẩm có phạm vi ảnh hưởng trong Bộ, ban, "
     "ngành, tỉnh, hoặc đóng góp lớn", REGULAR, "hc.2"),
    ("huan-chuong-lao-dong-2", "holds_award", {"awards": ["huan-chuong-lao-dong-3"], "followed_by_years": 5,
                                                "follows": True},
     "Điều 43 khoản 1", "Đã được tặng Huân chương Lao động hạng Ba và sau đó 05 năm", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-2", "consecutive_ratings", {"rating": "HTTNV", "years": 5}, "Điều 43 khoản 1",
     "05 năm trở lên liên tục hoàn thành tốt nhiệm vụ trở lên", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-2", "ratings_within", {"rating": "HTXSNV", "times": 2, "years": 5}, "Điều 43 khoản 1",
     "có từ 02 năm trở lên hoàn thành xuất sắc nhiệm vụ", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-2", "titles_within", {"award": "cstd-thanh-pho", "times": 1, "years": 5},
     "Điều 43 khoản 1", "01 lần Chiến sĩ thi đua cấp tỉnh trong thời gian đó", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-2", "officer_judgment", {}, "Điều 43 khoản 1 (các điểm khác)",
     "thành tích xuất sắc đột xuất, giải thưởng quốc tế cao nhất của khu vực, phát minh, sáng chế, công trình có "
     "phạm vi ảnh hưởng trong Bộ, ban, ngành, tỉnh, hoặc đóng góp lớn", REGULAR, "hc.2"),
    ("huan-chuong-lao-dong-1", "holds_award", {"awards": ["huan-chuong-lao-dong-2"], "followed_by_years": 5,
                                                "follows": True},
     "Điều 42 khoản 1 (cần xác minh)", "Đã được tặng Huân chương Lao động hạng Nhì và sau đó 05 năm", REGULAR,
     "hc.1"),
    ("huan-chuong-lao-dong-1", "officer_judgment", {}, "Điều 42 khoản 1 (cần xác minh)",
     "số năm hoàn thành xuất sắc nhiệm vụ và danh hiệu trong 05 năm đó (chưa xác minh được trong văn bản: cán bộ "
     "đối chiếu)", REGULAR, "hc.1"),
    ("huan-chuong-lao-dong-1", "officer_judgment", {}, "Điều 42 khoản 1 (các điểm khác; cần xác minh)",
     "thành tích đặc biệt xuất sắc đột xuất, phát minh, sáng chế, công trình có phạm vi ảnh hưởng toàn quốc",
     REGULAR, "hc.2"),
]


def _service_rules(article: str):
    """Huân chương Lao động hạng Ba for long service (Law 06/2022 Art 44.1.g): years in a leadership post, one third
    less for a woman (Decree 98/2023 and 152/2025 Art 4); the other posts and classes are for the officer."""
    return [
        ("huan-chuong-lao-dong-3", "leadership_years", {"levels": ["giam-doc-so"], "years": 6}, article,
         "Giữ chức vụ Giám đốc sở và tương đương từ 06 năm", SERVICE, "ch.1"),
        ("huan-chuong-lao-dong-3", "leadership_years", {"levels": ["pho-giam-doc-so"], "years": 10}, article,
         "Giữ chức vụ Phó Giám đốc sở và tương đương từ 10 năm", SERVICE, "ch.2"),
        ("huan-chuong-lao-dong-3", "officer_judgment", {}, article,
         "giữ một trong các chức vụ khác mà điều này liệt kê, đủ thời gian", SERVICE, "ch.3"),
        *((f"huan-chuong-lao-dong-{cls}", "officer_judgment", {}, f"{article.split(' (')[0]} (cần xác minh)",
           "Quá trình cống hiến: thời gian giữ chức vụ cho hạng này chưa xác minh được trong văn bản; nữ giảm một "
           "phần ba thời gian (Điều 4): cán bộ đối chiếu", SERVICE) for cls in (1, 2)),
    ]


D98_RULES = _service_rules("Điều 21 Nghị định 98/2023 (cần xác minh: mức của Nghị định 152/2025, Điều 21)")
D152_RULES = _service_rules("Điều 21 Nghị định 152/2025 (Luật Điều 44 khoản 1 điểm g)")

NEW_RULES = [
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV", **UNRATED},
     "Điều 24 khoản 1 điểm a; khoản 3 (công nhân, nông dân: cần xác minh)",
     "Hoàn thành tốt nhiệm vụ trở lên; công nhân, nông dân: kết quả lao động, sản xuất theo khoản 3"),
    ("chien-si-tien-tien", "rating_at_least", {"rating": "HTTNV"}, "Điều 24 khoản 2",
     "Hoàn thành tốt nhiệm vụ trở lên"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1, "standard_suffices": True},
     "Điều 23 khoản 1", "Đạt tiêu chuẩn danh hiệu Lao động tiên tiến trong năm"),
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
    ("tap-the-ldxs", "lower_title_standard", {"award": "tap-the-ldtt"}, "Điều 27 và Điều 28",
     "Không đạt danh hiệu cao hơn khi trượt danh hiệu Tập thể lao động tiên tiến ở tiêu chuẩn Điều 27 không nhắc lại"),
    ("tap-the-ldtt", "collective_rating", {"rating": "HTTNV"}, "Điều 28", "Tập thể hoàn thành tốt nhiệm vụ"),
    ("tap-the-ldtt", "members_share", {"award": "lao-dong-tien-tien", "share": 0.5, "strict": True}, "Điều 28",
     "Trên 50% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldtt", "no_member_discipline", WARNING_OR_ABOVE, "Điều 28",
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
    ("bang-khen-thu-tuong", "holds_award", {"awards": ["bang-khen-chu-tich", "bang-khen-bo-nganh"],
                                             "followed_by_years": 5},
     "Điều 73 khoản 1 điểm b", "Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh (công trạng)"),
    ("bang-khen-thu-tuong", "consecutive_ratings", {"rating": "HTTNV", "years": 5}, "Điều 73 khoản 1 điểm b",
     "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên"),
    ("bang-khen-thu-tuong", "titles_within", {"award": "cstd-co-so", "times": 3, "years": 5},
     "Điều 73 khoản 1 điểm b", "03 lần Chiến sĩ thi đua cơ sở trong thời gian đó"),
    # Law 06/2022 Art 74.1 (the city Chairman's Bằng khen): "gương mẫu chấp hành tốt ... và đạt một trong các tiêu
    # chuẩn sau". Point d confirmed (Ministry of Home Affairs' answer quoting Art 74.1.d): 02 lần liên tục CSTĐ cơ sở
    # or 02 years HTXSNV, "trong thời gian đó có 02 sáng kiến": the reading chosen applies the initiatives to both
    # (delete the initiative row of d1 to read otherwise). The wording of points a–c was not found (cần xác minh).
    ("bang-khen-chu-tich", "achievement_facts", MOVEMENT_FACTS, "Điều 74 khoản 1 điểm a (cần xác minh câu chữ)",
     "Thành tích xuất sắc được bình xét trong phong trào thi đua", REGULAR, "bk.a"),
    ("bang-khen-chu-tich", "achievement_facts", FIELD_FACTS, "Điều 74 khoản 1 điểm b (cần xác minh câu chữ)",
     "Lập được nhiều thành tích có phạm vi ảnh hưởng trong lĩnh vực", REGULAR, "bk.b"),
    ("bang-khen-chu-tich", "officer_judgment", {}, "Điều 74 khoản 1 điểm c (cần xác minh)",
     "tiêu chuẩn điểm c (nội dung chưa xác minh được trong văn bản: cán bộ đối chiếu minh chứng)", REGULAR, "bk.c"),
    ("bang-khen-chu-tich", "consecutive_titles", {"award": "cstd-co-so", "years": 2}, "Điều 74 khoản 1 điểm d",
     "02 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở", REGULAR, "bk.d1"),
    ("bang-khen-chu-tich", "initiative", {"level": "grassroots", "min": 2, "within_years": 2},
     "Điều 74 khoản 1 điểm d", "02 sáng kiến được công nhận và áp dụng hiệu quả trong thời gian đó", REGULAR, "bk.d1"),
    ("bang-khen-chu-tich", "consecutive_ratings", {"rating": "HTXSNV", "years": 2}, "Điều 74 khoản 1 điểm d",
     "02 năm liên tục hoàn thành xuất sắc nhiệm vụ", REGULAR, "bk.d2"),
    ("bang-khen-chu-tich", "initiative", {"level": "grassroots", "min": 2, "within_years": 2},
     "Điều 74 khoản 1 điểm d", "02 sáng kiến được công nhận trong thời gian đó", REGULAR, "bk.d2"),
    # Ad hoc and thematic: the achievement itself, never a link of a merit chain (Decree 98/2023 and 152/2025 Art 4).
    ("bang-khen-chu-tich", "achievement_facts", AD_HOC_FACTS, "Điều 74 (cần xác minh điểm)",
     "Thành tích đột xuất (hành động dũng cảm, thành tích đặc biệt xuất sắc) được ghi nhận kịp thời", AD_HOC),
    ("bang-khen-chu-tich", "achievement_facts", AD_HOC_FACTS, "Điều 74 (cần xác minh điểm)",
     "Thành tích xuất sắc trong phong trào thi đua theo đợt, chuyên đề do thành phố phát động", THEMATIC),
    ("bang-khen-chu-tich-tap-the", "collective_rating", {"rating": "HTXSNV"}, "Điều 74 khoản 2 (cần xác minh)",
     "Tập thể hoàn thành xuất sắc nhiệm vụ", REGULAR),
    ("bang-khen-chu-tich-tap-the", "achievement_facts", AD_HOC_FACTS, "Điều 74 (cần xác minh)",
     "Thành tích đột xuất của tập thể", AD_HOC),
    ("bang-khen-chu-tich-tap-the", "achievement_facts", AD_HOC_FACTS, "Điều 74 (cần xác minh)",
     "Thành tích của tập thể trong phong trào thi đua theo đợt, chuyên đề do thành phố phát động", THEMATIC),
    ("huan-chuong-doc-lap-3-gia-dinh", "martyrs", {"min": 3, "max": 3}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có 03 liệt sĩ", [CommendationType.SERVICE]),
    ("huan-chuong-doc-lap-2-gia-dinh", "martyrs", {"min": 4, "max": 4}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có 04 liệt sĩ", [CommendationType.SERVICE]),
    ("huan-chuong-doc-lap-1-gia-dinh", "martyrs", {"min": 5}, "Nghị định 98/2023 (cần xác minh)",
     "Gia đình có từ 05 liệt sĩ trở lên", [CommendationType.SERVICE]),
]


# The titles of Decree 86/2023/NĐ-CP (in force from 30/01/2024): its framework of standards (Appendix I for Gia đình
# văn hóa, II for Thôn, tổ dân phố văn hóa, III for Xã, phường, thị trấn tiêu biểu), each group of standards a row
# the officer checks against the dossier (the decree sets a framework; the city's own detailed standards, if any, are
# the Board's rows). Who decides each: legal/catalogue_seed.py, CULTURE_TITLES.
D86 = "Nghị định 86/2023/NĐ-CP"
D86_FROM = D(2024, 1, 30)
D86_RULES = [
    ("gia-dinh-van-hoa", "officer_judgment", {}, "Điều 4, Phụ lục I (cần xác minh số điều)",
     "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước (nếp sống văn minh trong việc "
     "cưới, việc tang, lễ hội; an ninh trật tự, phòng cháy, chữa cháy)"),
    ("gia-dinh-van-hoa", "officer_judgment", {}, "Điều 4, Phụ lục I (cần xác minh số điều)",
     "Tích cực tham gia các phong trào thi đua lao động, sản xuất, học tập, bảo vệ an ninh, trật tự, an toàn xã hội "
     "của địa phương"),
    ("gia-dinh-van-hoa", "officer_judgment", {}, "Điều 4, Phụ lục I (cần xác minh số điều)",
     "Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; gắn bó, đoàn kết, tương trợ, giúp đỡ trong cộng đồng"),
    ("thon-to-van-hoa", "officer_judgment", {}, "Điều 5, Phụ lục II mục I (cần xác minh số điều)",
     "Đời sống kinh tế ổn định và phát triển (việc làm, thu nhập; tỷ lệ hộ nghèo, cận nghèo thấp; ngành nghề)"),
    ("thon-to-van-hoa", "officer_judgment", {}, "Điều 5, Phụ lục II mục II (cần xác minh số điều)",
     "Đời sống văn hóa, tinh thần lành mạnh, phong phú (nhà văn hóa, trẻ em đến trường, nếp sống văn minh, hòa "
     "giải ở cơ sở, di sản văn hóa)"),
    ("thon-to-van-hoa", "officer_judgment", {}, "Điều 5, Phụ lục II mục III (cần xác minh số điều)",
     "Môi trường an toàn, thân thiện, cảnh quan sạch đẹp"),
    ("thon-to-van-hoa", "officer_judgment", {}, "Điều 5, Phụ lục II (các mục còn lại; cần xác minh)",
     "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; đoàn kết, tương trợ trong cộng đồng"),
    ("xa-phuong-tieu-bieu", "officer_judgment", {}, "Điều 6, Phụ lục III mục I (cần xác minh số điều)",
     "Thực hiện tốt các nhiệm vụ kinh tế - xã hội, quốc phòng, an ninh, trật tự, an toàn xã hội được giao"),
    ("xa-phuong-tieu-bieu", "officer_judgment", {}, "Điều 6, Phụ lục III mục II (cần xác minh số điều)",
     "Đời sống kinh tế ổn định và từng bước phát triển (thu nhập bình quân đầu người bằng hoặc cao hơn năm trước)"),
    ("xa-phuong-tieu-bieu", "officer_judgment", {}, "Điều 6, Phụ lục III (các mục còn lại; cần xác minh)",
     "Đời sống văn hóa, tinh thần lành mạnh, phong phú; môi trường an toàn, thân thiện, cảnh quan sạch đẹp; chấp "
     "hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước"),
]


# The armed forces' titles have the same standards in the same articles (Law 06/2022 Art 24.2, 27, 28).
SAME_STANDARD = {"chien-si-tien-tien": "lao-dong-tien-tien", "don-vi-quyet-thang": "tap-the-ldxs",
                 "don-vi-tien-tien": "tap-the-ldtt"}


# The yearly emulation titles the city decides are not given ad hoc or per movement (Law 06/2022 Art 21–28 set
# yearly standards; cần xác minh): a nomination of those types is refused with the reason, not left without a rule.
# Cờ thi đua for a thematic movement is the officer's (whether the article provides it was not confirmed).
YEARLY_TITLES = ("cstd-thanh-pho", "co-thi-dua-thanh-pho", "tap-the-ldxs", "don-vi-quyet-thang")


def _type_rules(article_of):
    rules = []
    for code in YEARLY_TITLES:
        for types, label in ((AD_HOC, "đột xuất"), (THEMATIC, "theo đợt, chuyên đề")):
            if code == "co-thi-dua-thanh-pho" and types == THEMATIC:
                rules.append((code, "officer_judgment", {}, f"{article_of(code)} (cần xác minh)",
                              "Cờ thi đua cho tập thể dẫn đầu phong trào thi đua theo đợt, chuyên đề: cán bộ đối chiếu "
                              "quy định", types))
                continue
            rules.append((code, "not_awarded", {}, f"{article_of(code)} (cần xác minh)",
                          f"danh hiệu thi đua xét tặng hằng năm theo thành tích của năm, không xét {label}", types))
    # Households (Bằng khen of the Chairman): the contribution and the document recording it; its value against the
    # city's own threshold (quy chế thi đua, khen thưởng của thành phố; figure not recorded here) is the officer's.
    household = "bang-khen-chu-tich-ho-gia-dinh"
    rules.append((household, "achievement_facts", {"facts": ["what", "document"], "in_year": False},
                  f"{article_of(household)} (cần xác minh)",
                  "Đóng góp về công sức, đất đai, tài sản cho địa phương, xã hội và văn bản ghi nhận", []))
    rules.append((household, "officer_judgment", {}, f"{article_of(household)} (cần xác minh)",
                  "giá trị đóng góp đạt mức theo quy chế thi đua, khen thưởng của thành phố (mức chưa ghi trong dữ liệu)",
                  []))
    return rules


OLD_ARTICLES = {"cstd-thanh-pho": "Điều 22 của Luật", "co-thi-dua-thanh-pho": "Điều 26 của Luật",
                "tap-the-ldxs": "Điều 27 của Luật", "don-vi-quyet-thang": "Điều 27 của Luật",
                "bang-khen-chu-tich-ho-gia-dinh": "Điều 39 Nghị định 91/2017"}
NEW_ARTICLES = {"cstd-thanh-pho": "Điều 22", "co-thi-dua-thanh-pho": "Điều 26", "tap-the-ldxs": "Điều 27",
                "don-vi-quyet-thang": "Điều 27", "bang-khen-chu-tich-ho-gia-dinh": "Điều 74 khoản 3"}
OLD_TYPE_RULES = _type_rules(OLD_ARTICLES.get)
NEW_TYPE_RULES = _type_rules(NEW_ARTICLES.get)


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

    for rule in [*_with_same_standard(OLD_RULES), *OLD_ORDER_RULES, *OLD_TYPE_RULES]:
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, OLD, article, OLD_FROM, OLD_TO, description, types, group
    for rule in [*_with_same_standard(NEW_RULES), *NEW_ORDER_RULES, *NEW_TYPE_RULES]:
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, f"{LAW}; {D98}", article, NEW_FROM, D98_TO, description, types, group
        yield award, kind, params, f"{LAW}; {D152}", article, D152_FROM, None, description, types, group
    for rule in D98_RULES:
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, f"{LAW}; {D98}", article, NEW_FROM, D98_TO, description, types, group
    for rule in D152_RULES:
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, f"{LAW}; {D152}", article, D152_FROM, None, description, types, group
    for rule in D86_RULES:
        award, kind, params, article, description, types, group = expand(rule)
        yield award, kind, params, f"{D86}; {LAW}", article, D86_FROM, None, description, types, group


# Readings of the law chosen where the text can be read two ways (legal.Parameter rows, changed in the admin; the
# engine states the reading in its finding). (key, value, from, to, law number or None, article, reading)
READINGS = [
    ("initiative_within_period", "1", OLD_FROM, OLD_TO, None,
     "Nghị định 91/2017/NĐ-CP (danh hiệu xét hằng năm; cần xác minh)",
     "1 = danh hiệu hằng năm chỉ tính sáng kiến được công nhận trong thời gian tính thành tích của danh hiệu "
     "(CSTĐ cơ sở 1 năm, CSTĐ tỉnh 3 năm, CSTĐ toàn quốc 6 năm); 0 = tính cả sáng kiến chưa dùng của các năm trước"),
    ("initiative_within_period", "1", NEW_FROM, None, "06/2022/QH15", "Điều 5 khoản 2 điểm c",
     "1 = “thành tích đến đâu khen đến đó”: danh hiệu hằng năm dựa trên thành tích của chính thời gian đó, sáng kiến "
     "được công nhận từ trước không được tính; 0 = tính cả sáng kiến chưa dùng của các năm trước, kết quả ghi rõ năm "
     "công nhận"),
    ("years_follow_bang_khen", "1", OLD_FROM, OLD_TO, None,
     "Nghị định 91/2017/NĐ-CP, Điều 38 (cần xác minh số điều)",
     "1 = “05 năm tiếp theo”: 05 năm liên tục tính sau năm được tặng Bằng khen cấp bộ, ngành, tỉnh"),
    ("years_follow_bang_khen", "0", NEW_FROM, None, "06/2022/QH15", "Điều 73 khoản 1 điểm b",
     "0 = Bằng khen cấp bộ, ban, ngành, tỉnh và 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên (03 lần CSTĐ cơ sở), "
     "không bắt buộc Bằng khen có trước 05 năm (khác “05 năm tiếp theo” của Nghị định 91/2017; cần xác minh câu chữ "
     "của Điều 73); 1 = 05 năm phải tính sau Bằng khen"),
    # Women's priority among equal candidates (awards/priority.py): the value is the share of women that gives a
    # collective the priority; a woman always has it. Shown on the Council's list and stated in the ballot tally.
    ("women_priority", "0.7", OLD_FROM, OLD_TO, None, "Nghị định 65/2014/NĐ-CP, Điều 2 khoản 3 (cần xác minh)",
     "Tập thể đủ điều kiện, tiêu chuẩn: ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên; ưu tiên cá nhân nữ có thành tích "
     "như nhau cần xác minh trong văn bản"),
    ("women_priority", "0.7", NEW_FROM, D98_TO, "98/2023/NĐ-CP", "Điều 4 (nguyên tắc khen thưởng; cần xác minh khoản)",
     "Trường hợp có thành tích như nhau: ưu tiên cá nhân nữ, tập thể có tỷ lệ nữ từ 70% trở lên (bình đẳng giới trong "
     "thi đua, khen thưởng, Luật 06/2022/QH15). “Như nhau” = cùng phiên họp, cùng hình thức, cùng số phiếu tán thành"),
    ("women_priority", "0.7", D152_FROM, None, "152/2025/NĐ-CP", "Điều 4 (cần xác minh khoản)",
     "Như Nghị định 98/2023/NĐ-CP, Điều 4: có thành tích như nhau thì ưu tiên cá nhân nữ, tập thể có tỷ lệ nữ từ 70% "
     "trở lên"),
]


def seed_readings() -> int:
    for key, value, start, end, law, article, text in READINGS:
        Parameter.objects.update_or_create(key=key, award_type=None, effective_from=start, defaults={
            "value": value, "effective_to": end, "article": article, "reading": text,
            "legal_basis": LegalDocument.objects.filter(number=law).first() if law else None})
    return len(READINGS)


SEEDED_BASES = ("Luật TĐKT 2003", "Nghị định 91/2017", "Luật Thi đua, khen thưởng 06/2022", D86)


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
    seed_readings()
    return len(kept)
