"""The tools of an officer's day (issue 16, items 7, 8, 10 and 11), through the real URLs."""

import datetime as dt
import io
from decimal import Decimal as D

import pytest
from django.urls import reverse

from awards.models import Appraisal, CouncilVote, Status, Submission, VoteChoice, WorkflowEvent
from campaigns.models import ActionProgramme, Movement, ProgrammeTask
from organisation.models import Person, PersonCategory, Sex, Unit

from ..awards_helpers import draft, to_state, users

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# --- the queue and reception ------------------------------------------------------

def test_officer_returns_a_dossier_at_reception_with_a_reason(officer_client, staff_client):
    submission = to_state(draft(), Status.SUBMITTED)
    url = reverse("awards:submission_return", args=[submission.pk])
    refused = officer_client.post(url, {"reason": "  "}, follow=True)
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED  # no reason, no return
    assert "This field is required" in _messages(refused) or "Trường này" in _messages(refused)
    officer_client.post(url, {"reason": "Thiếu biên bản họp Hội đồng TĐKT cơ sở"})
    submission.refresh_from_db()
    assert submission.status == Status.RETURNED and submission.due_on is not None
    event = WorkflowEvent.objects.filter(submission=submission).latest("pk")
    assert (event.from_status, event.note) == (Status.SUBMITTED, "Thiếu biên bản họp Hội đồng TĐKT cơ sở")
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "Thiếu biên bản họp Hội đồng TĐKT cơ sở" in page
    # the unit cannot return its own dossier, and a returned dossier cannot be returned again
    assert staff_client.post(url, {"reason": "x"}).status_code == 403


def test_bulk_receive_needs_no_officer_and_the_page_does_not_require_one(officer_client):
    first, second = (to_state(draft(names=(name,)), Status.SUBMITTED) for name in ("Lê Văn A", "Phạm Thị B"))
    page = officer_client.get(reverse("awards:submission_list")).content.decode()
    select = page[page.index('name="officer"') - 200:page.index('name="officer"') + 200]
    assert "required" not in select  # the browser would refuse "Receive" with no officer chosen
    assert 'data-select-all="ids"' in page and 'data-selected-count="ids"' in page
    response = officer_client.post(reverse("awards:submission_bulk"), {"action": "receive",
                                                                       "ids": [first.pk, second.pk]}, follow=True)
    assert "2" in _messages(response)
    assert set(Submission.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        Status.RECEIVED}
    # "Assign" still needs the officer
    response = officer_client.post(reverse("awards:submission_bulk"), {"action": "assign", "ids": [first.pk]},
                                   follow=True)
    first.refresh_from_db()
    assert first.status == Status.RECEIVED


def test_queue_sorts_by_column_and_ignores_unknown_orders(officer_client):
    titles = ["Đề nghị B", "Đề nghị A", "Đề nghị C"]
    for title in titles:
        submission = draft()
        submission.title = title
        submission.save()
        to_state(submission, Status.SUBMITTED)
    url = reverse("awards:submission_list")
    ascending = officer_client.get(url, {"o": "title"}).content.decode()
    positions = [ascending.index(t) for t in sorted(titles)]
    assert positions == sorted(positions)
    descending = officer_client.get(url, {"o": "-title"}).content.decode()
    positions = [descending.index(t) for t in sorted(titles, reverse=True)]
    assert positions == sorted(positions)
    assert 'aria-sort="descending"' in descending
    assert officer_client.get(url, {"o": "password"}).status_code == 200
    assert officer_client.get(url, {"o": "\x00"}).status_code in (200, 400)


def test_decisions_are_searchable_by_number_and_awardee(officer_client):
    decided = to_state(draft(names=("Hoàng Thị Lan",)), Status.DECIDED)
    decision = decided.decisions.get()
    url = reverse("awards:decision_list")
    assert decision.code in officer_client.get(url, {"q": "hoang thi lan"}).content.decode()
    assert decision.code in officer_client.get(url, {"q": f"{decision.number}/QĐ-UBND"}).content.decode()
    assert decision.code not in officer_client.get(url, {"q": "Không có ai"}).content.decode()


# --- editing while editable ----------------------------------------------------------

def test_unit_edits_the_dossier_header_until_it_is_sent(staff_client):
    submission = draft()
    url = reverse("awards:submission_edit", args=[submission.pk])
    assert staff_client.get(url).status_code == 200
    staff_client.post(url, {"title": "Đề nghị tặng Bằng khen (sửa)", "reference": "16/TTr-SKHĐT",
                            "round_kind": "yearly", "year": "2023", "commendation_type": "regular"})
    submission.refresh_from_db()
    assert (submission.title, submission.reference) == ("Đề nghị tặng Bằng khen (sửa)", "16/TTr-SKHĐT")
    assert WorkflowEvent.objects.filter(submission=submission, action="edit").exists()
    to_state(submission, Status.SUBMITTED)
    staff_client.post(url, {"title": "Đổi sau khi gửi", "round_kind": "yearly", "year": "2023",
                            "commendation_type": "regular"})
    submission.refresh_from_db()
    assert submission.title == "Đề nghị tặng Bằng khen (sửa)"


def test_programme_tasks_are_edited_within_the_programme_year(staff_client):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    programme = ActionProgramme.objects.create(unit=unit, movement=Movement.objects.get(code="van-hoa-cong-so"),
                                               year=2026, title="Chương trình 2026")
    task = ProgrammeTask.objects.create(programme=programme, title="Tập huấn", owner="Văn phòng",
                                        due_on=dt.date(2026, 6, 30))
    url = reverse("campaigns:task_edit", args=[task.pk])
    staff_client.post(url, {"title": "Tập huấn", "owner": "Văn phòng", "due_on": "1999-12-31"})
    task.refresh_from_db()
    assert task.due_on == dt.date(2026, 6, 30)  # outside the programme's year: refused
    staff_client.post(url, {"title": "Tập huấn nghiệp vụ", "owner": "Phòng TCCB", "due_on": "2026-09-30"})
    task.refresh_from_db()
    assert (task.title, task.owner, task.due_on) == ("Tập huấn nghiệp vụ", "Phòng TCCB", dt.date(2026, 9, 30))


# --- the Council ---------------------------------------------------------------------

def test_council_sees_the_tally_and_votes_for_all_at_once(council_client, officer_client):
    submission = to_state(draft(names=("Vũ Văn Một", "Đỗ Thị Hai")), Status.IN_COUNCIL)
    council = users()["demo_council"]
    page = council_client.get(reverse("awards:council")).content.decode()
    assert "In favour of all" in page or "Đồng ý tất cả" in page
    council_client.post(reverse("awards:vote_all", args=[submission.pk]), {"all": VoteChoice.YES})
    votes = CouncilVote.objects.filter(member=council, nominee__submission=submission)
    assert sorted(votes.values_list("choice", flat=True)) == [VoteChoice.YES, VoteChoice.YES]
    # the tally before "Kiểm phiếu": the officer's page shows one vote in favour of each
    page = officer_client.get(reverse("awards:council")).content.decode()
    tally = page[page.index("Vũ Văn Một"):]
    assert '<td class="text-end">1</td>' in tally[:600]
    # a vote with no choice names the nominee
    nominee = submission.nominees.get(name="Đỗ Thị Hai")
    response = council_client.post(reverse("awards:vote", args=[nominee.pk]), {}, follow=True)
    assert "Đỗ Thị Hai" in _messages(response)
    # one choice per nominee, recorded together
    first = submission.nominees.get(name="Vũ Văn Một")
    council_client.post(reverse("awards:vote_all", args=[submission.pk]),
                        {f"choice_{first.pk}": VoteChoice.NO, f"choice_{nominee.pk}": "bogus"})
    assert votes.get(nominee=first).choice == VoteChoice.YES  # all or nothing: "bogus" refused the batch
    assert submission.nominees.filter(appraisal=Appraisal.ELIGIBLE).count() == 2


# --- staff records ---------------------------------------------------------------------

def test_units_keep_their_own_staff_records(staff_client, staff_b_client):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    staff_client.post(reverse("organisation:person_create"), {
        "full_name": "Trịnh Văn Mới", "sex": Sex.MALE, "unit": unit.pk, "position": "Chuyên viên",
        "category": PersonCategory.CIVIL_SERVANT, "hired_on": "2020-03-01"})
    person = Person.objects.get(full_name="Trịnh Văn Mới")
    assert person.unit == unit
    edit = reverse("organisation:person_edit", args=[person.pk])
    staff_client.post(edit, {"full_name": "Trịnh Văn Mới", "sex": Sex.MALE, "unit": unit.pk,
                             "position": "Phó Trưởng phòng", "category": PersonCategory.CIVIL_SERVANT,
                             "is_leader": "on", "hired_on": "2020-03-01"})
    person.refresh_from_db()
    assert person.position == "Phó Trưởng phòng" and person.is_leader
    # another unit's staff do not see the record, nor can they put a person in a unit not theirs
    assert staff_b_client.get(edit).status_code == 404
    staff_b_client.post(reverse("organisation:person_create"), {
        "full_name": "Người Lạ", "sex": Sex.MALE, "unit": unit.pk, "category": PersonCategory.WORKER})
    assert not Person.objects.filter(full_name="Người Lạ").exists()
    # moving out keeps the record and takes the person off the nominee form
    move = reverse("organisation:person_move_out", args=[person.pk])
    staff_client.post(move, {"left_on": (dt.date.today() + dt.timedelta(days=3)).isoformat(), "reason": "x"})
    person.refresh_from_db()
    assert person.left_on is None  # a future move is refused
    staff_client.post(move, {"left_on": dt.date.today().isoformat(), "reason": "Chuyển công tác"})
    person.refresh_from_db()
    assert person.left_on == dt.date.today() and person.left_reason == "Chuyển công tác"
    listing = staff_client.get(reverse("organisation:person_list")).content.decode()
    assert "<td>Trịnh Văn Mới" not in listing  # (the message above the list still names the person)
    assert "<td>Trịnh Văn Mới" in staff_client.get(reverse("organisation:person_list"), {"staff": "left"}).content.decode()
    submission = draft()
    form = staff_client.get(reverse("awards:nominee_add", args=[submission.pk])).content.decode()
    assert "Trịnh Văn Mới" not in form


# --- the targets dashboard ---------------------------------------------------------------

def test_dashboard_counts_every_target_and_explains_an_empty_year(leader_client):
    from targets.models import Target

    page = leader_client.get(reverse("targets:dashboard"), {"year": 2023}).content.decode()
    total = Target.objects.filter(year=2023).count()
    assert f"{total} targets in all" in page or f"{total} chỉ tiêu" in page
    empty = leader_client.get(reverse("targets:dashboard"), {"year": 2031}).content.decode()
    assert "2023" in empty and ("No target has been set for 2031" in empty or "Chưa có chỉ tiêu" in empty)
    home = leader_client.get(reverse("home")).content.decode()
    assert reverse("targets:dashboard") in home


def test_quarterly_figures_read_as_quarters_and_a_range_stays_a_range_in_excel(leader_client):
    from openpyxl import load_workbook

    from targets.models import Actual, Target

    target = Target.objects.filter(year=2023, kind="numeric").first()
    Actual.objects.create(target=target, period_kind="quarter", period=2, value=D("5"), source="Cục Thống kê")
    page = leader_client.get(reverse("targets:dashboard"), {"year": 2023}).content.decode()
    row = page[page.index(target.indicator.name):][:1500]
    assert "to quarter 2" in row or "đến quý 2" in row
    ranged = Target.objects.filter(year=2023, value_high__isnull=False).first()
    response = leader_client.get(reverse("targets:dashboard"), {"year": 2023, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "NĂM 2023" in sheet["A1"].value and sheet.freeze_panes == "A5"
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows[target.statement][5] == "Quý 2"
    if ranged is not None:
        line = rows[ranged.statement]
        assert (D(str(line[2])), D(str(line[3]))) == (ranged.value_low, ranged.value_high)


def test_eligibility_findings_read_in_the_readers_language(staff_client):
    from django.conf import settings

    submission = to_state(draft(), Status.SUBMITTED)
    nominee = submission.nominees.get()
    reasons = nominee.eligibility_reasons
    assert reasons and all(r.get("message_en") for r in reasons)
    assert any(r["message"] != r["message_en"] for r in reasons)  # the Vietnamese and the English lines differ
    url = reverse("awards:submission_detail", args=[submission.pk])
    vietnamese = staff_client.get(url).content.decode()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = staff_client.get(url).content.decode()
    from django.utils.html import escape

    changed = next(r for r in reasons if r["message"] != r["message_en"])
    assert escape(changed["message"]) in vietnamese and escape(changed["message_en"]) in english
    assert escape(changed["message"]) not in english


def test_audit_notes_read_in_the_readers_language(officer_client, staff_client):
    from django.conf import settings

    submission = to_state(draft(), Status.RECEIVED)
    event = WorkflowEvent.objects.filter(submission=submission, action="receive").get()
    assert event.note.startswith("Hạn thẩm định") or "ngày làm việc" in event.note  # Vietnamese, whoever acted
    assert event.note_en.startswith("Appraisal due on")
    url = reverse("awards:submission_detail", args=[submission.pk])
    assert event.note in staff_client.get(url).content.decode()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = staff_client.get(url).content.decode()
    assert event.note_en in english and event.note not in english


def test_the_council_page_query_count_does_not_grow_with_nominees(council_client, django_assert_max_num_queries):
    submission = to_state(draft(names=("Vũ Văn Một",)), Status.IN_COUNCIL)
    url = reverse("awards:council")
    with django_assert_max_num_queries(50) as one:
        council_client.get(url)
    first = submission.nominees.get()
    for i, award in enumerate(("bang-khen-chu-tich", "chien-si-tien-tien", "bang-khen-chu-tich")):
        first.pk, first.name = None, f"Người thứ {i}"
        first.award_type = type(first.award_type).objects.get(code=award)
        first.save()  # more eligible nominees on the same dossier, of several awards
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = council_client.get(url).content.decode()
    assert "Người thứ 2" in page


def test_home_counts_the_unit_s_dossiers_still_in_progress(staff_client):
    """A unit's drafts and sent dossiers are in progress; a decided one is finished."""
    draft()
    to_state(draft(), Status.SUBMITTED)
    to_state(draft(), Status.DECIDED)
    assert "2 hồ sơ đề nghị khen thưởng đang xử lý" in staff_client.get(reverse("home")).content.decode()
