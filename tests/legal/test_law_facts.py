"""The facts a nomination records, judged by the engine instead of asking (issue 31, items 9 and 10).

Names carry the law and article: L06 = Luật Thi đua, khen thưởng 06/2022/QH15; ND98 / ND152 = the decree in force
on 31 December of the achievement year (Nghị định 98/2023/NĐ-CP for 2024, 152/2025/NĐ-CP from 01/7/2025, so for
2025); ND91 = Nghị định 91/2017/NĐ-CP under the 2003 law, for achievements up to 2023.
- Bằng khen of the city Chairman, Law 06/2022 Art 74.1 (before 2024: Decree 91/2017 Art 39): the point chosen on the
  nomination decides, with its facts; point d as the Ministry of Home Affairs quotes it (02 lần liên tục CSTĐ cơ sở,
  or 02 years HTXSNV, with 02 initiatives in that time).
- Ad hoc and thematic awards: the achievement itself (what, when, movement or event, deciding document), never a
  link of a merit chain (Decree 98/2023 and 152/2025 Art 4).
- Lao động tiên tiến of a worker or farmer without a task rating: the year's results under Law 06/2022 Art 24.3.
"""

import datetime as dt

import pytest
from django.urls import reverse

from awards import coverage, eligibility
from awards.models import LabourResult, Nominee, Outcome, Submission
from legal.models import AwardType
from organisation.models import Person, Unit

from .test_eligibility import _build

D = dt.date
E, N, R = "eligible", "not_eligible", "needs_review"
EXCELLENT_2 = {2024: "HTXSNV", 2025: "HTXSNV"}
TWO_INITIATIVES = [("grassroots", 2024, None), ("grassroots", 2025, None)]
MOVEMENT = {"criterion_evidence": "Dẫn đầu phong trào “Cải cách hành chính” của ngành, giảm 40% thời gian giải quyết",
            "achievement_event": "Phong trào thi đua “Hải Phòng chuyển đổi số” năm 2025",
            "evidence_document": "Thông báo 12/TB-BCĐ ngày 05/12/2025 của Ban Chỉ đạo chuyển đổi số thành phố"}
RESCUE = {"achievement_on": D(2024, 9, 7), "achievement_event": "Cơn bão số 3 (Yagi)",
          "evidence_document": "Công văn 310/UBND-VP ngày 10/9/2024 của UBND phường Hạ Lý"}
FARMER_MET = {"productivity": True, "income": True, "source": "UBND xã An Hưng xác nhận"}

CASES = {
    # --- Bằng khen of the Chairman, the point chosen: Law 06/2022 Art 74.1 -----------------------------------------
    "L06_D74_1d_ND98_two_consecutive_cstdcs_and_two_initiatives": dict(
        award="bang-khen-chu-tich", year=2024, titles={"cstd-co-so": [2023, 2024]}, facts={"criterion": "d"},
        initiatives=[("grassroots", 2023, None), ("grassroots", 2024, None)], expect=E,
        contains="tiêu chuẩn đã chọn, điểm d"),
    "L06_D74_1d_ND98_basis_is_decree_98": dict(
        award="bang-khen-chu-tich", year=2024, titles={"cstd-co-so": [2023, 2024]}, facts={"criterion": "d"},
        initiatives=[("grassroots", 2023, None), ("grassroots", 2024, None)], expect=E,
        contains="Nghị định 98/2023/NĐ-CP, Điều 74 khoản 1 điểm d"),
    "L06_D74_1d_ND152_two_excellent_years_two_initiatives": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=TWO_INITIATIVES,
        facts={"criterion": "d"}, expect=E, contains="Nghị định 152/2025/NĐ-CP, Điều 74 khoản 1 điểm d"),
    "L06_D74_1d_ND152_one_initiative_is_not_enough": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=[("grassroots", 2025, None)],
        facts={"criterion": "d"}, expect=N, contains="cần 2 sáng kiến"),
    "L06_D74_1d_ND152_ad_hoc_cstdcs_is_no_link_of_the_chain": dict(
        award="bang-khen-chu-tich", year=2025, titles={"cstd-co-so": [2025]}, adhoc={"cstd-co-so": [2024]},
        ratings={2024: "HTTNV", 2025: "HTXSNV"}, initiatives=TWO_INITIATIVES, facts={"criterion": "d"}, expect=N,
        contains="thiếu 2024"),
    "L06_D74_1a_ND152_movement_result_recorded": dict(
        award="bang-khen-chu-tich", year=2025, facts={"criterion": "a", **MOVEMENT}, expect=E,
        contains="đã ghi nhận (Phong trào thi đua “Hải Phòng chuyển đổi số” năm 2025, Thông báo 12/TB-BCĐ"),
    "L06_D74_1a_ND152_recognising_document_missing": dict(
        award="bang-khen-chu-tich", year=2025, facts={"criterion": "a", **MOVEMENT, "evidence_document": ""},
        expect=R, contains="Thành tích xuất sắc được bình xét trong phong trào thi đua: thiếu văn bản ghi nhận"),
    "L06_D74_1a_ND152_the_point_chosen_decides_not_point_d": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=TWO_INITIATIVES,
        facts={"criterion": "a"}, expect=R, contains="tiêu chuẩn đã chọn, điểm a: Thành tích xuất sắc"),
    "L06_D74_1b_ND98_field_achievements_recorded": dict(
        award="bang-khen-chu-tich", year=2024, facts={
            "criterion": "b", "criterion_evidence": "Ba công trình quy hoạch được áp dụng toàn ngành",
            "evidence_document": "Văn bản 88/SXD-QH ngày 20/11/2024 của Sở Xây dựng"}, expect=E,
        contains="Điều 74 khoản 1 điểm b"),
    "L06_D74_1c_ND152_point_c_not_confirmed_is_for_the_officer": dict(
        award="bang-khen-chu-tich", year=2025, facts={"criterion": "c"}, expect=R, contains="cán bộ đối chiếu"),
    "L06_D74_ND152_no_point_chosen_point_d_met": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=TWO_INITIATIVES, expect=E),
    "L06_D74_ND152_regular_award_after_an_ad_hoc_one_of_the_same_year": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=TWO_INITIATIVES,
        adhoc={"bang-khen-chu-tich": [2025]}, facts={"criterion": "d"}, expect=E),
    "L06_D74_ND152_the_years_merit_already_awarded": dict(
        award="bang-khen-chu-tich", year=2025, ratings=EXCELLENT_2, initiatives=TWO_INITIATIVES,
        past={"bang-khen-chu-tich": [2025]}, facts={"criterion": "d"}, expect=N,
        contains="thành tích năm 2025 đã được khen thưởng"),
    # --- before 2024: Decree 91/2017 Art 39 (cần xác minh) ------------------------------------------------------------
    "ND91_D39_1a_2023_movement_result_recorded": dict(
        award="bang-khen-chu-tich", year=2023, facts={"criterion": "a", **MOVEMENT}, expect=E,
        contains="Nghị định 91/2017"),
    "ND91_D39_1c_2023_two_excellent_years_two_initiatives_chosen": dict(
        award="bang-khen-chu-tich", year=2023, ratings={2022: "HTXSNV", 2023: "HTXSNV"},
        initiatives=[("grassroots", 2022, None), ("grassroots", 2023, None)], facts={"criterion": "c"}, expect=E),
    "ND91_D39_2023_has_no_point_d": dict(
        award="bang-khen-chu-tich", year=2023, ratings={2022: "HTXSNV", 2023: "HTXSNV"},
        facts={"criterion": "d"}, expect=N, contains="không thuộc các tiêu chuẩn đang áp dụng"),
    "ND91_D39_2023_no_point_chosen_nothing_recorded_names_what_is_missing": dict(
        award="bang-khen-chu-tich", year=2023, ratings={2023: "HTTNV"}, expect=R,
        contains="Lập được nhiều thành tích có phạm vi ảnh hưởng trong lĩnh vực: thiếu minh chứng"),
    # --- ad hoc and thematic: the achievement itself ------------------------------------------------------------------
    "L06_D74_ND98_ad_hoc_rescue_in_typhoon_yagi": dict(
        award="bang-khen-chu-tich", year=2024, commendation="ad_hoc", what="Cứu 05 người mắc kẹt trong nước lũ",
        facts=RESCUE, expect=E, contains="Cơn bão số 3 (Yagi)"),
    "L06_D74_ND152_ad_hoc_achievement_of_2024_in_a_2025_dossier": dict(
        award="bang-khen-chu-tich", year=2025, commendation="ad_hoc", what="Cứu 05 người mắc kẹt trong nước lũ",
        facts=RESCUE, expect=N, contains="không thuộc năm thành tích 2025"),
    "L06_D74_ND152_ad_hoc_deciding_document_missing": dict(
        award="bang-khen-chu-tich", year=2025, commendation="ad_hoc", what="Bắt giữ đối tượng cướp giật",
        facts={"achievement_on": D(2025, 8, 2), "achievement_event": "Tuần tra đêm phường Lê Chân"}, expect=R,
        contains="thiếu văn bản ghi nhận"),
    "L06_D74_ND152_thematic_movement_recorded": dict(
        award="bang-khen-chu-tich", year=2025, commendation="thematic", what="Hoàn thành xóa 120 nhà tạm",
        facts={"achievement_on": D(2025, 8, 30), "achievement_event": "Phong trào xóa nhà tạm, nhà dột nát",
               "evidence_document": "Quyết định 45/QĐ-BCĐ ngày 30/8/2025"}, expect=E),
    "L06_D74_2_ND152_collective_ad_hoc_recorded": dict(
        award="bang-khen-chu-tich-tap-the", year=2025, subject="collective", commendation="ad_hoc",
        members=[{"rating": "HTTNV"}], what="Ứng cứu sự cố tràn dầu cảng Đình Vũ",
        facts={"achievement_on": D(2025, 10, 3), "achievement_event": "Sự cố tràn dầu cảng Đình Vũ",
               "evidence_document": "Công văn 77/BCH-PCTT ngày 05/10/2025"}, expect=E),
    "ND91_D39_2023_ad_hoc_recorded": dict(
        award="bang-khen-chu-tich", year=2023, commendation="ad_hoc", what="Dũng cảm cứu người đuối nước",
        facts={"achievement_on": D(2023, 6, 18), "achievement_event": "Cứu người đuối nước tại sông Cấm",
               "evidence_document": "Công văn 51/CAP ngày 20/6/2023 của Công an phường"}, expect=E,
        contains="Nghị định 91/2017"),
    "L06_D22_ND152_cstd_thanh_pho_is_not_awarded_ad_hoc": dict(
        award="cstd-thanh-pho", year=2025, commendation="ad_hoc", facts=RESCUE, expect=N,
        contains="không xét theo loại đột xuất: danh hiệu thi đua xét tặng hằng năm"),
    "ND91_D27_2023_tap_the_ldxs_is_not_awarded_per_movement": dict(
        award="tap-the-ldxs", year=2023, subject="collective", commendation="thematic", members=[{"rating": "HTTNV"}],
        expect=N, contains="không xét theo đợt, chuyên đề"),
    "L06_D74_3_ND152_household_contribution_recorded_value_for_the_officer": dict(
        award="bang-khen-chu-tich-ho-gia-dinh", year=2025, subject="household", what="Hiến 300 m² đất làm đường",
        facts={"evidence_document": "Biên bản bàn giao đất ngày 12/5/2025 của UBND xã An Hưng"}, expect=R,
        contains="giá trị đóng góp đạt mức"),
    "L06_D74_3_ND98_household_document_missing": dict(
        award="bang-khen-chu-tich-ho-gia-dinh", year=2024, subject="household", what="Hiến 300 m² đất làm đường",
        expect=R, contains="thiếu văn bản ghi nhận"),
    # --- Lao động tiên tiến, workers and farmers: Law 06/2022 Art 24.3 ------------------------------------------------
    "L06_D24_3_ND152_farmer_productivity_and_income_met": dict(
        award="lao-dong-tien-tien", year=2025, category="farmer", labour=FARMER_MET, expect=E,
        contains="khoản 3 Điều 24 (UBND xã An Hưng xác nhận): đạt"),
    "L06_D24_3_ND98_worker_income_not_met": dict(
        award="lao-dong-tien-tien", year=2024, category="worker",
        labour={"productivity": True, "income": False, "source": "Công đoàn công ty"}, expect=N,
        contains="không đạt: có thu nhập ổn định"),
    "L06_D24_3_ND152_farmer_income_not_recorded": dict(
        award="lao-dong-tien-tien", year=2025, category="farmer", labour={"productivity": True}, expect=R,
        contains="chưa ghi: có thu nhập ổn định"),
    "L06_D24_3_ND152_farmer_initiative_applied_is_shown": dict(
        award="lao-dong-tien-tien", year=2025, category="farmer", labour={**FARMER_MET, "initiative_applied": True},
        expect=E, contains="ngoài ra: có sáng kiến hoặc tiến bộ kỹ thuật được áp dụng"),
    "L06_D24_3_ND152_farmer_no_results_names_what_is_missing": dict(
        award="lao-dong-tien-tien", year=2025, category="farmer", expect=R,
        contains="còn thiếu: đạt hoặc vượt năng suất, chất lượng; có thu nhập ổn định"),
    "L06_D24_1_ND152_worker_with_a_rating_is_judged_by_it": dict(
        award="lao-dong-tien-tien", year=2025, category="worker", ratings={2025: "HTTNV"}, expect=E),
    "ND91_D24_2023_farmer_results_met_no_service_rule": dict(
        award="lao-dong-tien-tien", year=2023, category="farmer", labour=FARMER_MET, expect=E,
        contains="không áp dụng đối với nông dân"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_facts_recorded_are_judged(db, name):
    case = CASES[name]
    nominee = _build(case)
    verdict = eligibility.check(nominee, today=D(2026, 6, 1))
    text = " | ".join(f"{f.message} ({f.basis})" for f in verdict.findings)
    assert verdict.result == case["expect"], text
    if "contains" in case:
        assert case["contains"] in text, text


def test_law_06_2022_art_74_an_ad_hoc_achievement_already_awarded_is_a_duplicate_another_one_is_not(db):
    first = _build(CASES["L06_D74_ND98_ad_hoc_rescue_in_typhoon_yagi"])
    Nominee.objects.filter(pk=first.pk).update(outcome=Outcome.AWARDED)
    again = Nominee.objects.create(submission=first.submission, subject="individual", person=first.person,
                                   name=first.name, award_type=first.award_type, achievement_summary="Cứu người",
                                   **RESCUE)
    verdict = eligibility.check(again, today=D(2026, 6, 1))
    assert verdict.result == N and any("thành tích này (Công văn 310/UBND-VP" in f.message for f in verdict.findings)
    Nominee.objects.filter(pk=again.pk).update(achievement_on=D(2024, 11, 2), achievement_event="Cháy chợ Tam Bạc",
                                               evidence_document="Công văn 402/UBND-VP ngày 04/11/2024")
    again.refresh_from_db()
    assert eligibility.check(again, today=D(2026, 6, 1)).result == E


def test_decree_152_2025_art_4_an_ad_hoc_award_never_holds_initiatives_and_point_a_holds_none(db):
    """A Bằng khen resting on point a (Art 74.1.a) needs no initiative: none is held when the dossier is sent."""
    nominee = _build({**CASES["L06_D74_1a_ND152_movement_result_recorded"], "initiatives": TWO_INITIATIVES})
    assert eligibility.reserve_initiatives(nominee) == 0
    Nominee.objects.filter(pk=nominee.pk).update(criterion="d")
    nominee.refresh_from_db()
    assert eligibility.reserve_initiatives(nominee) == 2


def test_law_06_2022_art_74_a_thematic_award_takes_the_dossiers_movement_when_none_is_typed(db):
    from campaigns.models import Movement

    movement = Movement.objects.create(code="ca-nuoc-chung-tay-2025", kind="thematic", authority="city_chairman",
                                       name="Phong trào “Cả nước chung tay vì người nghèo”")
    case = CASES["L06_D74_ND152_thematic_movement_recorded"]
    nominee = _build({**case, "facts": {**case["facts"], "achievement_event": ""}})
    Submission.objects.filter(pk=nominee.submission_id).update(movement=movement)
    nominee = Nominee.objects.select_related("submission__movement").get(pk=nominee.pk)
    verdict = eligibility.check(nominee, today=D(2026, 6, 1))
    assert verdict.result == E and any("Cả nước chung tay" in f.message for f in verdict.findings)


def test_coverage_bang_khen_of_the_chairman_and_yearly_titles_have_rules_for_every_year_and_type(db):
    """Law 06/2022 Art 74 and Decree 91/2017 Art 39: the criteria page lists no gap for the Chairman's Bằng khen (each
    subject) nor for the yearly titles the city decides, whatever the type of commendation."""
    for code in ("bang-khen-chu-tich", "bang-khen-chu-tich-tap-the", "bang-khen-chu-tich-ho-gia-dinh",
                 "cstd-thanh-pho", "co-thi-dua-thanh-pho", "tap-the-ldxs", "don-vi-quyet-thang"):
        award = AwardType.objects.get(code=code)
        for kind in ("regular", "ad_hoc", "thematic"):
            assert coverage.gaps(award, kind=kind) == [], (code, kind)


# --- the nominee form and the API ---------------------------------------------------------------------------------


def _dossier(client, year, commendation="regular"):
    response = client.post(reverse("awards:submission_create"), {
        "unit": Unit.objects.get(code="so-ke-hoach-dau-tu").pk, "title": f"Đề nghị Bằng khen {year}",
        "round_kind": "yearly" if commendation == "regular" else "ad_hoc", "year": year,
        "commendation_type": commendation})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Submission.objects.filter(title=f"Đề nghị Bằng khen {year}").latest("created_at")


def _civil_servant(name, category="civil_servant"):
    return Person.objects.create(full_name=name, sex="male", unit=Unit.objects.get(code="so-ke-hoach-dau-tu"),
                                 category=category)


def test_law_06_2022_art_74_1_the_unit_records_the_point_and_its_facts_on_the_nominee_form(staff_client):
    submission = _dossier(staff_client, 2025)
    person = _civil_servant("Đặng Văn Khoa")
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": person.pk, "award_type": award.pk,
        "achievement_summary": "Dẫn đầu phong trào chuyển đổi số của Sở", "criterion": "a",
        "achievement_on": "", **MOVEMENT})
    assert response.status_code == 302, response.content.decode()[:3000]
    nominee = submission.nominees.get()
    assert nominee.criterion == "a" and nominee.evidence_document.startswith("Thông báo 12/TB-BCĐ")
    assert nominee.eligibility == E
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "tiêu chuẩn đã chọn, điểm a" in page and "Điều 74 khoản 1 điểm a" in page
    form = staff_client.get(reverse("awards:nominee_edit", args=[submission.pk, nominee.pk])).content.decode()
    assert "Thông báo 12/TB-BCĐ" in form and "Tiêu chuẩn đề nghị khen thưởng" in form


def test_decree_91_2017_art_39_a_point_the_period_does_not_have_is_refused_with_the_input_kept(staff_client):
    submission = _dossier(staff_client, 2023)
    person = _civil_servant("Lý Thị Hạnh")
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": person.pk, "award_type": award.pk,
        "achievement_summary": "Hai năm hoàn thành xuất sắc nhiệm vụ", "criterion": "d",
        "criterion_evidence": "Hai sáng kiến cấp cơ sở"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "không có điểm “d” trong các tiêu chuẩn đang áp dụng: a, b, c" in page
    assert "Hai sáng kiến cấp cơ sở" in page
    assert not submission.nominees.exists()


def test_law_06_2022_art_24_3_a_farmers_results_typed_on_the_nomination_are_kept_on_the_person(staff_client):
    submission = _dossier(staff_client, 2025)
    farmer = _civil_servant("Vũ Văn Điền", category="farmer")
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": farmer.pk, "award_type": award.pk,
        "achievement_summary": "Mô hình lúa hữu cơ", "labour_productivity": "true", "labour_income": "true",
        "labour_initiative": "true", "labour_details": "Năng suất 7,2 tấn/ha, vượt 15% kế hoạch",
        "labour_source": "UBND xã An Hưng"})
    assert response.status_code == 302, response.content.decode()[:3000]
    result = LabourResult.objects.get(person=farmer, year=2025)
    assert (result.productivity, result.income, result.initiative_applied) == (True, True, True)
    assert result.details == "Năng suất 7,2 tấn/ha, vượt 15% kế hoạch"
    nominee = submission.nominees.get()
    edit = staff_client.get(reverse("awards:nominee_edit", args=[submission.pk, nominee.pk])).content.decode()
    assert "Năng suất 7,2 tấn/ha" in edit
    # The Lao động tiên tiến rule reads them.
    ldtt = Nominee(submission=submission, subject="individual", person=farmer, name=farmer.full_name,
                   award_type=AwardType.objects.get(code="lao-dong-tien-tien"), achievement_summary="…")
    assert eligibility.check(ldtt, today=D(2026, 6, 1)).result == E


def test_law_06_2022_art_24_3_results_are_refused_for_a_civil_servant(staff_client):
    submission = _dossier(staff_client, 2025)
    person = _civil_servant("Hồ Văn Tâm")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": person.pk, "award_type": AwardType.objects.get(
            code="bang-khen-chu-tich").pk, "achievement_summary": "…", "labour_productivity": "true"})
    assert response.status_code == 200 and "chỉ ghi cho công nhân, nông dân" in response.content.decode()
    assert not LabourResult.objects.exists() and not submission.nominees.exists()


def test_law_06_2022_art_74_the_api_records_an_ad_hoc_achievement(db):
    from ..security.test_api import api

    client = api("demo_staff")
    created = client.post("/api/v1/submissions/", {
        "unit": "so-ke-hoach-dau-tu", "title": "Khen đột xuất qua API", "round_kind": "ad_hoc", "year": 2024,
        "commendation_type": "ad_hoc"}, format="json")
    assert created.status_code == 201, created.json()
    person = _civil_servant("Trịnh Văn Dũng")
    response = client.post(f"/api/v1/submissions/{created.json()['id']}/nominees/", {
        "subject": "individual", "person": person.pk, "name": person.full_name, "award_type": "bang-khen-chu-tich",
        "achievement_summary": "Cứu 05 người mắc kẹt trong nước lũ", "achievement_on": "2024-09-07",
        "achievement_event": "Cơn bão số 3 (Yagi)", "evidence_document": RESCUE["evidence_document"]}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["achievement_event"] == "Cơn bão số 3 (Yagi)"
    nominee = Nominee.objects.get(pk=response.json()["id"])
    assert nominee.achievement_on == D(2024, 9, 7) and nominee.eligibility == E, nominee.eligibility_reasons
    # A point a Bằng khen for an ad hoc dossier is refused: points belong to regular merit (Art 74.1).
    refused = client.post(f"/api/v1/submissions/{created.json()['id']}/nominees/", {
        "subject": "individual", "person": person.pk, "name": person.full_name, "award_type": "bang-khen-chu-tich",
        "achievement_summary": "…", "criterion": "a"}, format="json")
    assert refused.status_code == 400 and "criterion" in refused.json()


def test_law_06_2022_art_24_3_the_api_records_a_farmers_results(db):
    from ..security.test_api import api

    client = api("demo_staff")
    created = client.post("/api/v1/submissions/", {
        "unit": "so-ke-hoach-dau-tu", "title": "Đề nghị Bằng khen nông dân", "round_kind": "yearly", "year": 2025,
        "commendation_type": "regular"}, format="json")
    farmer = _civil_servant("Cao Thị Mận", category="farmer")
    response = client.post(f"/api/v1/submissions/{created.json()['id']}/nominees/", {
        "subject": "individual", "person": farmer.pk, "name": farmer.full_name, "award_type": "bang-khen-chu-tich",
        "achievement_summary": "Mô hình nuôi tôm tuần hoàn", "labour_productivity": True, "labour_income": False,
        "labour_source": "Hội Nông dân xã"}, format="json")
    assert response.status_code == 201, response.json()
    assert "labour_income" not in response.json()  # kept on the person's record, not on the nomination
    result = LabourResult.objects.get(person=farmer, year=2025)
    assert (result.productivity, result.income, result.initiative_applied) == (True, False, None)
    ldtt = Nominee(submission=Submission.objects.get(pk=created.json()["id"]), subject="individual", person=farmer,
                   name=farmer.full_name, award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
                   achievement_summary="…")
    verdict = eligibility.check(ldtt, today=D(2026, 6, 1))
    assert verdict.result == N and any("không đạt: có thu nhập ổn định" in f.message for f in verdict.findings)
