"""The English side entirely English (issue 33, item 7): what the portal composes and keeps (the notices in the
notification list, the fund ledger's lines, the dossier's trail) is stored as what to say (a message id and its
parameters, utilities.messages) and shown in the reader's language, with that language's number format
(Vietnamese "7.020.000", English "7,020,000"); rows written before are shown as they were stored. What users typed
(names, descriptions, reasons) is shown as typed."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from awards import fund, outbox
from awards.models import Decision, FundEntry, FundEntryKind, FundSource, Outcome, Status
from core.models import Notification

from ..awards_helpers import draft, sign_and_seal, to_state, users

# Composed by the portal, in Vietnamese: none of them may be on an English page.
VIETNAMESE = ("Chi tiền thưởng theo Quyết định số", "Hồ sơ “", "Hạn thẩm định", "Đã có quyết định", "tiền thưởng 7.020.000",
              "7.020.000")
ENGLISH = ("Bonuses of decision No. 01/QĐ-UBND", "Appraisal due on", "bonuses 7,020,000 đ", "7,020,000")


def _pages(officer_client, staff_client, submission, language):
    for client in (officer_client, staff_client):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return {
        "dossier": officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode(),
        "ledger": officer_client.get(reverse("awards:fund_ledger") + "?year=2026").content.decode(),
        "notices": staff_client.get(reverse("awards:notifications")).content.decode(),
    }


def _excel_cells(client) -> set:
    import io

    from openpyxl import load_workbook

    content = client.get(reverse("awards:fund_excel") + "?year=2026").content
    return {str(cell.value) for row in load_workbook(io.BytesIO(content)).active.iter_rows() for cell in row}


def test_stored_lines_are_shown_in_the_readers_language(officer_client, staff_client,
                                                        django_capture_on_commit_callbacks):
    officer, staff = users()["demo_officer"], users()["demo_staff"]
    fund.record_income(officer, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                       amount=Decimal(5_000_000), entered_on=dt.date(2026, 1, 5), description="QĐ 10/QĐ-UBND")
    with django_capture_on_commit_callbacks(execute=True):  # the unit's notices leave after each commit
        submission = to_state(draft(award="tap-the-ldxs", names=("Phòng Kế hoạch", "Phòng Đầu tư")), Status.VOTED)
        assert submission.nominees.filter(outcome=Outcome.PASSED).count() == 2
        officer_client.post(reverse("awards:submission_decide", args=[submission.pk]), {
            "issued_on": "2026-11-20", "signer_name": "Nguyễn Văn Tùng", "signer_title": "Chủ tịch",
            "override_reason": "Hội đồng đã xem xét thành tích", "accept_overdraft": "on"})
        outbox.release(officer, [submission.pk])  # the decision's notice, held in the Board's outbox
    decision = Decision.objects.get(submission=submission)
    sign_and_seal(decision.pk)  # the bonuses leave the fund: a line the portal composes
    spending = FundEntry.objects.get(kind=FundEntryKind.SPENDING)
    assert spending.description == "Chi tiền thưởng theo Quyết định số 01/QĐ-UBND"  # API, admin: portal's language
    assert spending.description_data["msgid"] == "Bonuses of decision No. %(code)s"
    notice = Notification.objects.filter(user=staff, message__isnull=False).first()
    assert notice.title.startswith("Hồ sơ “") and notice.message["title"]["msgid"].startswith("Dossier")
    # Rows written before the messages were kept are shown as they were stored, in both languages.
    Notification.objects.create(user=staff, title="Thông báo cũ của Ban", body="Nội dung cũ")
    FundEntry.objects.create(year=2026, kind=FundEntryKind.INCOME, source=FundSource.OTHER, amount=1000,
                             entered_on=dt.date(2026, 2, 1), description="Dòng cũ của sổ quỹ", created_by=officer)

    english = _pages(officer_client, staff_client, submission, "en")
    for name, page in english.items():
        for phrase in VIETNAMESE:
            assert escape(phrase) not in page, (name, phrase)
    assert "Bonuses of decision No. 01/QĐ-UBND" in english["ledger"] and "7,020,000" in english["ledger"]
    assert escape("Dossier “Đề nghị") in english["notices"] and "Appraisal due on" in english["notices"]
    assert "bonuses 7,020,000 đ" in english["notices"] and "bonuses 7,020,000 đ" in english["dossier"]
    assert "Thông báo cũ của Ban" in english["notices"] and "Dòng cũ của sổ quỹ" in english["ledger"]
    assert "Bonuses of decision No. 01/QĐ-UBND" in _excel_cells(officer_client)  # the ledger's file follows the page

    vietnamese = _pages(officer_client, staff_client, submission, "vi")
    for name, page in vietnamese.items():
        for phrase in ENGLISH:
            assert escape(phrase) not in page, (name, phrase)
    assert "Chi tiền thưởng theo Quyết định số 01/QĐ-UBND" in vietnamese["ledger"] and "7.020.000" in vietnamese["ledger"]
    assert escape("Hồ sơ “Đề nghị") in vietnamese["notices"] and "Hạn thẩm định" in vietnamese["notices"]
    assert "tiền thưởng 7.020.000 đ" in vietnamese["notices"] and "tiền thưởng 7.020.000 đ" in vietnamese["dossier"]
    assert "Thông báo cũ của Ban" in vietnamese["notices"] and "Dòng cũ của sổ quỹ" in vietnamese["ledger"]
    assert "Chi tiền thưởng theo Quyết định số 01/QĐ-UBND" in _excel_cells(officer_client)


def test_a_reminder_reads_in_the_readers_language(officer_client):
    """A reminder is kept as what to say too: what is due, its date and the days left, in each reader's words."""
    from django.utils import timezone

    from core import reminders

    officer = users()["demo_officer"]
    submission = to_state(draft(), Status.ASSIGNED)  # the officer in charge has an appraisal due
    today = timezone.localdate()
    rows = [d for d in reminders.deadlines(today, submission.due_on, user_id=officer.pk)
            if d.key == f"appraisal:{submission.pk}"]
    assert len(rows) == 1
    reminders.remind_now(rows, today)
    left = (submission.due_on - today).days
    url = reverse("awards:notifications")
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = officer_client.get(url).content.decode()
    assert escape(f"Reminder: the appraisal of “{submission.title}” is due on {submission.due_on:%d/%m/%Y}") \
        in english and f"{left} days left." in english
    assert "Nhắc hạn" not in english and "thẩm định hồ sơ" not in english and "Còn " not in english
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    vietnamese = officer_client.get(url).content.decode()
    assert escape(f"thẩm định hồ sơ “{submission.title}”") in vietnamese and f"Còn {left} ngày." in vietnamese
    # The home page lists the same deadline in the reader's words.
    assert escape(f"Thẩm định hồ sơ “{submission.title}”") in officer_client.get("/").content.decode()
