"""The first requests a new web worker serves, cold and warmed (issue 34, item 3), beside /ping from the same run.

    .venv/bin/python bench/first_request.py --scale 1 [--rounds 3]

For each round, gunicorn with one sync worker is started twice on the scale's database: once without the project's
gunicorn.conf.py (``-c /dev/null``: the worker loads the application and serves at once, everything else lazily) and
once with it (the worker warms itself in ``post_worker_init``, haiphong_thidua/warmup.py, before it accepts a
connection; the script waits for its "warm" log line, as a load balancer waits for a node's health check). Then the
worker's first six distinct dossier pages (the officer's session, fragments off) and ten /ping requests are timed
from the client. Prints a Markdown table for bench/results.md.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import PORT, django, env_for  # noqa: E402

SESSION_CODE = r'''
from importlib import import_module
from django.conf import settings
from organisation.models import User
user = User.objects.get(username="demo_officer")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store["_auth_user_id"] = str(user.pk)
store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
store["_auth_user_hash"] = user.get_session_auth_hash()
store.create()
print(store.session_key)
'''


def get(path: str, cookie: str = "") -> float:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "localhost", "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status}")
    return (time.perf_counter() - started) * 1000


def one_worker(env: dict, config: str, log: Path, urls: list[str], cookie: str) -> tuple[list[float], float]:
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "haiphong_thidua.wsgi", "-c", config,
                             "--bind", f"127.0.0.1:{PORT}", "--workers", "1", "--log-level", "info"],
                            cwd=ROOT, env=env, stderr=log.open("w"))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the worker takes connections: booted, and warm where configured
            text = log.read_text()
            if "Booting worker" in text and (config == "/dev/null" or " warm in " in text):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start:\n" + log.read_text()[-2000:])
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=2).connect()
                break
            except OSError:
                time.sleep(0.05)
        pages = [get(url, cookie) for url in urls]
        ping = statistics.median(get("/ping") for _ in range(10))
        return pages, ping
    finally:
        proc.terminate()
        proc.wait(30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--urls", default=str(ROOT / "var" / "bench-urls.txt"), help="the mix's requests")
    args = parser.parse_args()
    env = dict(env_for(args.scale), FRAGMENT_CACHE_SECONDS="0")
    urls_file = Path(args.urls)
    if not urls_file.exists():
        sys.exit("run bench/mixed.py first: it writes the mix's requests to var/bench-urls.txt")
    dossiers = [line.split(" ", 1)[1] for line in urls_file.read_text().splitlines() if line.startswith("dossier ")]
    cookie = "sessionid=" + django(SESSION_CODE, env).strip().splitlines()[-1]
    log = ROOT / "var" / "bench-first-request.log"
    rows = []
    for round_ in range(args.rounds):
        urls = dossiers[round_ * 6:(round_ + 1) * 6]
        for label, config in (("cold (no gunicorn.conf.py)", "/dev/null"), ("warmed (gunicorn.conf.py)",
                                                                            str(ROOT / "gunicorn.conf.py"))):
            pages, ping = one_worker(env, config, log, urls, cookie)
            rows.append((label, pages, ping))
    print(f"Scale {args.scale:g}, one sync worker, fragments off; client-side ms of the worker's first six dossier "
          "pages, and the median of ten /ping after them.\n")
    print("| worker | 1st | 2nd | 3rd | 4th–6th (median) | /ping |\n|---|---|---|---|---|---|")
    for label, pages, ping in rows:
        print(f"| {label} | {pages[0]:.0f} | {pages[1]:.0f} | {pages[2]:.0f} | {statistics.median(pages[3:]):.0f} "
              f"| {ping:.1f} |")


if __name__ == "__main__":
    main()
