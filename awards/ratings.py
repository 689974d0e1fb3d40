"""Yearly task ratings entered by units from Excel: a template listing their persons, row-by-row errors."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from organisation.models import Person
from organisation.permissions import is_board
from organisation.scoping import scope_to_user
from utilities.excel import UnreadableWorkbook, capped, data_rows, workbook_bytes
from utilities.params import YEAR_MIN

from .models import Rating, TaskRating

HEADERS = ["Mã cá nhân", "Họ và tên", "Đơn vị", "Năm", "Xếp loại (HTXSNV/HTTNV/HTNV/KHTNV)"]


def _persons(user):
    return scope_to_user(Person.objects.select_related("unit"), user).order_by("unit__path", "full_name")


def template(user, year: int) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for person in _persons(user)[:5000]:
        sheet.append([person.pk, person.full_name, person.unit.name, year, ""])
    return workbook_bytes(book)


@transaction.atomic
def import_ratings(user, upload, today=None, progress=None) -> tuple[int, list[tuple[int, str]]]:
    """All rows or none; every problem is a row error (unknown person codes, years outside 1945 to next year,
    unknown ratings), and the rows are written in bulk (two queries, whatever their number) with their history."""
    try:
        sheet_rows = data_rows(upload, 5, progress)
    except UnreadableWorkbook as exc:
        return 0, [(0, str(exc))]
    last_year = (today or timezone.localdate()).year + 1
    parsed, errors = [], []
    for number, values in sheet_rows:
        person_id, _name, _unit, year, rating = values
        if rating is None or not str(rating).strip():
            continue  # the template lists every person; a unit rates those it has assessed
        problems = []
        person_id, year = _whole(person_id), _whole(year)
        if person_id is None or year is None:
            problems.append(_("person code and year must be whole numbers"))
        elif not YEAR_MIN <= year <= last_year:
            problems.append(_("year %(year)s is outside %(first)s–%(last)s") % {
                "year": year, "first": YEAR_MIN, "last": last_year})
        rating = str(rating or "").strip().upper()
        if rating not in Rating.values:
            problems.append(_("rating “%(value)s” must be HTXSNV, HTTNV, HTNV or KHTNV") % {"value": rating[:20]})
        parsed.append((number, person_id, year, rating, problems))
    # One query for every person code of the sheet, inside the user's scope (the Board's is the whole city).
    codes = {p for _n, p, _y, _r, problems in parsed if p is not None and not problems}
    known = set(_persons(user).filter(pk__in=codes).values_list("pk", flat=True)) if codes else set()
    rows = {}
    for number, person_id, year, rating, problems in parsed:
        if not problems and person_id not in known:
            problems.append(_("person %(id)s is not in your unit") % {"id": person_id} if not is_board(user) else
                            _("no person has the code %(id)s") % {"id": person_id})
        if problems:
            errors.append((number, "; ".join(problems)))
        else:
            rows[(person_id, year)] = rating
    if errors:
        return 0, capped(errors)
    existing = {(r.person_id, r.year): r for r in TaskRating.objects.select_for_update().filter(
        person_id__in={p for p, _y in rows}, year__in={y for _p, y in rows})}
    changed, new = [], []
    for (person_id, year), rating in rows.items():
        current = existing.get((person_id, year))
        if current is None:
            new.append(TaskRating(person_id=person_id, year=year, rating=rating, source="Excel"))
        elif (current.rating, current.source) != (rating, "Excel"):
            current.rating, current.source = rating, "Excel"
            changed.append(current)
    if new:
        bulk_create_with_history(new, TaskRating, batch_size=1000, default_user=user)
    if changed:
        bulk_update_with_history(changed, TaskRating, ["rating", "source"], batch_size=1000, default_user=user)
    return len(rows), []


def _whole(value) -> int | None:
    """A whole number from a cell (12, 12.0, "12"); None for anything else (words, 1e30, Unicode digits)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**9 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 10**9 else None
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdecimal() and len(text) <= 9 else None


def run_job(job, upload, progress):
    """A large ratings sheet, in a worker (core/import_jobs.py)."""
    return import_ratings(job.user, upload, progress=progress)
