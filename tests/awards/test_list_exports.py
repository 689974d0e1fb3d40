"""Every list an officer filters downloads as Excel (issue 33, item 10): the dossier queue, the award history, the
decisions, the registrations (and the units not registered), the staff records and the outbox. Each file is the page's
own filtered, scoped list, in the portal's one layout, through the real URL and the real roles."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import Decision, Status, Submission
from campaigns.models import Registration, RegistrationStatus, RegistrationWindow
from organisation.models import Person, Unit

from ..awards_helpers import draft, person, to_state, users

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(response, index=0):
    """(title, filters line, header, data rows) of a downloaded list; the file must be a real workbook."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[index]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert sheet.freeze_panes == "A5" and sheet["A4"].font.bold  # the shared layout: bold, frozen header
    return rows[0][0], rows[1][0], rows[3], [r for r in rows[4:] if any(v is not None for v in r)]


def _column(rows, header, name):
    return [r[header.index(name)] for r in rows]


@pytest.fixture
def two_units():
    """A dossier of unit A (Sở Kế hoạch và Đầu tư) and one of unit B (quận Lê Chân), with distinct titles."""
    a = draft(names=("Nguyễn Văn An",))
    b = draft(staff=users()["demo_staff_b"], unit_code="quan-le-chan", names=("Lê Thị Bình",))
    Submission.objects.filter(pk=a.pk).update(title="Hồ sơ của Sở Kế hoạch")
    Submission.objects.filter(pk=b.pk).update(title="Hồ sơ của quận Lê Chân")
    return a, b


@pytest.fixture
def two_decided(two_units):
    return [to_state(s, Status.DECIDED) for s in two_units]


# --- the dossier queue -----------------------------------------------------------------------------------------


def test_queue_export_is_the_filtered_queue(two_units, officer_client, staff_client, staff_b_client,
                                            django_assert_max_num_queries):
    a, b = two_units
    to_state(a, Status.RECEIVED)
    to_state(b, Status.SUBMITTED)  # the Board sees dossiers once sent, not drafts
    url = reverse("awards:submission_list_excel")
    title, filters, header, rows = _sheet(officer_client.get(url))
    assert title == "DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG"
    assert header[:7] == ["Số tờ trình", "Hồ sơ", "Đợt", "Năm", "Đơn vị", "Đối tượng đề nghị", "Trạng thái"]
    assert {"Hồ sơ của Sở Kế hoạch", "Hồ sơ của quận Lê Chân"} <= set(_column(rows, header, "Hồ sơ"))
    assert "Toàn bộ danh sách" in filters

    # The page's filter applies: only the received dossier, and the file says which filter it holds.
    filtered = officer_client.get(url, {"status": Status.RECEIVED})
    title, filters, header, rows = _sheet(filtered)
    assert _column(rows, header, "Hồ sơ") == ["Hồ sơ của Sở Kế hoạch"]
    assert _column(rows, header, "Đối tượng đề nghị") == [1]
    assert filters.startswith("Điều kiện lọc: Trạng thái: ")
    page = officer_client.get(reverse("awards:submission_list"), {"status": Status.RECEIVED}).content.decode()
    assert f'{url}?status={Status.RECEIVED}"' in page  # the page's button carries its filters

    # Unit staff see their own unit's dossiers only, in the file as on the page.
    assert _column(_sheet(staff_client.get(url))[3], header, "Hồ sơ") == ["Hồ sơ của Sở Kế hoạch"]
    assert _column(_sheet(staff_b_client.get(url))[3], header, "Hồ sơ") == ["Hồ sơ của quận Lê Chân"]

    # No query per row: three more dossiers cost no more queries than one.
    with django_assert_max_num_queries(12) as few:
        officer_client.get(url)
    for n in range(3):
        to_state(draft(names=(f"Người thứ {n}",)), Status.SUBMITTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(_sheet(officer_client.get(url))[3]) >= 5


def test_queue_export_needs_a_login():
    response = Client().get(reverse("awards:submission_list_excel"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_list_wider_than_the_cap_says_so(two_units, staff_client, settings):
    draft(names=("Trần Văn Cường",))  # unit A has two dossiers now
    settings.EXPORT_MAX_ROWS = 1
    _title, _filters, header, rows = _sheet(staff_client.get(reverse("awards:submission_list_excel")))
    assert len(rows) == 2  # one dossier, then the line that says the list was cut
    assert rows[-1][0] == "Tệp chỉ gồm 1 dòng đầu tiên: hãy lọc hẹp hơn để xuất phần còn lại."


# --- decisions and the award history -----------------------------------------------------------------------------


def test_decision_export_is_the_filtered_list(two_decided, officer_client, staff_client, staff_b_client):
    a, b = two_decided
    code_a, code_b = Decision.objects.get(submission=a).code, Decision.objects.get(submission=b).code
    url = reverse("awards:decision_list_excel")
    title, _filters, header, rows = _sheet(officer_client.get(url))
    assert title == "DANH SÁCH QUYẾT ĐỊNH THI ĐUA, KHEN THƯỞNG"
    assert header[:5] == ["Số", "Ngày ban hành", "Tiêu đề", "Loại", "Đối tượng được khen"]
    assert {code_a, code_b} <= set(_column(rows, header, "Số"))
    assert all(isinstance(d, dt.datetime) for d in _column(rows, header, "Ngày ban hành"))  # a real date cell

    _t, filters, header, rows = _sheet(officer_client.get(url, {"q": "Lê Thị Bình"}))
    assert _column(rows, header, "Số") == [code_b] and "Lê Thị Bình" in filters
    assert _column(_sheet(staff_client.get(url))[3], header, "Số") == [code_a]
    assert _column(_sheet(staff_b_client.get(url))[3], header, "Số") == [code_b]
    page = officer_client.get(reverse("awards:decision_list")).content.decode()
    assert reverse("awards:decision_list_excel") in page


def test_history_export_is_the_filtered_history(two_decided, officer_client, staff_client):
    url = reverse("awards:history_excel")
    title, _filters, header, rows = _sheet(officer_client.get(url))
    assert title == "LỊCH SỬ KHEN THƯỞNG"
    assert header[:3] == ["Đối tượng được khen", "Danh hiệu, hình thức", "Quyết định"]
    assert {"Nguyễn Văn An", "Lê Thị Bình"} <= set(_column(rows, header, "Đối tượng được khen"))
    # Accents optional, as on the page; the other award is not in the file.
    _t, filters, header, rows = _sheet(officer_client.get(url, {"q": "le thi binh"}))
    assert _column(rows, header, "Đối tượng được khen") == ["Lê Thị Bình"] and "le thi binh" in filters
    names = _column(_sheet(staff_client.get(url))[3], header, "Đối tượng được khen")
    assert "Nguyễn Văn An" in names and "Lê Thị Bình" not in names
    assert f'{url}?q=le+thi+binh"' in officer_client.get(reverse("awards:history"), {"q": "le thi binh"}).content.decode()


# --- the outbox (the Board's) --------------------------------------------------------------------------------------


def test_outbox_export_lists_the_notices_waiting(two_decided, officer_client, staff_client, leader_client):
    url = reverse("awards:outbox_excel")
    title, _filters, header, rows = _sheet(officer_client.get(url))
    assert title == "HỘP THƯ ĐI: THÔNG BÁO KẾT QUẢ CHỜ GỬI"
    assert header == ["Hồ sơ", "Đơn vị", "Trạng thái", "Sẵn sàng gửi", "Nội dung sẽ gửi"]
    assert {"Hồ sơ của Sở Kế hoạch", "Hồ sơ của quận Lê Chân"} <= set(_column(rows, header, "Hồ sơ"))
    assert all(_column(rows, header, "Nội dung sẽ gửi"))
    assert staff_client.get(url).status_code == 403
    assert leader_client.get(url).status_code == 403


# --- registrations and the units not registered ----------------------------------------------------------------


@pytest.fixture
def registrations():
    RegistrationWindow.objects.create(year=2023, opens_on=dt.date(2023, 1, 5), closes_on=dt.date(2023, 2, 28))
    a = Registration.objects.create(unit=Unit.objects.get(code="so-ke-hoach-dau-tu"), year=2023,
                                    status=RegistrationStatus.SUBMITTED,
                                    submitted_at=dt.datetime(2023, 2, 1, 9, 30, tzinfo=dt.UTC))
    b = Registration.objects.create(unit=Unit.objects.get(code="quan-le-chan"), year=2023,
                                    status=RegistrationStatus.DRAFT)
    return a, b


def test_registration_export_is_the_filtered_list(registrations, officer_client, staff_client, staff_b_client):
    url = reverse("campaigns:registration_home_excel")
    title, _filters, header, rows = _sheet(officer_client.get(url))
    assert title == "DANH SÁCH ĐĂNG KÝ THI ĐUA"
    assert header[:3] == ["Năm", "Đơn vị", "Trạng thái"]
    units = _column(rows, header, "Đơn vị")
    a_name, b_name = (Unit.objects.get(code=c).name for c in ("so-ke-hoach-dau-tu", "quan-le-chan"))
    assert {a_name, b_name} <= set(units)
    _t, filters, header, rows = _sheet(officer_client.get(url, {"status": RegistrationStatus.SUBMITTED}))
    assert a_name in _column(rows, header, "Đơn vị") and b_name not in _column(rows, header, "Đơn vị")
    assert "Trạng thái" in filters
    assert _column(_sheet(staff_client.get(url))[3], header, "Đơn vị") == [a_name]
    assert _column(_sheet(staff_b_client.get(url))[3], header, "Đơn vị") == [b_name]


def test_overview_export_names_the_units_not_registered(registrations, officer_client, staff_client):
    url = reverse("campaigns:registration_overview_excel", args=[2023])
    response = officer_client.get(url)
    title, filters, header, rows = _sheet(response)
    assert title == "ĐĂNG KÝ THI ĐUA NĂM 2023" and "Năm: 2023" in filters
    a_name, b_name = (Unit.objects.get(code=c).name for c in ("so-ke-hoach-dau-tu", "quan-le-chan"))
    assert {a_name, b_name} <= set(_column(rows, header, "Đơn vị"))
    title, _filters, header, missing = _sheet(response, index=1)
    assert title == "CÁC ĐƠN VỊ CHƯA ĐĂNG KÝ THI ĐUA NĂM 2023" and header == ["Mã", "Đơn vị"]
    codes = _column(missing, header, "Mã")
    assert "quan-le-chan" in codes and "so-ke-hoach-dau-tu" not in codes  # a draft is not a registration
    page = officer_client.get(reverse("campaigns:registration_overview", args=[2023]))
    assert len(page.context["missing"]) == len(missing)
    assert staff_client.get(url).status_code == 403


# --- staff records -----------------------------------------------------------------------------------------------


def test_person_export_is_the_filtered_list(officer_client, staff_client, staff_b_client):
    person("Phạm Thị Xuân Exportia", "so-ke-hoach-dau-tu")
    person("Hoàng Văn Exportio", "quan-le-chan")
    moved = person("Đỗ Văn Exportiu", "so-ke-hoach-dau-tu")
    Person.objects.filter(pk=moved.pk).update(left_on=dt.date(2024, 3, 1))
    url = reverse("organisation:person_list_excel")
    title, _filters, header, rows = _sheet(officer_client.get(url, {"q": "exporti"}))
    assert title == "DANH SÁCH HỒ SƠ CÁ NHÂN"
    assert header[:2] == ["Họ và tên", "Giới tính"]
    # The page's default: the current staff only; the one who moved out is not in the file.
    assert sorted(_column(rows, header, "Họ và tên")) == ["Hoàng Văn Exportio", "Phạm Thị Xuân Exportia"]
    _t, _f, header, rows = _sheet(officer_client.get(url, {"q": "exporti", "staff": "left"}))
    assert _column(rows, header, "Họ và tên") == ["Đỗ Văn Exportiu"]
    assert _column(_sheet(staff_client.get(url, {"q": "exporti"}))[3], header, "Họ và tên") == [
        "Phạm Thị Xuân Exportia"]
    assert _column(_sheet(staff_b_client.get(url, {"q": "exporti"}))[3], header, "Họ và tên") == [
        "Hoàng Văn Exportio"]
    page = officer_client.get(reverse("organisation:person_list"), {"q": "exporti", "page": "1"}).content.decode()
    assert f'{url}?q=exporti"' in page  # the filters, not the page number


# --- no query per row --------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_award_exports_cost_the_same_queries_for_more_rows(two_decided, officer_client):
    urls = [reverse(name) for name in ("awards:decision_list_excel", "awards:history_excel", "awards:outbox_excel")]
    before = [_queries(officer_client, url) for url in urls]
    to_state(draft(names=("Vũ Văn Dũng", "Đặng Thị Em", "Bùi Văn Phúc")), Status.DECIDED)
    assert [_queries(officer_client, url) for url in urls] == before


def test_registration_and_person_exports_cost_the_same_queries_for_more_rows(registrations, officer_client):
    from campaigns.models import Movement

    urls = [reverse("campaigns:registration_home_excel"),
            reverse("campaigns:registration_overview_excel", args=[2023]), reverse("organisation:person_list_excel")]
    before = [_queries(officer_client, url) for url in urls]
    movements = list(Movement.objects.all()[:2])
    for code in ("so-y-te", "bao-hai-phong", "so-tai-chinh"):
        unit = Unit.objects.filter(code=code).first() or Unit.objects.exclude(registrations__year=2023).first()
        Registration.objects.create(unit=unit, year=2023, status=RegistrationStatus.SUBMITTED).movements.set(movements)
        person(f"Người mới {code}", unit.code)
    assert [_queries(officer_client, url) for url in urls] == before


@pytest.mark.parametrize("name", ["awards:decision_list_excel", "awards:history_excel", "awards:outbox_excel",
                                  "campaigns:registration_home_excel", "organisation:person_list_excel"])
def test_every_list_export_needs_a_login(name):
    response = Client().get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
