"""Where a request of the mix spends its time: the mix's requests run in one process under cProfile (the same
settings as the served portal: fragments and sessions in Redis when REDIS_URL is set), each one not seen before
(as in the served mix, where the pool is larger than a run), then the time is summed by where the code lives (our
apps, Django's request/response cycle, templates, the database driver, Redis, …).

    .venv/bin/python bench/profile_mix.py --scale 1 [--requests 600] [--kind dossier] [--urls var/bench-urls-1.txt]

Prints the table that bench/results.md quotes, and the 25 functions with the most own time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import django, env_for  # noqa: E402

CODE = r'''
import cProfile, io, json, pstats, random, time
from django.test import Client
from organisation.models import User
lines = [l.split(" ", 1) for l in open(__URLS__).read().splitlines() if l]
lines = [l for l in lines if __KIND__ in (None, l[0])]  # --kind: one page kind only
random.Random(7).shuffle(lines)
warm, lines = lines[__N__:2 * __N__], lines[:__N__]
clients = {"officer": Client(HTTP_HOST="localhost"), "leader": Client(HTTP_HOST="localhost"),
           None: Client(HTTP_HOST="localhost")}
clients["officer"].force_login(User.objects.get(username="demo_officer"))
clients["leader"].force_login(User.objects.get(username="demo_leader"))
who = {"dossier": "officer", "queue": "officer", "history": "officer", "dashboard": "leader", "public": None}
for kind, path in warm:  # warm the process (templates, connections) on other requests: in the served mix
    clients[who[kind]].get(path)  # almost every request is one not seen before, so its fragment is not cached
profile = cProfile.Profile()
started = time.perf_counter()
profile.enable()
for kind, path in lines:
    clients[who[kind]].get(path)
profile.disable()
elapsed = time.perf_counter() - started
stats = pstats.Stats(profile)
groups = {}
RULES = [("/jinja2/", "Jinja2 templates"),
         ("/awards/", "our code: awards"), ("/campaigns/", "our code: campaigns"), ("/targets/", "our code: targets"),
         ("/organisation/", "our code: organisation"), ("/haiphong_thidua/", "our code: shared (cache, middleware)"),
         ("/django/template/", "Django templates"), ("/django/db/", "Django ORM"), ("psycopg", "PostgreSQL driver"),
         ("/redis/", "Redis client"), ("/django/contrib/sessions/", "sessions"), ("/django/contrib/auth/", "auth"),
         ("/axes/", "django-axes"), ("/simple_history/", "django-simple-history"),
         ("/django/middleware/", "Django middleware"),
         ("/django/test/", "the test client (not in a served request)"), ("/django/", "Django (other)")]
for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
    label = next((g for key, g in RULES if key in filename), "Python and other libraries")
    groups[label] = groups.get(label, 0) + tottime
total = sum(groups.values())
out = io.StringIO()
pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
print(json.dumps({"requests": len(lines), "ms_per_request": round(elapsed / len(lines) * 1000, 2),
                  "groups": sorted(((g, round(t / total * 100, 1), round(t / len(lines) * 1000, 2))
                                    for g, t in groups.items()), key=lambda r: -r[1]),
                  "top": out.getvalue()[-6000:]}))
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--kind", choices=["dossier", "queue", "history", "dashboard", "public"],
                        help="profile one page kind of the mix only")
    parser.add_argument("--urls", default=str(ROOT / "var" / "bench-urls.txt"), help="the mix's requests")
    args = parser.parse_args()
    urls = Path(args.urls)
    if not urls.exists():
        sys.exit("run bench/mixed.py first: it writes the mix's requests to var/bench-urls.txt")
    # A request of the served mix is almost always one not seen before: its fragment is not in the cache yet.
    env = dict(env_for(args.scale), FRAGMENT_CACHE_SECONDS="0")
    result = json.loads(django(CODE.replace("__URLS__", repr(str(urls))).replace("__N__", str(args.requests))
                               .replace("__KIND__", repr(args.kind)),
                               env).strip().splitlines()[-1])
    print(f"{result['requests']} requests of the mix in one process: {result['ms_per_request']} ms each (CPU and "
          f"waits on PostgreSQL and Redis), by where the time goes:\n")
    print("| where | share | ms per request |\n|---|---|---|")
    for group, share, ms in result["groups"]:
        print(f"| {group} | {share} % | {ms} |")
    print("\n" + result["top"])


if __name__ == "__main__":
    main()
