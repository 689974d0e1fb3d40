"""The reference nginx site (deploy/nginx/hptd.conf) rendered for one machine: the same file with its addresses,
paths and certificate replaced, so that the cluster bench (bench/cluster.py) and the deploy test
(tests/haiphong_thidua/test_deploy.py, `nginx -t`) run the very configuration a city installs, not a copy of it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "hptd.conf"
# What the reference site names that differs on this machine; each must be found (a renamed line fails loudly).
WEB_NODES = ("10.10.0.11:8000", "10.10.0.12:8000")


def render_site(*, nodes: list[str], https_port: int, http_port: int, static_root: Path, cert_dir: Path,
                log_dir: Path, site: Path = SITE) -> str:
    text = site.read_text(encoding="utf-8")
    replacements = [
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("/etc/ssl/hptd/", f"{cert_dir}/"),
        ("/srv/thidua/static/", f"{static_root}/"),
        ("/var/log/nginx/", f"{log_dir}/"),
    ]
    if len(nodes) != len(WEB_NODES):
        raise ValueError(f"the reference site has {len(WEB_NODES)} web nodes, not {len(nodes)}")
    replacements += list(zip(WEB_NODES, nodes, strict=True))
    for old, new in replacements:
        if old not in text:
            raise ValueError(f"deploy/nginx/hptd.conf no longer has {old!r}: update bench/nginx_site.py")
        text = text.replace(old, new)
    return text


def main_config(prefix: Path, site_file: Path) -> str:
    """A whole nginx.conf around the site, everything under ``prefix`` (no root-owned path, no system service)."""
    return f"""worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    access_log off;
    include {site_file};
}}
"""


def self_signed(cert_dir: Path, host: str = "localhost") -> None:
    """fullchain.pem and privkey.pem for ``host`` (a test certificate, valid one day)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_dir.mkdir(parents=True, exist_ok=True)
    (cert_dir / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (cert_dir / "privkey.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    (cert_dir / "privkey.pem").chmod(0o600)


def prepare(prefix: Path, *, nodes: list[str], https_port: int, http_port: int, static_root: Path) -> Path:
    """Write the rendered site, its certificate and nginx.conf under ``prefix``; return nginx.conf's path."""
    for sub in ("logs", "tmp", "certs"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    self_signed(prefix / "certs")
    site = prefix / "hptd.conf"
    site.write_text(render_site(nodes=nodes, https_port=https_port, http_port=http_port, static_root=static_root,
                                cert_dir=prefix / "certs", log_dir=prefix / "logs"), encoding="utf-8")
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(prefix, site), encoding="utf-8")
    return conf


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["nginx", "-t", "-p", str(conf.parent), "-c", str(conf)], capture_output=True, text=True)


def directive(text: str, name: str) -> list[str]:
    """Every value of an nginx directive in ``text`` (comments dropped)."""
    lines = [line.split("#", 1)[0] for line in text.splitlines()]
    return [m.group(1).strip() for m in re.finditer(rf"^\s*{re.escape(name)}\s+([^;{{}}]*);", "\n".join(lines), re.M)]
