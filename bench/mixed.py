"""Real use, measured: a mixed, diverse read load with writers, and deadline day.

    .venv/bin/python bench/mixed.py --scales 1 [--duration 30] [--users 20] [--writers 1] [--deadline 200]
    .venv/bin/python bench/mixed.py --smoke          # a few seconds at scale 0.01 (CI keeps it runnable)

For each scale (its own database, generated once and reused: see bench/run.py):
1. **The mix.** wrk (C, two threads, ``--users`` connections) sends readers' requests from a shuffled pool where
   no two lines are the same: 40 % dossier pages over up to 3,000 dossiers, 20 % queue pages with a random status,
   year and page, 15 % award-history searches over 500 names, 15 % dashboards of different years and units,
   10 % public pages. Meanwhile ``--writers`` staff/officer pairs go through the API at a stated pace (a dossier
   with a nominee created, submitted, received, assigned and appraised every ~2 s per pair) and a unit reports
   target figures. A progress line every 5 s. It runs twice: with the fragment cache (as deployed) and without it
   (``FRAGMENT_CACHE_SECONDS=0``), then ``/ping`` alone for the ceiling of the same server in the same run.
   Per page kind the server's own time (gunicorn's access log, microseconds) gives p50/p95/p99; wrk gives the
   mix's p50/p95/p99 as the clients saw them and the throughput.
2. **Deadline day.** ``--deadline`` staff accounts, each with its own session and unit, at once: create a dossier
   (the page's form), add a nominee, upload the council minutes (PDF), send it — while 20 officers read the mix.
   Checked afterwards in the database: every dossier there exactly once, sent once (one audit event).
3. The database's own view: pg_stat_statements' top statements (when the server has the extension) and the
   cache hit rate (Redis' keyspace hits/misses, when REDIS_URL is set).
4. Query counts of one page of each kind, so scales can be compared (they must be equal).
Results go to bench/results.md and .json (quoted in bench/README.md); bench/profile_mix.py tells where the time goes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import (  # noqa: E402
    PORT,
    django,
    env_for,
    prepare,
    serve as serve_portal,  # noqa: E402
)

VAR = ROOT / "var"
ACCESS_LOG = VAR / "bench-access.log"
KINDS = {"dossier": 40, "queue": 20, "history": 15, "dashboard": 15, "public": 10}

POOL_CODE = r'''
import json, random
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from importlib import import_module
from awards.models import Status, Submission
from campaigns.models import ExemplaryModel, ModelStatus
from organisation.models import Person, Unit, User
from organisation.text import fold
from targets.models import Target

rng = random.Random(2023)
dossiers = list(Submission.objects.exclude(status=Status.DRAFT).order_by("?").values_list("id", flat=True)[:3000])
statuses = [s for s in Status.values if s != Status.DRAFT]
years = sorted(set(Submission.objects.values_list("year", flat=True)))[-10:]
queue = {f"/khen-thuong/ho-so/?status={rng.choice(statuses)}&page={rng.randint(1, 8)}"
         + (f"&year={rng.choice(years)}" if rng.random() < 0.6 else "") for _ in range(4000)}
names = list(Person.objects.order_by("?").values_list("full_name", flat=True)[:2000])
searches = {fold(" ".join(n.split()[:2] + n.split()[-1:])).replace(" ", "+") for n in names}
searches = sorted(searches)[:500]
target_years = sorted(set(Target.objects.values_list("year", flat=True)))
units = list(Unit.objects.filter(targets__isnull=False).distinct().values_list("code", flat=True))
dashboards = {f"/chi-tieu/?year={y}" + (f"&unit={u}" if u else "") for y in target_years for u in [None, *units]}
models = list(ExemplaryModel.objects.filter(status=ModelStatus.APPROVED).values_list("pk", flat=True)[:2000])
public = [f"/dien-hinh/{pk}/" for pk in models] + [f"/dien-hinh/?page={p}" for p in range(1, 40)]
pools = {"dossier": [f"/khen-thuong/ho-so/{pk}/" for pk in dossiers], "queue": sorted(queue),
         "history": [f"/khen-thuong/lich-su/?q={q}" for q in searches], "dashboard": sorted(dashboards),
         "public": public}
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore

def session(user):
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return store.session_key

who = {"dossier": "demo_officer", "queue": "demo_officer", "history": "demo_officer", "dashboard": "demo_leader",
       "public": None}
counts = {}
for kind, urls in pools.items():
    client = Client(HTTP_HOST="localhost")
    if who[kind]:
        client.force_login(User.objects.get(username=who[kind]))
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        client.get(urls[0])
        with CaptureQueriesContext(connection) as capture:
            status = client.get(urls[0]).status_code
    counts[kind] = {"url": urls[0], "queries": len(capture.captured_queries), "status": status}
sessions = {u: session(User.objects.get(username=u)) for u in ("demo_officer", "demo_leader")}
from organisation.models import ApiToken
tokens = {u: ApiToken.objects.create(User.objects.get(username=u), name="bench", second_factor=True)[1]
          for u in ("demo_staff", "demo_officer")}
officer = User.objects.get(username="demo_officer").pk
import datetime
target = Target.objects.filter(year__lt=datetime.date.today().year, kind="numeric", responsible_unit__isnull=False,
                               actuals__isnull=False).order_by("-year", "pk").first()
report = None
if target:
    kind = target.actuals.values_list("period_kind", flat=True).first() or "quarter"
    value = target.actuals.values_list("value", flat=True).first() or target.value_low or 1
    report = {"target": target.pk, "period_kind": kind, "periods": 12 if kind == "month" else 4, "value": str(value)}
print(json.dumps({"pools": pools, "counts": counts, "sessions": sessions, "tokens": tokens, "officer": officer,
                  "target": report}))
'''

DEADLINE_CODE = r'''
import json
from django.conf import settings
from django.contrib.auth.models import Group
from importlib import import_module
from legal.models import AwardType
from organisation.models import Unit, User, UnitKind
n = int(__N__)
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
units = list(Unit.objects.filter(dissolved_on__isnull=True, kind__in=[UnitKind.WARD, UnitKind.COMMUNE])
             .order_by("path")[:n])
if len(units) < n:
    units += list(Unit.objects.filter(dissolved_on__isnull=True).exclude(pk__in=[u.pk for u in units])
                  .order_by("path")[: n - len(units)])
group = Group.objects.get(name="unit_staff")
accounts = []
for i, unit in enumerate(units):
    user, _ = User.objects.get_or_create(username=f"bench_staff_{i}", defaults={"unit": unit})
    user.unit = unit
    user.save(update_fields=["unit"])
    user.groups.add(group)
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    accounts.append({"user": user.pk, "unit": unit.pk, "session": store.session_key})
award = AwardType.objects.get(code="bang-khen-chu-tich").pk
print(json.dumps({"accounts": accounts, "award": award}))
'''

WRK_SCRIPT = r"""
local lines = {}
local cookies = { officer = os.getenv("COOKIE_OFFICER"), leader = os.getenv("COOKIE_LEADER") }
local who = { dossier = "officer", queue = "officer", history = "officer", dashboard = "leader" }
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  for line in io.lines(os.getenv("BENCH_URLS")) do lines[#lines + 1] = line end
  idx = (id or 1) * math.floor(#lines / 2)
end
function request()
  idx = idx % #lines + 1
  local kind, path = lines[idx]:match("^(%S+) (.+)$")
  local headers = { Host = "localhost" }
  local c = who[kind] and cookies[who[kind]]
  if c then headers["Cookie"] = "sessionid=" .. c end
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"p50": %.1f, "p95": %.1f, "p99": %.1f, "requests": %d, "us": %d, ' ..
    '"errors": %d, "status": %d}\n', latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def serve(env: dict):
    """The portal as deployed, with an access log of each request's own time (microseconds)."""
    ACCESS_LOG.unlink(missing_ok=True)
    return serve_portal(env, ("--backlog", "2048", "--access-logfile", str(ACCESS_LOG),
                              "--access-logformat", "%(m)s %(U)s %(s)s %(D)s"))


def kind_of(method: str, path: str) -> str:
    if path.startswith("/api/"):
        return "writers (API)"
    if method == "POST":
        if path.endswith("/gui/"):
            return "deadline: send"
        if path.endswith("/ho-so/moi/"):
            return "deadline: create"
        if path.endswith("/de-nghi/"):
            return "deadline: nominee"
        if path.endswith("/tai-lieu/"):
            return "deadline: PDF upload"
        return "other POST"
    for prefix, kind in (("/khen-thuong/lich-su/", "history"), ("/chi-tieu/", "dashboard"), ("/dien-hinh/", "public"),
                         ("/ping", "ping")):
        if path.startswith(prefix):
            return kind
    if path.startswith("/khen-thuong/ho-so/"):
        return "queue" if path == "/khen-thuong/ho-so/" else "dossier"
    return "other"


def server_times(offset: int = 0) -> tuple[dict, int]:
    """Per kind: p50/p95/p99 (ms) and counts of the access log's lines after ``offset`` bytes."""
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    with ACCESS_LOG.open("rb") as log:
        log.seek(offset)
        data = log.read()
    for line in data.decode(errors="replace").splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        method, path, status, micros = parts
        kind = kind_of(method, path)
        times.setdefault(kind, []).append(int(micros) / 1000)
        if status.startswith("5"):
            errors[kind] = errors.get(kind, 0) + 1
    return {k: {"n": len(v), "p50": pct(v, 50), "p95": pct(v, 95), "p99": pct(v, 99), "errors": errors.get(k, 0)}
            for k, v in sorted(times.items())}, offset + len(data)


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))], 1)


def write_urls(pools: dict, seed: int) -> Path:
    """A shuffled list of distinct requests in the mix's proportions."""
    rng = random.Random(seed)
    lines = []
    for kind, weight in KINDS.items():
        urls = list(pools[kind])
        rng.shuffle(urls)
        lines += [f"{kind} {u}" for u in urls[: max(1, weight * 100)]]
    rng.shuffle(lines)
    path = VAR / "bench-urls.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def wrk(target: str, users: int, duration: float, env_extra: dict) -> dict:
    script = VAR / "bench-mixed.lua"
    script.write_text(WRK_SCRIPT)
    env = dict(os.environ, **env_extra)
    proc = subprocess.Popen(["wrk", "-t", "2", "-c", str(users), "-d", f"{duration:g}s", "--timeout", "30s", "-s",
                             str(script), target], env=env, stdout=subprocess.PIPE, text=True)
    started = time.monotonic()
    while proc.poll() is None:  # the progress line
        time.sleep(min(5, max(0.5, duration / 4)))
        if proc.poll() is None and ACCESS_LOG.exists():
            lines = sum(1 for _ in ACCESS_LOG.open("rb"))
            print(f"  … {time.monotonic() - started:5.1f}/{duration:g} s, {lines} requests served so far", flush=True)
    out = proc.stdout.read()
    row = json.loads(next(line for line in out.splitlines() if line.startswith("BENCH "))[6:])
    row["rps"] = round(row["requests"] / (row["us"] / 1e6), 1)
    return row


def api(method: str, path: str, token: str, body=None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    data = json.dumps(body).encode() if body is not None else None
    conn.request(method, path, body=data, headers={"Authorization": f"Token {token}", "Host": "localhost",
                                                   "Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    try:
        return response.status, json.loads(payload or b"{}")
    except ValueError:
        return response.status, {}


def writers(stop: threading.Event, info: dict, pace: float, out: dict) -> None:
    """A unit's staff and an officer through the API at a stated pace: create, nominee, send, receive, assign,
    appraise; then a figure reported for a target."""
    staff, officer = info["tokens"]["demo_staff"], info["tokens"]["demo_officer"]
    n = 0
    while not stop.is_set():
        begun = time.monotonic()
        n += 1
        status, body = api("POST", "/api/v1/submissions/", staff, {
            "unit": "so-ke-hoach-dau-tu", "title": f"Tải thử {uuid.uuid4().hex[:8]}", "round_kind": "ad_hoc",
            "year": 2025, "commendation_type": "ad_hoc"})
        ok = status == 201
        if ok:
            pk = body["id"]
            steps = [("POST", f"/api/v1/submissions/{pk}/nominees/", staff, {
                "subject": "individual", "name": "Người tải thử", "award_type": "bang-khen-chu-tich",
                "achievement_summary": "Tải thử"}),
                ("POST", f"/api/v1/submissions/{pk}/submit/", staff, None),
                ("POST", f"/api/v1/submissions/{pk}/receive/", officer, None),
                ("POST", f"/api/v1/submissions/{pk}/assign/", officer, {"officer": info["officer"]})]
            nominee = None
            for method, path, token, payload in steps:
                status, result = api(method, path, token, payload)
                if path.endswith("/nominees/"):
                    nominee = result.get("id")
                ok = ok and status in (200, 201)
            if nominee:
                status, _ = api("POST", f"/api/v1/submissions/{pk}/appraise/", officer,
                                {"verdicts": [{"nominee": nominee, "verdict": "eligible"}]})
        report = info.get("target")
        if report:  # the responsible figure of a period, reported again (a correction, as units do)
            status, _ = api("POST", "/api/v1/actuals/", officer, {
                "target": report["target"], "period_kind": report["period_kind"],
                "period": (n % report["periods"]) + 1, "value": report["value"], "source": "Cục Thống kê"})
            out["figures"] = out.get("figures", 0) + (1 if status in (200, 201) else 0)
        out["dossiers"] = out.get("dossiers", 0) + 1
        out["failed"] = out.get("failed", 0) + (0 if ok else 1)
        stop.wait(max(0.0, pace - (time.monotonic() - begun)))


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, ctype) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def deadline_user(account: dict, award: int, barrier: threading.Barrier, results: list, lock, run: str) -> None:
    """One unit's staff on deadline day, through the pages: create, nominee, minutes (PDF), send."""
    csrf = secrets.token_hex(16)  # 32 characters: the CSRF cookie's secret, sent back in the form
    cookie = f"sessionid={account['session']}; csrftoken={csrf}"
    times, failure, pk = {}, None, None

    def post(path, fields, files=None):
        body, ctype = multipart({"csrfmiddlewaretoken": csrf, **fields}, files or {})
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        started = time.monotonic()
        conn.request("POST", path, body=body, headers={"Host": "localhost", "Cookie": cookie, "Content-Type": ctype,
                                                       "Referer": "http://localhost/"})
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Location", ""), (time.monotonic() - started) * 1000

    barrier.wait()
    try:
        status, location, times["create"] = post("/khen-thuong/ho-so/moi/", {
            "unit": account["unit"], "title": f"Đề nghị khen thưởng {run}-{account['user']}", "reference": "01/TTr",
            "round_kind": "yearly", "year": 2025, "commendation_type": "regular"})
        if status != 302 or "/ho-so/" not in location:
            raise RuntimeError(f"create {status}")
        pk = int(location.rstrip("/").rsplit("/", 1)[1])
        status, _l, times["nominee"] = post(f"/khen-thuong/ho-so/{pk}/de-nghi/", {
            "subject": "individual", "name": f"Cán bộ {account['user']}", "award_type": award,
            "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025"})
        if status != 302:
            raise RuntimeError(f"nominee {status}")
        status, _l, times["upload"] = post(f"/khen-thuong/ho-so/{pk}/tai-lieu/", {"kind": "council_minutes"},
                                           {"upload": ("bien-ban.pdf", PDF, "application/pdf")})
        if status != 302:
            raise RuntimeError(f"upload {status}")
        status, _l, times["send"] = post(f"/khen-thuong/ho-so/{pk}/gui/", {})
        if status != 302:
            raise RuntimeError(f"send {status}")
    except (OSError, RuntimeError, ValueError) as exc:
        failure = str(exc)
    with lock:
        results.append({"user": account["user"], "pk": pk, "times": times, "failure": failure})


VERIFY_CODE = r'''
import json
from awards.models import Status, Submission, WorkflowEvent
users = __USERS__
rows = Submission.objects.filter(created_by_id__in=users, title__startswith="Đề nghị khen thưởng __RUN__-")
per_user = {}
for s in rows:
    per_user[s.created_by_id] = per_user.get(s.created_by_id, 0) + 1
sent = rows.filter(status=Status.SUBMITTED).count()
events = WorkflowEvent.objects.filter(submission__in=rows, to_status=Status.SUBMITTED).count()
print(json.dumps({"dossiers": rows.count(), "users_with_one": sum(1 for v in per_user.values() if v == 1),
                  "users_with_more": sum(1 for v in per_user.values() if v > 1), "sent": sent, "send_events": events}))
'''


def deadline_day(env: dict, info: dict, users: int, readers: int, urls: Path) -> dict:
    accounts = json.loads(django(DEADLINE_CODE.replace("__N__", str(users)), env).strip().splitlines()[-1])
    offset = ACCESS_LOG.stat().st_size if ACCESS_LOG.exists() else 0
    results, lock = [], threading.Lock()
    barrier = threading.Barrier(len(accounts["accounts"]) + 1)
    run = uuid.uuid4().hex[:8]  # this run's dossiers, told apart from an earlier run's
    threads = [threading.Thread(target=deadline_user, args=(a, accounts["award"], barrier, results, lock, run))
               for a in accounts["accounts"]]
    for thread in threads:
        thread.start()
    reading = {}
    reader = threading.Thread(target=lambda: reading.update(wrk(
        f"http://127.0.0.1:{PORT}/", readers, 20, {"BENCH_URLS": str(urls),
                                                   "COOKIE_OFFICER": info["sessions"]["demo_officer"],
                                                   "COOKIE_LEADER": info["sessions"]["demo_leader"]})))
    reader.start()
    time.sleep(2)  # the officers are reading when the units start
    started = time.monotonic()
    barrier.wait()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    reader.join()
    verify = VERIFY_CODE.replace("__USERS__", json.dumps([a["user"] for a in accounts["accounts"]]))
    checked = json.loads(django(verify.replace("__RUN__", run), env).strip().splitlines()[-1])
    steps = {step: [r["times"][step] for r in results if step in r["times"]] for step in
             ("create", "nominee", "upload", "send")}
    flows = [sum(r["times"].values()) for r in results if r["failure"] is None]
    server, _ = server_times(offset)
    return {"users": len(accounts["accounts"]), "failures": [r["failure"] for r in results if r["failure"]],
            "seconds_for_all": round(elapsed, 1), "steps": {k: {"p50": pct(v, 50), "p95": pct(v, 95),
                                                                "p99": pct(v, 99)} for k, v in steps.items()},
            "whole_flow": {"p50": pct(flows, 50), "p95": pct(flows, 95)}, "database": checked,
            "officers_reading": reading, "server": server}


def pg_statements(env: dict, reset: bool) -> list | str:
    code = ("from django.db import connection\nimport json\nc = connection.cursor()\ntry:\n"
            "    c.execute('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')\n"
            + ("    c.execute('SELECT pg_stat_statements_reset()')\n    print(json.dumps('reset'))\n" if reset else
               "    c.execute(\"SELECT calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 2), "
               "left(regexp_replace(query, '\\\\s+', ' ', 'g'), 160) FROM pg_stat_statements "
               "WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 10\")\n"
               "    print(json.dumps([list(map(str, r)) for r in c.fetchall()]))\n")
            + "except Exception as exc:\n    print(json.dumps('not available: ' + str(exc).splitlines()[0]))\n")
    return json.loads(django(code, env).strip().splitlines()[-1])


def redis_hits() -> tuple[int, int] | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return None
    import redis

    info = redis.Redis.from_url(url).info("stats")
    return info["keyspace_hits"], info["keyspace_misses"]


def run_scale(scale: float, args) -> dict:
    env = dict(env_for(scale), API_USER_RATE="1000000/hour")  # two API accounts carry all the writers
    prepare(scale, env)
    print(f"scale {scale:g}: building the request pools", flush=True)
    info = json.loads(django(POOL_CODE, env).strip().splitlines()[-1])
    urls = write_urls(info["pools"], seed=int(scale * 1000) + 1)
    result = {"scale": scale, "queries": info["counts"], "pool_sizes": {k: len(v) for k, v in info["pools"].items()}}
    cookies = {"BENCH_URLS": str(urls), "COOKIE_OFFICER": info["sessions"]["demo_officer"],
               "COOKIE_LEADER": info["sessions"]["demo_leader"]}
    for label, extra in (("fragments on", {}), ("fragments off", {"FRAGMENT_CACHE_SECONDS": "0"})):
        proc = serve(dict(env, **extra))
        try:
            wrk(f"http://127.0.0.1:{PORT}/", 4, 3 if args.smoke else 5, cookies)  # warm the workers and caches
            offset = ACCESS_LOG.stat().st_size
            pg_statements(env, reset=True)
            hits_before = redis_hits()
            stop, written = threading.Event(), {}
            pairs = [threading.Thread(target=writers, args=(stop, info, 2.0, written)) for _ in range(args.writers)]
            for thread in pairs:
                thread.start()
            print(f"scale {scale:g}, {label}: the mix, {args.users} connections, {args.duration:g} s", flush=True)
            mix = wrk(f"http://127.0.0.1:{PORT}/", args.users, args.duration, cookies)
            stop.set()
            for thread in pairs:
                thread.join()
            server, _ = server_times(offset)
            hits_after = redis_hits()
            row = {"mix": mix, "server": server, "writers": written,
                   "pg_top": pg_statements(env, reset=False) if label == "fragments on" else None}
            if hits_before and hits_after:
                hits, misses = hits_after[0] - hits_before[0], hits_after[1] - hits_before[1]
                row["cache_hit_rate"] = round(hits / max(1, hits + misses), 3)
            if label == "fragments on":
                row["ping"] = wrk(f"http://127.0.0.1:{PORT}/ping", args.users, max(3, args.duration / 3),
                                  {"BENCH_URLS": str(_ping_urls())})
                if args.deadline:
                    print(f"scale {scale:g}: deadline day, {args.deadline} units at once", flush=True)
                    row["deadline"] = deadline_day(env, info, args.deadline, 20, urls)
            result[label] = row
            print(json.dumps({label: {"mix": mix, "writers": written}}), flush=True)
        finally:
            proc.terminate()
            proc.wait(30)
    return result


def _ping_urls() -> Path:
    path = VAR / "bench-ping.txt"
    path.write_text("public /ping\n")
    return path


def markdown(results: list, args) -> str:
    cache = "Redis (fragments and sessions)" if os.environ.get("REDIS_URL") else "per-process memory"
    out = [f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores; gunicorn 4 sync workers, "
           f"PostgreSQL and the load generator (wrk, 2 threads) on the same machine; cache: {cache}; "
           f"{args.users} connections for {args.duration:g} s; {args.writers} writer pair(s) through the API.", ""]
    out += ["| scale | fragments | mix p50 | mix p95 | mix p99 | req/s | /ping req/s | × /ping | errors (conn/5xx) |"
            " writers: dossiers (failed) | cache hit rate |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        ping = r["fragments on"]["ping"]["rps"]
        for label in ("fragments on", "fragments off"):
            m = r[label]["mix"]
            w = r[label]["writers"]
            out.append(f"| {r['scale']:g} | {label} | {m['p50']} | {m['p95']} | {m['p99']} | {m['rps']} | {ping} | "
                       f"{m['rps'] / ping:.2f} | {m['errors']}/{m['status']} | {w.get('dossiers', 0)} "
                       f"({w.get('failed', 0)}) | {r[label].get('cache_hit_rate', '—')} |")
    out += ["", "Per page kind, the server's own time (ms, gunicorn access log), fragments on / off:", "",
            "| scale | kind | requests | p50 | p95 | p99 | p95 without fragments | 5xx | queries |",
            "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        off = r["fragments off"]["server"]
        for kind, row in r["fragments on"]["server"].items():
            queries = r["queries"].get(kind, {}).get("queries", "")
            out.append(f"| {r['scale']:g} | {kind} | {row['n']} | {row['p50']} | {row['p95']} | {row['p99']} | "
                       f"{off.get(kind, {}).get('p95', '—')} | {row['errors']} | {queries} |")
    for r in results:
        d = r["fragments on"].get("deadline")
        if not d:
            continue
        out += ["", f"Deadline day at scale {r['scale']:g}: {d['users']} units at once (each its own session), "
                f"20 officers reading; all done in {d['seconds_for_all']} s; failures: {len(d['failures'])}"
                + (f" ({'; '.join(sorted(set(d['failures']))[:5])})" if d["failures"] else ""), "",
                "| step | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|"]
        for step, row in d["steps"].items():
            out.append(f"| {step} | {row['p50']} | {row['p95']} | {row['p99']} |")
        out.append(f"| whole flow (4 requests) | {d['whole_flow']['p50']} | {d['whole_flow']['p95']} | |")
        db = d["database"]
        out += ["", f"In the database afterwards: {db['dossiers']} dossiers for {d['users']} units, "
                f"{db['users_with_one']} units with exactly one, {db['users_with_more']} with more, {db['sent']} sent, "
                f"{db['send_events']} send events. The officers' reads meanwhile: p95 "
                f"{d['officers_reading'].get('p95')} ms, {d['officers_reading'].get('rps')} req/s, "
                f"errors {d['officers_reading'].get('errors')}/{d['officers_reading'].get('status')}."]
    for r in results:
        top = r["fragments on"].get("pg_top")
        out += ["", f"PostgreSQL's view at scale {r['scale']:g} during the mix (pg_stat_statements, top by total time):",
                ""]
        if isinstance(top, list):
            out += ["| calls | total ms | mean ms | statement |", "|---|---|---|---|"]
            out += [f"| {c} | {t} | {m} | `{q.replace('|', '/')}` |" for c, t, m, q in top]
        else:
            out.append(str(top))
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=float, default=[1])
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--deadline", type=int, default=200)
    parser.add_argument("--smoke", action="store_true", help="a few seconds at scale 0.01, no deadline day")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    if args.smoke:
        args.scales, args.duration, args.users, args.deadline = [0.01], 3, 4, 5
    VAR.mkdir(exist_ok=True)
    results = [run_scale(scale, args) for scale in args.scales]
    text = markdown(results, args)
    Path(args.out + ".md").write_text(text)
    Path(args.out + ".json").write_text(json.dumps(results, indent=2, default=str))
    print(text)
    failures = [r for r in results if any(r[label]["mix"]["errors"] or r[label]["mix"]["status"]
                                          for label in ("fragments on", "fragments off"))]
    dead = [r for r in results if r["fragments on"].get("deadline", {}).get("failures")]
    return 1 if failures or dead else 0


if __name__ == "__main__":
    sys.exit(main())
