"""An officer's day in a real browser (issue 33, items 1, 2 and 5): a vote waits for its meeting's day and the
Board re-dates a wrongly dated meeting; a refused form comes back with everything typed; "Đồng ý tất cả" keeps a
member's "Không đồng ý". Screenshots of each point go to test-artifacts/ (o1…o5)."""

import datetime as dt

import pytest
from django.utils import timezone

from awards import services
from awards.models import CouncilMeeting, CouncilVote, Decision, Status, VoteChoice, WorkflowEvent

from ..awards_helpers import draft, to_state, users
from ..browser import chromium_page, screenshot
from .test_browser_campaigns import _login, _logout

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_an_officers_day_with_dates_refusals_and_votes(live_server, password):
    today = timezone.localdate()
    officer, council = users()["demo_officer"], users()["demo_council"]
    # a meeting typed a month ahead by mistake: the vote is cast, the count must wait
    stuck = to_state(draft(names=("Vũ Văn Một",)), Status.APPRAISED)
    meeting = CouncilMeeting.objects.create(held_on=today + dt.timedelta(days=30), title="Phiên họp tháng này")
    services.send_to_council(officer, stuck, meeting)
    services.cast_vote(council, stuck.nominees.get(), VoteChoice.YES)
    # a second dossier before the Council, two nominees
    ballot = to_state(draft(names=("Đỗ Thị Hai", "Lê Văn Ba"), unit_code="so-ke-hoach-dau-tu"), Status.IN_COUNCIL)
    base = live_server.url
    dossier = f"{base}/khen-thuong/ho-so/{stuck.pk}/"
    with chromium_page("officer-dates") as page:
        _login(page, base, "demo_officer", password)
        page.goto(dossier)
        count = page.get_by_role("button", name="Kiểm phiếu")
        assert count.is_disabled()
        assert page.get_by_text(f"Hội đồng họp ngày {meeting.held_on:%d/%m/%Y}").is_visible()
        screenshot(page, "o1-count-waits-for-the-meeting")

        # re-date with a wrong date: refused, the reason typed comes back
        page.locator("#redate_meeting_held_on").fill("31/02/2026")
        page.locator("#redate_meeting_reason").fill("Gõ nhầm tháng khi lập lịch họp")
        page.get_by_role("button", name="Đổi ngày họp Hội đồng").click()
        assert page.locator("#redate_meeting_reason").input_value() == "Gõ nhầm tháng khi lập lịch họp"
        assert page.locator("#redate_meeting_held_on").input_value() == "31/02/2026"
        screenshot(page, "o2-refused-form-keeps-its-input")
        page.locator("#redate_meeting_held_on").fill(f"{today:%d/%m/%Y}")
        page.get_by_role("button", name="Đổi ngày họp Hội đồng").click()
        assert page.get_by_text("Đã đổi ngày họp.").is_visible()
        assert any("Đổi ngày họp?" in q for q in page.dialogs), page.dialogs
        page.get_by_role("button", name="Kiểm phiếu").click()
        assert page.get_by_text("Đã kiểm phiếu.").is_visible()

        # a decision dated before the meeting: refused on its date, signer and title kept
        page.locator("#decide_issued_on").fill(f"{today - dt.timedelta(days=1):%d/%m/%Y}")
        page.locator("#decide_signer_name").fill("Nguyễn Văn Tùng")
        page.locator("#decide_signer_title").fill("Phó Chủ tịch")
        page.get_by_role("button", name="Ban hành quyết định").click()
        assert page.locator("#decide_signer_name").input_value() == "Nguyễn Văn Tùng"
        assert page.locator("#decide_signer_title").input_value() == "Phó Chủ tịch"
        assert page.locator("#decide_issued_on.is-invalid").count() == 1
        screenshot(page, "o3-decision-refused-on-its-date")
        page.locator("#decide_issued_on").fill(f"{today:%d/%m/%Y}")
        page.locator("#decide_accept_overdraft").check()  # the demo's fund of this year is empty
        page.get_by_role("button", name="Ban hành quyết định").click()
        assert page.get_by_role("heading", name="Quyết định số").first.is_visible()
        assert Decision.objects.get(submission=stuck).issued_on == today
        page.goto(dossier)
        screenshot(page, "o4-trail-with-the-reason")
        assert page.get_by_text("Gõ nhầm tháng khi lập lịch họp").first.is_visible()
        _logout(page)

        # a member's "Không đồng ý" survives "Đồng ý tất cả"
        first, second = ballot.nominees.order_by("name")
        _login(page, base, "demo_council", password)
        page.goto(f"{base}/khen-thuong/hoi-dong/")
        page.locator(f'input[name="choice_{first.pk}"][value="{VoteChoice.NO}"]').check()
        page.locator(f"#dossier-{ballot.pk}").get_by_role("button", name="Ghi biểu quyết").click()
        page.locator(f"#dossier-{ballot.pk}").get_by_role("button", name="Đồng ý tất cả").click()
        assert page.get_by_text(f"Giữ nguyên phiếu đã bỏ cho: {first.name}").is_visible()
        screenshot(page, "o5-in-favour-of-all-keeps-a-vote")
        assert page.console_errors == [], page.console_errors
    votes = dict(CouncilVote.objects.filter(member=council, nominee__submission=ballot).values_list("nominee", "choice"))
    assert votes == {first.pk: VoteChoice.NO, second.pk: VoteChoice.YES}
    assert WorkflowEvent.objects.filter(submission=stuck, action="redate_meeting").exists()
