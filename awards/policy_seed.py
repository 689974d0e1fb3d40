"""The Board's fairness targets (its own policy, not law: awards/models/policy.py), seeded with the directive's data."""

from .models import FairnessTarget

FAIRNESS = [
    ("grassroots", 30, "Chỉ thị 01/CT-UBND mục 8: hướng về cơ sở (tỷ lệ mục tiêu, cần xác minh)"),
    ("direct_workers", 40, "Chỉ thị 01/CT-UBND mục 6, 8: người trực tiếp lao động (tỷ lệ mục tiêu, cần xác minh)"),
    ("women", 30, "Ưu tiên nữ (tỷ lệ mục tiêu, cần xác minh)"),
    ("non_state", 10, "Chỉ thị 01/CT-UBND mục 8: khu vực ngoài nhà nước (tỷ lệ mục tiêu, cần xác minh)"),
]


def seed_fairness_targets() -> int:
    """Create the targets the Board has not set yet (the Board's own figures are kept)."""
    for dimension, share, basis in FAIRNESS:
        FairnessTarget.objects.get_or_create(dimension=dimension, defaults={"min_share": share, "basis": basis})
    return len(FAIRNESS)
