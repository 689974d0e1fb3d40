"""Nominee lists from Excel: a downloadable template, row-by-row errors, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from legal.models import AwardType
from organisation.text import fold
from utilities.excel import UnreadableWorkbook, capped, data_rows, too_long, validate_column, workbook_bytes

from .models import Subject, Submission
from .services import save_nominee

HEADERS = ["Đối tượng (Cá nhân / Tập thể / Hộ gia đình)", "Họ tên hoặc tên tập thể, hộ gia đình",
           "Danh hiệu, hình thức khen thưởng (mã hoặc tên)", "Tóm tắt thành tích", "Báo cáo thành tích (không bắt buộc)"]
SUBJECTS = {fold("Cá nhân"): Subject.INDIVIDUAL, fold("Tập thể"): Subject.COLLECTIVE,
            fold("Hộ gia đình"): Subject.HOUSEHOLD}
MAX_ROWS = 2000


def template_workbook() -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written
    from openpyxl.styles import Font  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sach de nghi"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Cá nhân", "Nguyễn Văn A", "bang-khen-chu-tich", "Hoàn thành xuất sắc nhiệm vụ năm 2023", ""])
    for column, width in zip("ABCDE", (26, 36, 40, 60, 40), strict=True):
        sheet.column_dimensions[column].width = width
    awards = book.create_sheet("Ma danh hieu")
    awards.append(["Mã", "Tên", "Đối tượng"])
    for award in AwardType.objects.filter(is_active=True):
        awards.append([award.code, award.name, award.get_subject_display()])
    validate_column(sheet, "A", choices="Cá nhân,Tập thể,Hộ gia đình",
                    message=_("Choose Cá nhân, Tập thể or Hộ gia đình."))
    validate_column(sheet, "B", max_length=255, message=_("At most 255 characters."))
    validate_column(sheet, "C", formula=f"'Ma danh hieu'!$A$2:$A${awards.max_row}",
                    message=_("Choose an award code from the sheet “Ma danh hieu”."))
    return workbook_bytes(book)


@dataclass
class RowError:
    row: int
    message: str


def parse(upload, progress=None) -> tuple[list[dict], list[RowError]]:
    try:
        sheet_rows = data_rows(upload, 5, progress)
    except UnreadableWorkbook as exc:
        return [], [RowError(0, str(exc))]
    awards = {a.code: a for a in AwardType.objects.filter(is_active=True)}
    by_name = {fold(a.name): a for a in awards.values()}
    rows, errors = [], []
    for number, values in sheet_rows:
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, _("At most %(n)s rows per file.") % {"n": MAX_ROWS}))
            break
        values = ["" if v is None else str(v).strip() for v in values]
        if not any(values):
            continue
        subject_text, name, award_text, summary, report = values
        problems = []
        subject = SUBJECTS.get(fold(subject_text))
        if subject is None:
            problems.append(_("subject “%(value)s” must be Cá nhân, Tập thể or Hộ gia đình") % {"value": subject_text})
        if not name:
            problems.append(_("the name is missing"))
        problems += filter(None, [too_long(name, 255, _("the name"))])
        award = awards.get(award_text) or by_name.get(fold(award_text))
        if award is None:
            problems.append(_("unknown award “%(value)s” (see the sheet “Ma danh hieu”)") % {"value": award_text})
        elif subject and award.subject != subject:
            problems.append(_("“%(award)s” is not for this subject") % {"award": award.name})
        if not summary:
            problems.append(_("the achievement summary is missing"))
        if problems:
            errors.append(RowError(number, "; ".join(problems)))
        else:
            rows.append({"subject": subject, "name": name, "award_type": award, "achievement_summary": summary,
                         "achievement_report": report})
    if not rows and not errors:
        errors.append(RowError(0, _("The file has no nominee rows.")))
    return rows, capped(errors)


@transaction.atomic
def import_nominees(user, submission: Submission, upload, progress=None) -> tuple[int, list[RowError]]:
    """Add every row, or none if any row is wrong (so nothing is half-imported)."""
    rows, errors = parse(upload, progress)
    if errors:
        return 0, errors
    for row in rows:
        try:
            save_nominee(user, submission, **row)
        except ValidationError as exc:
            transaction.set_rollback(True)
            return 0, [RowError(0, " ".join(exc.messages))]
    return len(rows), []


def run_job(job, upload, progress):
    """A large nominee list, in a worker (core/import_jobs.py)."""
    submission = Submission.objects.get(pk=job.object_id)
    try:
        count, errors = import_nominees(job.user, submission, upload, progress)
    except ValidationError as exc:
        return 0, [(0, " ".join(exc.messages))]
    return count, [(e.row, e.message) for e in errors]
