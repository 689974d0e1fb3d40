"""/healthz and a real Celery worker on the configured broker."""

import threading

import pytest
from django.urls import reverse

from core.models import WorkerHeartbeat


def test_healthz_tells_anonymous_callers_only_the_status(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_healthz_reports_database_and_broker(officer_client, db):
    response = officer_client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True, body
    assert body["worker"]["ok"] is False  # no heartbeat yet in this test database


@pytest.mark.celery
@pytest.mark.xdist_group("celery")
def test_a_real_worker_runs_the_heartbeat(transactional_db):
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun
    from django.db import connection

    from core.tasks import heartbeat
    from haiphong_thidua.celery import app

    def close_connection(**kwargs):
        connection.close()  # the worker thread's own connection, so the test database can be dropped

    task_postrun.connect(close_connection, weak=False)
    app.conf.task_always_eager = False  # this test is about the real worker
    # Publish before the worker starts: kombu's file transport rewrites its exchange table in place,
    # so a publisher and a starting worker in one process must not write it at the same moment.
    result = heartbeat.apply_async(kwargs={"name": "worker"})
    done = threading.Event()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING", shutdown_timeout=10):
        for _ in range(100):
            if WorkerHeartbeat.objects.filter(name="worker").exists():
                done.set()
                break
            threading.Event().wait(0.1)
    app.conf.task_always_eager = True
    task_postrun.disconnect(close_connection)
    assert result.id and done.is_set(), "the worker did not run the task within 10 s"


def test_default_schedule_is_stored_in_the_database(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="haiphong_thidua.tasks.heartbeat")
    assert task.enabled and task.interval.every == 60
