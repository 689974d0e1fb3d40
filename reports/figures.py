"""The key figures of a report, kept with it, so that producing it again says what changed (and why it may)."""

from __future__ import annotations

from decimal import Decimal


def _plain(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.01"))
        text = f"{value:f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def key_figures(kind: str, content: dict) -> dict[str, str]:
    """{label: figure as text} of the numbers the report prints."""
    figures: dict[str, str] = {}
    if "circular_forms" in content:
        for form in content["circular_forms"]["forms"]:
            for row in form["rows"]:
                for column, value in zip(form["form"].columns, row["cells"], strict=True):
                    if value is not None:
                        figures[f"{form['form'].number} mã {row['line'].code or '—'} cột {column.code}"] = _plain(value)
        return figures
    if "stats" in content:
        stats = content["stats"]
        for row in stats["f0603"]:
            figures[f"0603 {row['award_type__name']} ({row['subject']})"] = _plain(row["n"])
        for row in stats["f0602"]:
            figures[f"0602 {row['award_type__name']}"] = _plain(row["n"])
        figures["Quỹ: số dư cuối năm"] = _plain(stats["fund"]["closing"])
        return figures
    nominations = content["nominations"]
    for row in nominations["pipeline"]:
        figures[f"Hồ sơ {row['status']}"] = _plain(row["n"])
    for key, label in (("decisions", "Quyết định khen thưởng"), ("revocations", "Quyết định hủy bỏ"),
                       ("overdue", "Hồ sơ quá hạn"), ("sent_in_period", "Hồ sơ gửi trong kỳ"),
                       ("received_in_period", "Hồ sơ tiếp nhận trong kỳ")):
        figures[label] = _plain(nominations.get(key))
    figures["Được khen thưởng trong kỳ"] = _plain(nominations["totals"]["all"])
    for row in content["targets"]:
        figures[f"Chỉ tiêu: {row.target.statement[:80]}"] = _plain(row.progress.year_value)
    return figures


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """"label: old → new" for every figure that differs (new and vanished ones included)."""
    lines = []
    for label in sorted(set(before) | set(after)):
        old, new = before.get(label, "—"), after.get(label, "—")
        if old != new:
            lines.append(f"{label}: {old} → {new}")
    return lines
