"""Builders for cluster tests."""


def score_lines(covenant, points):
    """The POST data of the score form: points and a note for each criterion, in order."""
    data = {}
    for criterion, value in zip(covenant.criteria.order_by("order"), points, strict=False):
        data[f"points_{criterion.pk}"] = str(value).replace(".", ",")  # typed the Vietnamese way
        data[f"text_{criterion.pk}"] = "Báo cáo số 12/BC"
    return data
