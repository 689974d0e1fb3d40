"""A real Celery worker for the tests that need one: a separate process, as in production, on the test database
and the test broker.

A worker started inside the test process (celery.contrib.testing) shares the app, its consumer state and its logging
with every test before it; a second one in the same process did not always consume (issue 30's request-id test).
A process of its own starts clean each time and is killed with its whole session afterwards."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUEUES = "celery,reports,notices,imports,signing"  # every queue of settings.CELERY_TASK_ROUTES


def worker_env(**extra: str) -> dict:
    """The environment of a worker that reads and writes the test database (not the demo's) and its storage."""
    from django.conf import settings
    from django.db import connection

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    db = connection.settings_dict
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        env["HPTD_EMBEDDED_DB_NAME"] = db["NAME"]
    env.update({"DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.local", "MEDIA_ROOT": str(settings.MEDIA_ROOT)})
    env.update(extra)
    return env


def start_worker(log_file=None, loglevel: str = "WARNING", **extra_env: str) -> subprocess.Popen:
    """Start a worker on every queue; its log lines go to ``log_file`` (an open file) or nowhere."""
    out = log_file if log_file is not None else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "haiphong_thidua", "worker", "--pool", "solo", "--loglevel",
         loglevel, "-Q", QUEUES, "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=worker_env(**extra_env), start_new_session=True, stdout=out, stderr=out)


def stop(*procs: subprocess.Popen | None) -> None:
    for proc in procs:
        if proc and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)


def wait_for(predicate, seconds: float, step: float = 0.3):
    """The predicate's first true value within ``seconds``, else None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


@contextlib.contextmanager
def running_worker(log_file=None, loglevel: str = "WARNING", **extra_env: str):
    proc = start_worker(log_file, loglevel, **extra_env)
    try:
        yield proc
    finally:
        stop(proc)
