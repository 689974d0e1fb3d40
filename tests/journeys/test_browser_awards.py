"""The nomination journey in a real browser: staff submits with a document, the officer returns it,
staff resubmits, the officer finds it eligible, the Council votes, the decision is issued, and the
certificate's QR page verifies it. Screenshots of each step go to test-artifacts/."""

import pytest

from awards.models import Nominee, Submission

from ..browser import chromium_page, screenshot
from ..files import pdf
from .test_browser_campaigns import _login, _logout

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_nomination_journey(live_server, password, tmp_path):
    from ..awards_helpers import person

    person("Nguyễn Văn An")
    minutes = tmp_path / "bien-ban.pdf"
    minutes.write_bytes(pdf().read())
    base = live_server.url
    with chromium_page("awards-journey") as page:
        _login(page, base, "demo_staff", password)
        page.goto(f"{base}/khen-thuong/ho-so/moi/")
        page.get_by_label("Tiêu đề").fill("Đề nghị tặng Bằng khen năm 2023")
        page.get_by_label("Số tờ trình").fill("21/TTr-SKHĐT")
        page.get_by_label("Năm thành tích").fill("2023")
        page.get_by_role("button", name="Lưu").click()
        page.get_by_role("link", name="Thêm đối tượng đề nghị").click()
        page.get_by_label("Cá nhân (trong danh sách cán bộ của đơn vị)").select_option(label="Nguyễn Văn An")
        page.get_by_label("Hình thức đề nghị").select_option(label="Bằng khen của Chủ tịch Ủy ban nhân dân thành phố")
        page.get_by_label("Tóm tắt thành tích").fill("Hoàn thành xuất sắc nhiệm vụ 2022 và 2023")
        page.get_by_role("button", name="Lưu").click()
        page.get_by_label("Tài liệu").select_option("council_minutes")
        page.get_by_label("Tệp (PDF, ảnh, Word, Excel; tối đa 10 MB)").set_input_files(str(minutes))
        page.get_by_role("button", name="Đính kèm").click()
        screenshot(page, "a1-dossier-ready")
        page.get_by_role("button", name="Gửi Ban TĐKT").click()
        assert any("Gửi hồ sơ" in q for q in page.dialogs), page.dialogs  # it asked before sending
        assert page.get_by_text("Đã gửi hồ sơ đến Ban TĐKT.").is_visible()
        dossier = page.url
        _logout(page)

        _login(page, base, "demo_officer", password)
        page.goto(f"{base}/khen-thuong/ho-so/")
        screenshot(page, "a2-officer-queue")
        page.goto(dossier)
        page.get_by_role("button", name="Tiếp nhận").click()
        page.get_by_role("button", name="Phân công").click()
        page.get_by_role("link", name="Thẩm định").click()
        page.get_by_label("Kết quả thẩm định").select_option("incomplete")
        page.get_by_label("Lý do").fill("Bổ sung biên bản bỏ phiếu")
        page.get_by_role("button", name="Ghi nhận kết quả thẩm định").click()
        assert page.get_by_text("Trả lại để hoàn thiện").first.is_visible()
        _logout(page)

        _login(page, base, "demo_staff", password)
        page.goto(dossier)
        page.get_by_role("button", name="Gửi lại Ban TĐKT").click()
        _logout(page)

        _login(page, base, "demo_officer", password)
        page.goto(dossier)
        page.get_by_role("button", name="Tiếp nhận").click()
        page.get_by_role("button", name="Phân công").click()
        page.get_by_role("link", name="Thẩm định").click()
        page.get_by_label("Kết quả thẩm định").select_option("eligible")
        page.get_by_role("button", name="Ghi nhận kết quả thẩm định").click()
        page.get_by_label("hoặc phiên họp mới vào ngày").fill("2024-01-10")
        page.get_by_role("button", name="Trình Hội đồng").click()
        _logout(page)

        _login(page, base, "demo_council", password)
        page.goto(f"{base}/khen-thuong/hoi-dong/")
        page.get_by_label("Đồng ý", exact=True).check()
        page.get_by_role("button", name="Ghi biểu quyết").click()
        screenshot(page, "a3-council-vote")
        _logout(page)

        _login(page, base, "demo_officer", password)
        page.goto(dossier)
        page.get_by_role("button", name="Kiểm phiếu").click()
        page.get_by_role("textbox", name="Người ký*", exact=True).fill("Nguyễn Văn Tùng")
        # The Bằng khen's bonus is known (Decree 152/2025 Art 54) and the demo's fund of this year is empty.
        page.locator("#decide_accept_overdraft").check()
        page.get_by_role("button", name="Ban hành quyết định").click()
        assert page.get_by_role("heading", name="Quyết định số 01/QĐ-UBND").is_visible()
        screenshot(page, "a4-decision")
        page.goto(dossier)
        screenshot(page, "a5-dossier-audit-trail")
        _logout(page)

        nominee = Nominee.objects.get(name="Nguyễn Văn An")
        page.goto(f"{base}/xac-minh/{nominee.certificate_code}/")
        assert page.get_by_text("Khen thưởng này là thật và đang có hiệu lực.").is_visible()
        screenshot(page, "a6-verification")
        assert page.console_errors == [], page.console_errors
    assert Submission.objects.get().events.count() == 12
