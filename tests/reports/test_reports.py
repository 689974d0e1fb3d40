"""Reports: produced by Celery tasks, official layout, one per period, e-mailed, archived."""

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from awards.models import Status
from reports import periods
from reports.models import Report, ReportStatus, Subscriber
from reports.periods import month_bounds
from reports.services import request_report

from ..awards.test_awards_workflow import pdf_text
from ..workers import start_worker, stop, wait_for


def test_periods():
    assert periods.previous_period("monthly", dt.date(2023, 3, 1)) == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    assert periods.previous_period("monthly", dt.date(2024, 1, 15)) == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert periods.previous_period("quarterly", dt.date(2023, 4, 1)) == (dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    assert periods.previous_period("quarterly", dt.date(2023, 2, 1)) == (dt.date(2022, 10, 1), dt.date(2022, 12, 31))
    assert periods.previous_period("yearly_statistics", dt.date(2024, 1, 5)) == (
        dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_monthly_report_is_produced_emailed_and_replaced_on_rerun(db, django_capture_on_commit_callbacks):
    from targets.models import Actual, Target

    budget = Target.objects.get(indicator__code="budget-revenue", year=2023)
    Actual.objects.create(target=budget, period_kind="month", period=1, value=9000, source="Sở Tài chính")
    Subscriber.objects.create(name="Trưởng Ban TĐKT", email="truongban@example.invalid", kinds=["monthly"])
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 1, 1), dt.date(2023, 1, 31))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    assert report.number == 1 and report.code == "01/BC-BTĐKT"
    pdf = report.pdf.read()
    text = pdf_text(pdf) + pdf_text(pdf, layout=False)
    for phrase in ("SỞ NỘI VỤ HẢI PHÒNG", "BAN THI ĐUA - KHEN THƯỞNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "Số: 01/BC-BTĐKT", "BÁO CÁO", "tháng 01 năm 2023",
                   "CÁC PHONG TRÀO THI ĐUA", "Cả nước chung sức, xây dựng nông thôn mới", "CÔNG TÁC KHEN THƯỞNG",
                   "Thu ngân sách nhà nước trên địa bàn", "116.442,134 tỷ đồng", "9.000 tỷ đồng"):
        assert phrase in text, phrase
    assert mail.outbox[-1].to == ["truongban@example.invalid"]
    assert mail.outbox[-1].attachments[0][2] == "application/pdf"

    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", dt.date(2023, 1, 1), dt.date(2023, 1, 31))
    assert Report.objects.filter(kind="monthly").count() == 1
    report.refresh_from_db()
    assert report.attempts == 2 and report.number == 1  # replaced, same number, not a second report


def test_yearly_statistics_pdf_and_excel(db, django_capture_on_commit_callbacks):
    import io

    from openpyxl import load_workbook

    from ..awards_helpers import draft, to_state

    to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("yearly_statistics", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    text = pdf_text(report.pdf.read())
    assert "Biểu 0603" in text and "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" in text
    assert "Quỹ thi đua, khen thưởng năm" in text
    book = load_workbook(io.BytesIO(report.xlsx.read()))
    assert book.sheetnames == ["0601", "0602", "0603", "0604", "0605", "Quy TDKT"]
    assert book["0603"]["C5"].value == 1 and book["0603"]["B5"].value in ("Cá nhân", "Tập thể", "Hộ gia đình")
    assert book["0603"].freeze_panes == "A5" and book["0603"]["A4"].font.bold
    assert "BÁO CÁO THỐNG KÊ NĂM" in book["0603"]["A1"].value and report.code in book["0603"]["A1"].value


def test_archive_permissions_and_on_demand(officer_client, leader_client, staff_client,
                                           django_capture_on_commit_callbacks):
    url = reverse("reports:archive")
    assert staff_client.get(url).status_code == 403
    assert leader_client.get(url).status_code == 200
    assert leader_client.post(url, {"kind": "monthly", "year": 2023, "number": 2}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"kind": "quarterly", "year": 2023, "number": 1})
    report = Report.objects.get(kind="quarterly")
    assert response.url == reverse("reports:detail", args=[report.pk])
    fragment = officer_client.get(reverse("reports:detail", args=[report.pk]), HTTP_HX_REQUEST="true")
    assert "sẵn sàng" in fragment.content.decode()
    pdf = leader_client.get(reverse("reports:download", args=[report.pk, "pdf"]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert staff_client.get(reverse("reports:download", args=[report.pk, "pdf"])).status_code == 403
    bad = officer_client.post(url, {"kind": "quarterly", "year": 2023, "number": 7})
    assert "quý từ 1 đến 4" in bad.content.decode()


def test_beat_schedules_are_in_the_database(db):
    from django_celery_beat.models import PeriodicTask

    monthly = PeriodicTask.objects.get(name="Báo cáo tháng")
    assert monthly.task == "reports.tasks.request_periodic_report" and '"monthly"' in monthly.kwargs
    assert monthly.crontab.day_of_month == "1" and monthly.crontab.hour == "6"


def test_periodic_task_queues_the_last_complete_period(db, django_capture_on_commit_callbacks):
    from reports.services import request_periodic_report

    with django_capture_on_commit_callbacks(execute=True):
        report_id = request_periodic_report("monthly")
    report = Report.objects.get(pk=report_id)
    expected = periods.previous_period("monthly", dt.date.today())
    assert (report.period_start, report.period_end) == expected


# --- a worker killed in the middle of a report -------------------------------------------

@pytest.mark.celery
@pytest.mark.xdist_group("celery")
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="redelivery after a crash needs the Redis broker (CI)")
def test_killed_worker_still_produces_the_report_exactly_once(transactional_db, settings):
    from django.core.management import call_command

    from haiphong_thidua.celery import app

    call_command("seed_directive", verbosity=0)
    app.conf.task_always_eager = False
    first = start_worker(HPTD_REPORT_TEST_DELAY="8")
    second = None
    try:
        report = request_report("monthly", dt.date(2023, 5, 1), dt.date(2023, 5, 31))
        assert wait_for(lambda: Report.objects.get(pk=report.pk).status == ReportStatus.RUNNING, 60), \
            "the first worker never started the report"
        os.killpg(first.pid, signal.SIGKILL)  # mid-report: the files are not written yet
        first.wait(10)
        assert Report.objects.get(pk=report.pk).status == ReportStatus.RUNNING
        second = start_worker(HPTD_REPORT_TEST_DELAY="0")
        # The broker's default settings: redelivered after the visibility timeout (120 s) and its restore interval.
        killed_at = time.monotonic()
        assert wait_for(lambda: Report.objects.get(pk=report.pk).status == ReportStatus.DONE, 200), \
            "the report was not produced after the restart"
        assert time.monotonic() - killed_at < 200
        time.sleep(3)  # a duplicate delivery would show up as a third attempt
        report.refresh_from_db()
        assert Report.objects.filter(kind="monthly", period_start=dt.date(2023, 5, 1)).count() == 1
        assert report.attempts == 2 and report.number == 1
        folder = Path(settings.MEDIA_ROOT) / "reports" / "monthly"
        assert (folder / "2023-05.pdf").read_bytes().startswith(b"%PDF")
        assert not list(folder.glob(".tmp-*")), "a half-written file was left behind"
    finally:
        app.conf.task_always_eager = True
        stop(first, second)


def test_report_with_dossiers_in_every_state(db, django_capture_on_commit_callbacks):
    """Status labels are translated text, not lazy objects, when they reach the Excel sheet."""
    import io

    from openpyxl import load_workbook

    from ..awards_helpers import draft, to_state

    to_state(draft(names=("A",)), Status.APPRAISED)
    to_state(draft(names=("B",)), Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        start, end = month_bounds(dt.date.today().year, dt.date.today().month)
        report = request_report("monthly", start, end)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    sheet = load_workbook(io.BytesIO(report.xlsx.read()))["Hồ sơ"]
    assert {row[0] for row in sheet.iter_rows(min_row=5, values_only=True)} == {"Đã thẩm định", "Chờ tiếp nhận"}


def test_a_report_produced_again_replaces_its_files_in_the_storage(db, django_capture_on_commit_callbacks, settings,
                                                                    tmp_path):
    """Files are saved through the storage API (issue 29, item 1): the new run's files under names no row points at,
    the row moved to them, then the earlier files deleted; nothing else is left in the folder."""
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = str(tmp_path / "media")
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    report.refresh_from_db()
    first = {report.pdf.name, report.xlsx.name}
    assert first == {"reports/monthly/2023-02.pdf", "reports/monthly/2023-02.xlsx"}
    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    report.refresh_from_db()
    again = {report.pdf.name, report.xlsx.name}
    assert report.attempts == 2 and not again & first
    assert all(default_storage.exists(name) for name in again) and not any(map(default_storage.exists, first))
    stored = {p.relative_to(tmp_path / "media").as_posix() for p in (tmp_path / "media").rglob("*") if p.is_file()}
    assert stored == again
    assert report.pdf.read().startswith(b"%PDF")
