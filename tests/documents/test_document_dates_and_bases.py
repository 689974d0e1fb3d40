"""Issue 32 items 3, 4 and 8: documents an archivist accepts. Legal bases are data with effective dates (a 2024
and a 2026 decision print the laws and decrees in force on their dates), the Board's tờ trình is numbered and dated
when it is sent and printed as stored, a revoked award leaves the payment list, a revocation states its own basis
and the amount to recover, signing refuses a decision dated in the future, certificates print their own wording,
and a report of the running period counts "đến ngày" the day it is issued."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import documents, fund, round_documents, signed_documents
from awards.models import Decision, DecisionKind, FundEntry, FundEntryKind, FundSource, Status
from documents import register
from documents.signing import sha256
from legal import bases
from legal.models import AwardType, Paper
from reports import signed_copies
from reports.models import Report, ReportKind

from ..awards.test_awards_workflow import pdf_text
from ..awards_helpers import draft, sign_decision, to_state, users


def _bases(text: str) -> list[str]:
    """The "Căn cứ …;" lines of a PDF's text (each joined onto one line)."""
    return re.findall(r"Căn cứ (.+?);", text)


def test_decisions_of_2024_and_2026_cite_the_law_in_force_on_their_dates(db):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    of_2024 = Decision.objects.get(submission=submission)
    assert of_2024.issued_on.year == 2024
    of_2026 = Decision.objects.create(
        year=2026, number=7, kind=DecisionKind.AWARD, issued_on=dt.date(2026, 11, 20), title="Khen thưởng",
        signer_name="Nguyễn Văn Tùng", signer_title="Chủ tịch", submission=submission)
    old = _bases(pdf_text(documents.decision_pdf(of_2024), False))
    new = _bases(pdf_text(documents.decision_pdf(of_2026), False))
    assert old == [
        "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm 2015",
        "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
        "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng"]
    assert new == [
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
        "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật "
        "Thi đua, khen thưởng"]
    # The day the law changed: 30/6/2025 is the old law's last day, 1/7/2025 the new one's first.
    assert "77/2015/QH13" in bases.in_force(Paper.AWARD_DECISION, dt.date(2025, 6, 30))[0]
    assert "72/2025/QH15" in bases.in_force(Paper.AWARD_DECISION, dt.date(2025, 7, 1))[0]


def test_the_ballot_tally_cites_the_decree_of_its_meeting(db):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.VOTED)
    meeting = submission.meeting
    text = pdf_text(round_documents.ballot_tally_pdf(meeting), False)
    assert "98/2023/NĐ-CP" in text and "152/2025" not in text  # a meeting of January 2024
    meeting.held_on = dt.date(2026, 3, 10)
    meeting.save()
    text = pdf_text(round_documents.ballot_tally_pdf(meeting), False)
    assert "152/2025/NĐ-CP" in text and "98/2023" not in text


def test_the_boards_submission_is_numbered_when_sent_and_printed_as_stored(officer_client, db):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.IN_COUNCIL)
    before = pdf_text(officer_client.get(reverse("awards:submission_report", args=[submission.pk])).content)
    assert "/TTr-BTĐKT" in before and "01/TTr-BTĐKT" not in before  # a draft: no number, no date yet
    submission = to_state(submission, Status.VOTED)
    submission.refresh_from_db()
    assert submission.board_report_code == "01/TTr-BTĐKT" and submission.board_report_on == dt.date.today()
    sent = pdf_text(officer_client.get(reverse("awards:submission_report", args=[submission.pk])).content, False)
    assert "Số: 01/TTr-BTĐKT" in sent
    # The decision rests on it, by number and date.
    submission = to_state(submission, Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    text = pdf_text(documents.decision_pdf(decision), False)
    assert f"Tờ trình số 01/TTr-BTĐKT ngày {dt.date.today():%d/%m/%Y}" in text


def test_a_revoked_award_leaves_the_payment_list_and_its_revocation_states_the_amount(officer_client, db):
    submission = to_state(draft(names=("Nguyễn Văn An", "Trần Thị Bình")), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    decision.awardees.update(bonus_amount=3_510_000)  # the 2024 catalogue has no rate: the amounts paid
    first, second = decision.awardees.order_by("id")
    payment = reverse("awards:payment_list_pdf", args=[decision.pk])
    listed = pdf_text(officer_client.get(payment).content, False)
    assert "Nguyễn Văn An" in listed and "Trần Thị Bình" in listed
    officer_client.post(reverse("awards:nominee_revoke", args=[first.pk]), {
        "grounds": "Kê khai không trung thực", "issued_on": "2024-03-01", "signer_name": "Nguyễn Văn Tùng"})
    first.refresh_from_db()
    assert first.is_revoked and first.bonus_amount
    listed = pdf_text(officer_client.get(payment).content, False)
    assert "Nguyễn Văn An" not in listed and "Trần Thị Bình" in listed
    assert "Ba triệu năm trăm mười nghìn đồng" in listed and "Bảy triệu" not in listed  # the total without it
    revocation = pdf_text(documents.decision_pdf(first.revoked_by), False)
    assert "Tờ trình" not in revocation and "15/TTr-SKHĐT" not in revocation  # its own basis, not the award's
    assert "Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng thành phố về việc hủy bỏ khen thưởng" in revocation
    amount = f"{first.bonus_amount:,.0f}".replace(",", ".")
    assert f"tổng cộng {amount} đồng" in revocation and "nộp về Quỹ thi đua, khen thưởng thành phố" in revocation


def test_signing_refuses_a_decision_dated_in_the_future(db):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    future = Decision.objects.create(
        year=dt.date.today().year, number=90, kind=DecisionKind.AWARD, title="Khen thưởng",
        issued_on=dt.date.today() + dt.timedelta(days=1), signer_name="Nguyễn Văn Tùng", signer_title="Chủ tịch",
        submission=submission)
    with pytest.raises(ValidationError, match="cannot be signed before its date|không ký trước ngày"):
        signed_documents.sign(users()["demo_signer"], future)
    before = Decision.objects.create(
        year=2024, number=91, kind=DecisionKind.AWARD, title="Khen thưởng",
        issued_on=submission.meeting.held_on - dt.timedelta(days=1), signer_name="Nguyễn Văn Tùng",
        signer_title="Chủ tịch", submission=submission)
    with pytest.raises(ValidationError, match="before the Council|trước phiên họp"):
        signed_documents.sign(users()["demo_signer"], before)


def test_certificates_print_their_own_wording(db):
    individual = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED).nominees.get()
    individual.award_type = AwardType.objects.get(code="cstd-thanh-pho")  # an emulation title's certificate
    text = pdf_text(documents.certificate_pdf(individual), False)
    assert "BẰNG CHỨNG NHẬN" in text and "Chiến sĩ thi đua thành phố" in text
    collective = to_state(draft(award="bang-khen-chu-tich-tap-the", names=("Sở Kế hoạch và Đầu tư",)),
                          Status.DECIDED)
    text = pdf_text(documents.certificate_pdf(collective.nominees.get()), False)
    assert "BẰNG KHEN" in text and "TẬP THỂ" not in text
    assert text.count("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG") == 1
    assert text.count("Sở Kế hoạch và Đầu tư") == 1


def test_the_running_periods_report_counts_to_the_day_it_is_issued(db):
    report = Report(kind=ReportKind.QUARTERLY, period_start=dt.date(2026, 10, 1), period_end=dt.date(2026, 12, 31),
                    issued_on=dt.date(2026, 12, 5), number=3)
    assert report.figures_to == dt.date(2026, 12, 5) and report.code == "03/BC-BTĐKT"
    report.issued_on = dt.date(2027, 1, 4)
    assert report.figures_to == dt.date(2026, 12, 31)
    # The public check names a signed copy with the number as printed: "03/BC-BTĐKT", not "3/BC-BTĐKT".
    report.save()
    signed_copies.keep(report.pk, b"%PDF-1.7 a signed report", "Ban Thi đua - Khen thưởng")
    found = register.lookup(sha256(b"%PDF-1.7 a signed report"))
    assert "03/BC-BTĐKT" in found.text and " 3/BC-BTĐKT" not in found.text


def test_the_fund_pays_when_the_decision_is_signed_and_counts_unsigned_ones_before_the_next(officer_client, db,
                                                                                          signer_client):
    officer = users()["demo_officer"]
    fund.record_income(officer, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                       amount=Decimal(5_000_000), entered_on=dt.date(2026, 1, 5), description="Dự toán năm 2026")
    first = to_state(draft(award="tap-the-ldxs", names=("Phòng Kế hoạch",)), Status.VOTED)
    decide = {"issued_on": "2026-11-20", "signer_name": "Nguyễn Văn Tùng", "signer_title": "Chủ tịch",
              "override_reason": "Hội đồng đã xem xét thành tích"}
    officer_client.post(reverse("awards:submission_decide", args=[first.pk]), decide, follow=True)
    decision = Decision.objects.get(submission=first)
    assert fund.balance(2026) == 5_000_000  # issued: nothing paid before the signature
    # A second decision sees the first one's bonuses as spoken for: 5.000.000 - 3.510.000 left, not enough.
    second = to_state(draft(award="tap-the-ldxs", names=("Phòng Đầu tư",)), Status.VOTED)
    refused = officer_client.post(reverse("awards:submission_decide", args=[second.pk]), decide, follow=True)
    assert "1.490.000" in refused.content.decode() and Decision.objects.count() == 1
    sign_decision(signer_client, decision.pk)
    assert fund.balance(2026) == 5_000_000 - 3_510_000
    assert FundEntry.objects.get(kind=FundEntryKind.SPENDING).entered_on == decision.issued_on
