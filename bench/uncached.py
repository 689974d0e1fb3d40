"""Issue 34, target 1: each page kind's uncached server time, beside /ping from the same run.

    .venv/bin/python bench/uncached.py --scale 1 [--requests 60]

In one process with the served settings (fragments off: every request renders in full, as right after its data
changed), for each page kind of the mix (var/bench-urls.txt, written by bench/mixed.py) ``--requests`` distinct URLs
are requested through Django's handler; each request's wall time and CPU time (which the other processes on a busy
machine do not inflate) are taken, with its queries. /ping goes through the same handler. Prints a Markdown table
for bench/results.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from mixed import pct  # noqa: E402
from run import django, env_for  # noqa: E402

CODE = r'''
import json, random, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from organisation.models import User
from tests.second_factor import verify  # the session as after the second factor (the signer and the clerk need one)
n = __N__
HOMES = ("demo_staff", "demo_officer", "demo_council", "demo_leader", "demo_admin", "demo_signer", "demo_clerk")
lines = [l.split(" ", 1) for l in open(__URLS__).read().splitlines() if l]
who = {"dossier": "demo_officer", "queue": "demo_officer", "history": "demo_officer", "dashboard": "demo_leader",
       "public": None, "ping": None}
rows = {}
for kind in ("dossier", "queue", "history", "dashboard", "public", *(f"home: {u[5:]}" for u in HOMES), "ping"):
    client = Client(HTTP_HOST="localhost")
    username = "demo_" + kind.split(": ")[1] if kind.startswith("home: ") else who[kind]
    if username:
        user = User.objects.get(username=username)
        client.force_login(user)
        verify(client, user)
    if kind == "ping":
        urls = ["/ping"] * (n + 10)
    elif kind.startswith("home: "):
        urls = ["/"] * (n + 10)  # one page per role: fragments are off, so every request renders it in full
    else:
        urls = [p for k, p in lines if k == kind]
    random.Random(7).shuffle(urls)
    for path in urls[n:n + 10]:  # the process warm, on other URLs of the kind
        client.get(path)
    walls, cpus, queries = [], [], 0
    for path in urls[:n]:
        with CaptureQueriesContext(connection) as captured:
            wall, cpu = time.perf_counter(), time.process_time()
            status = client.get(path).status_code
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        assert status == 200, (kind, path, status)
        queries = max(queries, len(captured.captured_queries))
    rows[kind] = {"walls": walls, "cpus": cpus, "queries": queries}
print(json.dumps(rows))
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--urls", default=str(ROOT / "var" / "bench-urls.txt"), help="the mix's requests")
    args = parser.parse_args()
    urls = Path(args.urls)
    if not urls.exists():
        sys.exit("run bench/mixed.py first: it writes the mix's requests to var/bench-urls.txt")
    env = dict(env_for(args.scale), FRAGMENT_CACHE_SECONDS="0")
    measured = json.loads(django(CODE.replace("__URLS__", repr(str(urls))).replace("__N__", str(args.requests)),
                                 env).strip().splitlines()[-1])
    rows = {kind: {"wall_p50": pct(m["walls"], 50), "wall_p95": pct(m["walls"], 95), "cpu_p50": pct(m["cpus"], 50),
                   "cpu_p95": pct(m["cpus"], 95), "queries": m["queries"]} for kind, m in measured.items()}
    print(f"Scale {args.scale:g}, fragments off, {args.requests} distinct requests per kind in one process "
          "(Django's handler, no network):\n")
    print("| kind | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | queries (max) | wall p95 × /ping |")
    print("|---|---|---|---|---|---|---|")
    ping = rows["ping"]["wall_p95"] or 0.1
    for kind, row in rows.items():
        print(f"| {kind} | {row['wall_p50']} | {row['wall_p95']} | {row['cpu_p50']} | {row['cpu_p95']} | "
              f"{row['queries']} | {row['wall_p95'] / ping:.0f} |")


if __name__ == "__main__":
    main()
