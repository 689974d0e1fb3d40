"""Printing the pages officers print (issue 33, item 10): the dossier, the decisions, the targets' dashboard and the
Council's tally come out of Chromium's print (``page.pdf()``) as their content only — no navigation, buttons, forms
or filters, links as plain text, the table header on every page. The PDFs (and PNGs of them, when ``pdftoppm``
is there) are kept in test-artifacts/ to look at."""

import shutil
import subprocess

import pytest

from awards.models import Decision, Status

from ..awards_helpers import draft, to_state
from ..browser import ARTIFACTS, chromium_page
from .test_browser_campaigns import _login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
# The navigation bar, the skip link, the account menu and the footer.
NAVIGATION = ("Thi đua - Khen thưởng · Hải Phòng", "Chuyển đến nội dung chính", "Đăng xuất",
              "Sở Nội vụ thành phố Hải Phòng")


def _print(page, url, name) -> str:
    """Print ``url`` to A4 PDF as the browser's print does, keep it (and PNGs), and return its text (reading
    order, whitespace as single spaces)."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    content = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"print-{name}.pdf"
    path.write_bytes(content)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(ARTIFACTS / f"print-{name}")], check=True)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return " ".join(text.split())  # a name wrapped inside its table cell reads as one


def test_printed_pages_hold_the_content_without_the_portal_around_it(live_server, password):
    decided = to_state(draft(names=("Nguyễn Văn An", "Trần Thị Bích")), Status.DECIDED)
    before_council = to_state(draft(names=("Lê Văn Cường",)), Status.IN_COUNCIL)
    decision = Decision.objects.get(submission=decided)
    base = live_server.url
    with chromium_page("print") as page:
        _login(page, base, "demo_officer", password)

        dossier = _print(page, f"{base}/khen-thuong/ho-so/{decided.pk}/", "dossier")
        assert decided.title in dossier and "Nguyễn Văn An" in dossier and "Trần Thị Bích" in dossier
        for text in NAVIGATION:
            assert text not in dossier, text
        assert "Thao tác" not in dossier  # the actions card (buttons and forms) is not printed

        decisions = _print(page, f"{base}/khen-thuong/quyet-dinh/", "decisions")
        assert decision.code in decisions
        assert "Tải Excel" not in decisions and "Lọc" not in decisions  # the button and the filter form
        for text in NAVIGATION:
            assert text not in decisions, text

        dashboard = _print(page, f"{base}/chi-tieu/?year=2023", "dashboard")
        assert "2023" in dashboard
        for text in NAVIGATION:
            assert text not in dashboard, text

        tally = _print(page, f"{base}/khen-thuong/hoi-dong/", "council")
        assert before_council.title in tally and "Lê Văn Cường" in tally
        for text in NAVIGATION:
            assert text not in tally, text
