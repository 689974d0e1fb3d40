"""The titles of Decree 86/2023/NĐ-CP — Gia đình văn hóa, Thôn, tổ dân phố văn hóa, Xã, phường, thị trấn tiêu biểu:
their standards as data (Appendices I–III) and who decides each before and after the two-level local government of
01/7/2025 (Decree 137/2025/NĐ-CP); the city records the one its Chairman decides and refuses the others, naming the
competent level and the article (issue 31, item 11)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import authority, coverage, eligibility, services
from awards.models import Decider, Nominee, Submission
from legal.models import AwardType, EligibilityRule
from organisation.models import Unit
from organisation.services import create_unit

from ..awards_helpers import draft, person, users

D = dt.date


def _award(code):
    return AwardType.objects.get(code=code)


def test_decree_86_2023_art_8_the_commune_chairman_decides_gia_dinh_van_hoa_before_and_after_the_reform(db):
    award = _award("gia-dinh-van-hoa")
    for day in (D(2024, 6, 1), D(2025, 6, 30), D(2025, 7, 1), D(2026, 3, 1)):
        assert authority.decider_on(award, day) == Decider.COMMUNE_CHAIRMAN, day
    assert "86/2023" in authority.authority_on(award, D(2025, 1, 1)).legal_basis


def test_decree_137_2025_thon_to_dan_pho_van_hoa_passes_from_the_district_to_the_commune_on_1_7_2025(db):
    award = _award("thon-to-van-hoa")
    assert authority.decider_on(award, D(2025, 6, 30)) == Decider.DISTRICT_CHAIRMAN
    assert authority.authority_on(award, D(2025, 6, 30)).legal_basis == "Nghị định 86/2023/NĐ-CP"
    assert authority.decider_on(award, D(2025, 7, 1)) == Decider.COMMUNE_CHAIRMAN
    assert authority.authority_on(award, D(2025, 7, 1)).legal_basis == "Nghị định 137/2025/NĐ-CP"


def test_decree_86_2023_xa_phuong_tieu_bieu_is_the_city_chairmans_and_new_with_law_06_2022(db):
    award = _award("xa-phuong-tieu-bieu")
    for day in (D(2024, 6, 1), D(2025, 7, 1), D(2026, 12, 1)):
        assert authority.is_city_award(award, day)
    assert coverage.deciders((2023, 2025))[award.pk, 2023] == ""  # nobody awarded it before Law 06/2022


def test_decree_86_2023_art_8_the_city_refuses_gia_dinh_van_hoa_naming_the_commune_chairman(staff_client):
    """The refusal names the competent level with its capitals ("Chủ tịch UBND cấp xã", item 14) and the article."""
    submission = draft(names=())
    head = person("Phạm Văn Hộ")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "household", "person": head.pk, "name": "Hộ ông Phạm Văn Hộ",
        "award_type": _award("gia-dinh-van-hoa").pk, "achievement_summary": "Gia đình văn hóa tiêu biểu"})
    page = response.content.decode()
    assert response.status_code == 200 and "Hộ ông Phạm Văn Hộ" in page  # the input is kept
    assert "do Chủ tịch UBND cấp xã quyết định (Nghị định 86/2023/NĐ-CP, Điều 8 khoản 1" in page
    assert "chủ tịch UBND" not in page and "ubnd" not in page  # the label was lower-cased whole before
    assert not submission.nominees.exists()


@pytest.mark.parametrize("day, level, basis", [
    (D(2025, 6, 30), "Chủ tịch UBND cấp huyện", "Nghị định 86/2023/NĐ-CP, Điều 8 khoản 2"),
    (D(2025, 7, 1), "Chủ tịch UBND cấp xã", "Nghị định 137/2025/NĐ-CP"),
])
def test_decree_86_2023_and_137_2025_thon_van_hoa_is_refused_with_the_level_of_the_day(db, day, level, basis):
    from django.utils import translation

    with translation.override("vi"):
        text = authority.not_for_the_city(_award("thon-to-van-hoa"), day)
    assert f"do {level} quyết định ({basis}" in text


def test_decree_86_2023_appendix_iii_the_city_records_xa_phuong_tieu_bieu_with_its_standards(db):
    staff = users()["demo_staff_b"]  # UBND quận Lê Chân proposes one of its wards (Form 07 of Appendix IV)
    district = Unit.objects.get(code="quan-le-chan")
    commune = create_unit(name="Phường An Biên", code="phuong-an-bien", parent=district, kind="ward",
                          level="commune", recorded_from=D(2020, 1, 1))
    submission = services.create_submission(staff, unit=district,
                                            title="Đề nghị tặng danh hiệu Xã, phường, thị trấn tiêu biểu năm 2024",
                                            reference="20/TTr-UBND", round_kind="yearly", year=2024,
                                            commendation_type="regular")
    nominee = services.save_nominee(staff, submission, subject="collective", name=commune.name,
                                    award_type=_award("xa-phuong-tieu-bieu"), collective_unit=commune,
                                    achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2024")
    assert nominee.pk  # recorded: the city Chairman decides it
    check = eligibility.check(Nominee.objects.get(pk=nominee.pk), D(2025, 1, 15))
    text = " ".join(f.message for f in check.findings)
    assert "kinh tế - xã hội, quốc phòng, an ninh" in text and check.result == eligibility.NEEDS_REVIEW
    rules = EligibilityRule.objects.filter(award_type__code="xa-phuong-tieu-bieu", legal_basis__startswith=(
        "Nghị định 86/2023/NĐ-CP"))
    assert rules.count() == 3 and all("Phụ lục III" in r.article for r in rules)


def test_decree_86_2023_standards_are_data_for_each_title(db):
    for code, appendix in (("gia-dinh-van-hoa", "Phụ lục I"), ("thon-to-van-hoa", "Phụ lục II"),
                           ("xa-phuong-tieu-bieu", "Phụ lục III")):
        rules = EligibilityRule.objects.in_force(D(2025, 12, 31)).filter(award_type__code=code)
        assert rules.exists() and all(appendix in r.article and "86/2023" in r.legal_basis for r in rules), code


def test_the_coverage_page_lists_no_award_the_city_decides_without_a_rule_in_force(officer_client):
    table = coverage.table()
    assert table["city_gaps"] == []  # no award the city decides is without a rule, in any period shown
    row = next(r for r in table["rows"] if r["award"].code == "xa-phuong-tieu-bieu")
    regular = dict(row["cells"])["regular"]
    assert [state for _y, state, _w in regular] == ["n/a", "covered", "covered", "covered"]
    row = next(r for r in table["rows"] if r["award"].code == "gia-dinh-van-hoa")
    assert {state for _k, cells in row["cells"] for _y, state, _w in cells} <= {"covered", "elsewhere", "n/a"}
    page = officer_client.get(reverse("awards:criteria_coverage")).content.decode()
    assert "Xã, phường, thị trấn tiêu biểu" in page and "cấp khác" in page
    assert "Mọi hình thức khen thưởng do thành phố quyết định đều có tiêu chuẩn áp dụng" in page


def test_a_submission_for_a_local_title_is_refused_in_the_service_too(db):
    submission = draft(names=())
    with pytest.raises(ValidationError) as refused:
        services.save_nominee(users()["demo_staff"], submission, subject="household", name="Hộ bà Lê Thị Na",
                              award_type=_award("gia-dinh-van-hoa"), person=person("Lê Thị Na"),
                              achievement_summary="Gia đình văn hóa")
    assert "award_type" in refused.value.message_dict
    assert not Submission.objects.get(pk=submission.pk).nominees.exists()


@pytest.mark.parametrize("decided_on, recorded", [("2025-03-01", True), ("2025-08-01", False)])
def test_decree_137_2025_a_district_records_thon_van_hoa_only_while_it_decides_it(staff_b_client, decided_on,
                                                                                   recorded):
    """UBND quận Lê Chân's own decision: the district chairman's until 30/6/2025, the commune chairman's after."""
    head = person("Vũ Văn Thôn", unit_code="quan-le-chan")
    response = staff_b_client.post(reverse("awards:unit_decisions"), {
        "award_type": _award("thon-to-van-hoa").pk, "year": 2024, "decision_number": "5/QĐ-UBND",
        "decided_on": decided_on, "signer_name": "Nguyễn Văn Quận", "signer_title": "Chủ tịch",
        "person_codes": str(head.pk)})
    from awards.models import PastAward

    assert PastAward.objects.filter(person=head, award_type__code="thon-to-van-hoa").exists() == recorded
    if not recorded:
        page = response.content.decode()
        assert "do Chủ tịch UBND cấp xã quyết định (Nghị định 137/2025/NĐ-CP" in page and "5/QĐ-UBND" in page
