"""Nominee lists from Excel: a downloadable template, row-by-row errors, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from legal.models import AwardType
from organisation.models import Person, Unit
from organisation.text import fold
from utilities.excel import UnreadableWorkbook, capped, data_rows, too_long, validate_column, workbook_bytes

from .models import ArticlePoint, Subject, Submission
from .services import add_nominees

# The template's columns, in order: the nomination, then the person or collective it is for (codes, so that the
# eligibility engine reads their records), the point of Law 06/2022 Art 74.1 a Chairman's Bằng khen rests on with
# its evidence, the facts of an ad hoc or thematic achievement (Decree 98/2023 and 152/2025 Art 4: what, when,
# movement or event, the deciding document), and a worker's or farmer's results of the year (Art 24.3).
COLUMNS = [
    ("subject", "Đối tượng (Cá nhân / Tập thể / Hộ gia đình)"),
    ("name", "Họ tên hoặc tên tập thể, hộ gia đình"),
    ("award", "Danh hiệu, hình thức khen thưởng (mã hoặc tên)"),
    ("summary", "Tóm tắt thành tích"),
    ("report", "Báo cáo thành tích (không bắt buộc)"),
    ("person", "Mã cá nhân (cá nhân, hộ gia đình; xem trang “Ma ca nhan”)"),
    ("collective", "Mã đơn vị được đề nghị (tập thể)"),
    ("criterion", "Tiêu chuẩn đề nghị (điểm a, b, c, d khoản 1 Điều 74 Luật Thi đua, khen thưởng)"),
    ("criterion_evidence", "Minh chứng của tiêu chuẩn"),
    ("achievement_on", "Ngày lập thành tích (khen đột xuất, dd/mm/yyyy)"),
    ("achievement_event", "Phong trào hoặc sự kiện (khen đột xuất, theo đợt, chuyên đề)"),
    ("evidence_document", "Văn bản ghi nhận, quyết định về thành tích"),
    ("labour_productivity", "Năng suất, chất lượng đạt hoặc vượt (công nhân, nông dân - Điều 24.3: Có/Không)"),
    ("labour_income", "Thu nhập ổn định (Có/Không)"),
    ("labour_initiative", "Áp dụng sáng kiến, kỹ thuật mới (Có/Không)"),
    ("labour_details", "Số liệu, chi tiết kết quả"),
    ("labour_source", "Xác nhận của (cơ quan, UBND xã)"),
]
HEADERS = [header for _key, header in COLUMNS]
LETTER = {key: chr(ord("A") + index) for index, (key, _header) in enumerate(COLUMNS)}
HEADER = dict(COLUMNS)
SUBJECTS = {fold("Cá nhân"): Subject.INDIVIDUAL, fold("Tập thể"): Subject.COLLECTIVE,
            fold("Hộ gia đình"): Subject.HOUSEHOLD}
YES_NO = {fold(word): True for word in ("Có", "Đạt", "x")} | {fold(word): False for word in ("Không", "Không đạt")}
LIMITS = {"criterion_evidence": 4000, "achievement_event": 300, "evidence_document": 300, "labour_details": 4000,
          "labour_source": 200}
# What save_nominee names in a refusal, and the column it came from.
FIELD_COLUMN = {"subject": "subject", "name": "name", "award_type": "award", "achievement_summary": "summary",
                "person": "person", "collective_unit": "collective", "criterion": "criterion",
                "criterion_evidence": "criterion_evidence", "achievement_on": "achievement_on",
                "achievement_event": "achievement_event", "evidence_document": "evidence_document",
                "labour_productivity": "labour_productivity"}
MAX_ROWS = 10000  # a large district's yearly list; imported by a worker in about 15 s (bench/heavy_report.py)


def template_workbook(persons=None) -> bytes:
    """The blank list a unit fills in; ``persons`` (the caller's, scoped) are listed with their codes."""
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written
    from openpyxl.styles import Font  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sach de nghi"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Cá nhân", "Nguyễn Văn A", "bang-khen-chu-tich", "Cứu 05 người mắc kẹt trong nước lũ", "", "", "",
                  "", "", "07/09/2024", "Cơn bão số 3 (Yagi)", "Công văn 310/UBND-VP ngày 10/9/2024 của UBND phường",
                  "", "", "", "", ""])
    for index, width in enumerate((26, 36, 40, 60, 40, 18, 22, 24, 50, 20, 40, 50, 26, 16, 20, 40, 30)):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "C2"
    awards = book.create_sheet("Ma danh hieu")
    awards.append(["Mã", "Tên", "Đối tượng"])
    for award in AwardType.objects.filter(is_active=True):
        awards.append([award.code, award.name, award.get_subject_display()])
    validate_column(sheet, "A", choices="Cá nhân,Tập thể,Hộ gia đình",
                    message=_("Choose Cá nhân, Tập thể or Hộ gia đình."))
    validate_column(sheet, "B", max_length=255, message=_("At most 255 characters."))
    validate_column(sheet, "C", formula=f"'Ma danh hieu'!$A$2:$A${awards.max_row}",
                    message=_("Choose an award code from the sheet “Ma danh hieu”."))
    if persons is not None:
        listed = book.create_sheet("Ma ca nhan")
        listed.append(["Mã", "Họ tên", "Đơn vị", "Đối tượng"])
        for person in persons.select_related("unit").order_by("unit__path", "full_name")[:5000]:
            listed.append([person.pk, person.full_name, person.unit.name, person.get_category_display()])
    validate_column(sheet, LETTER["criterion"], choices=",".join(ArticlePoint.values),
                    message=_("Choose the point a, b, c or d of Art 74.1 (leave it empty for other awards)."))
    for key in ("labour_productivity", "labour_income", "labour_initiative"):
        validate_column(sheet, LETTER[key], choices="Có,Không", message=_("Choose Có or Không, or leave it empty."))
    for key, limit in LIMITS.items():
        validate_column(sheet, LETTER[key], max_length=limit,
                        message=_("At most %(n)s characters.") % {"n": limit})
    return workbook_bytes(book)


@dataclass
class RowError:
    row: int
    message: str


def _problem(key: str, message: str) -> str:
    return _("column %(letter)s “%(column)s”: %(problem)s") % {"letter": LETTER[key], "column": HEADER[key],
                                                              "problem": message}


def _date(value):
    """A date cell, or text as dd/mm/yyyy (or yyyy-mm-dd); None if empty; ValueError if not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _facts(cells: dict, problems: list) -> dict:
    """The point, the achievement's facts and the Art 24.3 results of one row, as save_nominee takes them."""
    facts = {}
    criterion = fold(cells["criterion"]).removeprefix("diem").strip()
    if criterion and criterion not in ArticlePoint.values:
        problems.append(_problem("criterion", _("“%(value)s” is not a point; write a, b, c or d") % {
            "value": cells["criterion"]}))
    facts["criterion"] = criterion if criterion in ArticlePoint.values else ""
    try:
        facts["achievement_on"] = _date(cells["achievement_on"])
    except ValueError:
        problems.append(_problem("achievement_on", _("“%(value)s” is not a date; write it as dd/mm/yyyy") % {
            "value": cells["achievement_on"]}))
    for key, limit in LIMITS.items():
        text = _text(cells[key])
        problems += [_problem(key, m) for m in filter(None, [too_long(text, limit, _("the text"))])]
        facts[key] = text
    for key in ("labour_productivity", "labour_income", "labour_initiative"):
        text = _text(cells[key])
        if text and fold(text) not in YES_NO:
            problems.append(_problem(key, _("“%(value)s”: write Có or Không, or leave it empty") % {"value": text}))
        facts[key] = YES_NO.get(fold(text)) if text else None
    return facts


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def parse(upload, progress=None, submission: Submission | None = None) -> tuple[list[dict], list[RowError]]:
    try:
        sheet_rows = data_rows(upload, len(COLUMNS), progress)
    except UnreadableWorkbook as exc:
        return [], [RowError(0, str(exc))]
    awards = {a.code: a for a in AwardType.objects.filter(is_active=True)}
    by_name = {fold(a.name): a for a in awards.values()}
    unit_path = submission.unit.path if submission is not None else ""
    # One query each for the person and unit codes the sheet names, inside the submitting unit.
    index = [key for key, _header in COLUMNS].index
    person_codes = {int(c) for c in (_text(v[index("person")]).removesuffix(".0") for _n, v in sheet_rows)
                    if c.isdigit() and len(c) < 10}
    unit_codes = {_text(v[index("collective")]) for _n, v in sheet_rows} - {""}
    persons = {p.pk: p for p in Person.objects.filter(pk__in=person_codes, unit__path__startswith=unit_path)
               .select_related("unit")} if person_codes else {}
    units = {u.code: u for u in Unit.objects.filter(code__in=unit_codes, path__startswith=unit_path)} \
        if unit_codes else {}
    rows, errors = [], []
    for number, values in sheet_rows:
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, _("At most %(n)s rows per file.") % {"n": MAX_ROWS}))
            break
        cells = dict(zip([key for key, _header in COLUMNS], values, strict=True))
        if not any(_text(v) for v in values):
            continue
        subject_text, name, award_text, summary, report = (_text(cells[k]) for k in (
            "subject", "name", "award", "summary", "report"))
        problems = []
        subject = SUBJECTS.get(fold(subject_text))
        if subject is None:
            problems.append(_("subject “%(value)s” must be Cá nhân, Tập thể or Hộ gia đình") % {"value": subject_text})
        person = collective = None
        person_code = _text(cells["person"]).removesuffix(".0")
        if person_code:
            person = persons.get(int(person_code)) if person_code.isdigit() and len(person_code) < 10 else None
            if person is None:
                problems.append(_problem("person", _("no person of the submitting unit has the code “%(value)s”")
                                         % {"value": person_code}))
        unit_code = _text(cells["collective"])
        if unit_code:
            collective = units.get(unit_code)
            if collective is None:
                problems.append(_problem("collective", _("no unit of the submitting unit has the code “%(value)s”")
                                         % {"value": unit_code}))
        name = name or (person.full_name if person else collective.name if collective else "")
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
        facts = _facts(cells, problems)
        if problems:
            errors.append(RowError(number, "; ".join(problems)))
        else:
            rows.append({"row": number, "subject": subject, "name": name, "award_type": award,
                         "achievement_summary": summary, "achievement_report": report, "person": person,
                         "collective_unit": collective, **facts})
    if not rows and not errors:
        errors.append(RowError(0, _("The file has no nominee rows.")))
    return rows, capped(errors)


def _refusal(number: int, exc: ValidationError) -> RowError:
    """save_nominee's refusal of one row, each message under the column it is about."""
    if not hasattr(exc, "error_dict"):
        return RowError(number, " ".join(exc.messages))
    parts = []
    for field, messages in exc.message_dict.items():
        key = FIELD_COLUMN.get(field)
        parts += [_problem(key, m) if key else m for m in messages]
    return RowError(number, "; ".join(parts))


@transaction.atomic
def import_nominees(user, submission: Submission, upload, progress=None) -> tuple[int, list[RowError]]:
    """Add every row, or none if any row is wrong (so nothing is half-imported)."""
    rows, errors = parse(upload, progress, submission)
    if errors:
        return 0, errors
    # Every row checked as save_nominee checks it, then all written at once and each judged (the law and the
    # evidence of the sheet's people read once): a few queries per row instead of some thirty.
    numbers = [row.pop("row") for row in rows]
    errors = [_refusal(numbers[index], exc) for index, exc in add_nominees(user, submission, rows, progress)]
    if errors:  # all rows or none
        transaction.set_rollback(True)
        return 0, capped(errors)
    return len(rows), []


def run_job(job, upload, progress):
    """A large nominee list, in a worker (core/import_jobs.py)."""
    submission = Submission.objects.get(pk=job.object_id)
    try:
        count, errors = import_nominees(job.user, submission, upload, progress)
    except ValidationError as exc:
        return 0, [(0, " ".join(exc.messages))]
    return count, [(e.row, e.message) for e in errors]
