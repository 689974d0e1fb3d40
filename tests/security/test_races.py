"""No race gives a 500 (issue 27, item 3): every "check, then create" rests on a database constraint, and when ten
requests pass the check at the same moment the constraint's refusal reads as the check's message.

Each test fires ten requests at once through the page (each its own browser session and database connection) and
asserts: no 5xx, exactly one row afterwards, and the refused requests carry the Vietnamese message."""

import datetime as dt
import html

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from awards.models import CouncilMeeting, Decision, PastAward, Status, Submission
from campaigns.models import ActionProgramme, ClusterCovenant, Movement, Registration, RegistrationWindow
from documents.models import NumberSequence
from documents.numbering import next_number
from legal.models import AwardType
from organisation.models import Cluster, ClusterMembership, Person, PersonCategory, Sex, Unit, UnitKind, UnitLevel, User
from targets.models import Indicator, Target

from ..awards_helpers import draft, person, to_state
from ..concurrency import at_the_same_moment

pytestmark = pytest.mark.django_db(transaction=True)
N = 10
TODAY = timezone.localdate()


def _clients(username: str, n: int = N) -> list[Client]:
    """One logged-in browser session per request."""
    user = User.objects.get(username=username)
    clients = [Client() for _ in range(n)]
    for client in clients:
        client.force_login(user)
    return clients


def _fire(clients, url_or_urls, data_or_datas, **kwargs) -> list:
    """POST from every client at the same moment (the n-th client posts the n-th URL and data when lists are given);
    no request raised and none answered 5xx."""
    urls = url_or_urls if isinstance(url_or_urls, list) else [url_or_urls] * len(clients)
    datas = data_or_datas if isinstance(data_or_datas, list) else [data_or_datas] * len(clients)
    responses, errors = at_the_same_moment(lambda job: job[0].post(job[1], job[2], **kwargs),
                                           list(zip(clients, urls, datas, strict=True)))
    assert errors == []
    assert len(responses) == len(clients)
    assert all(r.status_code < 500 for r in responses), [r.status_code for r in responses]
    return responses


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _one_done_the_rest_refused(responses, message: str) -> None:
    """One request went through (a redirect); every other one shows the form again with ``message``."""
    done = [r for r in responses if r.status_code == 302]
    refused = [r for r in responses if r.status_code != 302]
    assert len(done) == 1, [r.status_code for r in responses]
    assert all(r.status_code == 200 and message in _text(r) for r in refused), [
        _text(r)[:3000] for r in refused if message not in _text(r)][:1]


# --- campaigns ----------------------------------------------------------------------------------------------------

def test_the_same_movement_launched_ten_times_at_once(transactional_db):
    data = {"name": "Thi đua chuyển đổi số năm 2027", "kind": "thematic", "authority": "city_chairman",
            "scope": "citywide", "starts_on": "2027-01-15", "ends_on": "2027-12-31", "description": "Chuyển đổi số"}
    responses = _fire(_clients("demo_officer"), reverse("campaigns:movement_launch"), data)
    _one_done_the_rest_refused(responses, "Đã có phong trào thi đua mang tên này.")
    assert Movement.objects.filter(name__iexact=data["name"]).count() == 1
    # the check says the same afterwards, whatever the case of the name
    again = _clients("demo_officer", 1)[0].post(reverse("campaigns:movement_launch"),
                                                {**data, "name": data["name"].upper()})
    assert again.status_code == 200 and "Đã có phong trào thi đua mang tên này." in _text(again)


def test_a_units_registration_sent_ten_times_at_once(transactional_db):
    year = TODAY.year + 4
    RegistrationWindow.objects.create(year=year, opens_on=TODAY - dt.timedelta(days=10),
                                      closes_on=TODAY + dt.timedelta(days=20))
    movement = Movement.objects.get(code="van-hoa-cong-so")
    data = {"movements": [movement.pk], "note": "Cam kết", "submit": "1", "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0", "targets-MIN_NUM_FORMS": "0", "targets-MAX_NUM_FORMS": "30"}
    responses = _fire(_clients("demo_staff"), reverse("campaigns:registration_edit", args=[year]), data)
    _one_done_the_rest_refused(responses, "Bản đăng ký này đã được gửi, không thể sửa nữa.")
    registration = Registration.objects.get(unit__code="so-ke-hoach-dau-tu", year=year)
    assert list(registration.movements.all()) == [movement]


def test_a_registration_window_opened_ten_times_at_once(transactional_db):
    year = TODAY.year + 5
    data = {"year": year, "opens_on": TODAY.isoformat(), "closes_on": (TODAY + dt.timedelta(days=30)).isoformat(),
            "basis": "Hướng dẫn của Ban"}
    responses = _fire(_clients("demo_officer"), reverse("campaigns:registration_window"), data)
    assert all(r.status_code == 302 for r in responses)  # opening it again moves its dates: no refusal
    assert RegistrationWindow.objects.filter(year=year).count() == 1


def test_a_units_programme_for_a_movement_and_year_created_ten_times_at_once(transactional_db):
    unit, movement = Unit.objects.get(code="so-ke-hoach-dau-tu"), Movement.objects.get(code="van-hoa-cong-so")
    data = {"unit": unit.pk, "movement": movement.pk, "year": 2024, "title": "Chương trình văn hóa công sở"}
    responses = _fire(_clients("demo_staff"), reverse("campaigns:programme_list"), data)
    _one_done_the_rest_refused(responses, "Đơn vị đã có chương trình hành động cho phong trào và năm này.")
    assert ActionProgramme.objects.filter(unit=unit, movement=movement, year=2024).count() == 1


def test_a_clusters_covenant_recorded_ten_times_at_once(transactional_db):
    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    data = {"cluster": cluster.pk, "year": 2023, "signed_on": "2023-02-20", "content": "Giao ước",
            "criteria-TOTAL_FORMS": "1", "criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0",
            "criteria-MAX_NUM_FORMS": "60", "criteria-0-name": "Chỉ tiêu kinh tế", "criteria-0-kind": "standard",
            "criteria-0-max_points": "60"}
    responses = _fire(_clients("demo_officer"), reverse("campaigns:covenant_list"), data)
    _one_done_the_rest_refused(responses, "Cụm, khối này đã có giao ước năm 2023.")
    covenant = ClusterCovenant.objects.get(cluster=cluster, year=2023)
    assert covenant.scores.count() == ClusterMembership.objects.filter(cluster=cluster, year=2023).count()


def test_a_cluster_year_started_ten_times_at_once(transactional_db):
    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    last_year = set(ClusterMembership.objects.filter(cluster=cluster, year=2023).values_list("unit_id", flat=True))
    responses = _fire(_clients("demo_officer"), reverse("campaigns:cluster_year", args=[cluster.pk, 2026]),
                      {"start": "1"}, follow=True)
    texts = [_text(r) for r in responses]
    assert sum("Đã kế thừa 5 thành viên" in t for t in texts) == 1, texts[0][:3000]
    assert sum("Cụm đã có thành viên năm 2026." in t for t in texts) == N - 1
    members = ClusterMembership.objects.filter(cluster=cluster, year=2026)
    assert sorted(members.values_list("unit_id", flat=True)) == sorted(last_year)  # each unit once


def test_a_cluster_years_members_head_and_deputy_recorded_ten_times_at_once(transactional_db):
    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    units = sorted(ClusterMembership.objects.filter(cluster=cluster, year=2023).values_list("unit_id", flat=True))
    datas = [{"units": units, "head": units[i % len(units)], "deputy": units[(i + 1) % len(units)]} for i in range(N)]
    responses = _fire(_clients("demo_officer"), reverse("campaigns:cluster_year", args=[cluster.pk, 2027]), datas)
    assert all(r.status_code == 302 for r in responses)  # each records the year in turn; the last one stays
    members = ClusterMembership.objects.filter(cluster=cluster, year=2027)
    assert sorted(members.values_list("unit_id", flat=True)) == units
    assert members.filter(is_head=True).count() == 1 and members.filter(is_deputy=True).count() == 1


# --- awards -------------------------------------------------------------------------------------------------------

def test_ten_dossiers_put_before_the_same_new_council_meeting_at_once(transactional_db):
    dossiers = [to_state(draft(names=(f"Cán bộ Hội đồng {i}",)), Status.APPRAISED) for i in range(N)]
    data = {"new_meeting_date": "2024-01-10", "new_meeting_title": "Phiên họp tháng 1"}
    urls = [reverse("awards:submission_to_council", args=[s.pk]) for s in dossiers]
    responses = _fire(_clients("demo_officer"), urls, data)
    assert all(r.status_code == 302 for r in responses)
    meeting = CouncilMeeting.objects.get(held_on=dt.date(2024, 1, 10), title="Phiên họp tháng 1")
    assert set(Submission.objects.filter(pk__in=[s.pk for s in dossiers]).values_list("status", "meeting")) == {
        (Status.IN_COUNCIL, meeting.pk)}


def test_ten_decisions_issued_at_once_get_ten_numbers(transactional_db):
    dossiers = [to_state(draft(names=(f"Cán bộ Quyết định {i}",)), Status.VOTED) for i in range(N)]
    data = {"issued_on": "2024-01-15", "signer_name": "Nguyễn Văn Tùng", "signer_title": "Chủ tịch",
            "accept_overdraft": "on"}
    urls = [reverse("awards:submission_decide", args=[s.pk]) for s in dossiers]
    responses = _fire(_clients("demo_officer"), urls, data)
    assert all(r.status_code == 302 for r in responses)
    decisions = Decision.objects.filter(year=2024)
    assert sorted(decisions.values_list("number", flat=True)) == list(range(1, N + 1))
    golden = [n.golden_book_number for d in decisions for n in d.awardees.all()]
    assert sorted(golden) == sorted(f"{i}/2024" for i in range(1, N + 1))


def test_ten_report_numbers_taken_at_once(transactional_db):
    numbers, errors = at_the_same_moment(
        lambda _i: transaction.atomic()(next_number)("report", 2031), range(N))
    assert errors == [] and sorted(numbers) == list(range(1, N + 1))
    assert NumberSequence.objects.filter(name="report", year=2031).count() == 1


def test_a_units_own_decision_recorded_ten_times_at_once(transactional_db):
    worker = person("Đỗ Thị Hằng")
    data = {"award_type": AwardType.objects.get(code="lao-dong-tien-tien").pk, "year": 2025,
            "decision_number": "25/QĐ-SKHĐT", "decided_on": "2026-01-10", "signer_name": "Nguyễn Văn Sở",
            "signer_title": "Giám đốc", "person_codes": str(worker.pk)}
    responses = _fire(_clients("demo_staff"), reverse("awards:unit_decisions"), data)
    _one_done_the_rest_refused(responses, "Đã ghi nhận năm 2025: Đỗ Thị Hằng")
    assert PastAward.objects.filter(person=worker, award_type__code="lao-dong-tien-tien", year=2025).count() == 1


# --- organisation and targets -------------------------------------------------------------------------------------

def test_the_same_staff_record_added_ten_times_at_once(transactional_db):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    data = {"full_name": "Trịnh Văn Mới", "sex": Sex.MALE, "birth_date": "1985-04-12", "unit": unit.pk,
            "position": "Chuyên viên", "category": PersonCategory.CIVIL_SERVANT, "hired_on": "2010-03-01"}
    responses = _fire(_clients("demo_staff"), reverse("organisation:person_create"), data)
    _one_done_the_rest_refused(responses, "Người này đã có trong danh sách cán bộ của đơn vị (trùng họ tên và ngày sinh).")
    assert Person.objects.filter(full_name="Trịnh Văn Mới", unit=unit).count() == 1


def test_the_same_unit_established_ten_times_at_once(transactional_db):
    data = {"name": "Phường Đông Hải Mới", "kind": UnitKind.WARD, "level": UnitLevel.COMMUNE, "sector": "state",
            "parent": Unit.objects.get(code="ubnd-hai-phong").pk, "effective_on": "2025-07-01",
            "basis": "Nghị quyết 1669/NQ-UBTVQH15", "confirm": "1"}
    responses = _fire(_clients("demo_officer"), reverse("organisation:unit_establish"), data)
    _one_done_the_rest_refused(responses, "Mã này đã được đơn vị khác sử dụng.")
    assert Unit.objects.filter(name="Phường Đông Hải Mới").count() == 1


def test_the_same_target_added_ten_times_at_once(transactional_db):
    exports = Indicator.objects.get(code="exports")
    data = {"indicator": exports.pk, "year": 2024, "kind": "numeric", "value_low": "33",
            "statement": "Kim ngạch xuất khẩu đạt 33 tỷ USD", "responsible_unit": Unit.objects.get(code="so-cong-thuong").pk}
    responses = _fire(_clients("demo_officer"), reverse("targets:target_create"), data)
    with translation.override("vi"):  # the form's own check: the model's unique message
        message = Target(indicator=exports, year=2024).unique_error_message(Target, ("indicator", "year")).messages[0]
    _one_done_the_rest_refused(responses, message)
    assert Target.objects.filter(indicator=exports, year=2024).count() == 1
