"""The Board records the 2025 reform in the portal (issue 21, item 3): each kind of change through its page, a
preview first that changes nothing, then the change with its legal basis; past pages keep the old names."""

import datetime as dt

import pytest
from django.urls import reverse

from campaigns.models import Assessment, InspectionVisit, VisitKind
from organisation.models import Person, Unit, UnitEvent, UnitEventKind, UnitKind, UnitLevel, User

pytestmark = pytest.mark.django_db
BASIS = "Nghị quyết 1669/NQ-UBTVQH15 ngày 16/6/2025"


def _change(client, code, kind, data, *, confirm):
    url = reverse("organisation:unit_change", args=[code, kind]) if code else reverse("organisation:unit_establish")
    return client.post(url, {**data, **({"confirm": "1"} if confirm else {"preview": "1"})})


def _both(client, code, kind, data):
    """Preview (nothing kept), then record; gives the preview's page text."""
    events = UnitEvent.objects.count()
    preview = _change(client, code, kind, data, confirm=False)
    assert preview.status_code == 200
    assert UnitEvent.objects.count() == events, "a preview must not record anything"
    recorded = _change(client, code, kind, data, confirm=True)
    assert recorded.status_code == 302, recorded.content.decode()[:2000]
    assert UnitEvent.objects.count() > events
    return preview.content.decode()


def test_every_kind_of_change_through_the_portal_with_a_preview(officer_client):
    officer = User.objects.get(username="demo_officer")
    # huyện → thành phố (the reclassification used to raise TypeError)
    text = _both(officer_client, "huyen-thuy-nguyen", "chuyen-loai",
                 {"kind": UnitKind.DISTRICT_CITY, "level": UnitLevel.DISTRICT, "effective_on": "2025-01-01",
                  "basis": "Nghị quyết 1232/NQ-UBTVQH15"})
    assert "Huyện Thủy Nguyên: loại hình Huyện (Quận, huyện) → Thành phố thuộc thành phố (Quận, huyện)" in text
    text = _both(officer_client, "huyen-thuy-nguyen", "doi-ten",
                 {"name": "Thành phố Thủy Nguyên", "effective_on": "2025-01-02", "basis": "Nghị quyết 1232"})
    assert "“Huyện Thủy Nguyên” → “Thành phố Thủy Nguyên”" in text
    thuy_nguyen = Unit.objects.get(code="huyen-thuy-nguyen")
    assert (thuy_nguyen.kind, thuy_nguyen.name) == (UnitKind.DISTRICT_CITY, "Thành phố Thủy Nguyên")
    assert thuy_nguyen.version_on(dt.date(2023, 6, 1)).name == "Huyện Thủy Nguyên"
    # huyện → đặc khu
    _both(officer_client, "huyen-cat-hai", "chuyen-loai",
          {"kind": UnitKind.SPECIAL_ZONE, "level": UnitLevel.COMMUNE, "effective_on": "2025-07-01", "basis": BASIS})
    # a new ward, then moved under Thủy Nguyên
    _both(officer_client, None, "thanh-lap",
          {"name": "Phường Hồng Bàng", "kind": UnitKind.WARD, "level": UnitLevel.COMMUNE, "sector": "state",
           "parent": Unit.objects.get(code="ubnd-hai-phong").pk, "effective_on": "2025-07-01", "basis": BASIS})
    ward = Unit.objects.get(name="Phường Hồng Bàng")
    assert ward.code == "phuong-hong-bang" and ward.established_on == dt.date(2025, 7, 1)
    text = _both(officer_client, ward.code, "chuyen", {"parent": thuy_nguyen.pk, "effective_on": "2025-07-02",
                                                        "basis": BASIS})
    assert "Phường Hồng Bàng: đơn vị cấp trên Ủy ban nhân dân thành phố Hải Phòng → Thành phố Thủy Nguyên" in text
    # a merge: the preview names who moves (the district's account and its staff)
    le_chan = Unit.objects.get(code="quan-le-chan")
    persons = Person.objects.filter(unit=le_chan).count()
    text = _both(officer_client, "quan-hong-bang", "sap-nhap",
                 {"sources": [le_chan.pk], "effective_on": "2025-07-01", "basis": BASIS})
    assert "Quận Lê Chân: giải thể ngày 01/07/2025; số cá nhân" in text and "số tài khoản 1 → 0" in text
    assert "Quận Hồng Bàng: số cá nhân" in text
    assert User.objects.get(username="demo_staff_b").unit.code == "quan-hong-bang"
    assert Person.objects.filter(unit__code="quan-hong-bang").count() >= persons
    # a dissolution
    _both(officer_client, "quan-do-son", "giai-the", {"effective_on": "2025-07-01", "basis": BASIS})
    assert Unit.objects.get(code="quan-do-son").dissolved_on == dt.date(2025, 7, 1)
    events = UnitEvent.objects.filter(recorded_by=officer)
    assert {e.kind for e in events} == {UnitEventKind.RECLASSIFY, UnitEventKind.RENAME, UnitEventKind.ESTABLISH,
                                        UnitEventKind.REPARENT, UnitEventKind.MERGE, UnitEventKind.DISSOLVE}
    assert all(e.basis for e in events)
    # a dissolved unit says when, offers no change, and is not offered for new records
    page = officer_client.get(reverse("organisation:unit_detail", args=["quan-do-son"])).content.decode()
    assert "01/07/2025" in page and reverse("organisation:unit_change", args=["quan-do-son", "doi-ten"]) not in page
    assert officer_client.get(reverse("organisation:unit_change", args=["quan-do-son", "doi-ten"])).status_code == 404
    form = officer_client.get(reverse("organisation:person_create")).content.decode()
    assert "Quận Đồ Sơn" not in form
    # a 2023 page still names the units as they were
    InspectionVisit.objects.create(unit=thuy_nguyen, kind=VisitKind.INSPECTION, visited_on=dt.date(2023, 9, 12),
                                   team="Đoàn", findings="x", assessment=Assessment.PASSIVE)
    visits = officer_client.get(reverse("campaigns:inspection_list"), {"year": 2023}).content.decode()
    assert "Huyện Thủy Nguyên – 12/09/2023" in visits


def test_a_change_that_cannot_be_made_is_explained_and_nothing_is_kept(officer_client):
    events = UnitEvent.objects.count()
    # a date before the unit's current state began
    response = _change(officer_client, "huyen-an-lao", "doi-ten",
                       {"name": "Thị xã An Lão", "effective_on": "1990-01-01", "basis": BASIS}, confirm=False)
    assert response.status_code == 200 and "sau ngày" in response.content.decode()
    # a district with active sub-units cannot be dissolved before they move
    _change(officer_client, None, "thanh-lap", {"name": "Xã An Lão", "kind": UnitKind.COMMUNE, "sector": "state",
                                               "level": UnitLevel.COMMUNE, "effective_on": "2025-07-01",
                                               "basis": BASIS, "parent": Unit.objects.get(code="huyen-an-lao").pk},
            confirm=True)
    response = _change(officer_client, "huyen-an-lao", "giai-the", {"effective_on": "2025-07-01", "basis": BASIS},
                       confirm=True)
    assert response.status_code == 200 and "đơn vị trực thuộc" in response.content.decode()
    assert Unit.objects.get(code="huyen-an-lao").dissolved_on is None
    # no basis, no change
    response = _change(officer_client, "huyen-an-lao", "doi-ten", {"name": "X", "effective_on": "2025-07-01"},
                       confirm=True)
    assert response.status_code == 200 and UnitEvent.objects.count() == events + 1  # only the new commune


@pytest.mark.parametrize("client_name", ["staff_client", "leader_client", "council_client"])
def test_only_the_board_records_changes(db, request, client_name):
    client = request.getfixturevalue(client_name)
    events = UnitEvent.objects.count()
    assert client.get(reverse("organisation:unit_change", args=["quan-do-son", "giai-the"])).status_code == 403
    response = _change(client, "quan-do-son", "giai-the", {"effective_on": "2025-07-01", "basis": BASIS},
                       confirm=True)
    assert response.status_code == 403 and UnitEvent.objects.count() == events
    page = client.get(reverse("organisation:unit_list")).content.decode()
    assert reverse("organisation:unit_establish") not in page


def test_a_merge_that_would_put_one_person_twice_on_a_staff_says_why(officer_client):
    le_chan = Unit.objects.get(code="quan-le-chan")
    for code in ("quan-le-chan", "quan-hong-bang"):  # the same person on both staffs (person_once_on_a_staff)
        Person.objects.create(full_name="Vũ Văn Trùng", birth_date=dt.date(1980, 5, 1), sex="male",
                              category="civil_servant", unit=Unit.objects.get(code=code))
    response = _change(officer_client, "quan-hong-bang", "sap-nhap",
                       {"sources": [le_chan.pk], "effective_on": "2025-07-01", "basis": BASIS}, confirm=True)
    assert response.status_code == 200
    assert "cùng một người trong danh sách cán bộ (trùng họ tên và ngày sinh)" in response.content.decode()
    assert Unit.objects.get(code="quan-le-chan").dissolved_on is None
