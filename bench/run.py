"""Benchmarks of the key pages on generated data, side by side in one run.

    .venv/bin/python bench/run.py --scales 0.01 1 [--duration 10] [--users 20]

For each scale it (1) generates the data into its own database if needed (`generate_demo_data`),
(2) counts each page's queries and their SQL time, (3) serves the portal with gunicorn on loopback and
measures p50/p95/p99 latency and throughput under concurrent users next to a trivial view (`/ping`),
and (4) times the quarterly PDF report and its peak memory. Results go to bench/results.md and
bench/results.svg. Without DATABASE_URL the databases are created on the embedded PostgreSQL.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    if env.get("DATABASE_URL"):
        import psycopg2

        base = env["DATABASE_URL"].rsplit("/", 1)
        conn = psycopg2.connect(base[0] + "/postgres")
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [base[1]])
            if not cursor.fetchone():
                cursor.execute(f'CREATE DATABASE "{base[1]}"')
        conn.close()
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
from django.contrib.sessions.backends.db import SessionStore
from awards.models import Submission
from organisation.models import User

dossier = Submission.objects.filter(status="decided").order_by("id").values_list("id", flat=True)[100]
pages = {
    "review queue (filtered, page 5)": ("demo_officer", "/khen-thuong/ho-so/?status=decided&year=2020&page=5"),
    "dossier page": ("demo_officer", f"/khen-thuong/ho-so/{dossier}/"),
    "person history search (no diacritics)": ("demo_officer", "/khen-thuong/lich-su/?q=nguyen+van+an"),
    "leadership dashboard": ("demo_leader", "/chi-tieu/?year=2023"),
    "public exemplary models": (None, "/dien-hinh/"),
    "trivial view (/ping)": (None, "/ping"),
}
result = {}
for label, (user, url) in pages.items():
    client = Client(HTTP_HOST="localhost")
    if user:
        client.force_login(User.objects.get(username=user))
    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    result[label] = {"url": url, "user": user, "queries": len(queries),
                     "sql_ms": round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1)}
sessions = {}
for username in ("demo_officer", "demo_leader"):
    store = SessionStore()
    user = User.objects.get(username=username)
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions[username] = store.session_key
print(json.dumps({"pages": result, "sessions": sessions}))
'''


def load(url: str, cookie: str | None, users: int, duration: float) -> dict:
    latencies, errors, stop = [], [0], time.monotonic() + duration
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        headers = {"Host": "localhost", "Cookie": f"sessionid={cookie}" if cookie else ""}
        mine = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                continue
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(users)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1) if latencies else None

    return {"p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99), "rps": round(len(latencies) / elapsed, 1),
            "errors": errors[0]}


def report_cost(env: dict) -> dict:
    code = ("import time, resource, datetime as dt\nfrom reports.models import Report\nfrom reports import data, "
            "render\nr, _ = Report.objects.get_or_create(kind='quarterly', period_start=dt.date(2023, 4, 1), "
            "defaults={'period_end': dt.date(2023, 6, 30)})\nt = time.perf_counter()\n"
            "c = data.collect(r.kind, r.period_start, r.period_end)\npdf = render.pdf_bytes(r, c)\n"
            "render.xlsx_bytes(r, c)\nprint(round(time.perf_counter() - t, 2), "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(pdf))")
    seconds, peak_mb, size = django(code, env).split()
    return {"seconds": float(seconds), "peak_mb": int(peak_mb), "pdf_bytes": int(size)}


def serve(env: dict):
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "haiphong_thidua.wsgi", "--bind",
                             f"127.0.0.1:{PORT}", "--workers", "4", "--worker-class", "sync", "--log-level", "warning"],
                            cwd=ROOT, env=env)
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
    sys.path.insert(0, str(ROOT))
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
    lines = ["| scale | page | queries | SQL ms | p50 ms | p95 ms | p99 ms | req/s | × ceiling | errors |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for scale, r in results.items():
        for label, row in r["pages"].items():
            load_ = row["load"]
            lines.append(f"| {scale:g} | {label} | {row['queries']} | {row['sql_ms']} | {load_['p50']} | "
                         f"{load_['p95']} | {load_['p99']} | {load_['rps']} | "
                         f"{load_['rps'] / ceiling[scale]:.2f} | {load_['errors']} |")
    lines += ["", "| scale | quarterly report: seconds | peak memory MB | PDF bytes |", "|---|---|---|---|"]
    for scale, r in results.items():
        lines.append(f"| {scale:g} | {r['report']['seconds']} | {r['report']['peak_mb']} | {r['report']['pdf_bytes']} |")
    header = (f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, {args.users} concurrent users "
              f"for {args.duration:g} s per page, gunicorn 4 sync workers on loopback.\n\n")
    (ROOT / "bench" / "results.md").write_text(header + "\n".join(lines) + "\n")
    (ROOT / "bench" / "results.svg").write_text(chart(results))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
