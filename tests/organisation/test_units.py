"""Units keep their history through renames, moves and merges (2025 two-tier reform)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from organisation import services
from organisation.models import Person, PersonCategory, Sex, Unit, UnitEventKind, UnitKind, UnitLevel

D = dt.date
REFORM = D(2025, 7, 1)


@pytest.fixture
def ward(db, unit):
    district = unit("quan-le-chan")
    ward = services.create_unit(
        code="phuong-an-bien", name="Phường An Biên", kind=UnitKind.WARD, level=UnitLevel.COMMUNE,
        parent=district, established_on=D(2023, 1, 1),
    )
    return ward


def test_rename_keeps_the_old_name_for_earlier_dates(unit):
    dept = unit("so-ke-hoach-dau-tu")
    services.rename_unit(dept, name="Sở Tài chính (hợp nhất)", effective_on=D(2025, 3, 1), basis="NQ 2025")
    dept.refresh_from_db()
    assert dept.name == "Sở Tài chính (hợp nhất)"
    assert dept.version_on(D(2023, 6, 30)).name == "Sở Kế hoạch và Đầu tư"
    assert dept.version_on(D(2025, 3, 1)).name == "Sở Tài chính (hợp nhất)"
    assert dept.versions.filter(valid_to__isnull=True).count() == 1


def test_move_updates_the_subtree_and_keeps_the_old_parent(unit, ward):
    district, city = unit("quan-le-chan"), unit("ubnd-hai-phong")
    services.move_unit(ward, parent=city, effective_on=REFORM, basis="Nghị quyết sắp xếp ĐVHC 2025")
    ward.refresh_from_db()
    assert ward.parent == city
    assert ward.path == f"{city.path}{ward.pk}/"
    assert ward.version_on(D(2024, 1, 1)).parent == district
    assert ward.version_on(REFORM).parent == city
    assert ward not in Unit.objects.subtree_of(district)


def test_moving_a_parent_moves_its_children_paths(unit, ward):
    district = unit("quan-le-chan")
    assoc = unit("hoi-nong-dan")
    services.move_unit(district, parent=assoc, effective_on=D(2024, 1, 1))
    ward.refresh_from_db()
    assert ward.path.startswith(unit("quan-le-chan").path)
    assert ward.path.startswith(assoc.path)


def test_merge_dissolves_sources_and_moves_people_and_children(unit, ward):
    district_a, district_b = unit("quan-le-chan"), unit("quan-ngo-quyen")
    person = Person.objects.create(
        full_name="Đỗ Thị Lan", sex=Sex.FEMALE, unit=district_a, category=PersonCategory.CIVIL_SERVANT
    )
    event = services.merge_units([district_a], into=district_b, effective_on=REFORM, basis="NQ 1669/NQ-UBTVQH15")
    district_a.refresh_from_db()
    ward.refresh_from_db()
    person.refresh_from_db()
    assert event.kind == UnitEventKind.MERGE
    assert district_a.dissolved_on == REFORM
    assert not district_a.versions.filter(valid_to__isnull=True).exists()
    assert ward.parent == district_b and ward.version_on(D(2024, 12, 31)).parent == district_a
    assert person.unit == district_b
    assert person.history.count() == 2  # the move is in the person's audit history
    assert district_a not in Unit.objects.active_on(REFORM)
    assert district_a in Unit.objects.active_on(D(2023, 5, 1))


def test_tree_on_a_date_shows_the_structure_then(unit, ward):
    services.merge_units([unit("quan-le-chan")], into=unit("quan-ngo-quyen"), effective_on=REFORM)
    before = {v.unit.code: v for v in services.tree_on(D(2023, 12, 31))}
    after = {v.unit.code: v for v in services.tree_on(D(2025, 12, 31))}
    assert "quan-le-chan" in before and "quan-le-chan" not in after
    assert before["phuong-an-bien"].parent.code == "quan-le-chan"
    assert after["phuong-an-bien"].parent.code == "quan-ngo-quyen"


def test_change_before_current_state_is_refused(unit):
    with pytest.raises(ValidationError):
        services.rename_unit(unit("so-y-te"), name="X", effective_on=D(2022, 1, 1))


def test_unit_cannot_move_under_its_own_subtree(unit, ward):
    with pytest.raises(ValidationError):
        services.move_unit(unit("quan-le-chan"), parent=ward, effective_on=D(2024, 1, 1))


def test_dissolved_unit_cannot_change(unit):
    services.merge_units([unit("quan-do-son")], into=unit("quan-kien-an"), effective_on=REFORM)
    with pytest.raises(ValidationError):
        services.rename_unit(unit("quan-do-son"), name="Y", effective_on=D(2026, 1, 1))
