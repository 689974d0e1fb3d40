"""The working-day calendar (issue 33, item 6): holidays, days off and days worked as data per year, used by every
working-day deadline; the Board enters each announced year. Labour Code 2019 (Law 45/2019/QH14) Art 111.3, 112.1."""

import datetime as dt

import pytest
from django.urls import reverse

from awards import services
from awards.models import Status
from legal.calendar import add_working_days, is_working_day, missing_days, parameter
from legal.enums import DayKind, Occasion, ParameterKey
from legal.holidays_seed import seed_holidays
from legal.models import Holiday

from ..awards_helpers import draft, to_state, users

pytestmark = pytest.mark.django_db
D = dt.date


def _weekdays_after(start, days, off=()):
    """An independent count: Monday to Friday, less the days in ``off``."""
    day = start
    while days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            days -= 1
    return day


def test_labour_code_art_112_1_new_year_2027_is_not_a_working_day():
    # the reported case: an appraisal deadline fell on Friday 01/01/2027
    assert not is_working_day(D(2027, 1, 1))
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_receiving_a_dossier_over_new_year_skips_the_holiday():
    submission = to_state(draft(), Status.SUBMITTED)
    start = D(2026, 12, 23)
    days = int(parameter(ParameterKey.APPRAISAL_WORKING_DAYS, start))
    received = services.receive(users()["demo_officer"], submission, today=start)
    assert received.due_on == _weekdays_after(start, days, off={D(2027, 1, 1)})
    assert received.due_on != _weekdays_after(start, days)


def test_announced_tet_2026_nine_days_off():
    # Tết Bính Ngọ: off from Saturday 14/02 to Sunday 22/02/2026 (Bộ Nội vụ's announcement)
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert [d for d in (D(2026, 2, 16) + dt.timedelta(days=i) for i in range(5)) if is_working_day(d)] == []


def test_labour_code_art_111_3_compensation_and_announced_swap_with_a_saturday_worked():
    # 2026: the Hùng Kings' day falls on Sunday 26/04, Monday 27/04 is off in compensation
    assert add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)
    # 2025: Friday 02/05 swapped for Saturday 26/04, which is worked
    assert is_working_day(D(2025, 4, 26)) and not is_working_day(D(2025, 5, 2))
    assert add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)
    assert add_working_days(D(2025, 4, 29), 1) == D(2025, 5, 5)
    # a year not announced still has its fixed days and their compensation: 01/05/2027 is a Saturday
    assert not is_working_day(D(2027, 5, 3))


def test_a_year_without_its_announced_lunar_days_is_reported_incomplete():
    gaps = missing_days([2025, 2027])
    assert gaps[2025] == []
    missing = {str(label): (recorded, required) for label, recorded, required in gaps[2027]}
    assert missing == {str(Occasion.LUNAR_NEW_YEAR.label): (0, 5), str(Occasion.HUNG_KINGS.label): (0, 1),
                       str(Occasion.NATIONAL_DAY.label): (1, 2)}


def test_seeding_again_keeps_the_boards_correction():
    Holiday.objects.filter(date=D(2025, 9, 1)).update(name="Sửa bởi Ban")
    Holiday.objects.filter(date=D(2025, 1, 27)).delete()
    seed_holidays()
    assert Holiday.objects.get(date=D(2025, 9, 1)).name == "Sửa bởi Ban"
    assert Holiday.objects.filter(date=D(2025, 1, 27)).exists()  # a missing announced day comes back


def test_board_enters_next_years_tet_and_deadlines_follow(officer_client):
    url = reverse("legal:holidays")
    page = officer_client.get(url + "?year=2027").content.decode()
    assert "2027" in page and "0 trên 5 ngày" in page  # Tết 2027 not entered yet
    assert add_working_days(D(2027, 2, 5), 1) == D(2027, 2, 8)
    response = officer_client.post(url, {"date": "2027-02-08", "name": "Nghỉ Tết Âm lịch",
                                          "occasion": Occasion.LUNAR_NEW_YEAR, "kind": DayKind.HOLIDAY,
                                          "basis": "Thông báo lịch nghỉ Tết năm 2027"}, follow=True)
    assert "08/02/2027" in response.content.decode()
    assert add_working_days(D(2027, 2, 5), 1) == D(2027, 2, 9)
    day = Holiday.objects.get(date=D(2027, 2, 8))
    officer_client.post(reverse("legal:holiday_remove", args=[day.pk]))
    assert not Holiday.objects.filter(date=D(2027, 2, 8)).exists()


def test_refused_days_keep_what_was_typed(officer_client):
    url = reverse("legal:holidays")
    typed = {"date": "2027-02-10", "name": "Làm bù Tết", "occasion": Occasion.LUNAR_NEW_YEAR,
             "kind": DayKind.WORKING_DAY, "basis": "Thông báo số 1"}
    page = officer_client.post(url, typed).content.decode()  # 10/02/2027 is a Wednesday
    assert "Chỉ thứ Bảy hoặc Chủ nhật" in page and "Làm bù Tết" in page and "Thông báo số 1" in page
    taken = officer_client.post(url, {**typed, "date": "2027-01-01", "kind": DayKind.HOLIDAY}).content.decode()
    assert "01/01/2027 đã có trong lịch" in taken and "Làm bù Tết" in taken
    assert not Holiday.objects.filter(name="Làm bù Tết").exists()


def test_only_the_board_keeps_the_calendar(staff_client, leader_client, council_client):
    day = Holiday.objects.get(date=D(2027, 1, 1))
    for client in (staff_client, leader_client, council_client):
        assert client.get(reverse("legal:holidays")).status_code == 403
        assert client.post(reverse("legal:holiday_remove", args=[day.pk])).status_code == 403
        assert client.post(reverse("legal:holidays"), {"date": "2027-03-01", "name": "x", "occasion": "other",
                                                        "kind": DayKind.HOLIDAY}).status_code == 403
    assert Holiday.objects.filter(pk=day.pk).exists() and not Holiday.objects.filter(date=D(2027, 3, 1)).exists()
