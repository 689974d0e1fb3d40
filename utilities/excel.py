"""Reading the data rows of an uploaded Excel workbook (every import uses this)."""

import io

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

# Text beginning with one of these becomes a formula in Excel or LibreOffice (CSV/formula injection, OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def workbook_bytes(book) -> bytes:
    """Save ``book`` with every text cell stored as text: user text such as ``=HYPERLINK(…)`` stays inert (every
    export of the portal saves through here)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class UnreadableWorkbook(Exception):
    pass


MAX_ERRORS = 100


def validate_column(sheet, column: str, *, choices: str | None = None, formula: str | None = None,
                    max_length: int | None = None, whole: tuple[int, int] | None = None, message: str = "") -> None:
    """Data validation on a template's column (rows 2 to the import limit): a drop-down list (``choices``, comma
    separated, or ``formula`` such as a range of another sheet), a length limit, or a whole number range."""
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    if choices is not None or formula is not None:
        rule = DataValidation(type="list", formula1=formula or f'"{choices}"', allow_blank=True)
    elif max_length is not None:
        rule = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(max_length),
                              allow_blank=True)
    else:
        rule = DataValidation(type="whole", operator="between", formula1=str(whole[0]), formula2=str(whole[1]),
                              allow_blank=True)
    rule.error, rule.errorTitle, rule.showErrorMessage = message, _("Value not allowed"), True
    sheet.add_data_validation(rule)
    rule.add(f"{column}2:{column}{max_rows() + 1}")


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def data_rows(upload, width: int, progress=None) -> list[tuple[int, list]]:
    """(row number, the first ``width`` cells padded with None) for each non-empty row under the header.

    Bounded before any work: a sheet that declares more than ``IMPORT_MAX_ROWS`` rows is refused at once, and
    reading stops there too if the declaration lies (openpyxl read-only mode streams the rows)."""
    from openpyxl import load_workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    limit = max_rows()
    too_many = _("The file has more than %(n)s rows; import at most %(n)s rows at a time (split the file).") % {
        "n": limit}
    try:
        sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:
        raise UnreadableWorkbook(_("The file cannot be read as an Excel workbook.")) from exc
    if (sheet.max_row or 0) > limit + 1:
        raise UnreadableWorkbook(too_many)
    rows = []
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            if number > limit + 1:
                raise UnreadableWorkbook(too_many)
            values = (list(values) + [None] * width)[:width]
            if any(v not in (None, "") for v in values):
                rows.append((number, values))
            if progress is not None:
                progress(number - 1)
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # a damaged part inside the archive
        raise UnreadableWorkbook(_("The file cannot be read as an Excel workbook.")) from exc
    return rows


def capped(errors: list) -> list:
    """At most MAX_ERRORS row errors, and a last line saying how many more there are."""
    if len(errors) <= MAX_ERRORS:
        return errors
    rest = len(errors) - MAX_ERRORS
    extra = _("… and %(n)s more rows with errors (correct the ones above first).") % {"n": rest}
    first = errors[0]
    row = (0, extra) if isinstance(first, tuple) else type(first)(0, extra)
    return errors[:MAX_ERRORS] + [row]


def too_long(value: str, limit: int, label: str) -> str | None:
    """A row problem when a cell is longer than its column holds."""
    if len(value) > limit:
        return _("%(label)s has %(n)s characters (at most %(limit)s)") % {"label": label, "n": len(value),
                                                                          "limit": limit}
    return None


def table_workbook(*, title: str, subtitle: str, headers: list[str], rows, widths: list[int],
                   formats: dict[int, str] | None = None, footer=(), sheet_name: str = "") -> bytes:
    """A workbook of one sheet laid out by ``add_table``."""
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    book = Workbook()
    book.remove(book.active)
    add_table(book, title=title, subtitle=subtitle, headers=headers, rows=rows, widths=widths, formats=formats,
              footer=footer, sheet_name=sheet_name)
    return workbook_bytes(book)


def add_table(book, *, title: str, subtitle: str, headers: list[str], rows, widths: list[int],
              formats: dict[int, str] | None = None, footer=(), sheet_name: str = ""):
    """One sheet as officers expect it: a bold title row naming the document, a line for its period or number,
    a bold frozen header, real number formats (``formats``: column index -> format) and column widths."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    sheet = book.create_sheet((sheet_name or title)[:31])
    last = get_column_letter(len(headers))
    sheet.append([title])
    sheet.append([subtitle])
    sheet.append([])
    sheet.append(headers)
    for row in (1, 2):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[1].height = 36
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    sheet.cell(2, 1).font = Font(italic=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(4, column)
        cell.font, cell.border = Font(bold=True), border
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A5"
    formats = formats or {}
    for values in rows:
        sheet.append(list(values))
        for column in range(1, len(headers) + 1):
            cell = sheet.cell(sheet.max_row, column)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if column - 1 in formats and cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = formats[column - 1]
    for values in footer:
        sheet.append(list(values))
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(sheet.max_row, column)
            cell.font = Font(bold=True)
            if column - 1 in formats and value is not None and not isinstance(value, str):
                cell.number_format = formats[column - 1]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return sheet


# --- Excel exports of the officers' list pages ------------------------------------------------------------------

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE = "DD/MM/YYYY"
WHOLE = "#,##0"


def export_max_rows() -> int:
    """Rows one list export holds at most (``EXPORT_MAX_ROWS``): a wider list says so in the file."""
    return getattr(settings, "EXPORT_MAX_ROWS", 10000)


def first_rows(queryset) -> tuple[list, bool]:
    """The first ``export_max_rows()`` rows of ``queryset`` in one query, and whether more exist."""
    limit = export_max_rows()
    items = list(queryset[: limit + 1])
    return items[:limit], len(items) > limit


def filter_summary(filterset=None, **extra) -> str:
    """The filters a list page applied, as one line for the sheet's second row ("Status: Submitted; Year: 2024")."""
    parts = []
    if filterset is not None and filterset.is_bound and filterset.form.is_valid():
        form = filterset.form
        for name, value in form.cleaned_data.items():
            field = form.fields[name]
            if value in (None, "", [], ()) or field.widget.is_hidden:
                continue
            choices = dict(getattr(field, "choices", None) or ())
            text = choices.get(value, value) if choices and not hasattr(value, "pk") else value
            if hasattr(text, "strftime"):
                text = text.strftime("%d/%m/%Y")
            parts.append(f"{field.label}: {text}")
    parts += [f"{label}: {value}" for label, value in extra.items() if value]
    return "; ".join(parts)


def list_export(*, title: str, filename: str, headers: list[str], rows, widths: list[int], truncated: bool = False,
                filters: str = "", formats: dict[int, str] | None = None, sheet_name: str = "", more=()):
    """The download of a list page: the shared layout of ``add_table`` (title, a line naming the filters applied and
    the date, bold frozen header, formats, widths), a last line when the list was cut at ``export_max_rows()``,
    and ``more`` sheets (dicts of ``add_table``'s arguments) after the first."""
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    today = timezone.localdate().strftime("%d/%m/%Y")
    subtitle = (_("Filters: %(filters)s · exported on %(date)s") % {"filters": filters, "date": today} if filters
                else _("Whole list · exported on %(date)s") % {"date": today})
    footer = []
    if truncated:
        footer = [[_("Only the first %(n)s rows are in this file: narrow the filters to export the rest.") % {
            "n": export_max_rows()}]]
    book = Workbook()
    book.remove(book.active)
    add_table(book, title=title, subtitle=subtitle, headers=headers, rows=rows, widths=widths, formats=formats,
              footer=footer, sheet_name=sheet_name)
    for sheet in more:
        add_table(book, subtitle=subtitle, **sheet)
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def local(moment):
    """A stored (aware) date and time as Excel holds it: local wall-clock time, no zone."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None
