"""Campaigns through the real URLs: movements, registration, programmes, reviews, flags."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import (
    ActionProgramme,
    Movement,
    MovementKind,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    RegistrationWindow,
    ReviewReport,
    ReviewRound,
    RoundStatus,
    TaskStatus,
)

from ..files import fake_pdf, oversized_pdf, pdf

TODAY = timezone.localdate()
YEAR = TODAY.year
PM_MOVEMENTS = {
    "Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid-19",
    "Cả nước chung sức, xây dựng nông thôn mới",
    "Vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại và thực hành tiết kiệm, chống lãng phí",
}


def test_seed_holds_exactly_the_directives_movements(db):
    assert set(Movement.objects.filter(authority="prime_minister").values_list("name", flat=True)) == PM_MOVEMENTS
    themes = set(Movement.objects.filter(kind=MovementKind.THEME).values_list("name", flat=True))
    assert themes == {
        "Đẩy mạnh chỉnh trang, hiện đại hóa đô thị - Xây dựng nông thôn mới kiểu mẫu - Thực hiện chuyển đổi số",
        "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc",
    }
    assert Movement.objects.count() == 7
    covid = Movement.objects.get(code="phong-chong-covid-19")
    assert covid.kind == MovementKind.SPECIAL
    assert list(covid.legal_basis.values_list("number", flat=True)) == ["01/CT-UBND"]
    theme = Movement.objects.get(code="chu-de-2023")
    assert (theme.starts_on, theme.ends_on) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_movement_list_and_search_without_diacritics(staff_client):
    response = staff_client.get(reverse("campaigns:movement_list") + "?q=nong thon moi")
    names = [m.name for m in response.context["page"]]
    assert "Cả nước chung sức, xây dựng nông thôn mới" in names
    assert all("nông thôn mới" in n for n in names)


def _launch_data(**extra):
    data = {"name": "Thi đua chuyển đổi số năm 2024", "kind": "thematic", "authority": "city_chairman",
            "scope": "citywide", "starts_on": "2024-01-15", "ends_on": "2024-12-31",
            "description": "Phong trào chuyển đổi số", "legal_basis": []}
    data.update(extra)
    return data


def test_board_officer_launches_a_movement(officer_client):
    response = officer_client.post(reverse("campaigns:movement_launch"), _launch_data())
    movement = Movement.objects.get(name="Thi đua chuyển đổi số năm 2024")
    assert response.status_code == 302 and response.url == reverse("campaigns:movement_detail", args=[movement.code])
    assert movement.code == "thi-dua-chuyen-oi-so-nam-2024" or movement.code.startswith("thi-dua-chuyen")
    assert movement.history.first().history_user.username == "demo_officer"


def test_launch_with_end_before_start_keeps_the_form(officer_client):
    response = officer_client.post(reverse("campaigns:movement_launch"), _launch_data(ends_on="2023-01-01"))
    assert response.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu" in response.content.decode()
    assert response.context["form"]["name"].value() == "Thi đua chuyển đổi số năm 2024"


@pytest.mark.parametrize("fixture", ["staff_client", "leader_client", "council_client"])
def test_only_the_board_launches_movements(request, db, fixture):
    client = request.getfixturevalue(fixture)
    assert client.post(reverse("campaigns:movement_launch"), _launch_data()).status_code == 403
    assert not Movement.objects.filter(name="Thi đua chuyển đổi số năm 2024").exists()


# --- Registration ------------------------------------------------------------

@pytest.fixture
def window(officer_client):
    officer_client.post(reverse("campaigns:registration_window"), {
        "year": YEAR, "opens_on": (TODAY - dt.timedelta(days=10)).isoformat(),
        "closes_on": (TODAY + dt.timedelta(days=20)).isoformat(), "basis": "Hướng dẫn của Ban TĐKT"})
    return RegistrationWindow.objects.get(year=YEAR)


def _registration_post(movements, submit=True, award_id=None):
    data = {"movements": [m.pk for m in movements], "note": "Cam kết hoàn thành xuất sắc nhiệm vụ",
            "targets-TOTAL_FORMS": "3", "targets-INITIAL_FORMS": "0", "targets-MIN_NUM_FORMS": "0",
            "targets-MAX_NUM_FORMS": "30"}
    if award_id:
        data.update({"targets-0-award_type": award_id, "targets-0-quantity": "1", "targets-0-note": "Tập thể Sở"})
    data["submit" if submit else "save"] = "1"
    return data


def test_staff_registers_and_board_sees_who_has_not(window, staff_client, officer_client):
    from legal.models import AwardType

    url = reverse("campaigns:registration_edit", args=[YEAR])
    movements = list(Movement.objects.filter(code__in=["van-hoa-cong-so", "vi-nguoi-ngheo"]))
    award = AwardType.objects.get(code="tap-the-ldxs")
    draft = staff_client.post(url, _registration_post(movements, submit=False, award_id=award.pk))
    assert draft.status_code == 302
    registration = Registration.objects.get(unit__code="so-ke-hoach-dau-tu", year=YEAR)
    assert registration.status == RegistrationStatus.DRAFT
    staff_client.post(url, _registration_post(movements, award_id=award.pk))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.targets.get().award_type == award
    assert set(registration.movements.all()) == set(movements)

    overview = officer_client.get(reverse("campaigns:registration_overview", args=[YEAR]))
    missing = {u.code for u in overview.context["missing"]}
    assert "so-ke-hoach-dau-tu" not in missing
    assert {"quan-le-chan", "so-y-te", "bao-hai-phong"} <= missing
    assert "tp-ha-noi" not in missing  # not a unit of the city

    # Submitted: no more changes until the Board reopens it.
    again = staff_client.post(url, _registration_post(movements[:1]))
    assert "đã được gửi" in again.content.decode()


def test_registration_after_the_deadline_is_refused(officer_client, staff_client):
    RegistrationWindow.objects.create(year=YEAR, opens_on=TODAY - dt.timedelta(days=40),
                                      closes_on=TODAY - dt.timedelta(days=1))
    movement = Movement.objects.get(code="van-hoa-cong-so")
    response = staff_client.post(reverse("campaigns:registration_edit", args=[YEAR]), _registration_post([movement]))
    assert response.status_code == 200
    assert "Đã hết hạn đăng ký" in response.content.decode()
    assert not Registration.objects.filter(year=YEAR).exists()


def test_staff_cannot_register_for_another_unit(window, staff_client):
    url = reverse("campaigns:registration_edit", args=[YEAR]) + "?unit=quan-le-chan"
    assert staff_client.get(url).status_code == 404


def test_staff_sees_only_own_registrations(window, staff_client, staff_b_client):
    movement = Movement.objects.get(code="van-hoa-cong-so")
    staff_client.post(reverse("campaigns:registration_edit", args=[YEAR]), _registration_post([movement]))
    page = staff_b_client.get(reverse("campaigns:registration_home")).context["page"]
    assert [r.unit.code for r in page] == []


# --- Programmes --------------------------------------------------------------

@pytest.fixture
def programme(staff_client):
    movement = Movement.objects.get(code="van-hoa-cong-so")
    staff_client.post(reverse("campaigns:programme_list"), {
        "unit": staff_client.session_user_unit if hasattr(staff_client, "session_user_unit") else
        __import__("organisation.models", fromlist=["Unit"]).Unit.objects.get(code="so-ke-hoach-dau-tu").pk,
        "movement": movement.pk, "year": YEAR, "title": "Chương trình hành động văn hóa công sở"})
    return ActionProgramme.objects.get(title="Chương trình hành động văn hóa công sở")


def test_overdue_tasks_are_visible_to_the_unit_and_the_board(programme, staff_client, officer_client,
                                                             staff_b_client):
    url = reverse("campaigns:programme_detail", args=[programme.pk])
    staff_client.post(url, {"title": "Niêm yết quy tắc ứng xử", "owner": "Văn phòng Sở",
                            "due_on": (TODAY - dt.timedelta(days=3)).isoformat()})
    staff_client.post(url, {"title": "Tập huấn", "owner": "Phòng TCCB",
                            "due_on": (TODAY + dt.timedelta(days=30)).isoformat()})
    for client in (staff_client, officer_client):
        overdue = [t.title for t in client.get(reverse("campaigns:programme_list")).context["overdue"]]
        assert overdue == ["Niêm yết quy tắc ứng xử"]
    assert list(staff_b_client.get(reverse("campaigns:programme_list")).context["overdue"]) == []
    assert staff_b_client.get(url).status_code == 404


def test_task_done_needs_evidence_and_checks_the_file(programme, staff_client, staff_b_client):
    task = ProgrammeTask.objects.create(programme=programme, title="Tập huấn", owner="Phòng TCCB", due_on=TODAY)
    url = reverse("campaigns:task_update", args=[task.pk])
    response = staff_client.post(url, {"status": TaskStatus.DONE}, follow=True)
    assert "minh chứng" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED

    response = staff_client.post(url, {"status": TaskStatus.DONE, "evidence_file": fake_pdf()}, follow=True)
    assert "không thuộc loại được chấp nhận" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED and not task.evidence_file

    staff_client.post(url, {"status": TaskStatus.DONE, "evidence": "Đã tổ chức 2 lớp",
                            "evidence_file": pdf()})
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.completed_on == TODAY
    assert task.evidence_file.name.endswith(".pdf") and "bao-cao" not in task.evidence_file.name
    download = staff_client.get(reverse("campaigns:task_evidence", args=[task.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert staff_b_client.get(reverse("campaigns:task_evidence", args=[task.pk])).status_code == 404


def test_oversized_upload_is_refused(programme, staff_client, settings):
    settings.UPLOAD_MAX_BYTES = 1_048_576
    task = ProgrammeTask.objects.create(programme=programme, title="Tập huấn", owner="Phòng TCCB", due_on=TODAY)
    response = staff_client.post(reverse("campaigns:task_update", args=[task.pk]),
                                 {"status": TaskStatus.DONE, "evidence_file": oversized_pdf(1_600_000)}, follow=True)
    assert "có dung lượng 1,5 MB; giới hạn là 1 MB" in response.content.decode()  # a decimal comma


# --- Reviews, inspections and flags ----------------------------------------------

def _register(unit_code, movement):
    from organisation.models import Unit

    registration = Registration.objects.create(unit=Unit.objects.get(code=unit_code), year=YEAR,
                                               status=RegistrationStatus.SUBMITTED, submitted_at=timezone.now())
    registration.movements.add(movement)


def test_review_round_reports_consolidation_and_flags(officer_client, staff_client, staff_b_client):
    movement = Movement.objects.get(code="van-hoa-cong-so")
    _register("so-ke-hoach-dau-tu", movement)
    _register("quan-le-chan", movement)
    officer_client.post(reverse("campaigns:review_list"), {
        "movement": movement.pk, "kind": "mid_term", "title": "Sơ kết 6 tháng", "year": YEAR,
        "period_start": f"{YEAR}-01-01", "period_end": f"{YEAR}-06-30", "due_on": TODAY.isoformat()})
    review_round = ReviewRound.objects.get(title="Sơ kết 6 tháng")
    url = reverse("campaigns:review_detail", args=[review_round.pk])
    from organisation.models import Unit

    unit_a = Unit.objects.get(code="so-ke-hoach-dau-tu")
    staff_client.post(url, {"unit": unit_a.pk, "text": "Kết quả 6 tháng <b>tốt</b>", "attachment": pdf()})
    report = ReviewReport.objects.get(round=review_round)
    assert report.unit == unit_a

    board_page = officer_client.get(url)
    assert [u.code for u in board_page.context["missing"]] == ["quan-le-chan"]
    assert "Kết quả 6 tháng &lt;b&gt;tốt&lt;/b&gt;" in board_page.content.decode()
    assert list(staff_b_client.get(url).context["reports"]) == []
    assert staff_b_client.get(reverse("campaigns:report_attachment", args=[report.pk])).status_code == 404
    assert officer_client.get(reverse("campaigns:report_attachment", args=[report.pk])).status_code == 200

    # Staff B cannot report for unit A.
    assert staff_b_client.post(url, {"unit": unit_a.pk, "text": "x"}).status_code == 200
    assert ReviewReport.objects.filter(round=review_round).count() == 1

    officer_client.post(url, {"consolidate": "1", "summary": "Các đơn vị cơ bản hoàn thành"})
    review_round.refresh_from_db()
    assert review_round.status == RoundStatus.CONSOLIDATED
    late = staff_b_client.post(url, {"unit": Unit.objects.get(code="quan-le-chan").pk, "text": "Muộn"},
                               follow=True)
    assert "đã tổng hợp" in late.content.decode()

    # After the due date, the unit that never reported is flagged; so is a passive one.
    officer_client.post(reverse("campaigns:inspection_list"), {
        "unit": Unit.objects.get(code="so-y-te").pk, "movement": movement.pk, "kind": "inspection",
        "visited_on": TODAY.isoformat(), "team": "Đoàn kiểm tra Ban TĐKT", "findings": "Chưa triển khai",
        "recommendations": "", "assessment": "passive"})
    from campaigns import services

    flags = {f.unit.code: f.reasons for f in services.flagged_units(YEAR, today=TODAY + dt.timedelta(days=1))}
    assert "quan-le-chan" in flags and "so-ke-hoach-dau-tu" not in flags
    assert any("thiếu tích cực" in r.lower() or "thụ động" in r.lower() for r in flags["so-y-te"])
    page = officer_client.get(reverse("campaigns:flagged") + f"?year={YEAR}")
    assert page.status_code == 200
    assert staff_client.get(reverse("campaigns:flagged")).status_code == 403


def test_list_pages_query_count_does_not_grow(officer_client, staff_client, django_assert_max_num_queries):
    from organisation.models import Unit

    movement = Movement.objects.get(code="van-hoa-cong-so")

    def add(n):
        for i in range(n):
            unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
            programme = ActionProgramme.objects.create(unit=unit, movement=movement, year=2000 + len(
                ActionProgramme.objects.all()), title=f"CT {i}")
            ProgrammeTask.objects.create(programme=programme, title="t", owner="o", due_on=TODAY - dt.timedelta(1))

    urls = [reverse("campaigns:movement_list"), reverse("campaigns:programme_list"),
            reverse("campaigns:registration_home"), reverse("campaigns:review_list")]
    add(2)
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(50) as captured:
            staff_client.get(url)
        counts[url] = len(captured.captured_queries)
    add(15)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            staff_client.get(url)


@pytest.mark.parametrize("name", [
    "campaigns:movement_list", "campaigns:registration_home", "campaigns:programme_list", "campaigns:review_list",
    "campaigns:inspection_list", "campaigns:model_list", "campaigns:covenant_list", "organisation:unit_list", "home",
])
def test_pages_have_unique_element_ids(officer_client, staff_client, name):
    """Every label must point at its own field: duplicate ids break screen readers (and label clicks)."""
    import collections
    import re

    for client in (officer_client, staff_client):
        html = client.get(reverse(name)).content.decode()
        ids = collections.Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [i for i, n in ids.items() if n > 1] == [], name
