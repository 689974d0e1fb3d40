"""Issue 34, target 4: what one unit's four deadline-day requests cost the server, step by step.

    .venv/bin/python bench/deadline_steps.py --scale 1 [--units 30] [--profile send]

In one process with the served settings, ``--units`` staff accounts (each its own unit, as bench/mixed.py's
deadline day makes them) go through the pages as on deadline day: create a dossier, add a nominee, upload the
council minutes (PDF), send. Each request's wall and CPU time (``process_time``, which the other processes on the
machine do not inflate) and queries are taken; with ``--profile STEP`` that step runs under cProfile and the functions of
our own code with the most cumulative time in that step are listed. A burst of N units costs about N × (the four steps' CPU)
divided by the cores, whatever the worker count: that arithmetic, beside these figures, is what bench/results.md
says about deadline day.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from mixed import DEADLINE_CODE, PDF, pct  # noqa: E402
from run import django, env_for  # noqa: E402

CODE = r'''
import cProfile, io, json, pstats, time, uuid
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from haiphong_thidua.warmup import warm
from organisation.models import User
warm()  # as gunicorn.conf.py warms each worker before it takes traffic
info = json.loads(__INFO__)
pdf = __PDF__
profile = cProfile.Profile() if __PROFILE__ else None  # the step profiled
run = uuid.uuid4().hex[:8]
steps = {"create": [], "nominee": [], "upload": [], "send": []}
queries = {}
def timed(step, client, path, data):
    with CaptureQueriesContext(connection) as captured:
        wall, cpu = time.perf_counter(), time.process_time()
        if profile and step == __PROFILE__:
            profile.enable()
        response = client.post(path, data)
        if profile and step == __PROFILE__:
            profile.disable()
        steps[step].append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    queries[step] = len(captured.captured_queries)
    assert response.status_code == 302, (step, response.status_code, response.content[:2000])
    return response
from django.core.files.uploadedfile import SimpleUploadedFile
# One client for every unit, as one gunicorn worker serves them all: a new test client builds the middleware again
# (WhiteNoise scans the static files then), which a served request never does.
client = Client(HTTP_HOST="localhost")
for i, account in enumerate(info["accounts"]):
    if i == 1:  # the first unit's requests warmed what warm() does not (the forms' first use): not counted
        steps = {step: [] for step in steps}
    client.logout()
    client.force_login(User.objects.get(pk=account["user"]))
    r = timed("create", client, "/khen-thuong/ho-so/moi/", {
        "unit": account["unit"], "title": f"Đề nghị khen thưởng {run}-{i}", "reference": "01/TTr",
        "round_kind": "yearly", "year": 2025, "commendation_type": "regular"})
    pk = int(r["Location"].rstrip("/").rsplit("/", 1)[1])
    timed("nominee", client, f"/khen-thuong/ho-so/{pk}/de-nghi/", {
        "subject": "individual", "name": f"Cán bộ {run} {i}", "award_type": info["award"],
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025"})
    timed("upload", client, f"/khen-thuong/ho-so/{pk}/tai-lieu/", {
        "kind": "council_minutes", "upload": SimpleUploadedFile("bien-ban.pdf", pdf, "application/pdf")})
    timed("send", client, f"/khen-thuong/ho-so/{pk}/gui/", {})
top = ""
if profile:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("tottime" if __ALL__ else "cumulative")
    stats.print_stats("" if __ALL__ else r"/work/main/(?!\.venv)", 30)
    top = out.getvalue()[-5000:]
print(json.dumps({"steps": steps, "queries": queries, "top": top}))
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--profile", choices=["create", "nominee", "upload", "send"],
                        help="run this step under cProfile and list our functions by cumulative time")
    parser.add_argument("--all-functions", action="store_true", help="with --profile: every function, by own time")
    args = parser.parse_args()
    env = dict(env_for(args.scale), FRAGMENT_CACHE_SECONDS="0", API_USER_RATE="1000000/hour")
    info = django(DEADLINE_CODE.replace("__N__", str(args.units)), env).strip().splitlines()[-1]
    code = (CODE.replace("__INFO__", repr(info)).replace("__PDF__", repr(PDF))
            .replace("__PROFILE__", repr(args.profile or "")).replace("__ALL__", str(args.all_functions))
            .replace("/work/main/", str(ROOT) + "/"))
    result = json.loads(django(code, env).strip().splitlines()[-1])
    print(f"Scale {args.scale:g}: {args.units} units, each its own session, through the pages in one process "
          "(Django's handler, no network, no queue):\n")
    print("| step | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | queries |")
    print("|---|---|---|---|---|---|")
    total = 0.0
    for step, times in result["steps"].items():
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        total += pct(cpus, 50)
        print(f"| {step} | {pct(walls, 50)} | {pct(walls, 95)} | {pct(cpus, 50)} | {pct(cpus, 95)} | "
              f"{result['queries'][step]} |")
    print(f"| the four | | | {total:.1f} | | |")
    if result["top"]:
        print("\n```\n" + result["top"] + "\n```")


if __name__ == "__main__":
    main()
