"""Reading the data rows of an uploaded Excel workbook (every import uses this)."""

from django.utils.translation import gettext as _


class UnreadableWorkbook(Exception):
    pass


def data_rows(upload, width: int) -> list[tuple[int, list]]:
    """(row number, the first ``width`` cells padded with None) for each non-empty row under the header."""
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:
        raise UnreadableWorkbook(_("The file cannot be read as an Excel workbook.")) from exc
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = (list(values) + [None] * width)[:width]
        if any(v not in (None, "") for v in values):
            rows.append((number, values))
    return rows
