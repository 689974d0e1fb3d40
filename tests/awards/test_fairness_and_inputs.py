"""Fairness statistics match counts computed directly in SQL; ratings from Excel; special categories."""

import io

from django.db import connection
from django.urls import reverse

from awards import fairness
from awards.models import Nominee, Status, Submission, TaskRating
from organisation.models import Person, Unit

from ..awards_helpers import draft, to_state


def _sql(query, params):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0]


def test_shares_match_direct_sql(db):
    to_state(draft(names=("Nguyễn Thị Lan", "Trần Văn Nam", "Lê Thị Hoa")), Status.DECIDED)
    Person.objects.filter(full_name__in=["Nguyễn Thị Lan", "Lê Thị Hoa"]).update(sex="female")
    Person.objects.filter(full_name="Trần Văn Nam").update(is_direct_worker=True)
    shares = {s.dimension: s for s in fairness.shares(2023)}
    base = """FROM awards_nominee n JOIN awards_submission s ON s.id = n.submission_id
              LEFT JOIN organisation_person p ON p.id = n.person_id
              WHERE n.outcome = 'awarded' AND s.year = %s AND n.revoked_by_id IS NULL"""
    women = _sql(f"SELECT count(*) {base} AND n.subject = 'individual' AND p.sex = 'female'", [2023])
    individuals = _sql(f"SELECT count(*) {base} AND n.subject = 'individual'", [2023])
    direct = _sql(f"SELECT count(*) {base} AND n.subject = 'individual' AND p.is_direct_worker", [2023])
    assert (shares["women"].count, shares["women"].total) == (women, individuals) == (2, 3)
    assert shares["direct_workers"].count == direct == 1
    assert shares["non_state"].count == 0 and shares["non_state"].total == 3


def test_board_is_warned_when_a_dossier_lowers_a_share(officer_client):
    to_state(draft(names=("Nguyễn Thị Lan",)), Status.DECIDED)
    Person.objects.filter(full_name="Nguyễn Thị Lan").update(sex="female")
    submission = to_state(draft(names=("Trần Văn Nam", "Phạm Văn Tùng", "Vũ Văn Hải")), Status.SUBMITTED)
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "sẽ làm giảm tỷ lệ Nữ từ 100,0% xuống 25,0%" in page


def test_the_first_dossier_of_a_year_states_the_share_it_would_make(officer_client):
    """No award yet for the year: there is no "from" share, and the warning says what the share would be."""
    submission = to_state(draft(names=("Trần Văn Nam", "Phạm Văn Tùng")), Status.SUBMITTED)
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "tỷ lệ Nữ sẽ là 0,0%" in page and "từ %" not in page


def test_no_warning_for_a_drop_too_small_to_show():
    from decimal import Decimal

    from awards.fairness import Share, lowers_share

    target = Decimal(40)
    # 1,000 of 2,841 women (35,20%) → 1,000 of 2,842 (35,19%): both read 35,2% — no warning.
    assert not lowers_share(Share("women", 1000, 2841, target), Share("women", 1000, 2842, target))
    # 35,24% → 35,18%: a drop of 0,06 points that still shows as 35,2% twice — no warning either.
    assert not lowers_share(Share("women", 3524, 10000, target), Share("women", 3524, 10017, target))
    # 35,2% → 35,0%: a visible drop below the target is warned about.
    assert lowers_share(Share("women", 1000, 2841, target), Share("women", 1000, 2857, target))
    # Above the target, or no target: never.
    assert not lowers_share(Share("women", 50, 100, target), Share("women", 50, 110, target))
    assert not lowers_share(Share("women", 1, 10, None), Share("women", 1, 20, None))
    # First award of the year below the target: warned.
    assert lowers_share(Share("women", 0, 0, target), Share("women", 0, 3, target))


def test_fairness_page_permissions(officer_client, staff_client):
    assert officer_client.get(reverse("awards:fairness") + "?year=2023").status_code == 200
    assert staff_client.get(reverse("awards:fairness")).status_code == 403


def test_ratings_from_excel_only_for_the_units_own_staff(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook, load_workbook

    own = Person.objects.create(full_name="Hồ Văn Lực", sex="male", unit=Unit.objects.get(code="so-ke-hoach-dau-tu"),
                                category="civil_servant")
    other = Person.objects.create(full_name="Đinh Thị Mơ", sex="female", unit=Unit.objects.get(code="quan-le-chan"),
                                  category="civil_servant")
    template = load_workbook(io.BytesIO(staff_client.get(reverse("awards:ratings_import") + "?template=1&year=2024")
                                        .content)).active
    ids = [row[0] for row in template.iter_rows(min_row=2, values_only=True)]
    assert own.pk in ids and other.pk not in ids

    def workbook(rows):
        book = Workbook()
        book.active.append(["Mã", "Tên", "Đơn vị", "Năm", "Xếp loại"])
        for row in rows:
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return SimpleUploadedFile("xl.xlsx", buffer.getvalue())

    response = staff_client.post(reverse("awards:ratings_import"), {"upload": workbook(
        [[own.pk, "", "", 2024, "HTTNV"], [other.pk, "", "", 2024, "HTTNV"], [own.pk, "", "", 2023, "Tốt"]])})
    body = response.content.decode()
    assert "Dòng 3" in body and "không thuộc đơn vị của bạn" in body and "Dòng 4" in body
    assert not TaskRating.objects.exists()
    # Rows of the template left without a rating are skipped, not reported as errors.
    response = staff_client.post(reverse("awards:ratings_import"), {"upload": workbook(
        [[own.pk, "Hồ Văn Lực", "", 2024, "htxsnv"], [own.pk, "Hồ Văn Lực", "", 2025, ""],
         [own.pk, "Hồ Văn Lực", "", 2025, "  "]])}, follow=True)
    assert "Dòng" not in response.content.decode()
    assert TaskRating.objects.get(person=own, year=2024).rating == "HTXSNV"
    assert TaskRating.objects.filter(person=own).count() == 1


def test_special_category_queue(staff_client, officer_client):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    response = staff_client.post(reverse("awards:submission_create"), {
        "unit": unit.pk, "title": "Đề nghị truy tặng danh hiệu Bà mẹ Việt Nam anh hùng", "round_kind": "ad_hoc",
        "year": 2023, "commendation_type": "ad_hoc", "special_category": "heroic_mother"})
    submission = Submission.objects.get(special_category="heroic_mother")
    from legal.models import AwardType

    staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "name": "Cụ Nguyễn Thị Tư", "award_type": AwardType.objects.get(
            code="ba-me-viet-nam-anh-hung").pk, "achievement_summary": "Có 3 con là liệt sĩ", "is_posthumous": "on",
        "martyrs_count": "3"})
    nominee = Nominee.objects.get(submission=submission)
    assert nominee.is_posthumous and nominee.martyrs_count == 3
    staff_client.post(reverse("awards:submission_submit", args=[submission.pk]))
    page = officer_client.get(reverse("awards:special_queue") + "?category=heroic_mother")
    assert [s.pk for s in page.context["page"]] == [submission.pk]
    assert response.status_code == 302


def test_the_years_counts_are_kept_until_the_awards_or_staff_records_change(transactional_db):
    """The year's counts are cached (they scan every award of the year); a new decision or a corrected staff
    record counts again, so the page never shows the counts of before."""
    to_state(draft(names=("Nguyễn Thị Lan",)), Status.DECIDED)
    first = {s.dimension: s for s in fairness.shares(2023)}
    assert first["women"].total >= 1
    assert {s.dimension: s.count for s in fairness.shares(2023)} == {k: v.count for k, v in first.items()}
    to_state(draft(names=("Trần Văn Nam",)), Status.DECIDED)  # a new decision
    second = {s.dimension: s for s in fairness.shares(2023)}
    assert second["women"].total == first["women"].total + 1
    Person.objects.filter(full_name="Nguyễn Thị Lan").update(sex="female")  # a corrected staff record
    assert {s.dimension: s for s in fairness.shares(2023)}["women"].count == second["women"].count + 1
