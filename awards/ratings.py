"""Yearly task ratings entered by units from Excel: a template listing their persons, row-by-row errors."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from haiphong_thidua.excel import UnreadableWorkbook, capped, data_rows, workbook_bytes
from organisation.models import Person
from organisation.permissions import is_board
from organisation.scoping import scope_to_user

from .models import Rating, TaskRating

HEADERS = ["Mã cá nhân", "Họ và tên", "Đơn vị", "Năm", "Xếp loại (HTXSNV/HTTNV/HTNV/KHTNV)"]


def _persons(user):
    return scope_to_user(Person.objects.select_related("unit"), user).order_by("unit__path", "full_name")


def template(user, year: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for person in _persons(user)[:5000]:
        sheet.append([person.pk, person.full_name, person.unit.name, year, ""])
    return workbook_bytes(book)


@transaction.atomic
def import_ratings(user, upload) -> tuple[int, list[tuple[int, str]]]:
    try:
        sheet_rows = data_rows(upload, 5)
    except UnreadableWorkbook as exc:
        return 0, [(0, str(exc))]
    allowed = {p.pk for p in _persons(user)} if not is_board(user) else None
    rows, errors = [], []
    for number, values in sheet_rows:
        person_id, _name, _unit, year, rating = values
        if rating is None or not str(rating).strip():
            continue  # the template lists every person; a unit rates those it has assessed
        problems = []
        try:
            person_id, year = int(person_id), int(year)
        except (TypeError, ValueError):
            problems.append(_("person code and year must be whole numbers"))
        rating = str(rating or "").strip().upper()
        if rating not in Rating.values:
            problems.append(_("rating “%(value)s” must be HTXSNV, HTTNV, HTNV or KHTNV") % {"value": rating})
        if not problems and allowed is not None and person_id not in allowed:
            problems.append(_("person %(id)s is not in your unit") % {"id": person_id})
        if problems:
            errors.append((number, "; ".join(problems)))
        else:
            rows.append((person_id, year, rating))
    if errors:
        return 0, capped(errors)
    for person_id, year, rating in rows:
        TaskRating.objects.update_or_create(person_id=person_id, year=year,
                                            defaults={"rating": rating, "source": "Excel"})
    return len(rows), []
