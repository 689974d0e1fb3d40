"""Production refuses to start half-configured, and .env.example lists every variable the portal reads
(issue 30, item 1)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("haiphong_thidua", "core", "utilities", "documents", "organisation", "legal", "campaigns", "awards",
             "targets", "reports")
READ = re.compile(r"""\benv\.(?:str|bool|int|float|list|db_url|email_url|url|json)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
                  r"""|os\.environ(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']|getenv\(\s*["']([A-Z][A-Z0-9_]+)["']""")
SCRIPT_READ = re.compile(r"\$\{([A-Z][A-Z0-9_]+):-")
# Variables the environment sets for the process, not configuration the portal reads.
NOT_CONFIGURATION = {"DJANGO_ALLOW_ASYNC_UNSAFE", "CI"}
PRODUCTION = {
    "SECRET_KEY": "x7#kq9!v2m$w8z@c4r^t6y&u1i*o3p(l5j)h0g_f-d+s=a~b|n<e>1234567890",
    "ALLOWED_HOSTS": "thidua.haiphong.gov.vn",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "EMAIL_URL": "smtp+tls://thidua:secret@127.0.0.1:587",
    "PORTAL_BASE_URL": "https://thidua.haiphong.gov.vn",
}


def _read_by_code() -> set[str]:
    names = set()
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py") if (ROOT / folder).exists() else ():
            for match in READ.finditer(path.read_text(encoding="utf-8")):
                names.add(next(group for group in match.groups() if group))
    for path in [*(ROOT / "scripts").glob("*.sh"), ROOT / ".ci" / "run"]:
        names |= set(SCRIPT_READ.findall(path.read_text(encoding="utf-8")))
    return names - NOT_CONFIGURATION


def _listed() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, re.M))


def test_every_variable_the_code_reads_is_in_env_example():
    read = _read_by_code()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "SIGNING_PKCS11_PIN", "HPTD_BIND"} <= read  # the scan works
    assert sorted(read - _listed()) == []


def _environment(tmp_path, drop=(), **extra) -> dict:
    from django.conf import settings

    db = settings.DATABASES["default"]
    env = {k: v for k, v in os.environ.items() if k not in (*PRODUCTION, "DATABASE_URL", "MEDIA_ROOT",
                                                             "CELERY_BROKER_URL", "CACHE_URL") and
           not k.startswith("S3_")}
    env.update(PRODUCTION, HPTD_VAR_DIR=str(tmp_path / "var"), MEDIA_ROOT=str(tmp_path / "media"),
               DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}",
               DJANGO_SETTINGS_MODULE="haiphong_thidua.settings.production", **extra)
    for name in drop:
        env.pop(name, None)
    return env


def _production(tmp_path, drop=(), **extra):
    return subprocess.run([sys.executable, "-c", "import django; django.setup(); print('started')"], cwd=ROOT,
                          env=_environment(tmp_path, drop, **extra), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL",
                                  "PORTAL_BASE_URL", "MEDIA_ROOT"])
def test_production_refuses_to_start_without_each_service(name, tmp_path):
    result = _production(tmp_path, drop=(name,))
    last = result.stderr.strip().splitlines()[-1]
    assert result.returncode != 0 and "started" not in result.stdout
    assert last.startswith("django.core.exceptions.ImproperlyConfigured") and name in last, last
    assert not (tmp_path / "var" / "pgdata").exists()  # no embedded database started on the way
    assert not (tmp_path / "var" / "celery-broker").exists()  # nor a file broker


def test_production_starts_when_configured_and_names_every_missing_variable_at_once(tmp_path):
    assert _production(tmp_path).stdout.strip().endswith("started")
    # the broker and the cache may also be given apart
    split = _production(tmp_path, drop=("REDIS_URL",), CELERY_BROKER_URL="redis://127.0.0.1:6379/3",
                        CACHE_URL="redis://127.0.0.1:6379/4")
    assert split.stdout.strip().endswith("started"), split.stderr[-500:]
    both = _production(tmp_path, drop=("EMAIL_URL", "PORTAL_BASE_URL"))
    assert "EMAIL_URL" in both.stderr.splitlines()[-1] and "PORTAL_BASE_URL" in both.stderr.splitlines()[-1]
    plain = _production(tmp_path, PORTAL_BASE_URL="http://thidua.haiphong.gov.vn")
    assert plain.returncode != 0 and "https://" in plain.stderr.splitlines()[-1]


S3 = {"S3_BUCKET": "thidua-files", "S3_ENDPOINT_URL": "https://s3.haiphong.internal", "S3_ACCESS_KEY_ID": "portal",
      "S3_SECRET_ACCESS_KEY": "secret"}


def test_production_keeps_its_files_in_a_folder_or_a_bucket(tmp_path):
    """MEDIA_ROOT or the bucket (issue 29, item 1): with S3_BUCKET the folder is not needed, the bucket's address and
    key are, each named on the one line."""
    bucket = _production(tmp_path, drop=("MEDIA_ROOT",), **S3)
    assert bucket.stdout.strip().endswith("started"), bucket.stderr[-500:]
    neither = _production(tmp_path, drop=("MEDIA_ROOT",)).stderr.strip().splitlines()[-1]
    assert "MEDIA_ROOT" in neither and "S3_BUCKET" in neither
    half = _production(tmp_path, drop=("MEDIA_ROOT",), S3_BUCKET="thidua-files", S3_ACCESS_KEY_ID="portal")
    last = half.stderr.strip().splitlines()[-1]
    assert half.returncode != 0 and last.startswith("django.core.exceptions.ImproperlyConfigured")
    assert "S3_ENDPOINT_URL" in last and "S3_SECRET_ACCESS_KEY" in last and "S3_ACCESS_KEY_ID (" not in last
    assert "MEDIA_ROOT (" not in last
    shown = subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                            "print(settings.STORAGES['default'])"], cwd=ROOT, capture_output=True, text=True,
                           timeout=120, env=_environment(tmp_path, drop=("MEDIA_ROOT",), **S3)).stdout
    assert "storages.backends.s3.S3Storage" in shown and "'default_acl': 'private'" in shown
    assert "'querystring_auth': False" in shown
    public = _production(tmp_path, drop=("MEDIA_ROOT",), S3_ACL="public-read", **S3).stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in public and "S3_ACL=public-read" in public
