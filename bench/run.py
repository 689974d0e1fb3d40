"""Benchmarks of the key pages on generated data, side by side in one run.

    .venv/bin/python bench/run.py --scales 0.01 1 [--duration 10] [--users 20]

For each scale it (1) generates the data into its own database if needed (`generate_demo_data`),
(2) counts each page's queries, their SQL time and the time of a whole request with the fragment cache off
(what a page costs right after its data changed), and the queries left when its fragment is cached,
(3) serves the portal with gunicorn on loopback and measures p50/p95/p99 latency and throughput under
concurrent connections from wrk next to a trivial view (`/ping`), and (4) times the quarterly PDF report
and its peak memory. Results go to bench/pages-results.md, .json and .svg. Without DATABASE_URL the databases are
created on the embedded PostgreSQL; with REDIS_URL, sessions and fragments are cached in Redis.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = str(ROOT / ".venv" / "bin" / "python")
PORT = 8099


def env_for(scale: float) -> dict:
    name = f"hptd_bench_{str(scale).replace('.', '')}"
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="haiphong_thidua.settings.local", DEBUG="0",
               SECRET_KEY="bench-only-secret-key-not-for-production", CONN_MAX_AGE="600", LOG_LEVEL="WARNING")
    if env.get("DATABASE_URL"):
        env["DATABASE_URL"] = env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
    else:
        env["HPTD_EMBEDDED_DB_NAME"] = name
    return env


def django(code: str, env: dict) -> str:
    result = subprocess.run([PY, "-c", "import django; django.setup()\n" + code], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout


def prepare(scale: float, env: dict) -> None:
    if env.get("DATABASE_URL"):  # (the embedded server's settings create their database themselves)
        from utilities.embedded_db import ensure_database

        ensure_database(env["DATABASE_URL"].rsplit("/", 1)[1], dsn=env["DATABASE_URL"])
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    has_data = django("from awards.models import Nominee; print(Nominee.objects.count())", env).strip()
    if int(has_data) < 1_000_000 * scale * 0.9:
        out = subprocess.run([PY, "manage.py", "generate_demo_data", "--scale", str(scale)], cwd=ROOT, env=env,
                             check=True, capture_output=True, text=True).stdout
        print(out.strip().splitlines()[-1])
    subprocess.run([PY, "manage.py", "create_demo_accounts"], cwd=ROOT, env=env, check=True, capture_output=True)


PAGES_CODE = r'''
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from importlib import import_module
from django.conf import settings
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
from awards.models import Submission
from organisation.models import User

dossier = Submission.objects.filter(status="decided").order_by("id").values_list("id", flat=True)[100]
pages = {
    "review queue (filtered, page 5)": ("demo_officer", "/khen-thuong/ho-so/?status=decided&year=2020&page=5"),
    "dossier page": ("demo_officer", f"/khen-thuong/ho-so/{dossier}/"),
    "person history search (no diacritics)": ("demo_officer", "/khen-thuong/lich-su/?q=tran+thi"),
    "award history, newest first, page 200": ("demo_officer", "/khen-thuong/lich-su/?page=200"),
    "leadership dashboard": ("demo_leader", "/chi-tieu/?year=2023"),
    "public exemplary models": (None, "/dien-hinh/"),
    "trivial view (/ping)": (None, "/ping"),
}
import time
from django.test.utils import override_settings
result = {}
for label, (user, url) in pages.items():
    client = Client(HTTP_HOST="localhost")
    if user:
        client.force_login(User.objects.get(username=user))
    # Uncached: what the page costs when its data has just changed (fragments switched off).
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        client.get(url)  # warm the connection and PostgreSQL's buffers
        with CaptureQueriesContext(connection) as capture:
            response = client.get(url)
        queries = list(capture.captured_queries)  # copy now: every request resets the connection's log
        started = time.perf_counter()
        for _ in range(3):
            client.get(url)
        uncached_ms = (time.perf_counter() - started) / 3 * 1000
    assert response.status_code == 200, (url, response.status_code)
    client.get(url)  # fills the fragment cache
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    result[label] = {"url": url, "user": user, "queries": len(queries),
                     "sql_ms": round(sum(float(q["time"]) for q in queries) * 1000, 1),
                     "uncached_ms": round(uncached_ms, 1), "cached_queries": len(cached.captured_queries)}
sessions = {}
for username in ("demo_officer", "demo_leader"):
    store = SessionStore()
    user = User.objects.get(username=username)
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions[username] = store.session_key
print(json.dumps({"pages": result, "sessions": sessions}))
'''


WRK_SCRIPT = """
wrk.headers["Host"] = "localhost"
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"p50": %.1f, "p95": %.1f, "p99": %.1f, "requests": %d, "us": %d, "errors": %d}\\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def load(url: str, cookie: str | None, users: int, duration: float) -> dict:
    """``users`` concurrent connections for ``duration`` seconds with wrk (C, two threads), so the load
    generator takes little of the CPU the server needs; each connection sends its next request as soon
    as the previous answer arrives."""
    script = ROOT / "var" / "bench.lua"
    script.parent.mkdir(exist_ok=True)
    script.write_text(WRK_SCRIPT)
    env = dict(os.environ, BENCH_COOKIE=f"sessionid={cookie}" if cookie else "")
    out = subprocess.run(["wrk", "-t", "2", "-c", str(users), "-d", f"{duration:g}s", "--timeout", "30s",
                          "-s", str(script), f"http://127.0.0.1:{PORT}{url}"],
                         env=env, capture_output=True, text=True, check=True).stdout
    row = json.loads(next(line for line in out.splitlines() if line.startswith("BENCH "))[6:])
    return {"p50": row["p50"], "p95": row["p95"], "p99": row["p99"],
            "rps": round(row["requests"] / (row["us"] / 1e6), 1), "errors": row["errors"]}


def report_cost(env: dict) -> dict:
    code = ("import time, resource, datetime as dt\nfrom reports.models import Report\nfrom reports import data, "
            "render\nr, _ = Report.objects.get_or_create(kind='quarterly', period_start=dt.date(2023, 4, 1), "
            "defaults={'period_end': dt.date(2023, 6, 30)})\nt = time.perf_counter()\n"
            "c = data.collect(r.kind, r.period_start, r.period_end)\npdf = render.pdf_bytes(r, c)\n"
            "render.xlsx_bytes(r, c)\nprint(round(time.perf_counter() - t, 2), "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(pdf))")
    seconds, peak_mb, size = django(code, env).split()
    return {"seconds": float(seconds), "peak_mb": int(peak_mb), "pdf_bytes": int(size)}


def serve(env: dict, extra: tuple = ()):
    """gunicorn as deployed (4 sync workers) on loopback, once it answers /ping; ``extra``: more gunicorn options."""
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "haiphong_thidua.wsgi", "--bind",
                             f"127.0.0.1:{PORT}", "--workers", "4", "--worker-class", "sync", "--log-level", "warning",
                             *extra], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            conn.request("GET", "/ping", headers={"Host": "localhost"})
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not start")


def chart(results: dict) -> str:
    from reports.charts import bar_chart

    top = max(results)
    items = [(label, row["load"]["p95"] or 0) for label, row in results[top]["pages"].items()]
    return bar_chart(items, width=620, label_width=260)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=float, default=[0.01, 1])
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/run.py needs wrk: sudo apt-get install wrk (scripts/setup.sh installs it)")
    results = {}
    for scale in args.scales:
        env = env_for(scale)
        prepare(scale, env)
        measured = json.loads(django(PAGES_CODE, env).strip().splitlines()[-1])
        proc = serve(env)
        try:
            for label, row in measured["pages"].items():
                cookie = measured["sessions"].get(row["user"]) if row["user"] else None
                load(row["url"], cookie, 4, 2)  # warm the workers
                row["load"] = load(row["url"], cookie, args.users, args.duration)
                print(scale, label, row["queries"], row["sql_ms"], row["load"], flush=True)
        finally:
            proc.terminate()
            proc.wait(20)
        measured["report"] = report_cost(env)
        results[scale] = measured
    ceiling = {s: r["pages"]["trivial view (/ping)"]["load"]["rps"] for s, r in results.items()}
    lines = ["| scale | page | queries | SQL ms | uncached ms | queries cached | p50 ms | p95 ms | p99 ms | req/s "
             "| × ceiling | errors |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scale, r in results.items():
        for label, row in r["pages"].items():
            load_ = row["load"]
            lines.append(f"| {scale:g} | {label} | {row['queries']} | {row['sql_ms']} | {row['uncached_ms']} | "
                         f"{row['cached_queries']} | {load_['p50']} | {load_['p95']} | {load_['p99']} | "
                         f"{load_['rps']} | {load_['rps'] / ceiling[scale]:.2f} | {load_['errors']} |")
    lines += ["", "| scale | quarterly report: seconds | peak memory MB | PDF bytes |", "|---|---|---|---|"]
    for scale, r in results.items():
        lines.append(f"| {scale:g} | {r['report']['seconds']} | {r['report']['peak_mb']} | {r['report']['pdf_bytes']} |")
    cache = "Redis (fragments and sessions)" if os.environ.get("REDIS_URL") else "per-process memory (fragments)"
    header = (f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, {args.users} concurrent "
              f"connections (wrk) for {args.duration:g} s per page, gunicorn 4 sync workers on loopback, "
              f"PostgreSQL on the same machine, cache: {cache}.\n\n")
    (ROOT / "bench" / "pages-results.md").write_text(header + "\n".join(lines) + "\n")
    (ROOT / "bench" / "pages-results.svg").write_text(chart(results))
    (ROOT / "bench" / "pages-results.json").write_text(json.dumps(results, indent=2, default=str))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
