"""An officer's day, safe: no verdict pre-set to "eligible", every date checked against its place in the
workflow, figures inside each target's allowed range (issue: an officer's day, items 1–3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Appraisal, BlockingRecord, CouncilMeeting, Status
from campaigns import services as campaigns
from campaigns.models import ActionProgramme, Movement
from organisation.models import Unit
from targets.models import Target

from ..awards_helpers import draft, to_state, users

D = dt.date


def _appraisal_page(client, submission):
    return client.get(reverse("awards:submission_appraise", args=[submission.pk])).context["form"]


def test_the_appraisal_starts_from_the_check_not_from_eligible(officer_client):
    submission = to_state(draft(names=("Lưu Văn Bảo", "Hồ Thị Cúc")), Status.ASSIGNED)
    blocked, open_case = submission.nominees.order_by("id")
    BlockingRecord.objects.create(person=blocked.person, kind="discipline", level="Cảnh cáo", starts_on=D(2023, 3, 1))
    form = _appraisal_page(officer_client, submission)
    assert form[f"verdict_{blocked.pk}"].value() == Appraisal.NOT_ELIGIBLE  # the checker's verdict
    assert form[f"verdict_{open_case.pk}"].value() in ("", None)  # "needs review": the officer must choose
    # Passing the blocked nominee against the check without a reason is refused, and nothing changes.
    response = officer_client.post(reverse("awards:submission_appraise", args=[submission.pk]), {
        f"verdict_{blocked.pk}": Appraisal.ELIGIBLE, f"reason_{blocked.pk}": "",
        f"verdict_{open_case.pk}": Appraisal.ELIGIBLE, f"reason_{open_case.pk}": ""})
    assert "give the reason" in response.content.decode().lower() or "nêu lý do" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.ASSIGNED
    blocked.refresh_from_db()
    assert blocked.appraisal == Appraisal.PENDING


def test_re_appraisal_keeps_the_earlier_verdict(officer_client):
    submission = to_state(draft(names=("Tạ Văn Đông", "Kiều Thị Én")), Status.ASSIGNED)
    first, second = submission.nominees.order_by("id")
    officer = users()["demo_officer"]
    services.appraise(officer, submission, {first.pk: (Appraisal.NOT_ELIGIBLE, "Thiếu thành tích"),
                                            second.pk: (Appraisal.INCOMPLETE, "Bổ sung báo cáo")})
    to_state(submission, Status.ASSIGNED)  # the unit resubmits; received and assigned again
    form = _appraisal_page(officer_client, submission)
    assert form[f"verdict_{first.pk}"].value() == Appraisal.NOT_ELIGIBLE


def test_a_decision_cannot_predate_the_vote_or_the_achievements(db):
    submission = to_state(draft(names=("Mạc Văn Phong",)), Status.VOTED)
    officer = users()["demo_officer"]
    for day in (D(2019, 1, 1), D(2024, 1, 9), dt.date.today() + dt.timedelta(days=3)):
        with pytest.raises(ValidationError):
            services.issue_decision(officer, submission, issued_on=day, signer_name="Nguyễn Văn Tùng")
    decision = services.issue_decision(officer, submission, issued_on=D(2024, 1, 10), signer_name="Nguyễn Văn Tùng")
    nominee = submission.nominees.get()
    with pytest.raises(ValidationError):  # a revocation before the award itself
        services.revoke(officer, nominee, grounds="Gian dối", issued_on=D(2023, 12, 1), signer_name="A")
    assert decision.number == 1


def test_a_council_meeting_before_the_achievement_year_is_refused(db):
    submission = to_state(draft(names=("Ninh Thị Gấm",)), Status.APPRAISED)
    meeting = CouncilMeeting.objects.create(held_on=D(2020, 5, 1), title="Phiên họp 2020")
    with pytest.raises(ValidationError):
        services.send_to_council(users()["demo_officer"], submission, meeting)
    submission.refresh_from_db()
    assert submission.status == Status.APPRAISED


def test_a_task_is_due_inside_its_programmes_year(db):
    staff = users()["demo_staff"]
    programme = ActionProgramme.objects.create(unit=Unit.objects.get(code="so-ke-hoach-dau-tu"), year=2026,
                                               movement=Movement.objects.get(code="van-hoa-cong-so"), title="CT 2026")
    with pytest.raises(ValidationError):
        campaigns.add_task(staff, programme, title="Tập huấn", owner="Phòng TCCB", due_on=D(1999, 12, 31))
    assert campaigns.add_task(staff, programme, title="Tập huấn", owner="Phòng TCCB", due_on=D(2026, 6, 30)).pk


def test_a_negative_fdi_figure_is_refused_with_a_message(staff_client):
    fdi = Target.objects.get(indicator__code="fdi", year=2023)
    assert fdi.allowed_min == 0
    response = staff_client.post(reverse("targets:report"), {
        "target": fdi.pk, "period_kind": "quarter", "period": 1, "value": "-0,5", "source": "Sở KH&ĐT", "note": ""})
    assert response.status_code == 200
    assert "ngoài khoảng" in response.content.decode()
    assert not fdi.actuals.exists()


def test_the_header_counts_unread_notifications_and_opening_one_marks_it_read(staff_client, staff_b_client):
    from core.models import Notification

    staff = users()["demo_staff"]
    submission = draft(names=("Phan Văn Quang",))
    note = Notification.objects.create(user=staff, title="Hồ sơ đã được tiếp nhận",
                                       link=reverse("awards:submission_detail", args=[submission.pk]))
    Notification.objects.create(user=staff, title="Thông báo thứ hai")
    from core.notify import _forget_unread

    _forget_unread([staff.pk])  # rows made here, not delivered through core.notify
    page = staff_client.get(reverse("home")).content.decode()
    assert 'id="unread-count">2<' in page
    assert staff_b_client.get(reverse("awards:notification_open", args=[note.pk])).status_code == 404
    response = staff_client.get(reverse("awards:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.link
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'id="unread-count">1<' in staff_client.get(reverse("home")).content.decode()


def test_the_dashboard_opens_on_the_current_plan_year_not_the_highest(leader_client):
    later = Target.objects.get(indicator__code="fdi", year=2023)
    later.pk, later.year = None, 2099  # a target recorded for a far year
    later.save()
    assert leader_client.get(reverse("targets:dashboard")).context["year"] == 2023
    assert leader_client.get(reverse("targets:dashboard") + "?year=2099").context["year"] == 2099
