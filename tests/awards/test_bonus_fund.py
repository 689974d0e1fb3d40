"""Bonus amounts (Decree 91/2017 Art 70, 98/2023 Art 54–56, 152/2025 Art 49–54) and the fund's ledger, through the
real pages: amounts across the base-salary changes, rounding, words, the ledger through issue → revoke → recover,
the overdraft warning, reversing entries, documents, exports and the API."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.utils import InternalError
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from awards import bonus, fund
from awards.models import Decision, FundEntry, FundEntryKind, FundSource, Nominee, Outcome, Status
from documents.vnwords import money_in_words
from legal.models import AwardType, BaseSalary, BonusRate
from organisation.models import User

from ..awards_helpers import draft, person, sign_decision, to_state, users
from .test_awards_workflow import pdf_text

D = dt.date

# (award, decision date, amount in đồng): multiple × base salary on the date, rounded up to tens of thousands.
AMOUNTS = [
    ("cstd-co-so", D(2024, 6, 30), 1_800_000),          # 1,0 × 1.800.000 (Decree 24/2023)
    ("cstd-co-so", D(2024, 7, 1), 2_340_000),           # 1,0 × 2.340.000 (Decree 73/2024)
    ("lao-dong-tien-tien", D(2024, 6, 30), 540_000),    # 0,3 × 1.800.000
    ("lao-dong-tien-tien", D(2024, 7, 1), 710_000),     # 0,3 × 2.340.000 = 702.000, rounded up
    ("cstd-toan-quoc", D(2024, 7, 1), 10_530_000),      # 4,5
    ("cstd-thanh-pho", D(2025, 7, 1), 7_020_000),       # 3,0 (Decree 152/2025 Art 50)
    ("tap-the-ldxs", D(2024, 7, 1), 3_510_000),         # 1,5
    ("tap-the-ldtt", D(2024, 7, 1), 1_880_000),         # 0,8 × 2.340.000 = 1.872.000, rounded up
    ("co-thi-dua-thanh-pho", D(2026, 1, 15), 18_720_000),  # 8,0
    ("co-thi-dua-chinh-phu", D(2024, 3, 1), 21_600_000),   # 12,0 × 1.800.000
    ("xa-phuong-tieu-bieu", D(2025, 8, 1), 4_680_000),     # 2,0
    ("thon-to-van-hoa", D(2023, 12, 1), 2_700_000),        # 1,5 (Decree 91/2017)
    ("cstd-co-so", D(2020, 5, 1), 1_490_000),              # 1,0 × 1.490.000 (Decree 38/2019)
    ("huan-chuong-sao-vang-tap-the", D(2025, 7, 1), 215_280_000),   # 92 (Decree 152/2025 Art 51)
    ("huan-chuong-lao-dong-3-tap-the", D(2025, 7, 1), 21_060_000),  # 9
    ("bang-khen-chu-tich-tap-the", D(2025, 7, 1), 7_020_000),       # 3 (Decree 152/2025 Art 54)
    ("giay-khen-tap-the", D(2025, 7, 1), 1_410_000),                # 0,6 × 2.340.000 = 1.404.000, rounded up
    ("ba-me-viet-nam-anh-hung", D(2024, 3, 1), 27_900_000),         # 15,5 (Decree 98/2023 Art 56)
    ("anh-hung-lao-dong-tap-the", D(2024, 8, 1), 72_540_000),       # 31 (collectives double)
    ("nha-giao-uu-tu", D(2024, 8, 1), 21_060_000),                  # 9,0
]

# No amount known: the officer sees it, never a zero.
UNKNOWN = [
    ("bang-khen-chu-tich", D(2024, 8, 1)),              # Decree 98/2023 Art 58: not confirmed (152/2025's is known)
    ("bang-khen-chu-tich-ho-gia-dinh", D(2023, 6, 1)),  # Decree 91/2017: the household's amount not confirmed
    ("huan-chuong-sao-vang-tap-the", D(2025, 6, 30)),   # Decree 98/2023's amount not retrieved
    ("xa-phuong-tieu-bieu", D(2023, 6, 1)),             # the title did not exist before Law 06/2022
    ("cstd-co-so", D(2019, 6, 30)),                     # no base salary recorded before 01/7/2019
]


@pytest.mark.parametrize("code,day,expected", AMOUNTS)
def test_the_amount_of_each_award_on_its_date(db, code, day, expected):
    result = bonus.bonus_for(AwardType.objects.get(code=code), day)
    assert result.amount == expected
    assert result.basis  # the decree and the base salary it used


@pytest.mark.parametrize("code,day", UNKNOWN)
def test_an_unknown_amount_is_said_not_zero(db, code, day):
    result = bonus.bonus_for(AwardType.objects.get(code=code), day)
    assert result.amount is None and not result.known
    assert f"{day:%d/%m/%Y}" in result.note


def test_rounding_up_to_tens_of_thousands():
    step = Decimal(10_000)
    assert bonus.round_up(Decimal(702_000), step) == 710_000
    assert bonus.round_up(Decimal(700_000), step) == 700_000
    assert bonus.round_up(Decimal("700000.01"), step) == 710_000


@pytest.mark.parametrize("amount,words", [
    (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (21_060_000, "Hai mươi mốt triệu không trăm sáu mươi nghìn đồng"),
    (215_280_000, "Hai trăm mười lăm triệu hai trăm tám mươi nghìn đồng"),
    (1_234_567_891, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng"),
    (2_000_005_000, "Hai tỷ không trăm linh năm nghìn đồng"),
    (0, "Không đồng"),
])
def test_amounts_in_vietnamese_words(amount, words):
    assert money_in_words(amount) == words


def _nominee(submission, code, holder, **fields):
    award = AwardType.objects.get(code=code)
    return Nominee.objects.create(submission=submission, subject=award.subject, award_type=award, name=holder.full_name,
                                  person=holder, achievement_summary="x", **fields)


def test_several_titles_for_one_achievement_pay_the_highest_only(db):
    """Decree 91/2017 Art 70.4 (and its successors, cần xác minh): one holder, several emulation titles for the
    same achievements, the highest bonus only; a commendation is paid besides the titles."""
    submission = draft(names=("Lê Văn Bình",))
    worker = person("Phạm Thị Cúc")
    city = _nominee(submission, "cstd-thanh-pho", worker)
    grassroots = _nominee(submission, "cstd-co-so", worker)
    settled = bonus.settle([city, grassroots], D(2025, 7, 1))
    assert settled[city.pk].amount == 7_020_000
    assert settled[grassroots.pk].amount == 0 and "7.020.000" in settled[grassroots.pk].note

    # A title paid earlier for the same year counts: only what exceeds it is paid now.
    earlier = _nominee(submission, "cstd-co-so", person("Trần Văn Dũng"), outcome=Outcome.AWARDED,
                       bonus_amount=2_340_000)
    later = _nominee(submission, "cstd-thanh-pho", earlier.person)
    assert bonus.settle([later], D(2025, 7, 1))[later.pk].amount == 7_020_000 - 2_340_000


def test_posthumous_award_pays_the_family(db):
    submission = draft(names=("Lê Văn Bình",))
    late = _nominee(submission, "cstd-thanh-pho", person("Nguyễn Văn Liệt"), is_posthumous=True)
    result = bonus.settle([late], D(2025, 7, 1))[late.pk]
    assert result.amount == 7_020_000 and "thân nhân" in result.note.lower()


def _voted(award="tap-the-ldxs", names=("Phòng Kế hoạch", "Phòng Đầu tư")):
    submission = to_state(draft(award=award, names=names), Status.VOTED)
    assert submission.nominees.filter(outcome=Outcome.PASSED).count() == len(names)
    return submission


def _decide(client, submission, day="2026-11-20", **extra):
    return client.post(reverse("awards:submission_decide", args=[submission.pk]), {
        "issued_on": day, "signer_name": "Nguyễn Văn Tùng", "signer_title": "Chủ tịch",
        "override_reason": "Hội đồng đã xem xét thành tích", **extra}, follow=True)


def test_the_fund_through_issue_revoke_recover_and_reversal(officer_client, signer_client):
    ledger = reverse("awards:fund_ledger")
    # The Board records the year's allocation on the ledger page.
    response = officer_client.post(ledger, {"kind": FundEntryKind.ALLOCATION, "source": FundSource.CITY_BUDGET,
                                            "amount": "5000000", "entered_on": "2026-01-05",
                                            "description": "Quyết định giao dự toán số 10/QĐ-UBND"})
    assert response.status_code == 302 and fund.balance(2026) == 5_000_000

    # Two collectives, 3.510.000 đ each: 7.020.000 đ would take the fund 2.020.000 đ below zero.
    submission = _voted()
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "7.020.000" in page and "5.000.000" in page and "-2.020.000" in page
    refused = _decide(officer_client, submission)
    assert "2.020.000" in refused.content.decode() and not Decision.objects.exists()
    submission.refresh_from_db()
    assert submission.status == Status.VOTED

    issued = _decide(officer_client, submission, accept_overdraft="on")
    decision = Decision.objects.get()
    assert issued.redirect_chain[-1][0] == reverse("awards:decision_detail", args=[decision.pk])
    awardees = list(decision.awardees.order_by("id"))
    assert [n.bonus_amount for n in awardees] == [3_510_000, 3_510_000]
    assert awardees[0].bonus_multiple == Decimal("1.5") and awardees[0].bonus_base_salary == 2_340_000
    assert "Nghị định 152/2025/NĐ-CP, Điều 50" in awardees[0].bonus_basis
    # Issued, not yet in effect: nothing has left the fund until the signer signs (issue 32).
    assert not FundEntry.objects.filter(kind=FundEntryKind.SPENDING).exists() and fund.balance(2026) == 5_000_000
    sign_decision(signer_client, decision.pk)
    spending = FundEntry.objects.get(kind=FundEntryKind.SPENDING)
    assert spending.amount == -7_020_000 and spending.decision == decision and spending.created_by == users()["demo_signer"]
    assert fund.balance(2026) == -2_020_000
    detail = officer_client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "7.020.000" in detail and "Bảy triệu không trăm hai mươi nghìn đồng" in detail

    # Revoke one award and recover its bonus: the money returns to the fund.
    first = awardees[0]
    officer_client.post(reverse("awards:nominee_revoke", args=[first.pk]), {
        "grounds": "Phát hiện kê khai không trung thực", "issued_on": "2026-11-25", "signer_name": "Nguyễn Văn Tùng"})
    first.refresh_from_db()
    assert first.is_revoked
    recovery = reverse("awards:nominee_recovery", args=[first.pk])
    officer_client.post(recovery, {"certificate_recovered": "on", "bonus_recovered": "2000000",
                                   "recovered_on": "2026-11-28"})
    officer_client.post(recovery, {"certificate_recovered": "on", "bonus_recovered": "3510000",
                                   "recovered_on": "2026-11-30"})
    recovered = FundEntry.objects.filter(kind=FundEntryKind.RECOVERY, nominee=first)
    assert sorted(recovered.values_list("amount", flat=True)) == [1_510_000, 2_000_000]
    assert fund.balance(2026) == -2_020_000 + 3_510_000
    # More than was paid, or less than already recorded, is refused and writes nothing.
    for wrong in ("4000000", "1000000"):
        officer_client.post(recovery, {"bonus_recovered": wrong, "recovered_on": "2026-11-30"})
    assert recovered.count() == 2

    # A mistaken allocation is corrected by a reversing entry, once.
    allocation = FundEntry.objects.get(kind=FundEntryKind.ALLOCATION)
    officer_client.post(reverse("awards:fund_reverse", args=[allocation.pk]),
                        {"reason": "Nhập nhầm số tiền", "entered_on": "2026-11-30"})
    officer_client.post(reverse("awards:fund_reverse", args=[allocation.pk]),
                        {"reason": "Lần nữa", "entered_on": "2026-11-30"})
    # Bonuses paid follow their decision: the spending is not reversed by hand.
    officer_client.post(reverse("awards:fund_reverse", args=[spending.pk]),
                        {"reason": "Thử", "entered_on": "2026-11-30"})
    reversal = FundEntry.objects.get(kind=FundEntryKind.REVERSAL)
    assert reversal.reverses == allocation and reversal.amount == -5_000_000
    assert fund.balance(2026) == -2_020_000 + 3_510_000 - 5_000_000
    summary = fund.year_summary(2026)
    assert (summary["income"], summary["spending"], summary["recoveries"], summary["reversals"]) == (
        5_000_000, 7_020_000, 3_510_000, -5_000_000)
    assert summary["closing"] == fund.balance(2026)
    page = officer_client.get(ledger + "?year=2026").content.decode()
    assert "Nhập nhầm số tiền" in page and "1/QĐ-UBND" in page


def test_entries_are_append_only_in_the_orm_and_the_database(db):
    from django.core.exceptions import ValidationError

    entry = FundEntry.objects.create(year=2026, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                                     amount=1_000_000, entered_on=D(2026, 1, 5), description="Dự toán")
    entry.amount = 2_000_000
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        FundEntry.objects.filter(pk=entry.pk).update(amount=5)
    for statement in ("UPDATE awards_fundentry SET amount = 5", "DELETE FROM awards_fundentry"):
        with pytest.raises(InternalError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert FundEntry.objects.get(pk=entry.pk).amount == 1_000_000


def test_a_paid_amount_never_changes_with_later_data(officer_client):
    submission = _voted(names=("Phòng Kế hoạch",))
    _decide(officer_client, submission, accept_overdraft="on")
    nominee = Nominee.objects.get(submission=submission)
    assert nominee.bonus_amount == 3_510_000
    BaseSalary.objects.filter(effective_to__isnull=True).update(effective_to=D(2026, 6, 30))
    BaseSalary.objects.create(amount=2_530_000, effective_from=D(2026, 7, 1), legal_basis="Nghị định mới (thử)")
    BonusRate.objects.filter(award_type=nominee.award_type).update(multiple=Decimal("9.9"))
    nominee.refresh_from_db()
    assert nominee.bonus_amount == 3_510_000
    text = pdf_text(officer_client.get(reverse("awards:decision_pdf", args=[nominee.decision_id])).content, False)
    assert "3.510.000" in text and "Ba triệu năm trăm mười nghìn đồng" in text


def test_unknown_amounts_are_shown_on_the_decision_and_its_documents(officer_client):
    # Bằng khen, individual, decided under Decree 98/2023: no amount confirmed (Art 58; 152/2025's is known).
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.VOTED)
    _decide(officer_client, submission, day="2025-03-03")
    decision = Decision.objects.get()
    assert decision.awardees.get().bonus_amount is None
    assert not FundEntry.objects.exists()  # nothing paid, nothing spent
    detail = officer_client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "Chưa có mức tiền thưởng" in detail or "chưa có mức tiền thưởng" in detail
    text = pdf_text(officer_client.get(reverse("awards:payment_list_pdf", args=[decision.pk])).content, False)
    assert "Chưa có mức" in text


def test_annex_and_payment_list(officer_client, staff_client):
    submission = _voted(names=("Phòng Kế hoạch", "Phòng Đầu tư"))
    _decide(officer_client, submission, accept_overdraft="on")
    decision = Decision.objects.get()
    annex = pdf_text(officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content, False)
    for phrase in ("Tiền thưởng (đồng)", "3.510.000", "Tổng số tiền thưởng: 7.020.000 đồng",
                   "Bảy triệu không trăm hai mươi nghìn đồng"):
        assert phrase in annex, phrase
    # The unit's staff fetch the payment list of their own decision; the accountant's columns are there.
    listing = pdf_text(staff_client.get(reverse("awards:payment_list_pdf", args=[decision.pk])).content, False)
    for phrase in ("DANH SÁCH CHI THƯỞNG", "Số tài khoản", "Ký nhận", "KẾ TOÁN TRƯỞNG", "Phòng Kế hoạch",
                   "Sở Kế hoạch và Đầu tư", "7.020.000", "Bảy triệu không trăm hai mươi nghìn đồng"):
        assert phrase in listing, phrase
    response = staff_client.get(reverse("awards:payment_list_xlsx", args=[decision.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "DANH SÁCH CHI THƯỞNG" in sheet["A1"].value and decision.code in sheet["A2"].value
    assert sheet.freeze_panes == "A5" and sheet["B4"].font.bold
    assert sheet["E5"].value == 3_510_000 and sheet["E5"].number_format == "#,##0"
    assert sheet["E7"].value == 7_020_000 and "Bảy triệu" in sheet["B8"].value
    # Another unit's staff do not reach it.
    other = User.objects.get(username="demo_staff_b")
    staff_client.force_login(other)
    assert staff_client.get(reverse("awards:payment_list_pdf", args=[decision.pk])).status_code == 404


def test_ledger_export_and_api(officer_client, leader_client, staff_client, signer_client):
    officer = users()["demo_officer"]
    fund.record_income(officer, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                       amount=Decimal(50_000_000), entered_on=D(2026, 1, 5), description="Dự toán năm 2026")
    fund.record_income(officer, kind=FundEntryKind.INCOME, source=FundSource.CONTRIBUTIONS,
                       amount=Decimal(2_500_000), entered_on=D(2026, 3, 1), description="Doanh nghiệp ủng hộ")
    submission = _voted(names=("Phòng Kế hoạch",))
    _decide(officer_client, submission)
    sign_decision(signer_client, Decision.objects.get(submission=submission).pk)
    assert fund.balance(2026) == 50_000_000 + 2_500_000 - 3_510_000

    book = load_workbook(io.BytesIO(leader_client.get(reverse("awards:fund_excel") + "?year=2026").content))
    sheet = book.active
    assert "QUỸ THI ĐUA" in sheet["A1"].value and "2026" in sheet["A2"].value
    assert sheet.freeze_panes == "A5" and sheet["H4"].font.bold
    amounts = [sheet.cell(row, 8).value for row in range(5, 8)]
    assert amounts == [50_000_000, 2_500_000, -3_510_000] and sheet["H5"].number_format.startswith("#,##0")
    assert sheet.cell(8, 8).value == 48_990_000
    # Filters: the contributions only.
    page = leader_client.get(reverse("awards:fund_ledger") + f"?year=2026&source={FundSource.CONTRIBUTIONS}")
    assert "Doanh nghiệp ủng hộ" in page.content.decode() and "Dự toán năm 2026" not in page.content.decode()
    assert staff_client.get(reverse("awards:fund_ledger")).status_code == 403

    api = APIClient()
    api.force_authenticate(User.objects.get(username="demo_leader"))
    entries = api.get("/api/v1/fund-entries/?year=2026").json()
    assert [e["amount"] for e in entries["results"]] == ["50000000", "2500000", "-3510000"]
    assert api.post("/api/v1/fund-entries/", {"amount": 1}).status_code in (403, 405)
    decisions = api.get("/api/v1/decisions/").json()["results"]
    assert decisions[0]["bonus_total"] == 3_510_000 and decisions[0]["awardees"][0]["bonus_amount"] == 3_510_000
    api.force_authenticate(User.objects.get(username="demo_staff"))
    assert api.get("/api/v1/fund-entries/").status_code == 403


def test_the_fund_in_the_yearly_statistics(officer_client, signer_client):
    from reports.data import yearly_statistics
    from reports.render import fund_rows

    officer = users()["demo_officer"]
    fund.record_income(officer, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                       amount=Decimal(20_000_000), entered_on=D(2025, 1, 5), description="Dự toán năm 2025")
    fund.record_income(officer, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                       amount=Decimal(10_000_000), entered_on=D(2026, 1, 5), description="Dự toán năm 2026")
    submission = _voted(names=("Phòng Kế hoạch",))
    _decide(officer_client, submission)
    sign_decision(signer_client, Decision.objects.get(submission=submission).pk)
    rows = dict(fund_rows(yearly_statistics(2026)["fund"]))
    assert rows["Số dư đầu năm"] == 20_000_000 and rows["Chi tiền thưởng"] == 3_510_000
    assert rows["Số dư cuối năm"] == 20_000_000 + 10_000_000 - 3_510_000


def test_only_the_board_keeps_the_ledger(db):
    leader = User.objects.get(username="demo_leader")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        fund.record_income(leader, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                           amount=Decimal(1), entered_on=D(2026, 1, 5), description="x")
    assert not FundEntry.objects.exists()
