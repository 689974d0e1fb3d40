"""The 2025 reform recorded through the services (reclassify used to raise TypeError), and pages of a past year
naming units as they were then (issue 21, items 3 and 4 in part)."""

import datetime as dt

import pytest
from django.urls import reverse

from campaigns.models import Assessment, InspectionVisit, VisitKind
from organisation import services
from organisation.history import names_on
from organisation.models import Unit, UnitKind, UnitLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def thuy_nguyen(db):
    unit = Unit.objects.get(code="huyen-thuy-nguyen")
    services.reclassify_unit(unit, kind=UnitKind.DISTRICT_CITY, level=UnitLevel.DISTRICT,
                             effective_on=dt.date(2025, 1, 1), basis="Nghị quyết 1232/NQ-UBTVQH15")
    unit.refresh_from_db()
    services.rename_unit(unit, name="Thành phố Thủy Nguyên", effective_on=dt.date(2025, 1, 2),
                         basis="Nghị quyết 1232/NQ-UBTVQH15")
    unit.refresh_from_db()
    return unit


def test_a_reclassification_and_rename_are_recorded_with_their_history(thuy_nguyen):
    assert (thuy_nguyen.kind, thuy_nguyen.name) == (UnitKind.DISTRICT_CITY, "Thành phố Thủy Nguyên")
    assert thuy_nguyen.version_on(dt.date(2023, 6, 1)).name == "Huyện Thủy Nguyên"
    assert thuy_nguyen.version_on(dt.date(2023, 6, 1)).kind == UnitKind.RURAL_DISTRICT
    assert names_on([(thuy_nguyen.pk, dt.date(2023, 6, 1)), (thuy_nguyen.pk, dt.date(2025, 6, 1))]) == {
        (thuy_nguyen.pk, dt.date(2023, 6, 1)): "Huyện Thủy Nguyên",
        (thuy_nguyen.pk, dt.date(2025, 6, 1)): "Thành phố Thủy Nguyên"}


def test_past_pages_name_units_as_they_were(thuy_nguyen, officer_client):
    InspectionVisit.objects.create(unit=thuy_nguyen, kind=VisitKind.INSPECTION, visited_on=dt.date(2023, 9, 12),
                                   team="Đoàn kiểm tra", findings="Chưa tổ chức phát động",
                                   assessment=Assessment.PASSIVE)
    visits = officer_client.get(reverse("campaigns:inspection_list"), {"year": 2023}).content.decode()
    assert "– Huyện Thủy Nguyên – 12/09/2023" in visits  # (the form for new visits offers today's names)
    assert "– Thành phố Thủy Nguyên –" not in visits
    flagged = officer_client.get(reverse("campaigns:flagged"), {"year": 2023}).content.decode()
    assert "Huyện Thủy Nguyên" in flagged and "Thành phố Thủy Nguyên" not in flagged


def test_reopening_after_the_deadline_gives_the_unit_its_own_deadline(officer_client, staff_client,
                                                                      django_capture_on_commit_callbacks):
    from campaigns import services as campaigns
    from campaigns.models import Movement, Registration, RegistrationStatus, RegistrationWindow
    from organisation.models import User

    today = dt.date.today()
    year = today.year
    RegistrationWindow.objects.update_or_create(year=year, defaults={
        "opens_on": today - dt.timedelta(days=30), "closes_on": today - dt.timedelta(days=1),
        "expected_kinds": [UnitKind.DEPARTMENT]})
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    staff = User.objects.get(username="demo_staff")
    registration = Registration.objects.create(unit=unit, year=year, status=RegistrationStatus.SUBMITTED)
    assert unit not in campaigns.units_without_registration(year)
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("campaigns:registration_reopen", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.extended_until == today + dt.timedelta(days=7)
    # the unit is told, is not flagged while its own deadline runs, and can send again
    told = staff.notifications.filter(title__contains=str(year)).first()
    assert told is not None and (today + dt.timedelta(days=7)).strftime("%d/%m/%Y") in told.body
    assert unit.pk not in {f.unit.pk for f in campaigns.flagged_units(year)}
    movement = Movement.objects.filter(kind="regular").first() or Movement.objects.first()
    campaigns.save_registration(staff, unit=unit, year=year, movements=[movement], targets=[], submit=True)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    # after its own deadline a reopened unit that did not send again is flagged
    registration.status = RegistrationStatus.DRAFT
    registration.extended_until = today - dt.timedelta(days=1)
    registration.save()
    assert unit.pk in {f.unit.pk for f in campaigns.flagged_units(year)}


def test_a_2023_page_export_document_report_and_api_after_the_reform(thuy_nguyen, officer_client, make_user):
    """Issue 21, item 4: the 2023 registration overview (page), the 2023 targets Excel (export), a decision of
    January 2024 (document), a report of that month (figures by the unit's level then) and the units API with
    ``?on=`` all tell 2023 as it was, after Thủy Nguyên became a thành phố and Cát Hải an đặc khu."""
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from awards.models import Decision, Status
    from campaigns.models import Registration, RegistrationStatus, RegistrationWindow
    from reports.data import nominations
    from targets.models import Target

    from ..awards_helpers import draft, to_state

    cat_hai = Unit.objects.get(code="huyen-cat-hai")
    _client, cat_hai_staff = make_user("huyen-cat-hai")
    decided = to_state(draft(staff=cat_hai_staff, unit_code="huyen-cat-hai"), Status.DECIDED)
    _client, staff = make_user("huyen-thuy-nguyen")
    thuy_decision = Decision.objects.get(submission=to_state(draft(staff=staff, unit_code="huyen-thuy-nguyen",
                                                                   names=("Vũ Văn Nam",)), Status.DECIDED))
    services.reclassify_unit(cat_hai, kind=UnitKind.SPECIAL_ZONE, level=UnitLevel.COMMUNE,
                             effective_on=dt.date(2025, 7, 1), basis="Nghị quyết 1669/NQ-UBTVQH15")
    # page: the 2023 registrations, and the units expected that year by their kind then
    RegistrationWindow.objects.update_or_create(year=2023, defaults={
        "opens_on": dt.date(2023, 1, 5), "closes_on": dt.date(2023, 1, 31),
        "expected_kinds": [UnitKind.RURAL_DISTRICT]})
    Registration.objects.create(unit=thuy_nguyen, year=2023, status=RegistrationStatus.SUBMITTED)
    page = officer_client.get(reverse("campaigns:registration_overview", args=[2023])).content.decode()
    assert "Huyện Thủy Nguyên" in page and "Thành phố Thủy Nguyên" not in page
    assert "Huyện Cát Hải" in page  # expected in 2023 as a huyện, not registered
    from campaigns.services import expected_units

    RegistrationWindow.objects.update_or_create(year=2026, defaults={
        "opens_on": dt.date(2026, 1, 5), "closes_on": dt.date(2026, 1, 31),
        "expected_kinds": [UnitKind.RURAL_DISTRICT]})
    assert {thuy_nguyen, cat_hai} <= set(expected_units(2023))
    assert {thuy_nguyen, cat_hai}.isdisjoint(expected_units(2026)) and expected_units(2026).exists()
    # export: the 2023 targets' responsible unit
    Target.objects.filter(year=2023).update(responsible_unit=thuy_nguyen)
    sheet = load_workbook(io.BytesIO(officer_client.get(reverse("targets:dashboard"), {
        "year": 2023, "format": "xlsx"}).content)).active
    assert {row[-1].value for row in sheet.iter_rows(min_row=5) if row[0].value} == {"Huyện Thủy Nguyên"}
    # document: the January 2024 decision, printed today
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(officer_client.get(
        reverse("awards:decision_pdf", args=[thuy_decision.pk])).content)).pages)
    assert "Huyện Thủy Nguyên" in text and "Thành phố Thủy Nguyên" not in text
    # report: Cát Hải was a district in January 2024, not grassroots, whatever it is today
    issued = Decision.objects.get(submission=decided).issued_on
    assert nominations(issued.replace(day=1), issued)["totals"]["grassroots"] == 0
    # API: the units as they were on a day, and only those that existed then
    then = officer_client.get("/api/v1/units/", {"on": "2023-06-01", "page_size": 500}).json()
    rows = {u["code"]: u for u in then.get("results", then)}
    assert rows["huyen-thuy-nguyen"]["name"] == "Huyện Thủy Nguyên"
    assert rows["huyen-cat-hai"]["kind"] == UnitKind.RURAL_DISTRICT
    now = officer_client.get("/api/v1/units/huyen-thuy-nguyen/").json()
    assert now["name"] == "Thành phố Thủy Nguyên"
    assert officer_client.get("/api/v1/units/", {"on": "2023-02-30"}).status_code == 400
