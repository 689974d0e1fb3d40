"""Exactly the movements and themes Directive 01/CT-UBND names (item 2 and item 4)."""

from legal.models import LegalDocument

from .models import Authority, Movement, MovementKind, MovementStatus, Scope

DIRECTIVE = "01/CT-UBND"

# code, name (as written in the directive), kind, authority, scope, parent code, basis numbers, description
MOVEMENTS = [
    ("chu-de-2023", "Đẩy mạnh chỉnh trang, hiện đại hóa đô thị - Xây dựng nông thôn mới kiểu mẫu - Thực hiện chuyển "
     "đổi số", MovementKind.THEME, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, None, [DIRECTIVE, "80/NQ-HĐND"],
     "Chủ đề hành động năm 2023 của thành phố."),
    ("chu-de-dai-hoi-thi-dua-x", "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc", MovementKind.THEME,
     Authority.CENTRAL, Scope.NATIONWIDE, None, [DIRECTIVE], "Chủ đề Đại hội thi đua toàn quốc lần thứ X."),
    ("phong-chong-covid-19", "Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch "
     "Covid-19", MovementKind.SPECIAL, Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, [DIRECTIVE],
     "Phong trào thi đua đặc biệt do Thủ tướng Chính phủ phát động."),
    ("xay-dung-nong-thon-moi", "Cả nước chung sức, xây dựng nông thôn mới", MovementKind.THEMATIC,
     Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, [DIRECTIVE], "Phong trào do Thủ tướng Chính phủ phát động."),
    ("vi-nguoi-ngheo", "Vì người nghèo - Không để ai bị bỏ lại phía sau", MovementKind.THEMATIC,
     Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, [DIRECTIVE], "Phong trào do Thủ tướng Chính phủ phát động."),
    ("van-hoa-cong-so", "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", MovementKind.THEMATIC,
     Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, [DIRECTIVE], "Phong trào do Thủ tướng Chính phủ phát động."),
    ("ket-cau-ha-tang-tiet-kiem", "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại và thực hành tiết kiệm, "
     "chống lãng phí", MovementKind.THEMATIC, Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, [DIRECTIVE],
     "Phong trào do Thủ tướng Chính phủ phát động."),
]
THEME_2023_DATES = ("2023-01-01", "2023-12-31")


def seed_movements() -> int:
    documents = {d.number: d for d in LegalDocument.objects.all()}
    for code, name, kind, authority, scope, parent, basis, description in MOVEMENTS:
        defaults = {"name": name, "kind": kind, "authority": authority, "scope": scope,
                    "description": description, "parent": Movement.objects.filter(code=parent).first()}
        if code == "chu-de-2023":
            defaults["starts_on"], defaults["ends_on"] = THEME_2023_DATES
        movement, created = Movement.objects.get_or_create(code=code, defaults={**defaults,
                                                                               "status": MovementStatus.ACTIVE})
        if not created:
            for field, value in defaults.items():
                setattr(movement, field, value)
            movement.save()
        movement.legal_basis.set([documents[number] for number in basis])
    return len(MOVEMENTS)
