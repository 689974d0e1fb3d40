"""seed_directive loads the 2023 structure and the directive's documents, idempotently."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from legal.models import LegalDocument
from organisation.models import Cluster, Unit, UnitKind, UnitVersion
from organisation.roles import Role


def _snapshot():
    return {
        "units": sorted(Unit.objects.values_list("id", "code", "name", "parent_id", "path")),
        "versions": UnitVersion.objects.count(),
        "documents": sorted(LegalDocument.objects.values_list("id", "number", "issued_on")),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "periodic": PeriodicTask.objects.count(),
    }


def test_seed_twice_gives_the_same_data(db):
    before = _snapshot()
    call_command("seed_directive", verbosity=0)
    call_command("seed_directive", verbosity=0)
    assert _snapshot() == before


def test_seed_has_the_2023_districts(db):
    urban = set(Unit.objects.filter(kind=UnitKind.URBAN_DISTRICT).values_list("name", flat=True))
    rural = set(Unit.objects.filter(kind=UnitKind.RURAL_DISTRICT).values_list("name", flat=True))
    assert urban == {
        "Quận Hồng Bàng", "Quận Ngô Quyền", "Quận Lê Chân", "Quận Hải An",
        "Quận Kiến An", "Quận Đồ Sơn", "Quận Dương Kinh",
    }
    assert rural == {
        "Huyện Thủy Nguyên", "Huyện An Dương", "Huyện An Lão", "Huyện Kiến Thụy",
        "Huyện Tiên Lãng", "Huyện Vĩnh Bảo", "Huyện Cát Hải", "Huyện Bạch Long Vĩ",
    }


def test_seed_has_the_bodies_the_directive_names(db):
    board = Unit.objects.get(name="Ban Thi đua - Khen thưởng")
    assert board.parent.name == "Sở Nội vụ"
    for name in (
        "Sở Thông tin và Truyền thông",
        "Báo Hải Phòng",
        "Đài Phát thanh và Truyền hình Hải Phòng",
        "Cổng Thông tin điện tử thành phố Hải Phòng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hải Phòng",
        "Văn phòng Ủy ban nhân dân thành phố",
    ):
        assert Unit.objects.filter(name=name).exists(), name


def test_seed_has_the_five_cities_cluster(db):
    cluster = Cluster.objects.get(name="Cụm thi đua 5 thành phố trực thuộc Trung ương")
    members = set(cluster.memberships.filter(year=2023).values_list("unit__name", flat=True))
    assert members == {
        "Ủy ban nhân dân thành phố Hải Phòng", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh",
        "Thành phố Đà Nẵng", "Thành phố Cần Thơ",
    }


def test_seed_has_every_document_the_directive_cites(db):
    cited = {
        ("01/CT-UBND", dt.date(2023, 1, 4)), ("34-CT/TW", dt.date(2014, 4, 7)),
        ("05-CT/TW", dt.date(2016, 5, 15)), ("19/CT-TTg", dt.date(2021, 7, 16)),
        ("16/KH-HĐTĐKT", dt.date(2021, 8, 31)), ("298/KH-UBND", dt.date(2020, 12, 29)),
        ("45-NQ/TW", dt.date(2019, 1, 24)), ("80/NQ-HĐND", dt.date(2022, 12, 9)),
        ("03-NQ/TU", dt.date(2021, 10, 26)), ("06/2022/QH15", dt.date(2022, 6, 15)),
    }
    # Besides them, only the laws and decrees the portal's own documents cite ("Căn cứ", legal.bases_seed).
    cited_by_documents = set(LegalDocument.objects.filter(citations__isnull=False).values_list("number", "issued_on"))
    assert set(LegalDocument.objects.values_list("number", "issued_on")) == cited | cited_by_documents
    assert cited_by_documents - cited == {
        ("77/2015/QH13", dt.date(2015, 6, 19)), ("72/2025/QH15", dt.date(2025, 6, 16)),
        ("98/2023/NĐ-CP", dt.date(2023, 12, 31)), ("152/2025/NĐ-CP", dt.date(2025, 6, 14))}
    law = LegalDocument.objects.get(number="06/2022/QH15")
    assert law.effective_from == dt.date(2024, 1, 1)


def test_roles_exist_as_groups(db):
    assert set(Role.values) <= set(Group.objects.values_list("name", flat=True))
