"""Bounded imports written in bulk, and large ones in a Celery worker with a progress page (issue 17, item 2)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import TaskRating
from core.models import ImportJob, ImportStatus
from organisation.models import Person, PersonCategory, Sex, Unit

pytestmark = pytest.mark.django_db


def _workbook(rows, header=("Mã cá nhân", "Họ và tên", "Đơn vị", "Năm", "Xếp loại")):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("xep-loai.xlsx", buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _persons(n):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    Person.objects.bulk_create([Person(full_name=f"Cán bộ {i}", search_name=f"can bo {i}", sex=Sex.MALE, unit=unit,
                                       category=PersonCategory.CIVIL_SERVANT) for i in range(n)])
    return list(Person.objects.filter(unit=unit, full_name__startswith="Cán bộ ").values_list("pk", flat=True))


def test_a_large_ratings_sheet_runs_in_the_worker_with_its_progress_page(officer_client, staff_b_client,
                                                                         django_capture_on_commit_callbacks):
    ids = _persons(1200)
    with django_capture_on_commit_callbacks() as queued:
        response = officer_client.post(reverse("awards:ratings_import"), {
            "upload": _workbook([(pk, "x", "y", 2024, "HTXSNV") for pk in ids])})
    job = ImportJob.objects.get()
    pending = officer_client.get(response["Location"]).content.decode()
    assert "hx-get" in pending and "<progress" in pending  # before the worker ran: the page polls
    for callback in queued:
        callback()  # the worker's turn (the test settings run the task in-process)
    assert response.status_code == 302 and response["Location"] == reverse("import_job", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.imported, job.rows_total) == (ImportStatus.DONE, 1200, 1200)
    assert TaskRating.objects.filter(person_id__in=ids, year=2024, rating="HTXSNV").count() == 1200
    assert TaskRating.history.filter(person_id__in=ids).count() == 1200  # each row keeps its history
    page = officer_client.get(response["Location"]).content.decode()
    assert "1.200" in page
    assert staff_b_client.get(response["Location"]).status_code == 404  # only its owner sees it


def test_bulk_writes_take_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    from awards.ratings import import_ratings
    from organisation.models import User

    officer = User.objects.get(username="demo_officer")
    small, large = _persons(900)[:10], None
    with django_assert_max_num_queries(30) as few:
        import_ratings(officer, _workbook([(pk, "", "", 2023, "HTTNV") for pk in small]))
    large = list(Person.objects.filter(full_name__startswith="Cán bộ ").values_list("pk", flat=True))
    with django_assert_max_num_queries(len(few.captured_queries) + 5):
        count, errors = import_ratings(officer, _workbook([(pk, "", "", 2023, "HTXSNV") for pk in large]))
    assert (count, errors) == (900, [])


def test_ratings_rows_with_unknown_people_or_impossible_years_are_row_errors(officer_client):
    ids = _persons(2)
    response = officer_client.post(reverse("awards:ratings_import"), {"upload": _workbook([
        (ids[0], "", "", 99999, "HTNV"), (987654321, "", "", 2024, "HTNV"), ("²", "", "", 2024, "HTNV"),
        (ids[1], "", "", "1e30", "HTNV")])})
    assert response.status_code == 200
    page = response.content.decode()
    assert "99999" in page and "987654321" in page
    assert not TaskRating.objects.filter(person_id__in=ids).exists()  # all or nothing


def test_a_large_sheet_with_a_wrong_row_imports_nothing_and_lists_the_row(officer_client,
                                                                          django_capture_on_commit_callbacks):
    ids = _persons(1100)
    rows = [(pk, "", "", 2024, "HTNV") for pk in ids]
    rows[700] = (ids[700], "", "", 2024, "GIOI")
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("awards:ratings_import"), {"upload": _workbook(rows)})
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED and job.imported == 0
    assert job.errors[0][0] == 702  # the sheet's row number (header is row 1)
    assert "GIOI" in officer_client.get(response["Location"]).content.decode()
    assert not TaskRating.objects.filter(person_id__in=ids).exists()


def test_an_import_whose_worker_died_is_run_again_by_the_sweep(officer_client, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    from core.import_jobs import sweep_stuck

    ids = _persons(1050)
    with django_capture_on_commit_callbacks():  # the worker never runs: it "died" after taking the job
        officer_client.post(reverse("awards:ratings_import"), {
            "upload": _workbook([(pk, "", "", 2024, "HTTNV") for pk in ids])})
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING,
                                               started_at=timezone.now() - dt.timedelta(minutes=11))
    assert sweep_stuck(now=timezone.now() - dt.timedelta(minutes=20)) == 0  # not yet stale then
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_stuck() == 1
    job.refresh_from_db()
    assert (job.status, job.imported) == (ImportStatus.DONE, 1050)  # exactly once: all the rows, no duplicates
    assert TaskRating.objects.filter(person_id__in=ids, year=2024).count() == 1050
    assert sweep_stuck() == 0


def test_a_queued_nominee_list_shows_the_rows_read_then_the_rows_checked_and_saved(
        staff_client, settings, monkeypatch, django_capture_on_commit_callbacks):
    """The progress page of a large nominee list counts the rows read, then the nominees checked and saved (each one
    judged by the eligibility engine: the longer part), so the bar is not full while most of the work is left."""
    from core import import_jobs

    from ..awards.test_nominee_import_facts import _filled, _row
    from ..legal.test_law_facts import _civil_servant, _dossier

    settings.IMPORT_ASYNC_ROWS = 5  # "large" from six rows on
    monkeypatch.setattr(import_jobs, "PROGRESS_EVERY", 2)
    submission = _dossier(staff_client, 2025)
    people = [_civil_servant(f"Cán bộ số {i}") for i in range(6)]
    upload = _filled(staff_client, [_row(person, summary=f"Thành tích {i}") for i, person in enumerate(people)])
    pages, counter = [], import_jobs.progress_counter

    def watched(job_id):  # the page, polled as the browser polls it, each time the worker counts
        report = counter(job_id)

        def progress(rows, saved=False):
            report(rows, saved=saved)
            pages.append(staff_client.get(reverse("import_job", args=[job_id]), HTTP_HX_REQUEST="true")
                         .content.decode())

        return progress

    monkeypatch.setattr(import_jobs, "progress_counter", watched)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("awards:import_upload", args=[submission.pk]), {"upload": upload})
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("import_job", args=[job.pk])
    assert (job.status, job.imported, job.rows_total) == (ImportStatus.DONE, 6, 6)
    assert submission.nominees.count() == 6
    reading = [page for page in pages if "Đã đọc 4/6 dòng" in page]
    saving = [page for page in pages if "đã kiểm tra và lưu 4/6 dòng" in page]
    assert reading and 'value="66"' in reading[0]  # 4 of 6 rows read
    assert saving and 'value="66"' in saving[0]  # then 4 of 6 nominees checked and saved
    assert pages.index(reading[0]) < pages.index(saving[0])
    assert "hx-get" not in staff_client.get(response["Location"]).content.decode()  # done: the page stops polling
