"""Every legal document Directive 01/CT-UBND cites, plus the directive itself."""

import datetime as dt

from .bases_seed import seed_legal_bases
from .models import DocumentKind, LegalDocument

D = dt.date

DIRECTIVE_DOCUMENTS = [
    # number, kind, issued, issuer, title, in force from
    ("01/CT-UBND", DocumentKind.DIRECTIVE, D(2023, 1, 4), "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng",
     "Về việc tiếp tục đẩy mạnh các phong trào thi đua yêu nước thực hiện thắng lợi chủ đề hành động năm 2023 "
     "của thành phố “Đẩy mạnh chỉnh trang, hiện đại hóa đô thị - Xây dựng nông thôn mới kiểu mẫu - Thực hiện "
     "chuyển đổi số”", D(2023, 1, 4)),
    ("34-CT/TW", DocumentKind.DIRECTIVE, D(2014, 4, 7), "Bộ Chính trị",
     "Về đổi mới công tác thi đua, khen thưởng", D(2014, 4, 7)),
    ("05-CT/TW", DocumentKind.DIRECTIVE, D(2016, 5, 15), "Bộ Chính trị",
     "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", D(2016, 5, 15)),
    ("19/CT-TTg", DocumentKind.DIRECTIVE, D(2021, 7, 16), "Thủ tướng Chính phủ",
     "Về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm và Kế hoạch "
     "5 năm (2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", D(2021, 7, 16)),
    ("16/KH-HĐTĐKT", DocumentKind.PLAN, D(2021, 8, 31), "Hội đồng Thi đua - Khen thưởng Trung ương",
     "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ theo tinh thần Nghị quyết Đại hội "
     "đại biểu toàn quốc lần thứ XIII của Đảng", D(2021, 8, 31)),
    ("298/KH-UBND", DocumentKind.PLAN, D(2020, 12, 29), "Ủy ban nhân dân thành phố Hải Phòng",
     "Phát động phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ thành phố lần thứ XVI, "
     "nhiệm kỳ 2020 - 2025", D(2020, 12, 29)),
    ("45-NQ/TW", DocumentKind.RESOLUTION, D(2019, 1, 24), "Bộ Chính trị",
     "Về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045", D(2019, 1, 24)),
    ("80/NQ-HĐND", DocumentKind.RESOLUTION, D(2022, 12, 9), "Hội đồng nhân dân thành phố Hải Phòng",
     "Về nhiệm vụ kinh tế - xã hội, quốc phòng - an ninh thành phố năm 2023", D(2022, 12, 9)),
    ("03-NQ/TU", DocumentKind.RESOLUTION, D(2021, 10, 26), "Ban Thường vụ Thành ủy Hải Phòng",
     "Về chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030", D(2021, 10, 26)),
    ("06/2022/QH15", DocumentKind.LAW, D(2022, 6, 15), "Quốc hội khóa XV",
     "Luật Thi đua, khen thưởng", D(2024, 1, 1)),
]


def seed_legal_documents() -> int:
    """Create or update the directive's documents; returns how many exist."""
    for number, kind, issued, issuer, title, effective_from in DIRECTIVE_DOCUMENTS:
        LegalDocument.objects.update_or_create(
            number=number,
            issued_on=issued,
            defaults={"kind": kind, "issuer": issuer, "title": title, "effective_from": effective_from},
        )
    seed_legal_bases()
    return len(DIRECTIVE_DOCUMENTS)
