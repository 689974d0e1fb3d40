"""The reference deployment (deploy/): the nginx site and the systemd units agree with the portal's settings and
Celery's queues, and nginx accepts the site (`nginx -t`, where Debian's nginx is installed)."""

import configparser
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from haiphong_thidua.celery import app as celery_app
from utilities.client import client_address

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
_spec = importlib.util.spec_from_file_location("nginx_site", ROOT / "bench" / "nginx_site.py")
nginx_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nginx_site)
SITE = (DEPLOY / "nginx" / "hptd.conf").read_text(encoding="utf-8")


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str
    # systemd allows a key more than once (Wants=, EnvironmentFile=): keep every value, newline-joined.
    text = (DEPLOY / "systemd" / name).read_text(encoding="utf-8")
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in re.sub(r"\\\n\s*", " ", text).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
        else:
            key, value = line.split("=", 1)
            current.setdefault(key.strip(), []).append(value.strip())
    parser.read_dict({s: {k: "\n".join(v) for k, v in kv.items()} for s, kv in sections.items()})
    return parser


def queues() -> set[str]:
    """Every queue the Celery configuration knows: the default, the declared queues and the routes' targets."""
    conf = celery_app.conf
    names = {conf.task_default_queue or "celery"}
    names |= {q.name for q in (conf.task_queues or [])} | set(getattr(settings, "TASK_QUEUES", ()))
    routes = conf.task_routes or {}
    for route in (routes.values() if isinstance(routes, dict) else []):
        if isinstance(route, dict) and route.get("queue"):
            names.add(route["queue"] if isinstance(route["queue"], str) else route["queue"].name)
    return names


def size_in_bytes(value: str) -> int:
    number, suffix = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[suffix.lower()]


def test_nginx_takes_exactly_the_requests_the_portal_takes():
    (limit,) = nginx_site.directive(SITE, "client_max_body_size")
    assert size_in_bytes(limit) == settings.REQUEST_MAX_BYTES >= settings.UPLOAD_MAX_BYTES


def test_nginx_passes_the_client_and_scheme_the_portal_reads_behind_one_proxy(settings):
    headers = dict(v.split(None, 1) for v in nginx_site.directive(SITE, "proxy_set_header"))
    assert headers["X-Forwarded-For"] == "$proxy_add_x_forwarded_for"
    assert headers["X-Forwarded-Proto"] == "$scheme"
    # The production settings read HTTPS from the header this nginx sets.
    production = (ROOT / "haiphong_thidua" / "settings" / "production.py").read_text(encoding="utf-8")
    assert 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")' in production
    # With PROXY_COUNT=1 (docs/operations.md's portal.env) the client is the address nginx appended, not one the
    # client wrote into the header itself.
    settings.PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.10.0.11")
    assert client_address(request) == "203.0.113.7"
    env_block = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert re.search(r"^PROXY_COUNT=1$", env_block, re.M)


def test_static_files_come_from_static_root_with_a_long_cache():
    location = re.search(r"location\s+(\S+)\s*\{([^}]*)\}", SITE)
    assert location.group(1) == settings.STATIC_URL == "/static/"
    body = location.group(2)
    assert re.search(r"alias\s+/srv/thidua/static/;", body) and re.search(r"expires\s+1y;", body)
    env_example = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert "STATIC_ROOT=/srv/thidua/static" in env_example


def test_nginx_waits_longer_than_gunicorn_and_both_nodes_are_balanced():
    web = unit("hptd-web.service")
    gunicorn_timeout = int(re.search(r"--timeout (\d+)", web["Service"]["ExecStart"]).group(1))
    (read_timeout,) = nginx_site.directive(SITE, "proxy_read_timeout")
    assert int(read_timeout.rstrip("s")) > gunicorn_timeout
    servers = nginx_site.directive(SITE, "server")
    assert [s.split()[0] for s in servers] == list(nginx_site.WEB_NODES)
    assert "--bind 0.0.0.0:8000" in web["Service"]["ExecStart"]


def test_every_queue_has_its_worker_and_there_is_one_beat():
    target = unit("hptd-worker-host.target")
    wanted = " ".join(target["Unit"]["Wants"].split("\n")).split()
    served = {}
    for name in wanted:
        match = re.fullmatch(r"hptd-worker@(\w+)\.service", name)
        if match:
            served[match.group(1)] = name
        elif name == "hptd-signing.service":
            command = unit(name)["Service"]["ExecStart"]
            served[re.search(r"-Q (\S+)", command).group(1)] = name
    assert queues() | {"signing"} <= set(served), f"queues without a worker: {queues() - set(served)}"
    template = unit("hptd-worker@.service")["Service"]["ExecStart"]
    assert "-Q %i" in template and "worker" in template
    beats = [n for n in wanted if "beat" in n]
    assert beats == ["hptd-beat.service"]
    assert len(list((DEPLOY / "systemd").glob("*beat*"))) == 1
    assert " beat " in unit("hptd-beat.service")["Service"]["ExecStart"]


def test_only_the_signing_host_reads_the_keys():
    for path in (DEPLOY / "systemd").glob("*.service"):
        service = unit(path.name)["Service"]
        files = service["EnvironmentFile"].split("\n")
        assert files[0] == "/etc/hptd/portal.env", path.name
        assert ("/etc/hptd/signing.env" in files) == (path.name == "hptd-signing.service"), path.name
        assert ("SIGNING_HOST=true" in service.get("Environment", "")) == (path.name == "hptd-signing.service")
        assert service["User"] == "thidua" and service["Restart"] == "always", path.name


@pytest.mark.skipif(not shutil.which("nginx"), reason="Debian's nginx is not installed (scripts/setup.sh installs it)")
def test_nginx_accepts_the_site(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    conf = nginx_site.prepare(tmp_path / "nginx", nodes=["127.0.0.1:18001", "127.0.0.1:18002"], https_port=18443,
                              http_port=18080, static_root=static)
    result = nginx_site.nginx_test(conf)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr
    # A broken directive is refused: the check can fail.
    site = tmp_path / "nginx" / "hptd.conf"
    site.write_text(site.read_text().replace("client_max_body_size 12m;", "client_max_body_size twelve;"))
    assert nginx_site.nginx_test(conf).returncode != 0
