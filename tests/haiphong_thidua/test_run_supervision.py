"""The one-command run supervises its processes (issue 29, item 4): scripts/supervise.sh (run.sh's last step) under
supervisord with its own redis-server on a unix socket. A report is queued, its worker is killed (SIGKILL, the whole
process group) in the middle of it: the web keeps answering, supervisord starts a new worker within seconds, the
broker delivers the report again and it is produced exactly once, within a minute; SIGINT (Ctrl-C) stops it all."""

import datetime as dt
import os
import shutil
import signal
import subprocess
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from kombu import Connection

from reports.models import Report, ReportStatus

from ..workers import wait_for

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.celery, pytest.mark.xdist_group("celery"),
    pytest.mark.skipif(not (shutil.which("supervisord") and Path("/usr/bin/redis-server").exists()),
                       reason="supervisord and redis-server come from scripts/setup.sh (Debian's supervisor, "
                              "redis-server)")]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - the test's own local server
            return response.status
    except OSError:
        return None


def _env(var: Path, port: int, settings) -> dict:
    from django.db import connection

    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL")}
    env.update({"DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
                                f"{db['NAME']}",
                "DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.local", "HPTD_VAR_DIR": str(var),
                "HPTD_BIND": f"127.0.0.1:{port}", "HPTD_SKIP_PREPARE": "1", "HPTD_WEB_WORKERS": "1",
                "HPTD_WORKER_CONCURRENCY": "1", "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "HPTD_REPORT_TEST_DELAY": "4", "CELERY_VISIBILITY_TIMEOUT": "6",
                "CELERY_UNACKED_RESTORE_INTERVAL": "2", "REPORT_SIGNING": "false"})
    return env


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pid(var: Path, program: str) -> int:
    out = subprocess.run(["supervisorctl", "-c", str(var / "run" / "supervisord.conf"), "pid", program],
                         capture_output=True, text=True, check=False).stdout.strip()
    return int(out) if out.isdigit() else 0


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="the supervised processes share the test's "
                                                               "PostgreSQL server (DATABASE_URL, as in CI)")
def test_a_killed_worker_is_restarted_and_its_report_produced_once(transactional_db, settings, tmp_path):
    var, port = tmp_path / "var", _free_port()
    stack = subprocess.Popen(["bash", "scripts/supervise.sh"], cwd=ROOT, env=_env(var, port, settings),
                             start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    health = f"http://127.0.0.1:{port}/healthz"
    try:
        assert wait_for(lambda: _get(health) == 200, 40), "the web process never answered"
        worker = wait_for(lambda: _pid(var, "worker"), 10)
        report = Report.objects.create(kind="monthly", period_start=dt.date(2023, 6, 1),
                                       period_end=dt.date(2023, 6, 30))
        from haiphong_thidua.celery import app

        with Connection(f"redis+socket://{var / 'run' / 'redis.sock'}") as connection, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the test settings' eager mode does not apply to send_task
            app.send_task("reports.tasks.generate_report", args=[report.pk], connection=connection)
        assert wait_for(lambda: Report.objects.get(pk=report.pk).status == ReportStatus.RUNNING, 20), \
            "the worker never started the report"
        os.killpg(worker, signal.SIGKILL)  # the worker and its pool, mid-report
        killed_at = time.monotonic()
        assert _get(health) == 200  # the portal keeps serving
        restarted = wait_for(lambda: (pid := _pid(var, "worker")) and pid != worker and pid, 10, step=0.2)
        assert restarted, "supervisord did not start a new worker within 10 seconds"
        assert wait_for(lambda: Report.objects.get(pk=report.pk).status == ReportStatus.DONE, 60), \
            "the report was not produced after the worker was killed"
        assert time.monotonic() - killed_at < 60
        time.sleep(2)  # a duplicate delivery would show up as one more attempt
        report.refresh_from_db()
        assert report.status == ReportStatus.DONE and report.attempts == 2
        assert Report.objects.filter(kind="monthly", period_start=dt.date(2023, 6, 1)).count() == 1
        with report.pdf.open("rb") as handle:  # the stack's storage is the test's (the same MEDIA_ROOT)
            assert handle.read().startswith(b"%PDF")
        assert _get(health) == 200
    finally:
        stack.send_signal(signal.SIGINT)  # Ctrl-C: everything stops
        try:
            stack.wait(40)
        finally:
            if stack.poll() is None:
                os.killpg(stack.pid, signal.SIGKILL)
    assert wait_for(lambda: _get(health) is None, 10), "the web process outlived Ctrl-C"
    assert not (var / "run" / "redis.sock").exists() or _pid(var, "worker") == 0
