"""Queues and limits (issue 29, item 3): each kind of work on its own queue with soft and hard time limits sized to
it; a task stopped at its soft limit leaves its job failed with a reason an officer reads (and a way to retry); the
PDF workers' children are replaced after a number of tasks; exactly one beat (a second one exits at start)."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings as django_settings
from django.urls import reverse

from haiphong_thidua import beat_lock
from haiphong_thidua.celery import app
from reports import render
from reports.models import Report, ReportStatus
from reports.services import request_report

ROOT = Path(__file__).resolve().parents[2]

QUEUE_OF = {
    "reports.tasks.generate_report": "reports",
    "reports.tasks.email_report": "notices",
    "awards.tasks.notify_submission_change": "notices",
    "awards.tasks.notify_awardees": "notices",
    "haiphong_thidua.tasks.notify_unit": "notices",
    "haiphong_thidua.tasks.send_reminders": "notices",
    "haiphong_thidua.tasks.run_import": "imports",
    "documents.tasks.run_signing_job": "signing",
    "reports.tasks.sign_report": "signing",
    "haiphong_thidua.tasks.heartbeat": "celery",
    "reports.tasks.sweep_stuck_reports": "celery",
}


@pytest.mark.parametrize(("name", "queue"), QUEUE_OF.items())
def test_each_task_goes_to_its_queue_with_its_limits(name, queue):
    app.loader.import_default_modules()
    assert app.amqp.router.route({}, name)["queue"].name == queue
    task = app.tasks[name]
    soft, hard = django_settings.TASK_TIME_LIMITS[queue]
    if queue == "celery":
        assert (app.conf.task_soft_time_limit, app.conf.task_time_limit) == (soft, hard)
    else:
        assert (task.soft_time_limit, task.time_limit) == (soft, hard)
    assert soft < hard


def test_limits_are_sized_to_the_work():
    limits = django_settings.TASK_TIME_LIMITS
    assert limits["notices"][1] < limits["signing"][1] < limits["reports"][1] < limits["imports"][1]
    # A report is stopped before the sweep would think its worker dead and queue it again.
    assert limits["reports"][1] < django_settings.REPORT_STALE_SECONDS
    assert app.conf.worker_max_tasks_per_child == django_settings.CELERY_WORKER_MAX_TASKS_PER_CHILD > 0
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost


def test_a_report_stopped_at_its_soft_limit_is_failed_with_a_reason_and_can_be_retried(
        officer_client, monkeypatch, django_capture_on_commit_callbacks):
    real = render.pdf_bytes

    def too_long(*args, **kwargs):  # what Celery raises in the task when the reports queue's soft limit passes
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(render, "pdf_bytes", too_long)
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "vượt quá thời hạn cho phép (70 giây)" in report.error and "Lập báo cáo ngay" in report.error
    page = officer_client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert report.error in page
    monkeypatch.setattr(render, "pdf_bytes", real)  # retried: produced
    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and Report.objects.filter(kind="monthly").count() == 1


def test_only_one_process_holds_the_beat_lock(db):
    assert beat_lock.take()
    try:
        other = beat_lock._held[:]
        beat_lock._held.clear()
        assert not beat_lock.take()  # a second beat (another connection) is refused
        beat_lock._held.extend(other)
    finally:
        beat_lock.release()
    assert beat_lock.take()  # the first one gone, the next beat takes it
    beat_lock.release()


@pytest.mark.celery
@pytest.mark.xdist_group("celery")
def test_a_second_beat_exits_without_scheduling(db):
    from django.db import connection

    db_settings = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["DJANGO_SETTINGS_MODULE"] = "haiphong_thidua.settings.local"
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = (f"postgres://{db_settings['USER']}@{db_settings['HOST'] or '127.0.0.1'}:"
                               f"{db_settings['PORT'] or 5432}/{db_settings['NAME']}")
    else:
        env["HPTD_EMBEDDED_DB_NAME"] = db_settings["NAME"]
    assert beat_lock.take()  # the running beat
    try:
        second = subprocess.run([sys.executable, "-m", "celery", "-A", "haiphong_thidua", "beat", "--loglevel",
                                 "INFO", "--pidfile="], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=60, check=False)
    finally:
        beat_lock.release()
    assert second.returncode == beat_lock.REFUSED_EXIT_CODE, second.stderr[-2000:]
    assert "another beat already runs" in second.stderr + second.stdout


def test_an_import_stopped_at_its_soft_limit_is_failed_and_its_page_says_why(officer_client, settings, monkeypatch,
                                                                            django_capture_on_commit_callbacks):
    from awards import ratings
    from awards.models import TaskRating
    from core.models import ImportJob, ImportStatus

    from ..core.test_import_jobs import _persons, _workbook

    settings.IMPORT_ASYNC_ROWS = 5  # a small sheet goes to the imports queue
    ids = _persons(8)
    real = ratings.run_job

    def reads_past_the_limit(job, handle, progress):  # the rows are read, then Celery's soft limit strikes
        real(job, handle, progress)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(ratings, "run_job", reads_past_the_limit)
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("awards:ratings_import"), {
            "upload": _workbook([(pk, "", "", 2024, "HTTNV") for pk in ids])})
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED and job.imported == 0
    assert not TaskRating.objects.filter(person_id__in=ids).exists()  # all or nothing: nothing
    page = officer_client.get(response["Location"]).content.decode()
    assert "vượt quá thời hạn cho phép (480 giây)" in page and "chưa có dòng nào được nhập" in page


def test_a_report_stopped_again_and_again_is_failed_not_retried_for_ever(officer_client, settings,
                                                                         django_capture_on_commit_callbacks):
    from django.utils import timezone

    from reports.tasks import sweep_stuck_reports

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    # Killed at its hard time limit each time: started long ago, already tried REPORT_MAX_ATTEMPTS times.
    stale = timezone.now() - dt.timedelta(seconds=settings.REPORT_STALE_SECONDS + 30)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, started_at=stale,
                                               attempts=settings.REPORT_MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert sweep_stuck_reports() == 1
    assert queued == []  # not queued again
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "bị dừng 3 lần" in report.error
    assert report.error in officer_client.get(reverse("reports:detail", args=[report.pk])).content.decode()
