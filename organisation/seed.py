"""Hải Phòng's organisation as it stood in 2023, the roles, and the demo accounts.

The tree is data: each row is (code, name, kind, level, parent code, sector).
Seeding is idempotent: units are matched by code, so running it twice leaves
the same rows; later changes (renames, the 2025 two-tier reform) are recorded
through organisation.services and are not undone by re-seeding.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group
from django.db import transaction

from . import services
from .models import (
    Cluster,
    ClusterKind,
    ClusterMembership,
    Person,
    PersonCategory,
    Sector,
    Sex,
    Unit,
    UnitKind,
    UnitLevel,
    User,
)
from .roles import Role

# The date from which the seeded structure is recorded (start of the directive's year).
SEED_FROM = dt.date(2023, 1, 1)
K, L, S = UnitKind, UnitLevel, Sector
CITY = "ubnd-hai-phong"

UNITS_2023 = [
    (CITY, "Ủy ban nhân dân thành phố Hải Phòng", K.PEOPLES_COMMITTEE, L.CITY, None, S.STATE),
    ("hdnd-hai-phong", "Hội đồng nhân dân thành phố Hải Phòng", K.ELECTED_BODY, L.CITY, None, S.ELECTED),
    ("van-phong-ubnd", "Văn phòng Ủy ban nhân dân thành phố", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("cong-thong-tin-dien-tu", "Cổng Thông tin điện tử thành phố Hải Phòng", K.PRESS, L.CITY, "van-phong-ubnd", S.STATE),
    ("so-noi-vu", "Sở Nội vụ", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("ban-thi-dua-khen-thuong", "Ban Thi đua - Khen thưởng", K.BOARD, L.CITY, "so-noi-vu", S.STATE),
    ("so-tu-phap", "Sở Tư pháp", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-tai-chinh", "Sở Tài chính", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-cong-thuong", "Sở Công Thương", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-xay-dung", "Sở Xây dựng", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-lao-dong-tbxh", "Sở Lao động - Thương binh và Xã hội", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-van-hoa-the-thao", "Sở Văn hóa và Thể thao", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-du-lich", "Sở Du lịch", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-y-te", "Sở Y tế", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("so-ngoai-vu", "Sở Ngoại vụ", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("thanh-tra-thanh-pho", "Thanh tra thành phố", K.DEPARTMENT, L.CITY, CITY, S.STATE),
    ("ban-quan-ly-khu-kinh-te", "Ban Quản lý Khu kinh tế Hải Phòng", K.BOARD, L.CITY, CITY, S.STATE),
    ("bao-hai-phong", "Báo Hải Phòng", K.PRESS, L.CITY, CITY, S.STATE),
    ("dai-phat-thanh-truyen-hinh", "Đài Phát thanh và Truyền hình Hải Phòng", K.PRESS, L.CITY, CITY, S.STATE),
    ("cuc-thong-ke", "Cục Thống kê thành phố Hải Phòng", K.CENTRAL_AGENCY, L.CITY, None, S.STATE),
    ("cuc-thue", "Cục Thuế thành phố Hải Phòng", K.CENTRAL_AGENCY, L.CITY, None, S.STATE),
    ("cuc-hai-quan", "Cục Hải quan thành phố Hải Phòng", K.CENTRAL_AGENCY, L.CITY, None, S.STATE),
    ("ubmttq-thanh-pho", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hải Phòng", K.MASS_ORGANISATION, L.CITY, None,
     S.POLITICAL_SOCIAL),
    ("lien-doan-lao-dong", "Liên đoàn Lao động thành phố Hải Phòng", K.MASS_ORGANISATION, L.CITY, None,
     S.POLITICAL_SOCIAL),
    ("thanh-doan", "Thành đoàn Hải Phòng", K.MASS_ORGANISATION, L.CITY, None, S.POLITICAL_SOCIAL),
    ("hoi-lien-hiep-phu-nu", "Hội Liên hiệp Phụ nữ thành phố Hải Phòng", K.MASS_ORGANISATION, L.CITY, None,
     S.POLITICAL_SOCIAL),
    ("hoi-nong-dan", "Hội Nông dân thành phố Hải Phòng", K.MASS_ORGANISATION, L.CITY, None, S.POLITICAL_SOCIAL),
    ("hoi-cuu-chien-binh", "Hội Cựu chiến binh thành phố Hải Phòng", K.MASS_ORGANISATION, L.CITY, None,
     S.POLITICAL_SOCIAL),
    # 7 urban districts (quận) and 8 rural districts (huyện) in 2023.
    ("quan-hong-bang", "Quận Hồng Bàng", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-ngo-quyen", "Quận Ngô Quyền", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-le-chan", "Quận Lê Chân", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-hai-an", "Quận Hải An", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-kien-an", "Quận Kiến An", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-do-son", "Quận Đồ Sơn", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("quan-duong-kinh", "Quận Dương Kinh", K.URBAN_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-thuy-nguyen", "Huyện Thủy Nguyên", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-an-duong", "Huyện An Dương", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-an-lao", "Huyện An Lão", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-kien-thuy", "Huyện Kiến Thụy", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-tien-lang", "Huyện Tiên Lãng", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-vinh-bao", "Huyện Vĩnh Bảo", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-cat-hai", "Huyện Cát Hải", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    ("huyen-bach-long-vi", "Huyện Bạch Long Vĩ", K.RURAL_DISTRICT, L.DISTRICT, CITY, S.STATE),
    # The other members of the cluster of the five centrally-run cities.
    ("tp-ha-noi", "Thành phố Hà Nội", K.PROVINCE, L.CITY, None, S.STATE),
    ("tp-ho-chi-minh", "Thành phố Hồ Chí Minh", K.PROVINCE, L.CITY, None, S.STATE),
    ("tp-da-nang", "Thành phố Đà Nẵng", K.PROVINCE, L.CITY, None, S.STATE),
    ("tp-can-tho", "Thành phố Cần Thơ", K.PROVINCE, L.CITY, None, S.STATE),
]

FIVE_CITIES_CLUSTER = ("cum-5-thanh-pho", "Cụm thi đua 5 thành phố trực thuộc Trung ương")
FIVE_CITIES = [CITY, "tp-ha-noi", "tp-ho-chi-minh", "tp-da-nang", "tp-can-tho"]

ROLE_LABELS = dict(Role.choices)

DEMO_PASSWORD = "ThiDua@2023"
# username, role, unit code, full name, sex, position
DEMO_ACCOUNTS = [
    ("demo_staff", Role.UNIT_STAFF, "so-ke-hoach-dau-tu", "Nguyễn Thị Thu Hà", Sex.FEMALE, "Chuyên viên"),
    ("demo_staff_b", Role.UNIT_STAFF, "quan-le-chan", "Trần Văn Bình", Sex.MALE, "Chuyên viên"),
    ("demo_officer", Role.BOARD_OFFICER, "ban-thi-dua-khen-thuong", "Phạm Minh Đức", Sex.MALE, "Chuyên viên Ban TĐKT"),
    ("demo_council", Role.COUNCIL_MEMBER, "so-noi-vu", "Lê Thị Hồng Nhung", Sex.FEMALE, "Thành viên Hội đồng TĐKT"),
    ("demo_leader", Role.LEADER, CITY, "Hoàng Văn Toàn", Sex.MALE, "Phó Chủ tịch UBND thành phố"),
    ("demo_admin", Role.ADMINISTRATOR, "ban-thi-dua-khen-thuong", "Vũ Quang Huy", Sex.MALE, "Quản trị hệ thống"),
    # Separation of duties (issue 32): the Chairman signs the decisions, the records clerk seals them.
    ("demo_signer", Role.SIGNER, CITY, "Nguyễn Văn Tùng", Sex.MALE, "Chủ tịch UBND thành phố"),
    ("demo_clerk", Role.RECORDS_CLERK, "van-phong-ubnd", "Đỗ Thị Lan", Sex.FEMALE, "Văn thư Văn phòng UBND thành phố"),
]


def ensure_roles() -> list[Group]:
    return [Group.objects.get_or_create(name=code)[0] for code in Role.values]


@transaction.atomic
def seed_units() -> int:
    by_code = {u.code: u for u in Unit.objects.filter(code__in=[row[0] for row in UNITS_2023])}
    for code, name, kind, level, parent_code, sector in UNITS_2023:
        if code in by_code:
            continue  # present already: its later history is kept as recorded
        by_code[code] = services.create_unit(
            code=code,
            name=name,
            kind=kind,
            level=level,
            sector=sector,
            parent=by_code[parent_code] if parent_code else None,
            recorded_from=SEED_FROM,
            basis="Cơ cấu tổ chức năm 2023 theo Chỉ thị 01/CT-UBND (dữ liệu khởi tạo)",
        )
    cluster, _ = Cluster.objects.update_or_create(
        code=FIVE_CITIES_CLUSTER[0],
        defaults={"name": FIVE_CITIES_CLUSTER[1], "kind": ClusterKind.CLUSTER, "level": UnitLevel.CENTRAL},
    )
    for code in FIVE_CITIES:
        ClusterMembership.objects.get_or_create(cluster=cluster, unit=by_code[code], year=2023)
    return len(by_code)


@transaction.atomic
def create_demo_accounts(password: str = DEMO_PASSWORD) -> list[str]:
    groups = {g.name: g for g in ensure_roles()}
    names = []
    for username, role, unit_code, full_name, sex, position in DEMO_ACCOUNTS:
        unit = Unit.objects.get(code=unit_code)
        person, _ = Person.objects.get_or_create(
            full_name=full_name,
            unit=unit,
            defaults={"sex": sex, "position": position, "category": PersonCategory.CIVIL_SERVANT},
        )
        last, _, first = full_name.rpartition(" ")
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.invalid"
        user.unit, user.person = unit, person
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
        user.groups.set([groups[role]])
        names.append(username)
    return names
