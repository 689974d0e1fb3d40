"""Resilience under load: a mixed load (submissions carried through appraisal, the Council's vote and
the Chairman's numbered decision; dashboard and decision reads; report requests) while the Celery
worker is killed and restarted and the web workers are restarted once.

    .venv/bin/python bench/resilience.py [--duration 300] [--scale 0.01]

Prints: submissions the clients saw accepted vs rows in the database, decisions issued vs duplicated
or missing numbers, reports requested vs produced (exactly once each). Uses the benchmark database of
the scale (see bench/run.py) and Redis when REDIS_URL is set, else the file broker.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import PORT, PY, django, env_for, prepare  # noqa: E402

BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={
        "Authorization": f"Token {token}", "Content-Type": "application/json", "Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, {}
    except (urllib.error.URLError, OSError):
        return 0, {}  # the web server restarting: the client retries later


def start(env, what):
    if what == "web":
        return subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "haiphong_thidua.wsgi", "--bind",
                                 f"127.0.0.1:{PORT}", "--workers", "3", "--log-level", "warning"], cwd=ROOT, env=env)
    return subprocess.Popen([PY, "-m", "celery", "-A", "haiphong_thidua", "worker", "--pool", "solo", "--loglevel",
                             "WARNING", "-Q", "celery,reports,notices,imports,signing", "--without-mingle",
                             "--without-gossip"], cwd=ROOT, env=env,
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=300)
    parser.add_argument("--scale", type=float, default=0.01)
    args = parser.parse_args()
    # Four clients share two accounts here: the per-account API rate limit would stop the load, not a fault.
    env = dict(env_for(args.scale), CELERY_VISIBILITY_TIMEOUT="10", CELERY_UNACKED_RESTORE_INTERVAL="2",
               API_USER_RATE="1000000/hour")
    prepare(args.scale, env)
    tokens = json.loads(django(
        "import json\nfrom organisation.models import ApiToken, User\n"
        "print(json.dumps({u: ApiToken.objects.create(User.objects.get(username=u), name='bench')[1] "
        "for u in ('demo_staff', 'demo_officer', 'demo_leader', 'demo_council')}))", env).strip().splitlines()[-1])
    meeting = int(django("import datetime as dt\nfrom awards.models import CouncilMeeting\nprint(CouncilMeeting.objects"
                         ".create(held_on=dt.date(2025, 12, 20), title='Phiên họp tải thử').pk)", env).strip())
    baseline = json.loads(django(
        "import json\nfrom awards.models import Submission, Decision\nfrom reports.models import Report\n"
        "print(json.dumps([Submission.objects.count(), Decision.objects.count(), Report.objects.count()]))",
        env).strip().splitlines()[-1])
    web, worker = start(env, "web"), start(env, "worker")
    time.sleep(4)
    stop = time.monotonic() + args.duration
    accepted, approved, reports, lock = [], [], [], threading.Lock()
    officer_id = json.loads(django("from organisation.models import User\nprint(User.objects.get("
                                   "username='demo_officer').pk)", env))

    def staff_and_officer(n):
        rng = random.Random(n)
        while time.monotonic() < stop:
            status, body = call("POST", "/api/v1/submissions/", tokens["demo_staff"], {
                "unit": "so-ke-hoach-dau-tu", "title": f"Tải thử {n}-{rng.random():.6f}", "round_kind": "ad_hoc",
                "year": 2025, "commendation_type": "ad_hoc"})
            if status != 201:
                time.sleep(0.5)
                continue
            pk = body["id"]
            with lock:
                accepted.append(pk)

            def step(method, path, token, body_=None):
                for _ in range(40):  # retry while the web server restarts; a repeated step answers 400
                    status, result = call(method, path, token, body_)
                    if status in (200, 201):
                        return result
                    if status == 400:
                        return None
                    time.sleep(0.5)
                return None

            nominee = step("POST", f"/api/v1/submissions/{pk}/nominees/", tokens["demo_staff"], {
                "subject": "individual", "name": "Người tải thử", "award_type": "bang-khen-chu-tich",
                "achievement_summary": "Tải thử"})
            nominee_id = nominee["id"] if nominee else None
            step("POST", f"/api/v1/submissions/{pk}/submit/", tokens["demo_staff"])
            step("POST", f"/api/v1/submissions/{pk}/receive/", tokens["demo_officer"])
            step("POST", f"/api/v1/submissions/{pk}/assign/", tokens["demo_officer"], {"officer": officer_id})
            if nominee_id is None:
                continue
            step("POST", f"/api/v1/submissions/{pk}/appraise/", tokens["demo_officer"],
                 {"verdicts": [{"nominee": nominee_id, "verdict": "eligible"}]})
            step("POST", f"/api/v1/submissions/{pk}/to-council/", tokens["demo_officer"], {"meeting": meeting})
            step("POST", f"/api/v1/submissions/{pk}/votes/", tokens["demo_council"],
                 {"votes": [{"nominee": nominee_id, "choice": "yes"}]})
            step("POST", f"/api/v1/submissions/{pk}/close-vote/", tokens["demo_officer"])
            if step("POST", f"/api/v1/submissions/{pk}/decide/", tokens["demo_officer"],
                    {"issued_on": "2025-12-22", "signer_name": "Người ký tải thử"}):
                with lock:
                    approved.append(pk)

    def reader():
        while time.monotonic() < stop:
            call("GET", "/api/v1/targets/?year=2023", tokens["demo_leader"])
            call("GET", "/api/v1/decisions/?year=2024", tokens["demo_leader"])

    def requester():
        month = 1
        while time.monotonic() < stop and month <= 12:
            code = django(f"import datetime as dt\nfrom reports.periods import month_bounds\nfrom reports.services "
                          f"import request_report\ns, e = month_bounds(2022, {month})\n"
                          f"print(request_report('monthly', s, e).pk)", env)
            with lock:
                reports.append(int(code.strip().splitlines()[-1]))
            month += 1
            time.sleep(args.duration / 14)

    threads = [threading.Thread(target=staff_and_officer, args=(i,)) for i in range(4)]
    threads += [threading.Thread(target=reader) for _ in range(2)] + [threading.Thread(target=requester)]
    for t in threads:
        t.start()
    time.sleep(args.duration / 3)
    os.killpg(worker.pid, signal.SIGKILL)
    print("worker killed", flush=True)
    time.sleep(3)
    worker = start(env, "worker")
    time.sleep(args.duration / 3)
    web.send_signal(signal.SIGHUP)  # gunicorn restarts its workers
    print("web workers restarted", flush=True)
    for t in threads:
        t.join()
    deadline = time.monotonic() + 120  # let the worker finish the queued reports
    counts = {}
    while time.monotonic() < deadline:
        counts = json.loads(django(
            "import json\nfrom awards.models import Decision, Submission\n"
            "from reports.models import Report\n"
            f"ids = {json.dumps(accepted)}\n"
            "print(json.dumps({'in_db': Submission.objects.filter(pk__in=ids).count(), "
            "'decided': Submission.objects.filter(pk__in=ids, status='decided').count(), "
            "'decisions': Decision.objects.filter(submission_id__in=ids).count(), "
            f"'confirmed_not_decided': Submission.objects.filter(pk__in={json.dumps(approved)})"
            ".exclude(status='decided').count(), "
            "'reports_done': Report.objects.filter(status='done', period_start__year=2022).count(), "
            "'reports_rows': Report.objects.filter(period_start__year=2022).count()}))", env).strip().splitlines()[-1])
        if counts["reports_done"] >= len(set(reports)):
            break
        time.sleep(3)
    os.killpg(worker.pid, signal.SIGTERM)
    web.terminate()
    web.wait(20)
    dup = django("from django.db import connection\nc = connection.cursor()\nc.execute(\"SELECT count(*) FROM "
                 "(SELECT year, number FROM awards_decision GROUP BY year, number HAVING count(*) > 1) d\")\n"
                 "print(c.fetchone()[0])", env).strip()
    gaps = django("from django.db import connection\nc = connection.cursor()\nc.execute(\"SELECT count(*) FROM "
                  "(SELECT year FROM awards_decision GROUP BY year HAVING max(number) <> count(*)) g\")\n"
                  "print(c.fetchone()[0])", env).strip()
    print(json.dumps({"submissions_accepted": len(accepted), "submissions_in_db": counts.get("in_db"),
                      "lost_submissions": len(accepted) - counts.get("in_db", 0),
                      "decisions_confirmed_to_clients": len(approved), "submissions_decided": counts.get("decided"),
                      "decisions_in_db": counts.get("decisions"),
                      "lost_decisions": counts.get("confirmed_not_decided"),
                      "reports_requested": len(set(reports)), "reports_done": counts.get("reports_done"),
                      "report_rows": counts.get("reports_rows"), "duplicated_decision_numbers": int(dup),
                      "years_with_gaps_in_decision_numbers": int(gaps),
                      "baseline": baseline}, indent=2))


if __name__ == "__main__":
    main()
