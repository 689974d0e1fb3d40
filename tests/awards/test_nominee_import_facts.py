"""The nominee list from Excel carries the facts of issue 31 items 9 and 10: the point of Law 06/2022 Art 74.1 a
Chairman's Bằng khen rests on with its evidence, the facts of an ad hoc or thematic achievement (Decree 98/2023 and
152/2025 Art 4) and a worker's or farmer's results (Law 06/2022 Art 24.3). The unit fills in the template it
downloads; the eligibility engine judges the imported facts; a wrong cell names its row and column, and nothing of
the file is imported."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import LabourResult
from organisation.models import Person

from ..legal.test_law_facts import MOVEMENT, RESCUE, _civil_servant, _dossier

E, R = "eligible", "needs_review"


def _filled(client, rows) -> SimpleUploadedFile:
    """The template downloaded from the portal, its example row replaced by ``rows`` (dicts by header start)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(reverse("awards:import_template")).content))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        values = [None] * len(headers)
        for start, value in row.items():
            matches = [i for i, header in enumerate(headers) if header.startswith(start)]
            assert len(matches) == 1, (start, headers)
            values[matches[0]] = value
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _row(person, award="bang-khen-chu-tich", summary="Thành tích", **facts):
    return {"Đối tượng": "Cá nhân", "Danh hiệu": award, "Tóm tắt": summary, "Mã cá nhân": person.pk, **facts}


def test_the_template_has_the_fact_columns_and_lists_the_units_persons(staff_client):
    from openpyxl import load_workbook

    person = _civil_servant("Đặng Thị Hoa")
    book = load_workbook(io.BytesIO(staff_client.get(reverse("awards:import_template")).content))
    headers = [cell.value for cell in book.worksheets[0][1]]
    for start in ("Mã cá nhân", "Tiêu chuẩn đề nghị (điểm a, b, c, d", "Minh chứng", "Ngày lập thành tích",
                  "Phong trào hoặc sự kiện", "Văn bản ghi nhận", "Năng suất, chất lượng", "Thu nhập ổn định",
                  "Áp dụng sáng kiến", "Số liệu", "Xác nhận của"):
        assert any(h.startswith(start) for h in headers), start
    listed = {row[0]: row[1] for row in book["Ma ca nhan"].iter_rows(min_row=2, values_only=True)}
    assert listed[person.pk] == "Đặng Thị Hoa"
    other = Person.objects.exclude(unit__path__startswith=person.unit.path).first()
    assert other is None or other.pk not in listed  # another unit's people are not in the unit's file
    rules = {str(v.sqref).split(":")[0]: v for v in book.worksheets[0].data_validations.dataValidation}
    assert rules["H2"].type == "list" and rules["H2"].formula1 == '"a,b,c,d"'


def test_decree_98_2023_art_4_an_ad_hoc_bang_khen_imported_with_its_facts_is_judged(staff_client):
    submission = _dossier(staff_client, 2024, "ad_hoc")
    rescuer, other = _civil_servant("Trịnh Văn Dũng"), _civil_servant("Mai Văn Sơn")
    upload = _filled(staff_client, [
        _row(rescuer, summary="Cứu 05 người mắc kẹt trong nước lũ", **{
            "Ngày lập thành tích": dt.datetime(2024, 9, 7), "Phong trào hoặc sự kiện": RESCUE["achievement_event"],
            "Văn bản ghi nhận": RESCUE["evidence_document"]}),
        _row(other, summary="Cứu người trong bão"),  # no facts: the Board must ask for them
    ])
    response = staff_client.post(reverse("awards:import_upload", args=[submission.pk]), {"upload": upload})
    assert response.status_code == 302, response.content.decode()[:3000]
    judged = submission.nominees.get(person=rescuer)
    assert judged.name == "Trịnh Văn Dũng" and judged.achievement_on == dt.date(2024, 9, 7)
    assert judged.evidence_document == RESCUE["evidence_document"]
    assert judged.eligibility == E, judged.eligibility_reasons
    assert submission.nominees.get(person=other).eligibility == R


def test_law_06_2022_art_74_1_a_and_art_24_3_the_point_its_evidence_and_a_farmers_results_are_imported(staff_client):
    submission = _dossier(staff_client, 2025)
    officer, farmer = _civil_servant("Đặng Văn Khoa"), _civil_servant("Vũ Văn Điền", category="farmer")
    upload = _filled(staff_client, [
        _row(officer, summary="Dẫn đầu phong trào chuyển đổi số của Sở", **{
            "Tiêu chuẩn đề nghị": "a", "Minh chứng": MOVEMENT["criterion_evidence"],
            "Phong trào hoặc sự kiện": MOVEMENT["achievement_event"],
            "Văn bản ghi nhận": MOVEMENT["evidence_document"]}),
        _row(farmer, summary="Mô hình lúa hữu cơ", **{
            "Năng suất, chất lượng": "Có", "Thu nhập ổn định": "Có", "Áp dụng sáng kiến": "Không",
            "Số liệu": "Năng suất 7,2 tấn/ha, vượt 15% kế hoạch", "Xác nhận của": "UBND xã An Hưng"}),
    ])
    response = staff_client.post(reverse("awards:import_upload", args=[submission.pk]), {"upload": upload})
    assert response.status_code == 302, response.content.decode()[:3000]
    nominee = submission.nominees.get(person=officer)
    assert nominee.criterion == "a" and nominee.criterion_evidence == MOVEMENT["criterion_evidence"]
    assert nominee.eligibility == E, nominee.eligibility_reasons
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "tiêu chuẩn đã chọn, điểm a" in page
    result = LabourResult.objects.get(person=farmer, year=2025)
    assert (result.productivity, result.income, result.initiative_applied) == (True, True, False)
    assert result.details == "Năng suất 7,2 tấn/ha, vượt 15% kế hoạch" and result.source == "UBND xã An Hưng"


def test_wrong_facts_name_their_row_and_column_and_nothing_is_imported(staff_client):
    submission = _dossier(staff_client, 2023)
    good, clerk = _civil_servant("Lê Văn Cường"), _civil_servant("Hồ Văn Tâm")
    upload = _filled(staff_client, [
        _row(good, summary="Hai năm hoàn thành xuất sắc nhiệm vụ"),
        _row(good, **{"Tiêu chuẩn đề nghị": "e", "Ngày lập thành tích": "31/02/2024",
                      "Năng suất, chất lượng": "có lẽ"}),
        {"Đối tượng": "Cá nhân", "Danh hiệu": "bang-khen-chu-tich", "Tóm tắt": "…", "Mã cá nhân": 99999999},
        # the service's own refusals: a point the 2023 rules (Decree 91/2017 Art 39) do not have, Art 24.3
        # results for a civil servant
        _row(good, **{"Tiêu chuẩn đề nghị": "d"}),
        _row(clerk, **{"Năng suất, chất lượng": "Có"}),
    ])
    url = reverse("awards:import_upload", args=[submission.pk])
    body = staff_client.post(url, {"upload": upload}).content.decode()
    assert "Không có dữ liệu nào được nhập" in body
    assert "Dòng 3" in body and "cột H “Tiêu chuẩn đề nghị" in body and "“e” không phải là một điểm" in body
    assert "cột J “Ngày lập thành tích" in body and "“31/02/2024” không phải là ngày" in body
    assert "cột M “Năng suất, chất lượng" in body and "“có lẽ”" in body
    assert "Dòng 4" in body and "cột F “Mã cá nhân" in body and "“99999999”" in body
    assert submission.nominees.count() == 0
    # the rows the form checks pass; the service refuses rows 5 and 6, each under its column, and row 2 is not kept
    upload = _filled(staff_client, [
        _row(good, summary="Hai năm hoàn thành xuất sắc nhiệm vụ"),
        _row(good, **{"Tiêu chuẩn đề nghị": "d"}),
        _row(clerk, **{"Năng suất, chất lượng": "Có"}),
    ])
    body = staff_client.post(url, {"upload": upload}).content.decode()
    assert "Không có dữ liệu nào được nhập" in body
    assert "Dòng 3" in body and "không có điểm “d” trong các tiêu chuẩn đang áp dụng: a, b, c" in body
    assert "Dòng 4" in body and "cột M “Năng suất, chất lượng" in body and "chỉ ghi cho công nhân, nông dân" in body
    assert submission.nominees.count() == 0 and not LabourResult.objects.filter(person=clerk).exists()


def test_the_import_page_says_which_facts_to_give(staff_client):
    submission = _dossier(staff_client, 2025)
    page = staff_client.get(reverse("awards:import_upload", args=[submission.pk])).content.decode()
    assert "Ghi mã cá nhân (trang “Ma ca nhan”)" in page and "khoản 3 Điều 24 (Có/Không)" in page
