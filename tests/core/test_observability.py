"""Logs, metrics and health (issue 30, item 3): structured logs whose request id travels into the Celery tasks a
request queues; /metrics for the Board's monitoring account (or the scraper's token) and no one else; /healthz
naming the part that failed."""

import io
import json
import logging
import math
import threading
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from awards.models import Status
from core.health import queue_depths
from core.tasks import heartbeat
from haiphong_thidua.celery import app
from haiphong_thidua.observability import json_formatter
from organisation.models import ApiToken, User
from organisation.roles import Role
from reports.models import Report, ReportKind, ReportStatus

from ..awards_helpers import draft, to_state
from ..organisation.test_mfa import _session
from ..workers import QUEUES, running_worker, wait_for

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "obs-test"}


class _JsonLines(logging.Handler):
    """Every log line as production writes it (the json formatter of haiphong_thidua.observability), parsed back."""

    def __init__(self):
        super().__init__()
        self.setFormatter(json_formatter())
        self.lines, self._lock = [], threading.Lock()

    def emit(self, record):
        text = self.format(record)
        with self._lock:
            self.lines.append(json.loads(text))

    def find(self, **fields):
        with self._lock:
            return [line for line in self.lines if all(line.get(k) == v for k, v in fields.items())]


@pytest.fixture
def json_lines():
    """The lines of django-structlog's request and task loggers (a worker starting in this process configures
    logging again, which would drop a handler of the root logger)."""
    handler, logger = _JsonLines(), logging.getLogger("django_structlog")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def monitoring(db):
    user = User.objects.create_user("giam_sat", password="x-not-used-9")  # noqa: S106
    user.groups.add(Group.objects.get_or_create(name=Role.MONITORING)[0])
    return user


# --- Logs -----------------------------------------------------------------------------------------------------------
def _lines(path: Path) -> list[dict]:
    """The worker's JSON lines (production's format); anything else it printed is skipped."""
    lines = []
    for text in path.read_text(errors="replace").splitlines():
        if text.startswith("{"):
            try:
                lines.append(json.loads(text))
            except ValueError:
                continue
    return lines


@pytest.mark.celery
@pytest.mark.xdist_group("celery")
def test_a_requests_id_travels_into_the_task_it_queues(transactional_db, json_lines, tmp_path):
    """The officer receives a dossier: the request's JSON lines carry request_id, user_id, unit and the workflow
    action; the notice it queues is run by a real worker (its own process, as in production) from the broker, and
    the worker's JSON lines for that task carry the same request_id (read from the message's headers)."""
    submission = to_state(draft(), Status.SUBMITTED)  # eager: the staff's own notices run here
    officer = User.objects.get(username="demo_officer")
    client = Client()
    client.force_login(officer)
    url = reverse("awards:submission_receive", args=[submission.pk])

    # Messages other tests left in the broker (tasks of rows long gone) would keep the worker busy before this one.
    with app.connection_for_write() as broker:
        for queue in QUEUES.split(","):
            broker.default_channel.queue_purge(queue)
    app.conf.task_always_eager = False  # the notice goes through the broker to a real worker
    try:
        response = client.post(url)
    finally:
        app.conf.task_always_eager = True
    assert response.status_code == 302
    finished = json_lines.find(event="request_finished", request=f"POST {url}")
    assert len(finished) == 1, json_lines.lines[-5:]
    line = finished[0]
    assert line["level"] == "info" and line["logger"] == "django_structlog.middlewares.request"
    assert line["user_id"] == officer.pk and line["unit"] == officer.unit_id and line["action"] == "receive"
    assert line["code"] == 302 and line["timestamp"].endswith("Z")
    request_id = line["request_id"]
    assert len(request_id) == 36
    queued = json_lines.find(event="task_enqueued", request_id=request_id)
    assert queued and queued[0]["child_task_name"] == "awards.tasks.notify_submission_change"
    task_id = queued[0]["child_task_id"]

    log = tmp_path / "worker.log"

    def of_task(event):
        return [x for x in _lines(log) if x.get("event") == event and x.get("task_id") == task_id]

    with log.open("w") as out, running_worker(out, loglevel="INFO", LOG_FORMAT="json", LOG_LEVEL="INFO"):
        wait_for(lambda: of_task("task_succeeded"), 90)
    started, succeeded = of_task("task_started"), of_task("task_succeeded")
    assert started, f"the worker did not run the notice within 90 s: {log.read_text()[-2000:]}"
    assert started[0]["request_id"] == request_id and started[0]["user_id"] == officer.pk
    assert started[0]["action"] == "receive" and started[0]["unit"] == officer.unit_id
    assert succeeded[0]["request_id"] == request_id and succeeded[0]["logger"] == "django_structlog.celery.receivers"
    assert started[0]["task"] == "awards.tasks.notify_submission_change"


def test_the_demo_writes_readable_lines_and_production_json(db):
    from haiphong_thidua.observability import console_formatter

    record = logging.LogRecord("awards.services", logging.WARNING, __file__, 1, "hồ sơ %s trả lại", ("15",), None)
    as_json = json.loads(json_formatter().format(record))
    assert as_json["event"] == "hồ sơ 15 trả lại" and as_json["level"] == "warning"
    assert as_json["logger"] == "awards.services" and "timestamp" in as_json
    readable = console_formatter().format(record)
    assert "hồ sơ 15 trả lại" in readable and "warning" in readable and not readable.startswith("{")


# --- Metrics --------------------------------------------------------------------------------------------------------
def _metric(body: str, name: str, **labels) -> float:
    """The value of one sample of Prometheus' text format, whatever the order of its labels."""
    from prometheus_client.parser import text_string_to_metric_families

    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    raise AssertionError(f"{name}{labels} not in /metrics")


def test_metrics_for_the_monitoring_account(monitoring, officer_client, tmp_path):
    assert officer_client.get(reverse("home")).status_code == 200  # a request, timed by view
    heartbeat.apply(kwargs={"name": "worker"})  # a task, run here as a worker runs it, timed
    Report.objects.create(kind=ReportKind.MONTHLY, period_start="2026-01-01", period_end="2026-01-31",
                          status=ReportStatus.DONE, finished_at=timezone.now() - timezone.timedelta(hours=1))
    client = Client()
    client.force_login(monitoring)
    body = client.get("/metrics").content.decode()
    assert _metric(body, "hptd_last_backup_age_seconds") == math.inf  # never backed up
    with override_settings(STORAGES={**django_settings.STORAGES, "backups": {
            "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}):
        call_command("backup", stdout=io.StringIO())  # a real pg_dump, the stored files and the manifest
    response = client.get("/metrics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert _metric(body, "django_http_requests_latency_seconds_by_view_method_count", view="home", method="GET") >= 1
    assert _metric(body, "hptd_request_db_seconds_count", view="home") >= 1
    assert _metric(body, "hptd_db_query_duration_seconds_count", alias="default") > 0
    assert "django_http_responses_total_by_status_view_method_total" in body
    assert _metric(body, "hptd_celery_task_duration_seconds_count", task="haiphong_thidua.tasks.heartbeat") >= 1
    assert _metric(body, "hptd_celery_tasks_total", task="haiphong_thidua.tasks.heartbeat", state="SUCCESS") >= 1
    for queue in ("celery", "reports", "notices", "imports", "signing"):
        assert _metric(body, "hptd_celery_queue_depth", queue=queue) >= 0
    assert _metric(body, "hptd_celery_broker_up") == 1
    assert 3590 <= _metric(body, "hptd_last_report_age_seconds") <= 3700
    assert _metric(body, "hptd_reports", status=ReportStatus.DONE) == 1
    assert 0 <= _metric(body, "hptd_last_backup_age_seconds") < 60
    assert _metric(body, "hptd_worker_heartbeat_age_seconds") < 60


def test_a_failing_task_is_counted(db):
    from reports.tasks import generate_report

    before = _failures()
    result = generate_report.apply(args=[999_999], throw=False)  # as a worker runs it: the error is recorded
    assert result.failed() and isinstance(result.result, Report.DoesNotExist)
    assert _failures() == before + 1


def _failures() -> float:
    from haiphong_thidua.metrics import exposition

    body = exposition().decode()
    try:
        return _metric(body, "hptd_celery_task_failures_total", task="reports.tasks.generate_report",
                       exception="DoesNotExist")
    except AssertionError:
        return 0.0


def test_metrics_refuse_everyone_else(staff_client, officer_client, council_client, leader_client, client, db):
    for who in (staff_client, officer_client, council_client, leader_client):
        response = who.get("/metrics")
        assert response.status_code == 403 and "django_http" not in response.content.decode()
    anonymous = client.get("/metrics")
    assert anonymous.status_code == 401 and "Location" not in anonymous  # refused, not sent round a login loop
    assert anonymous["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer anything").status_code == 401  # no token configured


@override_settings(METRICS_TOKEN="prometheus-scraper-token-3f9a1c")  # noqa: S106
def test_the_scrapers_bearer_token(client, db):
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer prometheus-scraper-token-3f9a1c")
    assert response.status_code == 200 and "hptd_celery_queue_depth" in response.content.decode()
    for wrong in ("Bearer prometheus-scraper-token-3f9a1", "Bearer ", "Basic cHJvbWV0aGV1cw=="):
        assert client.get("/metrics", HTTP_AUTHORIZATION=wrong).status_code == 401, wrong


def test_the_monitoring_accounts_api_token(monitoring, db):
    _token, key = ApiToken.objects.create(monitoring, name="Prometheus")
    response = Client(HTTP_AUTHORIZATION=f"Token {key}").get("/metrics")
    assert response.status_code == 200 and "hptd_last_report_age_seconds" in response.content.decode()
    _token, staff_key = ApiToken.objects.create(User.objects.get(username="demo_staff"), name="x")
    assert Client(HTTP_AUTHORIZATION=f"Token {staff_key}").get("/metrics").status_code == 403
    assert Client(HTTP_AUTHORIZATION="Token " + "0" * 64).get("/metrics").status_code == 401


def test_an_administrator_needs_the_second_factor(password, db):
    with override_settings(MFA_REQUIRED=True):
        assert _session("demo_admin", password).get("/metrics").status_code == 403  # password only
    with override_settings(MFA_REQUIRED=False):
        assert _session("demo_admin", password).get("/metrics").status_code == 200


# --- Health ---------------------------------------------------------------------------------------------------------
def test_healthz_reports_cache_storage_and_queues(officer_client, db):
    body = officer_client.get(reverse("healthz")).json()
    assert body["status"] == "ok" and "down" not in body
    assert body["cache"]["ok"] and body["storage"]["ok"] and body["queues"]["ok"]
    assert set(body["queues"]["depths"]) == {"celery", "reports", "notices", "imports", "signing"}


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                       "LOCATION": "redis://127.0.0.1:1/0"}, "fragments": LOCMEM})
def test_healthz_names_a_dead_cache(officer_client, client, db):
    assert client.get(reverse("healthz")).json() == {"status": "degraded", "down": ["cache"]}
    body = officer_client.get(reverse("healthz")).json()
    assert body["cache"] == {"ok": False, "backend": "RedisCache", "error": "ConnectionError"}
    assert body["database"]["ok"] and body["storage"]["ok"]


def test_healthz_names_a_storage_it_cannot_write(officer_client, client, db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the uploads folder should be")
    with override_settings(MEDIA_ROOT=str(blocker / "uploads")):
        response = client.get(reverse("healthz"))
        assert response.status_code == 200
        assert response.json() == {"status": "degraded", "down": ["storage"]}
        storage = officer_client.get(reverse("healthz")).json()["storage"]
        assert storage["ok"] is False and storage["backend"] == "FileSystemStorage" and storage["error"]
    assert not any(Path(blocker.parent).glob("**/healthz"))


@pytest.mark.celery
@pytest.mark.xdist_group("celery")
def test_healthz_names_a_queue_with_a_backlog(officer_client, client, db):
    before = queue_depths()["reports"]
    app.send_task("reports.tasks.generate_report", args=[0], queue="reports")
    try:
        assert queue_depths()["reports"] == before + 1  # read from the broker itself
        with override_settings(HEALTH_QUEUE_MAX_DEPTH=0):
            assert client.get(reverse("healthz")).json() == {"status": "degraded", "down": ["queues"]}
            queues = officer_client.get(reverse("healthz")).json()["queues"]
        # (another queue may hold a message a test before this one left behind: "reports" is the one asserted)
        assert queues["ok"] is False and "reports" in queues["backlog"] and queues["depths"]["reports"] >= 1
    finally:
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge("reports")


def test_a_libraries_plain_log_call_is_a_json_line_with_its_extra_fields(db):
    handler = _JsonLines()
    logger = logging.getLogger("core.health")
    logger.addHandler(handler)
    try:
        logger.warning("kiểm tra %s", "bộ nhớ đệm", extra={"part": "cache"})
    finally:
        logger.removeHandler(handler)
    assert handler.lines[0]["event"] == "kiểm tra bộ nhớ đệm" and handler.lines[0]["part"] == "cache"


@pytest.mark.parametrize("dsn", ["", "http://public-key@127.0.0.1:9/1"])
def test_sentry_only_with_a_dsn_and_without_personal_data(dsn):
    """A fresh process with the settings as production loads them: no SDK client without SENTRY_DSN; with it, one that
    sends no personal data (the DSN points at a closed local port: nothing is sent by starting up)."""
    import os
    import subprocess
    import sys

    code = ("import django, sentry_sdk; django.setup(); from django.conf import settings; client = sentry_sdk.get_client();"
            "print(settings.SENTRY_ENABLED, client.is_active(), client.options.get('send_default_pii'))")
    env = {**os.environ, "SENTRY_DSN": dsn, "DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.test"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2], check=True).stdout.split()
    assert out == (["True", "True", "False"] if dsn else ["False", "False", "None"]), out  # None: no client at all
