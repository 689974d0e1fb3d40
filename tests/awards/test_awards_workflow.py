"""The nomination workflow through the real URLs: every transition, forbidden ones, PDFs."""

import datetime as dt
import io
import subprocess

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from awards.models import (
    Attachment,
    Decision,
    Nominee,
    Outcome,
    PublicComment,
    Status,
    Submission,
)
from core.models import Notification
from legal.calendar import add_working_days
from organisation.models import Unit

from ..awards_helpers import draft, to_state, users, xlsx
from ..files import fake_pdf, pdf


def pdf_text(content: bytes, layout: bool = True) -> str:
    """The text pdftotext reads back: with the page layout, or as one flowing string."""
    args = ["pdftotext", "-layout", "-", "-"] if layout else ["pdftotext", "-", "-"]
    text = subprocess.run(args, input=content, capture_output=True, check=True).stdout.decode()
    return text if layout else " ".join(text.split())


def _create_via_web(staff_client):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    response = staff_client.post(reverse("awards:submission_create"), {
        "unit": unit.pk, "title": "Đề nghị tặng Bằng khen của Chủ tịch UBND thành phố năm 2023",
        "reference": "15/TTr-SKHĐT", "round_kind": "yearly", "year": 2023, "commendation_type": "regular"})
    assert response.status_code == 302
    return Submission.objects.get(reference="15/TTr-SKHĐT")


def test_full_journey_through_the_web(staff_client, officer_client, council_client,
                                      django_capture_on_commit_callbacks):
    from legal.models import AwardType

    from ..awards_helpers import person

    submission = _create_via_web(staff_client)
    detail = reverse("awards:submission_detail", args=[submission.pk])
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    an = person("Nguyễn Văn An")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": an.pk, "name": "", "award_type": award.pk,
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục", "achievement_report": "I. ..."})
    assert response.status_code == 302
    nominee = submission.nominees.get()
    assert nominee.name == "Nguyễn Văn An"  # filled from the chosen person

    # Sending without the Council minutes the award requires is refused.
    page = staff_client.post(reverse("awards:submission_submit", args=[submission.pk]), follow=True)
    assert "Hồ sơ còn thiếu" in page.content.decode() and "Biên bản họp Hội đồng" in page.content.decode()
    staff_client.post(reverse("awards:attachment_add", args=[submission.pk]),
                      {"kind": "council_minutes", "upload": pdf("bien-ban.pdf")})
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("awards:submission_submit", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED

    # The Board receives (deadline in working days), assigns, and returns it for completion.
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("awards:submission_receive", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED and submission.due_on > dt.date.today()
    officer = users()["demo_officer"]
    officer_client.post(reverse("awards:submission_assign", args=[submission.pk]), {"officer": officer.pk})
    appraise = reverse("awards:submission_appraise", args=[submission.pk])
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(appraise, {f"verdict_{nominee.pk}": "incomplete",
                                       f"reason_{nominee.pk}": "Bổ sung số liệu năm 2023"})
    submission.refresh_from_db()
    assert submission.status == Status.RETURNED
    staff = users()["demo_staff"]
    assert Notification.objects.filter(user=staff, title__contains="Trả lại").exists()
    assert any("Trả lại" in m.subject for m in mail.outbox)

    # Staff corrects and resubmits; history keeps both rounds.
    staff_client.post(reverse("awards:nominee_edit", args=[submission.pk, nominee.pk]), {
        "subject": "individual", "person": an.pk, "name": "Nguyễn Văn An", "award_type": award.pk,
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ 2022, 2023; số liệu bổ sung", "achievement_report": ""})
    staff_client.post(reverse("awards:submission_submit", args=[submission.pk]))
    officer_client.post(reverse("awards:submission_receive", args=[submission.pk]))
    officer_client.post(reverse("awards:submission_assign", args=[submission.pk]), {"officer": officer.pk})
    officer_client.post(appraise, {f"verdict_{nominee.pk}": "eligible", f"reason_{nominee.pk}": ""})
    submission.refresh_from_db()
    assert submission.status == Status.APPRAISED

    # Council meeting and vote.
    officer_client.post(reverse("awards:submission_to_council", args=[submission.pk]),
                        {"new_meeting_date": "2024-01-10", "new_meeting_title": "Phiên họp tháng 1"})
    council_client.post(reverse("awards:vote", args=[nominee.pk]), {"choice": "yes"})
    officer_client.post(reverse("awards:submission_close_vote", args=[submission.pk]))
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.PASSED and nominee.votes_yes == 1

    # The decision gets the next number of the year; PDFs carry the Vietnamese text.
    response = officer_client.post(reverse("awards:submission_decide", args=[submission.pk]),
                                   {"issued_on": "2024-01-15", "signer_name": "Nguyễn Văn Tùng",
                                    "signer_title": "Chủ tịch"})
    decision = Decision.objects.get()
    assert response.url == reverse("awards:decision_detail", args=[decision.pk])
    assert (decision.year, decision.number, decision.code) == (2024, 1, "01/QĐ-UBND")
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.AWARDED and nominee.golden_book_number == "1/2024"

    text = pdf_text(officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content)
    for phrase in ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "Số: 01/QĐ-UBND", "QUYẾT ĐỊNH", "Nguyễn Văn An",
                   "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố", "Hải Phòng, ngày 15 tháng 01 năm 2024"):
        assert phrase in text, phrase
    certificate = pdf_text(staff_client.get(reverse("awards:certificate_pdf", args=[nominee.pk])).content)
    assert "NGUYỄN VĂN AN" in certificate.upper() and "01/QĐ-UBND" in certificate and "1/2024" in certificate

    # The certificate's QR code leads to a public verification page.
    verify = Client().get(reverse("verify_award", args=[nominee.certificate_code]))
    assert verify.status_code == 200 and "Nguyễn Văn An" in verify.content.decode()

    # Every step is on the dossier page, in order.
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == ["create", "submit", "receive", "assign", "return", "resubmit", "receive", "assign",
                       "appraise", "to_council", "vote", "decide"]
    page = staff_client.get(detail).content.decode()
    assert "Trả lại để hoàn thiện" in page and "Bổ sung số liệu năm 2023" in page


@pytest.mark.parametrize("client_name,url_name,expected", [
    ("staff_client", "awards:submission_receive", 403),
    ("council_client", "awards:submission_receive", 403),
    ("leader_client", "awards:submission_receive", 403),
    ("staff_client", "awards:submission_close_vote", 403),
])
def test_wrong_role_is_refused(request, db, client_name, url_name, expected):
    submission = to_state(draft(), Status.SUBMITTED)
    client = request.getfixturevalue(client_name)
    assert client.post(reverse(url_name, args=[submission.pk])).status_code == expected
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED


def test_council_cannot_appraise_and_officer_cannot_vote(council_client, officer_client):
    submission = to_state(draft(), Status.ASSIGNED)
    assert council_client.get(reverse("awards:submission_appraise", args=[submission.pk])).status_code == 403
    nominee = submission.nominees.get()
    submission = to_state(draft(names=("Trần Thị Bích",)), Status.IN_COUNCIL)
    nominee = submission.nominees.get()
    assert officer_client.post(reverse("awards:vote", args=[nominee.pk]), {"choice": "yes"}).status_code == 403


def test_wrong_state_is_refused_with_a_message(officer_client):
    submission = draft()
    response = officer_client.post(reverse("awards:submission_receive", args=[submission.pk]), follow=True)
    # Drafts are invisible to the Board until sent.
    assert response.status_code == 404
    submission = to_state(submission, Status.RECEIVED)
    response = officer_client.post(reverse("awards:submission_close_vote", args=[submission.pk]), follow=True)
    assert "Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED


def test_other_unit_cannot_see_or_change_a_dossier(staff_b_client, leader_client):
    submission = to_state(draft(), Status.SUBMITTED)
    detail = reverse("awards:submission_detail", args=[submission.pk])
    assert staff_b_client.get(detail).status_code == 404
    assert staff_b_client.post(reverse("awards:submission_submit", args=[submission.pk])).status_code == 404
    nominee = submission.nominees.get()
    assert staff_b_client.post(reverse("awards:nominee_delete", args=[submission.pk, nominee.pk])).status_code == 404
    assert leader_client.get(detail).status_code == 200  # leadership reads everything


def test_sent_dossier_cannot_be_edited(staff_client):
    submission = to_state(draft(), Status.SUBMITTED)
    nominee = submission.nominees.get()
    response = staff_client.post(reverse("awards:nominee_delete", args=[submission.pk, nominee.pk]), follow=True)
    assert "chỉ được sửa khi Ban TĐKT trả lại" in response.content.decode()
    assert submission.nominees.count() == 1


def test_vote_threshold_is_data(db):
    from legal.models import Parameter

    submission = to_state(draft(), Status.IN_COUNCIL)
    nominee = submission.nominees.get()
    u = users()
    from django.contrib.auth.models import Group

    from awards import services
    from organisation.models import User

    second = User.objects.create_user("council2", unit=Unit.objects.get(code="so-noi-vu"))
    second.groups.add(Group.objects.get(name="council_member"))
    services.cast_vote(u["demo_council"], nominee, "yes")
    services.cast_vote(second, nominee, "no")
    services.close_vote(u["demo_officer"], submission)
    nominee.refresh_from_db()
    submission.refresh_from_db()
    assert nominee.outcome == Outcome.FAILED  # 1 of 2 is not more than half
    assert submission.status == Status.CLOSED
    assert Parameter.objects.filter(key="vote_pass_share").exists()


def test_bad_upload_is_refused_and_nothing_is_lost(staff_client):
    submission = draft(award="bang-khen-chu-tich-ho-gia-dinh")  # an award that needs no document
    response = staff_client.post(reverse("awards:attachment_add", args=[submission.pk]),
                                 {"kind": "council_minutes", "upload": fake_pdf()}, follow=True)
    assert "không thuộc loại được chấp nhận" in response.content.decode()
    assert not Attachment.objects.filter(submission=submission).exists()
    assert submission.nominees.count() == 1


def test_excel_template_and_row_by_row_errors(staff_client):
    from openpyxl import load_workbook

    template = staff_client.get(reverse("awards:import_template"))
    book = load_workbook(io.BytesIO(template.content))
    assert book.worksheets[0]["A1"].value.startswith("Đối tượng")
    # Coded columns carry drop-down lists and the name a length limit (data validation).
    rules = {str(v.sqref).split(":")[0]: v for v in book.worksheets[0].data_validations.dataValidation}
    assert rules["A2"].type == "list" and "Cá nhân" in rules["A2"].formula1
    assert rules["C2"].type == "list" and "Ma danh hieu" in rules["C2"].formula1
    assert rules["B2"].type == "textLength" and rules["B2"].formula1 == "255"
    submission = draft(award="bang-khen-chu-tich", names=())
    url = reverse("awards:import_upload", args=[submission.pk])
    bad = xlsx([["Cá nhân", "Lê Văn Cường", "bang-khen-chu-tich", "Hoàn thành tốt", ""],
                ["Ca nhan", "", "khong-co", "", ""],
                ["Tập thể", "Phòng Tổng hợp", "bang-khen-chu-tich", "Tốt", ""]])
    response = staff_client.post(url, {"upload": bad})
    body = response.content.decode()
    assert "Không có dữ liệu nào được nhập" in body
    assert "Dòng 3" in body and "thiếu họ tên" in body and "không có danh hiệu “khong-co”" in body
    assert "Dòng 4" in body and "không dành cho đối tượng này" in body
    assert submission.nominees.count() == 0
    good = xlsx([["Cá nhân", "Lê Văn Cường", "bang-khen-chu-tich", "Hoàn thành tốt", ""],
                 ["cá nhân", "Phạm Thị Dung", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố", "Hoàn thành tốt",
                  ""]])
    assert staff_client.post(url, {"upload": good}).status_code == 302
    assert set(submission.nominees.values_list("name", flat=True)) == {"Lê Văn Cường", "Phạm Thị Dung"}


def test_state_award_goes_through_public_comment(officer_client):
    submission = to_state(draft(award="cstd-toan-quoc", names=("Vũ Thị Hạnh",)), Status.APPRAISED)
    from awards.models import CouncilMeeting

    meeting = CouncilMeeting.objects.create(held_on=dt.date(2024, 2, 1), title="Phiên họp")
    response = officer_client.post(reverse("awards:submission_to_council", args=[submission.pk]),
                                   {"meeting": meeting.pk}, follow=True)
    assert "cần lấy ý kiến" in response.content.decode()
    officer_client.post(reverse("awards:submission_public_comment", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.status == Status.PUBLIC_COMMENT
    anonymous = Client()
    listing = anonymous.get(reverse("public_comment_list")).content.decode()
    assert "Vũ Thị Hạnh" in listing
    nominee = submission.nominees.get()
    anonymous.post(reverse("public_comment", args=[nominee.pk]), {"author": "Ông Ba", "content": "Đồng ý"})
    assert PublicComment.objects.filter(nominee=nominee).count() == 1
    response = officer_client.post(reverse("awards:submission_to_council", args=[submission.pk]),
                                   {"meeting": meeting.pk}, follow=True)
    assert "Thời gian lấy ý kiến" in response.content.decode()


def test_revocation_with_recovery(officer_client):
    submission = to_state(draft(), Status.DECIDED)
    nominee = submission.nominees.get()
    decision = nominee.decision
    officer_client.post(reverse("awards:nominee_revoke", args=[nominee.pk]), {
        "grounds": "Kê khai thành tích không trung thực", "issued_on": "2024-03-01", "signer_name": "Nguyễn Văn Tùng"})
    nominee.refresh_from_db()
    assert nominee.is_revoked and nominee.revoked_by.number == decision.number + 1
    assert nominee.revoked_by.revokes == decision
    page = Client().get(reverse("verify_award", args=[nominee.certificate_code])).content.decode()
    assert "đã bị hủy bỏ" in page
    officer_client.post(reverse("awards:nominee_recovery", args=[nominee.pk]),
                        {"certificate_recovered": "on", "bonus_recovered": "1500000", "recovered_on": "2024-03-20"})
    nominee.refresh_from_db()
    assert nominee.certificate_recovered and nominee.bonus_recovered == 1500000
    text = pdf_text(officer_client.get(reverse("awards:decision_pdf", args=[nominee.revoked_by.pk])).content)
    assert "Hủy bỏ khen thưởng tại Quyết định số 01/QĐ-UBND" in text


def test_history_search_without_diacritics(officer_client, staff_b_client):
    to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    page = officer_client.get(reverse("awards:history") + "?q=nguyen van an").context["page"]
    assert [n.name for n in page] == ["Nguyễn Văn An"]
    assert list(staff_b_client.get(reverse("awards:history") + "?q=nguyen").context["page"]) == []


@pytest.mark.parametrize("max_names", [300, 1])
def test_history_search_finds_every_line_whose_name_contains_the_words(officer_client, monkeypatch, max_names):
    """The search goes through the distinct names (awards_nomineename, kept by the database's triggers) unless the
    words match more names than NAME_SEARCH_MAX_NAMES; either way it finds what a substring search finds."""
    from awards.models import dossier

    monkeypatch.setattr(dossier, "NAME_SEARCH_MAX_NAMES", max_names)
    submission = to_state(draft(names=("Nguyễn Văn An", "Nguyễn Văn Anh", "Trần Thị Bình")), Status.DECIDED)

    def found(q):
        return sorted(n.name for n in officer_client.get(reverse("awards:history") + f"?q={q}").context["page"])

    assert found("van an") == ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert found("Văn Anh") == ["Nguyễn Văn Anh"]
    assert found("tuan") == []
    # A name written by a bulk statement (as COPY and imports write), not by save(): the trigger records it.
    Nominee.objects.filter(submission=submission, name="Trần Thị Bình").update(name="Đỗ Thị Tuấn",
                                                                               search_name="do thi tuan")
    assert found("tuan") == ["Đỗ Thị Tuấn"]
    assert found("binh") == []


def test_queue_filters_and_bulk_actions(officer_client):
    first, second = to_state(draft(names=("A Một",)), Status.SUBMITTED), to_state(draft(names=("B Hai",)), Status.SUBMITTED)
    officer = users()["demo_officer"]
    officer_client.post(reverse("awards:submission_bulk"), {"action": "receive", "ids": [first.pk, second.pk]})
    officer_client.post(reverse("awards:submission_bulk"), {"action": "assign", "ids": [first.pk, second.pk],
                                                            "officer": officer.pk})
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.ASSIGNED}
    Submission.objects.filter(pk=first.pk).update(due_on=dt.date(2020, 1, 1))
    page = officer_client.get(reverse("awards:submission_list") + "?overdue=1").context["page"]
    assert [s.pk for s in page] == [first.pk]
    page = officer_client.get(reverse("awards:submission_list") + f"?status={Status.ASSIGNED}&q=bang khen").context["page"]
    assert {s.pk for s in page} == {first.pk, second.pk}


def test_working_days_skip_weekends_and_holidays(db):
    from legal.models import Holiday

    Holiday.objects.filter(date__year=2024).delete()  # the seeded calendar of 2024 (tests/legal/test_calendar.py)
    friday = dt.date(2024, 4, 26)
    assert add_working_days(friday, 1) == dt.date(2024, 4, 29)  # Monday
    Holiday.objects.create(date=dt.date(2024, 4, 29), name="Nghỉ bù")
    Holiday.objects.create(date=dt.date(2024, 4, 30), name="Giải phóng miền Nam")
    Holiday.objects.create(date=dt.date(2024, 5, 1), name="Quốc tế Lao động")
    assert add_working_days(friday, 1) == dt.date(2024, 5, 2)


def test_queue_query_count_is_flat(officer_client, django_assert_max_num_queries):
    for i in range(2):
        to_state(draft(names=(f"Người {i}",)), Status.SUBMITTED)
    with django_assert_max_num_queries(30) as before:
        officer_client.get(reverse("awards:submission_list"))
    for i in range(8):
        to_state(draft(names=(f"Người thêm {i}", f"Người nữa {i}")), Status.SUBMITTED)
    with django_assert_max_num_queries(len(before.captured_queries)):
        officer_client.get(reverse("awards:submission_list"))


def test_audit_trail_survives_a_deleted_actor(officer_client):
    """An account removed later (actor set to NULL) must not break the dossier page."""
    submission = to_state(draft(), Status.SUBMITTED)
    submission.events.update(actor=None)
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk]))
    assert page.status_code == 200 and "Nhật ký xử lý" in page.content.decode()


def test_queue_filters_by_unit_name_without_diacritics(officer_client):
    submission = to_state(draft(), Status.SUBMITTED)
    found = officer_client.get(reverse("awards:submission_list") + "?unit=ke hoach").context["page"]
    assert [s.pk for s in found] == [submission.pk]
    assert list(officer_client.get(reverse("awards:submission_list") + "?unit=le chan").context["page"]) == []
    assert [s.nominee_count for s in found] == [1]


def test_new_nominee_form_starts_from_the_report_outline(staff_client):
    submission = draft(award="lao-dong-tien-tien", names=())
    page = staff_client.get(reverse("awards:nominee_add", args=[submission.pk])).content.decode()
    assert "II. THÀNH TÍCH ĐẠT ĐƯỢC" in page
