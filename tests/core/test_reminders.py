"""Reminders of deadlines (issue 21, item 5): a schedule as data, sent by beat's task in the portal and by e-mail,
once per deadline, step and recipient (the test moves the clock through the task); the Board's "remind now";
deadlines on each user's home page."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from campaigns.models import (
    ActionProgramme,
    Movement,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    RegistrationWindow,
    ReviewRound,
)
from core.models import Notification, ReminderKind, ReminderRule, ReminderSent
from core.reminders import send_reminders
from organisation.models import Unit, UnitKind, User

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def clock(monkeypatch):
    """The day beat's task believes it is."""
    day = {"today": TODAY}
    monkeypatch.setattr("core.reminders.timezone.localdate", lambda: day["today"])
    return day


def _titles(username):
    return list(Notification.objects.filter(user__username=username).values_list("title", flat=True))


def test_a_registration_deadline_is_reminded_once_per_step_and_unit(db, clock):
    RegistrationWindow.objects.update_or_create(year=2027, defaults={
        "opens_on": TODAY, "closes_on": dt.date(2026, 12, 15), "expected_kinds": [UnitKind.DEPARTMENT]})
    departments = Unit.objects.filter(kind=UnitKind.DEPARTMENT, dissolved_on__isnull=True).count()
    # one department registered: it is not reminded; a draft counts as not registered
    done = Unit.objects.get(code="so-ke-hoach-dau-tu")
    Registration.objects.create(unit=done, year=2027, status=RegistrationStatus.SUBMITTED)
    Registration.objects.create(unit=Unit.objects.get(code="so-tai-chinh"), year=2027, status=RegistrationStatus.DRAFT)
    assert send_reminders() == 0  # 14 days before: no step reached
    clock["today"] = dt.date(2026, 12, 8)  # 7 days before
    assert send_reminders() == departments - 1
    assert send_reminders() == 0  # the same day again: nothing twice
    reminder = "Nhắc hạn: đăng ký thi đua năm 2027 hạn ngày 15/12/2026"
    assert not any(reminder in t for t in _titles("demo_staff"))  # its unit registered
    assert ReminderSent.objects.filter(days_before=7).count() == departments - 1
    clock["today"] = dt.date(2026, 12, 10)
    assert send_reminders() == 0
    clock["today"] = dt.date(2026, 12, 14)  # 1 day before: the second step
    mail.outbox.clear()
    assert send_reminders() == departments - 1
    assert mail.outbox and "1 ngày" in mail.outbox[0].body and "://" in mail.outbox[0].body
    clock["today"] = dt.date(2026, 12, 16)  # past the deadline: no more reminders (the flagged list takes over)
    assert send_reminders() == 0


def test_a_step_passed_over_is_not_sent_on_top_of_a_nearer_one(db, clock):
    movement = Movement.objects.first()
    programme = ActionProgramme.objects.create(unit=Unit.objects.get(code="so-ke-hoach-dau-tu"), movement=movement,
                                               year=2026, title="CT 2026")
    ReminderRule.objects.create(kind=ReminderKind.PROGRAMME_TASK, days_before=10)
    ProgrammeTask.objects.create(programme=programme, title="Số hóa hồ sơ", owner="Văn phòng",
                                 due_on=dt.date(2026, 12, 3))  # created 2 days before: the 10 and 3 day steps both
    assert send_reminders() == 1
    titles = [t for t in _titles("demo_staff") if "Số hóa hồ sơ" in t]
    assert titles == ["Nhắc hạn: nhiệm vụ “Số hóa hồ sơ” hạn ngày 03/12/2026"]
    assert set(ReminderSent.objects.values_list("days_before", flat=True)) == {10, 3}
    assert send_reminders() == 0


def test_the_officers_appraisal_deadline_and_the_home_page(clock, officer_client, staff_client):
    from awards.models import Status

    from ..awards_helpers import draft, to_state

    submission = to_state(draft(), Status.ASSIGNED)
    submission.due_on = dt.date(2026, 12, 3)
    submission.save()
    assert send_reminders() >= 1
    assert any("thẩm định hồ sơ" in t for t in _titles("demo_officer"))
    # the home pages show what concerns each user, for the next 30 days
    ProgrammeTask.objects.create(programme=ActionProgramme.objects.create(
        unit=Unit.objects.get(code="so-ke-hoach-dau-tu"), movement=Movement.objects.first(), year=2026, title="CT"),
        title="Báo cáo tổng kết", owner="Văn phòng", due_on=dt.date(2026, 12, 20))
    home = staff_client.get(reverse("home")).content.decode()
    assert "Hạn sắp tới" in home and "Báo cáo tổng kết" in home
    assert "Báo cáo tổng kết" not in officer_client.get(reverse("home")).content.decode()


def test_the_board_reminds_the_units_not_yet_registered_or_reported(officer_client, staff_client):
    RegistrationWindow.objects.update_or_create(year=2027, defaults={
        "opens_on": TODAY, "closes_on": dt.date(2027, 1, 15), "expected_kinds": [UnitKind.DEPARTMENT]})
    url = reverse("campaigns:registration_remind", args=[2027])
    assert staff_client.post(url).status_code == 403
    page = officer_client.post(url, follow=True).content.decode()
    assert "đơn vị đã được nhắc" in page
    assert any("đăng ký thi đua năm 2027" in t for t in _titles("demo_staff"))
    # a review round with no registered unit left to report
    review = ReviewRound.objects.create(movement=Movement.objects.first(), kind="mid_term", title="Sơ kết 2026",
                                        year=2026, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 6, 30),
                                        due_on=dt.date(2026, 12, 20))
    page = officer_client.post(reverse("campaigns:review_remind", args=[review.pk]), follow=True).content.decode()
    assert "không còn đơn vị nào cần nhắc" in page
    assert User.objects.filter(username="demo_staff").exists()
