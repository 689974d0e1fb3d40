"""The fund in a real browser: the Board records the year's allocation, sees on the dossier what the decision will
pay and that the fund is short, confirms, issues; the decision shows the amounts and the total in words. The
pages, the annex and the payment list are kept as PNG in test-artifacts/."""

import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from awards import signed_documents
from awards.models import Decision, FundEntry, FundEntryKind, Status
from organisation.models import User

from ..awards_helpers import draft, to_state
from ..browser import ARTIFACTS, chromium_page, screenshot
from .test_browser_campaigns import _login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _pdf_to_png(page, url: str, name: str) -> None:
    response = page.request.get(url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(response.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(source), str(ARTIFACTS / name)], check=True)


def test_allocation_preview_overdraft_and_decision(live_server, password):
    submission = to_state(draft(award="tap-the-ldxs", names=("Phòng Kế hoạch", "Phòng Đầu tư")), Status.VOTED)
    base = live_server.url
    with chromium_page("fund") as page:
        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/khen-thuong/quy/")
        page.get_by_text("Ghi kinh phí được giao hoặc khoản thu khác").click()
        page.get_by_label("Số tiền (đồng)").fill("5000000")
        page.get_by_label("Nội dung (văn bản làm căn cứ)").fill("Quyết định giao dự toán số 10/QĐ-UBND")
        page.get_by_role("button", name="Ghi sổ").click()
        assert "5.000.000" in page.locator("#fund-balance").inner_text()

        page.goto(f"{base}/khen-thuong/ho-so/{submission.pk}/")
        preview = page.get_by_text("Tiền thưởng nếu ban hành hôm nay")
        assert "7.020.000" in preview.inner_text() and "Không đủ" in preview.inner_text()
        screenshot(page, "fund-decide-preview")
        page.locator("#decide_signer_name").fill("Nguyễn Văn Tùng")
        page.get_by_label("Lý do khen thưởng khi kết quả kiểm tra tiêu chuẩn không đạt").fill("Hội đồng đã xem xét")
        page.get_by_label("Vẫn ban hành dù số dư quỹ không đủ chi tiền thưởng").check()
        page.get_by_role("button", name="Ban hành quyết định").click()
        page.wait_for_url(f"{base}/khen-thuong/quyet-dinh/**")
        assert page.dialogs, "issuing asks for confirmation"
        assert "7.020.000" in page.locator("#bonus-total").inner_text()
        assert "Bảy triệu không trăm hai mươi nghìn đồng" in page.content()
        screenshot(page, "fund-decision")
        decision = Decision.objects.get()
        _pdf_to_png(page, f"{base}/khen-thuong/quyet-dinh/{decision.pk}/pdf/", "fund-decision-annex")
        _pdf_to_png(page, f"{base}/khen-thuong/quyet-dinh/{decision.pk}/chi-thuong/pdf/", "fund-payment-list")

        page.goto(f"{base}/khen-thuong/quy/?year={decision.issued_on.year}")
        assert "-2.020.000" not in page.locator("#fund-balance").inner_text()  # issued, not yet signed (issue 32)
        # The signer signs (pyHanko runs its own event loop: outside Playwright's, in a thread of its own).
        with ThreadPoolExecutor(1) as pool:
            pool.submit(signed_documents.sign, User.objects.get(username="demo_signer"), decision).result()
        page.goto(f"{base}/khen-thuong/quy/?year={decision.issued_on.year}")
        assert "-2.020.000" in page.locator("#fund-balance").inner_text()
        screenshot(page, "fund-ledger")
        assert page.console_errors == []
    assert FundEntry.objects.filter(kind=FundEntryKind.SPENDING, decision=decision).exists()
