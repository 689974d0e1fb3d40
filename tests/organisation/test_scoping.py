"""Role scoping through the real URLs: staff see their own unit's subtree only."""

import pytest
from django.urls import reverse

from organisation.models import Person, PersonCategory, Sex


@pytest.fixture
def people(unit):
    Person.objects.create(full_name="Nguyễn Văn An", sex=Sex.MALE, unit=unit("so-ke-hoach-dau-tu"),
                          category=PersonCategory.CIVIL_SERVANT)
    Person.objects.create(full_name="Nguyễn Văn Ánh", sex=Sex.MALE, unit=unit("quan-le-chan"),
                          category=PersonCategory.CIVIL_SERVANT)


PROTECTED = ["home", "organisation:unit_list", "organisation:person_list", "password_change"]


@pytest.mark.parametrize("name", PROTECTED)
def test_anonymous_is_sent_to_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_unit_detail_requires_login(client, db):
    response = client.get(reverse("organisation:unit_detail", args=["so-y-te"]))
    assert response.status_code == 302


def test_staff_sees_only_own_unit(staff_client):
    response = staff_client.get(reverse("organisation:unit_list"))
    names = [u.name for u in response.context["page"]]
    assert names == ["Sở Kế hoạch và Đầu tư"]


def test_staff_cannot_open_another_units_page(staff_client):
    assert staff_client.get(reverse("organisation:unit_detail", args=["quan-le-chan"])).status_code == 404
    assert staff_client.get(reverse("organisation:unit_detail", args=["so-ke-hoach-dau-tu"])).status_code == 200


def test_staff_of_parent_sees_children(client, unit, db):
    from organisation.models import User

    user = User.objects.get(username="demo_staff")
    user.unit = unit("so-noi-vu")
    user.save()
    client.force_login(user)
    names = {u.name for u in client.get(reverse("organisation:unit_list")).context["page"]}
    assert names == {"Sở Nội vụ", "Ban Thi đua - Khen thưởng"}


@pytest.mark.parametrize("fixture", ["officer_client", "leader_client", "council_client", "admin_client_demo"])
def test_city_wide_roles_see_every_unit(request, db, fixture):
    client = request.getfixturevalue(fixture)
    response = client.get(reverse("organisation:unit_list") + "?q=le chan")
    assert [u.name for u in response.context["page"]] == ["Quận Lê Chân"]


def test_person_search_without_diacritics_finds_accented_names(people, officer_client):
    url = reverse("organisation:person_list") + "?q=nguyen van a"
    found = {p.full_name for p in officer_client.get(url).context["page"]}
    assert {"Nguyễn Văn An", "Nguyễn Văn Ánh"} <= found


def test_person_search_staff_sees_own_unit_only(people, client, db):
    from organisation.models import User

    client.force_login(User.objects.get(username="demo_staff"))
    url = reverse("organisation:person_list") + "?q=nguyen van"
    found = {p.full_name for p in client.get(url).context["page"]}
    assert "Nguyễn Văn An" in found and "Nguyễn Văn Ánh" not in found


def test_unit_list_query_count_is_flat(officer_client, django_assert_max_num_queries, unit):
    import datetime as dt

    from organisation import services

    url = reverse("organisation:unit_list")
    with django_assert_max_num_queries(12) as before:
        officer_client.get(url)
    for i in range(40):
        services.create_unit(code=f"xa-{i}", name=f"Xã thử {i}", kind="commune", level="commune",
                             parent=unit("huyen-vinh-bao"), established_on=dt.date(2023, 1, 1))
    with django_assert_max_num_queries(len(before.captured_queries)):
        officer_client.get(url)


def test_unit_status_filter(officer_client, unit):
    import datetime as dt

    from organisation import services

    services.merge_units([unit("quan-do-son")], into=unit("quan-kien-an"), effective_on=dt.date(2025, 7, 1))
    url = reverse("organisation:unit_list")
    dissolved = [u.code for u in officer_client.get(url + "?status=dissolved").context["page"]]
    active = [u.code for u in officer_client.get(url + "?status=active&q=quan").context["page"]]
    assert dissolved == ["quan-do-son"]
    assert "quan-do-son" not in active and "quan-kien-an" in active
