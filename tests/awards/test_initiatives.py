"""The initiative ledger through the web: units record their staff's initiatives, scoped like everything else."""

import datetime as dt

from django.urls import reverse

from awards.models import Initiative
from organisation.models import Person, Unit

URL = reverse("awards:initiative_list")


def _person(name, unit_code):
    return Person.objects.create(full_name=name, sex="male", unit=Unit.objects.get(code=unit_code),
                                 category="civil_servant")


def _post(client, **overrides):
    data = {"title": "Phần mềm quản lý hồ sơ khen thưởng", "authors": "", "level": "grassroots",
            "recognised_by": "Quyết định số 15/QĐ-HĐSK", "recognised_on": "2024-03-01"}
    data.update(overrides)
    return client.post(URL, data, follow=True)


def test_staff_record_an_initiative_for_their_own_staff(staff_client, officer_client):
    own, colleague = _person("Hồ Văn Lực", "so-ke-hoach-dau-tu"), _person("Lê Thị Sáng", "so-ke-hoach-dau-tu")
    response = _post(staff_client, authors=f"{own.pk}, {colleague.pk}")
    assert "Đã ghi nhận sáng kiến" in response.content.decode()
    initiative = Initiative.objects.get()
    assert set(initiative.authors.all()) == {own, colleague}
    assert initiative.recognised_on == dt.date(2024, 3, 1) and initiative.consumed_by is None
    assert Initiative.history.filter(id=initiative.pk).first().history_user.username == "demo_staff"  # audited
    page = staff_client.get(URL).content.decode()
    assert "Phần mềm quản lý hồ sơ khen thưởng" in page and "Hồ Văn Lực" in page
    assert "Phần mềm quản lý hồ sơ khen thưởng" in officer_client.get(URL).content.decode()  # the Board sees all


def test_another_units_person_or_bad_input_saves_nothing(staff_client, staff_b_client):
    other = _person("Đinh Thị Mơ", "quan-le-chan")
    own = _person("Hồ Văn Lực", "so-ke-hoach-dau-tu")
    body = _post(staff_client, authors=str(other.pk)).content.decode()
    assert f"Không có cá nhân nào của đơn vị bạn mang mã {other.pk}" in body
    body = _post(staff_client, authors="abc").content.decode()
    assert "Mã cá nhân là số nguyên" in body
    body = _post(staff_client, authors=str(own.pk), recognised_on="2099-01-01").content.decode()
    assert "không thể ở tương lai" in body
    assert 'value="Phần mềm quản lý hồ sơ khen thưởng"' in body  # the input is kept
    assert not Initiative.objects.exists()
    # Another unit's staff do not see this unit's initiatives.
    _post(staff_client, authors=str(own.pk))
    assert Initiative.objects.count() == 1
    assert "Phần mềm quản lý hồ sơ khen thưởng" not in staff_b_client.get(URL).content.decode()


def test_leadership_reads_but_cannot_record(leader_client):
    assert leader_client.get(URL).status_code == 200
    assert 'name="title"' not in leader_client.get(URL).content.decode()
    assert leader_client.post(URL, {"title": "x"}).status_code == 403
