"""Small vector charts (SVG) for the PDF reports: WeasyPrint draws them as vectors."""

from __future__ import annotations

from django.utils.html import escape

RED, GREY = "#a50e1c", "#777777"


def bar_chart(items: list[tuple[str, float]], width: int = 460, bar_height: int = 16, label_width: int = 180) -> str:
    if not items:
        return ""
    top = max(v for _l, v in items) or 1
    height = len(items) * (bar_height + 6) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Liberation Serif" font-size="10">']
    for i, (label, value) in enumerate(items):
        y = 6 + i * (bar_height + 6)
        length = (width - label_width - 40) * (value / top)
        parts.append(f'<text x="{label_width - 4}" y="{y + bar_height - 4}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{RED}"/>')
        parts.append(f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 4}">{value:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def trend(points: list[tuple[int, float]], target: float | None, width: int = 100, height: int = 30) -> str:
    """A sparkline over the twelve months, with the target as a dashed line when on scale."""
    if not points:
        return ""
    values = [v for _m, v in points] + ([target] if target is not None else [])
    low, high = min(values + [0]), max(values) or 1
    span = (high - low) or 1

    def xy(month, value):
        return 2 + (width - 4) * (month - 1) / 11, height - 2 - (height - 4) * (value - low) / span

    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(m, v) for m, v in points))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    if target is not None:
        _x, y = xy(1, target)
        parts.append(f'<line x1="2" y1="{y:.1f}" x2="{width - 2}" y2="{y:.1f}" stroke="{GREY}" stroke-dasharray="4 3"/>')
    parts.append(f'<polyline points="{line}" fill="none" stroke="{RED}" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)
