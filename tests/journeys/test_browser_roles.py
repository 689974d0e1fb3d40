"""Each role's day in a real browser (issue 16): what the staff, the officer, the Council member and the leader
see and do, with axe-core's colour-contrast rule run on every page they open (WCAG AA: 4.5:1)."""

from pathlib import Path

import pytest
from django.utils import timezone

from awards.models import Appraisal, Nominee, Status, Submission
from core.models import Notification

from ..awards_helpers import draft, person, to_state, users
from ..browser import chromium_page, screenshot
from .test_browser_campaigns import _login, _logout

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CONTRAST = """async () => {
  const result = await axe.run(document, {runOnly: {type: "rule", values: ["color-contrast"]}});
  return result.violations.flatMap(v => v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary));
}"""


def contrast_problems(page) -> list[str]:
    """axe-core's colour-contrast findings on the page as shown (the script is evaluated, not served)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate("() => { " + AXE.read_text(encoding="utf-8") + "\n}")
    return page.evaluate(CONTRAST)


def _check_contrast(page, seen: dict):
    problems = contrast_problems(page)
    if problems:
        seen[page.url] = problems


def test_staff_day(live_server, password):
    staff = users()["demo_staff"]
    Notification.objects.create(user=staff, title="Hồ sơ “Đề nghị 2023”: Đã trả lại", link="/khen-thuong/ho-so/")
    base, contrast = live_server.url, {}
    with chromium_page("role-staff") as page:
        _login(page, base, "demo_staff", password)
        assert page.locator("#unread-count").inner_text().startswith("1")  # the unread count in the header
        _check_contrast(page, contrast)
        page.goto(f"{base}/khen-thuong/thong-bao/")
        page.get_by_role("link", name="Hồ sơ “Đề nghị 2023”: Đã trả lại").click()
        page.goto(f"{base}/")
        assert page.locator("#unread-count").count() == 0  # opening it marked it read
        # the unit keeps its own staff records
        page.goto(f"{base}/to-chuc/ca-nhan/")
        page.get_by_role("link", name="Thêm cá nhân").click()
        page.get_by_label("Họ và tên").fill("Đặng Thị Mai")
        page.get_by_label("Giới tính").select_option("female")
        page.get_by_label("Đối tượng").select_option("civil_servant")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_text("Đã thêm Đặng Thị Mai vào hồ sơ cán bộ.").is_visible()
        _check_contrast(page, contrast)
        screenshot(page, "r1-staff-records")
        # a draft's details can be corrected before sending
        submission = draft()
        page.goto(f"{base}/khen-thuong/ho-so/{submission.pk}/")
        page.get_by_role("link", name="Sửa thông tin hồ sơ").click()
        page.get_by_label("Tiêu đề").fill("Đề nghị tặng Bằng khen năm 2023 (bổ sung)")
        page.get_by_role("button", name="Lưu").click()
        assert page.get_by_role("heading", name="Đề nghị tặng Bằng khen năm 2023 (bổ sung)").is_visible()
        _check_contrast(page, contrast)
        assert page.console_errors == [], page.console_errors
    assert contrast == {}, contrast


def test_officer_day(live_server, password):
    person("Lý Văn Kiểm")
    dossiers = [to_state(draft(names=(name,)), Status.SUBMITTED) for name in ("Lê Văn Nhất", "Phan Thị Nhì")]
    late = to_state(draft(names=("Ngô Văn Ba",)), Status.SUBMITTED)
    base, contrast = live_server.url, {}
    with chromium_page("role-officer") as page:
        _login(page, base, "demo_officer", password)
        # return one dossier at reception, with the reason; the page asks first
        page.goto(f"{base}/khen-thuong/ho-so/{late.pk}/")
        page.get_by_label("Nội dung đơn vị cần bổ sung, hoàn thiện").fill("Thiếu báo cáo thành tích")
        page.get_by_role("button", name="Trả lại đơn vị").click()
        assert any("Trả lại hồ sơ" in q for q in page.dialogs), page.dialogs
        assert page.get_by_text("Đã trả lại hồ sơ cho đơn vị.").is_visible()
        # the queue: sort by a column, tick all, see the count, receive without choosing an officer
        page.goto(f"{base}/khen-thuong/ho-so/?status={Status.SUBMITTED}")
        page.get_by_role("link", name="Hồ sơ", exact=True).click()
        assert page.locator('th[aria-sort="ascending"]').count() == 1
        page.get_by_label("Chọn tất cả hồ sơ của trang này").check()
        assert page.locator('[data-selected-count="ids"]').inner_text() == "Đã chọn 2"
        _check_contrast(page, contrast)
        screenshot(page, "r2-officer-queue")
        page.get_by_role("button", name="Tiếp nhận").click()
        assert page.get_by_text("Đã cập nhật 2 hồ sơ.").is_visible()
        assert Submission.objects.filter(pk__in=[d.pk for d in dossiers], status=Status.RECEIVED).count() == 2
        # the appraisal form starts from no verdict where the checker does not find the nominee eligible
        first = to_state(dossiers[0], Status.ASSIGNED)
        page.goto(f"{base}/khen-thuong/ho-so/{first.pk}/tham-dinh/")
        verdict = page.get_by_label("Kết quả thẩm định")
        assert verdict.input_value() != Appraisal.ELIGIBLE
        _check_contrast(page, contrast)
        screenshot(page, "r3-appraisal")
        # decisions are searchable
        page.goto(f"{base}/khen-thuong/quyet-dinh/?q=khong+co+ai")
        assert page.get_by_text("Chưa có quyết định.").is_visible()
        assert page.console_errors == [], page.console_errors
    assert contrast == {}, contrast


def test_council_day(live_server, password):
    submission = to_state(draft(names=("Trương Văn Một", "Mai Thị Hai")), Status.IN_COUNCIL)
    base, contrast = live_server.url, {}
    with chromium_page("role-council") as page:
        _login(page, base, "demo_council", password)
        page.goto(f"{base}/khen-thuong/hoi-dong/")
        section = page.locator(f"#dossier-{submission.pk}")
        assert "chưa có phiếu" in section.inner_text()
        section.get_by_role("button", name="Đồng ý tất cả").click()
        assert page.get_by_text("Đã ghi 2 phiếu biểu quyết.").is_visible()
        section = page.locator(f"#dossier-{submission.pk}")
        assert section.get_by_text("đạt", exact=True).count() == 2  # the tally before the count
        _check_contrast(page, contrast)
        screenshot(page, "r4-council")
        assert page.console_errors == [], page.console_errors
    assert contrast == {}, contrast
    assert Nominee.objects.filter(submission=submission, votes__isnull=False).distinct().count() == 2


def test_leader_day(live_server, password):
    base, contrast = live_server.url, {}
    with chromium_page("role-leader") as page:
        _login(page, base, "demo_leader", password)
        _check_contrast(page, contrast)
        page.get_by_role("link", name="Bảng theo dõi chỉ tiêu").click()
        # the dashboard opens on the current plan year (this year, or the latest year up to now with targets)
        from targets.models import Target

        this_year = timezone.localdate().year
        expected = max(y for y in Target.objects.values_list("year", flat=True) if y <= this_year)
        assert page.locator("#f-year").input_value() == str(expected)
        assert page.get_by_text("chỉ tiêu", exact=False).first.is_visible()
        _check_contrast(page, contrast)
        screenshot(page, "r5-leader-dashboard")
        page.goto(f"{base}/chi-tieu/?year=2031")
        assert page.get_by_text("Chưa có chỉ tiêu nào cho năm 2031.").is_visible()
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{base}/chi-tieu/?year=2023")
        # the wide table scrolls inside its box; the page itself does not scroll sideways
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        screenshot(page, "r6-leader-phone")
        _logout(page) if page.locator("nav .dropdown-toggle.btn").is_visible() else None
        assert page.console_errors == [], page.console_errors
        # a wrong QR link: the portal's Vietnamese 404 in its own layout, no debug page (DEBUG is off, as in the
        # README's first command: tests/haiphong_thidua/test_settings.py checks that command's settings)
        page.goto(f"{base}/xac-minh/00000000-0000-4000-8000-000000000000/")
        assert page.get_by_role("heading", name="Không tìm thấy trang").is_visible()
        assert "URLconf" not in page.content() and page.locator("nav.navbar").count() == 1
        screenshot(page, "r7-wrong-qr-404")
    assert contrast == {}, contrast


@pytest.mark.parametrize(("width", "language"), [(1280, "vi"), (1366, "vi"), (1280, "en")])
def test_the_administrators_menu_fits_on_one_line(live_server, password, width, language):
    """The longest menu (an administrator's, every dropdown plus the admin site) on the office screens of 1280 and
    1366 pixels: one line, nothing pushed past the right edge (issue 33, item 7)."""
    base = live_server.url
    with chromium_page(f"admin-menu-{width}-{language}") as page:
        page.set_viewport_size({"width": width, "height": 800})
        _login(page, base, "demo_admin", password)
        if language != "vi":
            page.get_by_label("Ngôn ngữ").select_option(language)
            page.get_by_role("button", name="Thay đổi").click()
            assert page.get_by_role("link", name="Administration", exact=True).is_visible()
        screenshot(page, f"admin-menu-{width}-{language}")
        box = page.locator("header nav.navbar").bounding_box()
        assert box["height"] < 80, "the menu wraps onto a second line"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        user_menu = page.locator("header nav .dropdown-toggle.btn").bounding_box()
        assert user_menu["x"] + user_menu["width"] <= width
