"""REST API: token authentication, the same scoping and rules as the pages, JSON errors, schema."""

from rest_framework.test import APIClient

from awards.models import Status
from organisation.models import ApiToken, User

from ..awards_helpers import draft, to_state


def api(username=None):
    client = APIClient()
    if username:
        _token, key = ApiToken.objects.create(User.objects.get(username=username), name="test")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_anonymous_gets_json_401_not_a_login_page(db):
    response = api().get("/api/v1/units/")
    assert response.status_code in (401, 403) and response["Content-Type"].startswith("application/json")


def test_units_are_scoped(db):
    staff = api("demo_staff").get("/api/v1/units/").json()
    assert [u["code"] for u in staff["results"]] == ["so-ke-hoach-dau-tu"]
    officer = api("demo_officer").get("/api/v1/units/?kind=urban_district").json()
    assert officer["count"] == 7


def test_person_search_without_diacritics(db):
    from ..awards_helpers import person

    person("Nguyễn Văn An")
    found = api("demo_officer").get("/api/v1/persons/?q=nguyen van an").json()
    assert [p["full_name"] for p in found["results"]] == ["Nguyễn Văn An"]


def test_submission_workflow_through_the_api(db):
    from legal.models import AwardType

    from ..awards_helpers import person

    staff, officer = api("demo_staff"), api("demo_officer")
    created = staff.post("/api/v1/submissions/", {
        "unit": "so-ke-hoach-dau-tu", "title": "Đề nghị khen thưởng qua API", "round_kind": "ad_hoc", "year": 2023,
        "commendation_type": "ad_hoc"}, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    an = person("Nguyễn Văn An")
    nominee = staff.post(f"/api/v1/submissions/{pk}/nominees/", {
        "subject": "individual", "person": an.pk, "name": "Nguyễn Văn An", "award_type": "bang-khen-chu-tich",
        "achievement_summary": "Cứu người"}, format="json")
    assert nominee.status_code == 201, nominee.json()
    assert staff.post(f"/api/v1/submissions/{pk}/submit/").json()["status"] == Status.SUBMITTED
    # Wrong role and wrong state come back as JSON errors.
    assert staff.post(f"/api/v1/submissions/{pk}/receive/").status_code == 403
    wrong_state = officer.post(f"/api/v1/submissions/{pk}/close-vote/")
    assert wrong_state.status_code == 400 and "trạng thái" in wrong_state.json()["detail"][0]
    assert officer.post(f"/api/v1/submissions/{pk}/receive/").json()["status"] == Status.RECEIVED
    officer_id = User.objects.get(username="demo_officer").pk
    assert officer.post(f"/api/v1/submissions/{pk}/assign/", {"officer": officer_id}, format="json").status_code == 200
    result = officer.post(f"/api/v1/submissions/{pk}/appraise/", {
        "verdicts": [{"nominee": nominee.json()["id"], "verdict": "eligible"}]}, format="json")
    assert result.json()["status"] == Status.APPRAISED
    assert AwardType.objects.filter(code="bang-khen-chu-tich").exists()
    # On to the Council, its vote and the Chairman's decision, still through the API.
    import datetime as dt

    from awards.models import CouncilMeeting, Decision

    meeting = CouncilMeeting.objects.create(held_on=dt.date(2024, 1, 10), title="Phiên họp qua API")
    assert officer.post(f"/api/v1/submissions/{pk}/to-council/", {"meeting": meeting.pk},
                        format="json").json()["status"] == Status.IN_COUNCIL
    council = api("demo_council")
    assert officer.post(f"/api/v1/submissions/{pk}/votes/", {"votes": [
        {"nominee": nominee.json()["id"], "choice": "yes"}]}, format="json").status_code == 403  # not a member
    unknown = council.post(f"/api/v1/submissions/{pk}/votes/", {"votes": [{"nominee": 999999, "choice": "yes"}]},
                           format="json")
    assert unknown.status_code == 400 and "999999" in str(unknown.json()["votes"])
    assert council.post(f"/api/v1/submissions/{pk}/votes/", {"votes": [
        {"nominee": nominee.json()["id"], "choice": "yes"}]}, format="json").status_code == 200
    assert officer.post(f"/api/v1/submissions/{pk}/close-vote/").json()["status"] == Status.VOTED
    decided = officer.post(f"/api/v1/submissions/{pk}/decide/", {"issued_on": "2024-01-15",
                                                                  "signer_name": "Nguyễn Văn Tùng"}, format="json")
    assert decided.json()["status"] == Status.DECIDED
    assert Decision.objects.filter(submission_id=pk).count() == 1


def test_validation_errors_name_the_fields(db):
    response = api("demo_staff").post("/api/v1/submissions/", {"unit": "so-ke-hoach-dau-tu", "year": "abc"},
                                      format="json")
    body = response.json()
    assert response.status_code == 400
    assert {"title", "year", "round_kind", "commendation_type"} <= set(body)


def test_other_units_dossiers_are_not_found(db):
    submission = to_state(draft(), Status.SUBMITTED)
    assert api("demo_staff_b").get(f"/api/v1/submissions/{submission.pk}/").status_code == 404
    assert api("demo_staff").get(f"/api/v1/submissions/{submission.pk}/").status_code == 200
    assert api("demo_staff_b").post(f"/api/v1/submissions/{submission.pk}/submit/").status_code == 404


def test_decisions_for_the_national_database(db):
    to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decisions = api("demo_officer").get("/api/v1/decisions/?year=2024").json()["results"]
    assert decisions[0]["code"] == "01/QĐ-UBND"
    assert decisions[0]["awardees"][0]["golden_book_number"] == "1/2024"


def test_actuals_only_by_the_responsible_unit(db):
    from targets.models import Target

    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    payload = {"target": growth.pk, "period_kind": "quarter", "period": 1, "value": "10.5", "source": "CTK"}
    assert api("demo_staff_b").post("/api/v1/actuals/", payload, format="json").status_code == 403
    response = api("demo_staff").post("/api/v1/actuals/", payload, format="json")
    assert response.status_code == 201, response.json()
    bad = api("demo_staff").post("/api/v1/actuals/", {**payload, "period": 9}, format="json")
    assert bad.status_code == 400 and "period" in bad.json()


def test_leaders_read_but_do_not_write(db):
    leader = api("demo_leader")
    assert leader.get("/api/v1/movements/").status_code == 200
    assert leader.post("/api/v1/movements/", {"name": "X", "kind": "thematic", "authority": "city_chairman"},
                       format="json").status_code == 403
    assert api("demo_staff").get("/api/v1/reports/").status_code == 403
    assert leader.get("/api/v1/reports/").status_code == 200


def test_openapi_schema_and_docs(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/v1/submissions/{id}/appraise/" in schema.content
    client.force_login(User.objects.get(username="demo_officer"))
    assert client.get("/api/docs/").status_code == 200


def test_a_nominee_s_criterion_evidence_is_bounded_through_the_api_as_in_the_form(db):
    from ..awards_helpers import draft, person

    staff = api("demo_staff")
    submission = draft(names=())
    too_long = staff.post(f"/api/v1/submissions/{submission.pk}/nominees/", {
        "subject": "individual", "person": person("Nguyễn Văn An").pk, "name": "Nguyễn Văn An",
        "award_type": "bang-khen-chu-tich", "achievement_summary": "Cứu người", "criterion_evidence": "x" * 4001},
        format="json")
    assert too_long.status_code == 400 and "criterion_evidence" in too_long.json()
    assert not submission.nominees.exists()
