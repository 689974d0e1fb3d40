"""Prometheus metrics at ``/metrics`` for the Board's monitoring (docs/operations.md#metrics).

What each process counts as it runs: django-prometheus's request metrics (``django_http_*``: latency by view and
method, responses by status and view, exceptions by view), and below the database time (per query, and per request by
view) and the Celery tasks (duration, outcome, failures by exception). What is read when Prometheus scrapes
(``PortalCollector``): the depth of each Celery queue, the age of the last report produced, of the last backup and
of the worker's last heartbeat, and the reports by status.

With several processes (gunicorn's workers, the Celery worker) set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder
shared by the processes of one machine: each process writes its counters there and ``/metrics`` adds them up.

``/metrics`` answers the Prometheus scraper with ``Authorization: Bearer <METRICS_TOKEN>`` (compared in constant
time), an API token of an account that ``can_read_metrics`` (``Authorization: Token <key>``: the Board's monitoring
account), or such an account's browser session (verified by its second factor where the account needs one). Anyone
else is refused: 401 without credentials, 403 with the wrong ones.
"""

from __future__ import annotations

import contextvars
import hmac
import math
import os
import time

from celery.signals import task_failure, task_postrun, task_prerun
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.backends.signals import connection_created
from django.db.models import Count, Max
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from core.health import last_backup_at, queue_depths
from core.models import WorkerHeartbeat
from organisation import mfa
from organisation.permissions import can_read_metrics
from organisation.tokens import ExpiringTokenAuthentication
from reports.models import Report, ReportStatus

_SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_TASK_SECONDS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)

DB_QUERY_SECONDS = Histogram("hptd_db_query_duration_seconds", "Time of one database query.", ["alias"],
                             buckets=_SECONDS)
DB_QUERY_ERRORS = Counter("hptd_db_query_errors_total", "Database queries that raised, by exception.",
                          ["alias", "exception"])
REQUEST_DB_SECONDS = Histogram("hptd_request_db_seconds", "Database time of one web request, by view.", ["view"],
                               buckets=_SECONDS)
TASK_SECONDS = Histogram("hptd_celery_task_duration_seconds", "Time a Celery task ran, by task.", ["task"],
                         buckets=_TASK_SECONDS)
TASKS = Counter("hptd_celery_tasks_total", "Celery tasks run, by task and outcome (SUCCESS, FAILURE, RETRY, …).",
                ["task", "state"])
TASK_FAILURES = Counter("hptd_celery_task_failures_total", "Celery tasks that raised, by task and exception.",
                        ["task", "exception"])

# --- Database time ------------------------------------------------------------------------------------------------
_request_db_seconds: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar("hptd_request_db",
                                                                                         default=None)


def _timed_query(execute, sql, params, many, context):
    """A connection's execute wrapper: every query of the portal (ORM or raw cursor) is timed."""
    alias = context["connection"].alias
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    except Exception as exc:
        DB_QUERY_ERRORS.labels(alias, exc.__class__.__name__).inc()
        raise
    finally:
        elapsed = time.perf_counter() - started
        DB_QUERY_SECONDS.labels(alias).observe(elapsed)
        spent = _request_db_seconds.get()
        if spent is not None:
            spent[0] += elapsed


def _instrument_connection(sender, connection, **kwargs) -> None:
    if _timed_query not in connection.execute_wrappers:
        connection.execute_wrappers.append(_timed_query)


class DatabaseTimeMiddleware:
    """Adds up the database time of each request and records it under the request's view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        spent = [0.0]
        token = _request_db_seconds.set(spent)
        try:
            return self.get_response(request)
        finally:
            _request_db_seconds.reset(token)
            match = getattr(request, "resolver_match", None)
            REQUEST_DB_SECONDS.labels(match.view_name if match else "<unresolved>").observe(spent[0])


# --- Celery tasks -------------------------------------------------------------------------------------------------
_task_started: dict[str, float] = {}


def _task_prerun(task_id=None, task=None, **kwargs) -> None:
    _task_started[task_id] = time.perf_counter()


def _task_postrun(task_id=None, task=None, state=None, **kwargs) -> None:
    started = _task_started.pop(task_id, None)
    name = getattr(task, "name", "unknown")
    if started is not None:
        TASK_SECONDS.labels(name).observe(time.perf_counter() - started)
    TASKS.labels(name, state or "UNKNOWN").inc()


def _task_failure(sender=None, exception=None, **kwargs) -> None:
    TASK_FAILURES.labels(getattr(sender, "name", "unknown"), exception.__class__.__name__).inc()


def connect_receivers() -> None:
    """Called by the configuration app's ``ready``: in the web processes and in the Celery workers."""
    connection_created.connect(_instrument_connection, dispatch_uid="hptd-db-metrics")
    task_prerun.connect(_task_prerun, dispatch_uid="hptd-task-metrics-prerun")
    task_postrun.connect(_task_postrun, dispatch_uid="hptd-task-metrics-postrun")
    task_failure.connect(_task_failure, dispatch_uid="hptd-task-metrics-failure")


# --- Read at scrape time ------------------------------------------------------------------------------------------
def _age(moment, now) -> float:
    """Seconds since ``moment``; +Inf when it never happened (an alert on the age fires then too)."""
    return (now - moment).total_seconds() if moment else math.inf


class PortalCollector:
    """What the database and the broker say when Prometheus scrapes (not counted by one process)."""

    def describe(self):
        return []  # no query when registered

    def collect(self):
        now = timezone.now()
        depth = GaugeMetricFamily("hptd_celery_queue_depth", "Messages waiting in a Celery queue.", labels=["queue"])
        try:
            for queue, count in queue_depths().items():
                depth.add_metric([queue], count)
            broker_up = 1
        except Exception:
            broker_up = 0
        yield depth
        yield GaugeMetricFamily("hptd_celery_broker_up", "1 when the broker answered the queue-depth query.",
                                value=broker_up)
        last_report = Report.objects.filter(status=ReportStatus.DONE).aggregate(last=Max("finished_at"))["last"]
        yield GaugeMetricFamily("hptd_last_report_age_seconds",
                                "Seconds since the last periodic report was produced (+Inf: never).",
                                value=_age(last_report, now))
        reports = GaugeMetricFamily("hptd_reports", "Periodic reports by status.", labels=["status"])
        counts = dict(Report.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        for status in ReportStatus.values:
            reports.add_metric([status], counts.get(status, 0))
        yield reports
        yield GaugeMetricFamily("hptd_last_backup_age_seconds",
                                "Seconds since the last backup finished (manage.py backup; +Inf: never).",
                                value=_age(last_backup_at(), now))
        beat = WorkerHeartbeat.objects.filter(name="worker").values_list("last_seen", flat=True).first()
        yield GaugeMetricFamily("hptd_worker_heartbeat_age_seconds",
                                "Seconds since a Celery worker last ran the heartbeat task (+Inf: never).",
                                value=_age(beat, now))


_SCRAPE_TIME = CollectorRegistry(auto_describe=False)
_SCRAPE_TIME.register(PortalCollector())


def exposition() -> bytes:
    """The metrics in Prometheus' text format: this process's (or, with PROMETHEUS_MULTIPROC_DIR, every process's
    of this machine) followed by those read now."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    return generate_latest(counted) + generate_latest(_SCRAPE_TIME)


# --- The page -----------------------------------------------------------------------------------------------------
def _answer(request) -> int:
    """200 for the monitoring scraper or account, 401 without (or with unknown) credentials, 403 for others."""
    scheme, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    scheme = scheme.lower()
    if scheme == "bearer":
        expected = settings.METRICS_TOKEN
        given = credentials.strip()
        return 200 if expected and hmac.compare_digest(given.encode(), expected.encode()) else 401
    if scheme == "token":
        try:
            found = ExpiringTokenAuthentication().authenticate(Request(request))
        except AuthenticationFailed:
            return 401
        return 401 if found is None else 200 if can_read_metrics(found[0]) else 403
    user = request.user
    if not user.is_authenticated:
        return 401
    if mfa.required(user) and not mfa.is_verified(user):
        return 403  # a password-only session of an account that needs its second factor
    return 200 if can_read_metrics(user) else 403


@login_not_required  # the scraper signs in with its header, not a session: refused here, never redirected
@never_cache
def metrics(request):
    status = _answer(request)
    if status == 401:
        response = HttpResponse("Authentication required.\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    if status == 403:
        return HttpResponse(str(can_read_metrics.message) + "\n", status=403, content_type="text/plain; charset=utf-8")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
