"""Eligibility rules of Law 06/2022/QH15 (in force 01/01/2024) and of the old law
(Luật TĐKT 2003, Nghị định 91/2017/NĐ-CP) for achievements up to 2023, as data (DOMAIN.md §3).

Rules marked "(cần xác minh)" follow DOMAIN.md where the official text could not be confirmed.
"""

import datetime as dt

from .models import AwardType, EligibilityRule, FairnessTarget

NEW_FROM, OLD_FROM, OLD_TO = dt.date(2024, 1, 1), dt.date(2017, 9, 15), dt.date(2023, 12, 31)
NEW = "Luật Thi đua, khen thưởng 06/2022/QH15"
OLD = "Nghị định 91/2017/NĐ-CP (Luật TĐKT 2003)"
WARNING_OR_ABOVE = {"forms": ["cảnh cáo", "hạ bậc", "giáng chức", "cách chức", "buộc thôi việc"]}

# award, kind, params, basis, article, from, to, description
RULES = [
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV"}, NEW, "Điều 24", NEW_FROM, None,
     "Hoàn thành tốt nhiệm vụ trở lên"),
    ("lao-dong-tien-tien", "rating_at_least", {"rating": "HTTNV"}, OLD, "Điều 24 Luật TĐKT 2003", OLD_FROM, OLD_TO,
     "Hoàn thành tốt nhiệm vụ trở lên"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1}, NEW, "Điều 23", NEW_FROM, None,
     "Đạt danh hiệu Lao động tiên tiến"),
    ("cstd-co-so", "initiative", {"level": "grassroots", "min": 1, "or_rating": "HTXSNV"}, NEW, "Điều 23",
     NEW_FROM, None, "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận"),
    ("cstd-co-so", "consecutive_titles", {"award": "lao-dong-tien-tien", "years": 1}, OLD, "Điều 23 Luật TĐKT 2003",
     OLD_FROM, OLD_TO, "Đạt danh hiệu Lao động tiên tiến"),
    ("cstd-co-so", "initiative", {"level": "grassroots", "min": 1}, OLD, "Điều 23 Luật TĐKT 2003", OLD_FROM, OLD_TO,
     "Có sáng kiến được công nhận"),
    ("cstd-co-so", "quota_share", {"of_award": "lao-dong-tien-tien", "max_share": 0.15}, OLD, "Điều 7",
     OLD_FROM, OLD_TO, "Không quá 15% số cá nhân đạt Lao động tiên tiến"),
    ("cstd-thanh-pho", "consecutive_titles", {"award": "cstd-co-so", "years": 3}, NEW, "Điều 22", NEW_FROM, None,
     "03 lần liên tục đạt Chiến sĩ thi đua cơ sở"),
    ("cstd-thanh-pho", "initiative", {"level": "city", "min": 1}, NEW, "Điều 22", NEW_FROM, None,
     "Sáng kiến có hiệu quả, phạm vi ảnh hưởng cấp thành phố"),
    ("cstd-thanh-pho", "consecutive_titles", {"award": "cstd-co-so", "years": 3}, OLD, "Điều 22 Luật TĐKT 2003",
     OLD_FROM, OLD_TO, "03 lần liên tục đạt Chiến sĩ thi đua cơ sở"),
    ("cstd-thanh-pho", "initiative", {"level": "city", "min": 1}, OLD, "Điều 22 Luật TĐKT 2003", OLD_FROM, OLD_TO,
     "Sáng kiến có hiệu quả, phạm vi ảnh hưởng cấp tỉnh"),
    ("cstd-toan-quoc", "consecutive_titles", {"award": "cstd-thanh-pho", "years": 2}, NEW, "Điều 21", NEW_FROM, None,
     "02 lần liên tục đạt Chiến sĩ thi đua cấp thành phố"),
    ("cstd-toan-quoc", "initiative", {"level": "national", "min": 1}, NEW, "Điều 21", NEW_FROM, None,
     "Sáng kiến có phạm vi ảnh hưởng toàn quốc"),
    ("bang-khen-thu-tuong", "holds_award", {"award": "bang-khen-chu-tich"}, NEW, "Điều 71", NEW_FROM, None,
     "Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh"),
    ("bang-khen-thu-tuong", "consecutive_ratings", {"rating": "HTTNV", "years": 5}, NEW, "Điều 71", NEW_FROM, None,
     "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên"),
    ("bang-khen-thu-tuong", "titles_within", {"award": "cstd-co-so", "times": 3, "years": 5}, NEW, "Điều 71",
     NEW_FROM, None, "03 lần Chiến sĩ thi đua cơ sở trong thời gian đó"),
    ("bang-khen-chu-tich", "consecutive_ratings", {"rating": "HTXSNV", "years": 2}, NEW,
     "Điều 74 (cần xác minh)", NEW_FROM, None, "02 năm liên tục hoàn thành xuất sắc nhiệm vụ"),
    ("bang-khen-chu-tich", "initiative", {"level": "grassroots", "min": 2}, NEW, "Điều 74 (cần xác minh)",
     NEW_FROM, None, "02 sáng kiến được công nhận cấp cơ sở"),
    ("tap-the-ldtt", "members_share", {"award": "lao-dong-tien-tien", "share": 0.5, "strict": True}, NEW,
     "Điều 27 (cần xác minh)", NEW_FROM, None, "Trên 50% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldtt", "no_member_discipline", WARNING_OR_ABOVE, NEW, "Điều 27 (cần xác minh)", NEW_FROM, None,
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
    ("tap-the-ldxs", "members_share", {"rating": "HTNV", "share": 1.0}, NEW, "Điều 26 (cần xác minh)", NEW_FROM,
     None, "100% cá nhân hoàn thành nhiệm vụ"),
    ("tap-the-ldxs", "members_share", {"award": "lao-dong-tien-tien", "share": 0.7}, NEW, "Điều 26 (cần xác minh)",
     NEW_FROM, None, "Ít nhất 70% cá nhân đạt Lao động tiên tiến"),
    ("tap-the-ldxs", "members_count", {"award": "cstd-co-so", "min": 1}, NEW, "Điều 26 (cần xác minh)", NEW_FROM,
     None, "Có cá nhân đạt Chiến sĩ thi đua cơ sở"),
    ("tap-the-ldxs", "no_member_discipline", WARNING_OR_ABOVE, NEW, "Điều 26 (cần xác minh)", NEW_FROM, None,
     "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"),
]

FAIRNESS = [
    ("grassroots", 30, "Chỉ thị 01/CT-UBND mục 8: hướng về cơ sở (tỷ lệ mục tiêu, cần xác minh)"),
    ("direct_workers", 40, "Chỉ thị 01/CT-UBND mục 6, 8: người trực tiếp lao động (tỷ lệ mục tiêu, cần xác minh)"),
    ("women", 30, "Ưu tiên nữ (tỷ lệ mục tiêu, cần xác minh)"),
    ("non_state", 10, "Chỉ thị 01/CT-UBND mục 8: khu vực ngoài nhà nước (tỷ lệ mục tiêu, cần xác minh)"),
]


def seed_rules() -> int:
    awards = {a.code: a for a in AwardType.objects.all()}
    for code, kind, params, basis, article, start, end, description in RULES:
        EligibilityRule.objects.update_or_create(
            award_type=awards[code], kind=kind, effective_from=start, description=description,
            defaults={"params": params, "legal_basis": basis, "article": article, "effective_to": end})
    for dimension, share, basis in FAIRNESS:
        FairnessTarget.objects.get_or_create(dimension=dimension, defaults={"min_share": share, "basis": basis})
    return len(RULES)
