"""/healthz and a real Celery worker on the configured broker."""

import pytest
from django.urls import reverse

from core.models import WorkerHeartbeat

from ..workers import running_worker, wait_for


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
    """A worker process on the configured broker runs what the web queued."""
    from core.tasks import heartbeat
    from haiphong_thidua.celery import app

    app.conf.task_always_eager = False  # this test is about the real worker
    try:
        result = heartbeat.apply_async(kwargs={"name": "worker"})
    finally:
        app.conf.task_always_eager = True
    with running_worker():
        done = wait_for(lambda: WorkerHeartbeat.objects.filter(name="worker").exists(), 90)
    assert result.id and done, "the worker did not run the task within 90 s"


def test_default_schedule_is_stored_in_the_database(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="haiphong_thidua.tasks.heartbeat")
    assert task.enabled and task.interval.every == 60
