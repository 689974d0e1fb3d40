"""Settings come from the environment: embedded vs configured database, broker, deploy checks, formats."""

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "import django, json; django.setup(); from django.conf import settings; from django.db import connection;"
    "c = connection.cursor(); c.execute('select version()');"
    "print(json.dumps({'embedded': settings.DATABASE_IS_EMBEDDED, 'host': settings.DATABASES['default']['HOST'],"
    "'version': c.fetchone()[0], 'broker': settings.CELERY_BROKER_URL}))"
)


def _run(env_overrides, code=PROBE, settings_module="haiphong_thidua.settings.local"):
    dropped = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def test_without_database_url_an_embedded_postgres_is_started(tmp_path):
    try:
        out = json.loads(_run({"HPTD_VAR_DIR": str(tmp_path)}).stdout.strip().splitlines()[-1])
        assert out["embedded"] is True
        assert out["host"].startswith(str(tmp_path)) or "python_PostgresServer" in out["host"]
        assert out["version"].startswith("PostgreSQL")
        assert out["broker"] == "filesystem://"
        assert (tmp_path / "pgdata" / "PG_VERSION").exists()
    finally:
        _run({"HPTD_VAR_DIR": str(tmp_path)}, code="from utilities import embedded_db; from pathlib import Path;"
             f"embedded_db.stop(Path({str(tmp_path)!r}))")


def test_database_url_selects_the_configured_server(tmp_path):
    from django.conf import settings

    db = settings.DATABASES["default"]
    if settings.DATABASE_IS_EMBEDDED:
        pytest.skip("this run uses the embedded server; CI runs with DATABASE_URL")
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    out = json.loads(_run({"DATABASE_URL": url, "REDIS_URL": "redis://127.0.0.1:6379/3",
                           "HPTD_VAR_DIR": str(tmp_path)}).stdout.strip().splitlines()[-1])
    assert out["embedded"] is False and out["host"] == db["HOST"]
    assert out["broker"] == "redis://127.0.0.1:6379/3"
    assert not (tmp_path / "pgdata").exists()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    from django.conf import settings

    db = settings.DATABASES["default"]
    env = {
        "SECRET_KEY": "x7#kq9!v2m$w8z@c4r^t6y&u1i*o3p(l5j)h0g_f-d+s=a~b|n<e>1234567890",
        "ALLOWED_HOSTS": "thidua.haiphong.gov.vn",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}",
        "HPTD_VAR_DIR": str(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/3",
        "EMAIL_URL": "smtp+tls://thidua:secret@127.0.0.1:587", "PORTAL_BASE_URL": "https://thidua.haiphong.gov.vn",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    code = "import sys; from django.core.management import execute_from_command_line;" \
           "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    result = _run(env, code=code, settings_module="haiphong_thidua.settings.production")
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY",)}
    env.update({"DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.production", "ALLOWED_HOSTS": "x",
                "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/none", "HPTD_VAR_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_vietnamese_number_and_date_formats():
    import datetime as dt

    with translation.override("vi"):
        assert formats.number_format(Decimal("116442.134"), decimal_pos=3, use_l10n=True, force_grouping=True) \
            == "116.442,134"
        assert formats.date_format(dt.date(2023, 1, 4), "SHORT_DATE_FORMAT") == "04/01/2023"
        assert formats.date_format(dt.date(2023, 1, 4)) == "ngày 04 tháng 01 năm 2023"
    with translation.override("en"):
        assert formats.number_format(Decimal("116442.134"), decimal_pos=3, use_l10n=True, force_grouping=True) \
            == "116,442.134"


def test_time_zone_and_language(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


def test_vietnamese_catalogue_is_complete_and_compiled():
    po = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    assert po.with_suffix(".mo").exists()
    with translation.override("vi"):
        assert translation.gettext("Units") == "Đơn vị"


def test_number_filter_groups_and_trims():
    from documents.formats import number

    with translation.override("vi"):
        assert number(Decimal("116442.1340")) == "116.442,134"
        assert number(Decimal("27000.0000")) == "27.000"
        assert number(Decimal("97.04"), 1) == "97,0"
        assert number(2023) == "2.023" and number(None) == ""


def test_the_first_command_runs_without_debug():
    """scripts/run.sh uses the local settings: without DEBUG=true they show no debug page."""
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**env, "DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.local",
                                 "DATABASE_URL": env.get("DATABASE_URL", "postgres://x@127.0.0.1:1/x")})
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
    assert "DEBUG=true" in (ROOT / "scripts" / "run.sh").read_text()


def test_a_wrong_qr_link_gets_the_portals_vietnamese_404(db, client):
    import uuid

    response = client.get(f"/xac-minh/{uuid.uuid4()}/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page and "URLconf" not in page and "Thi đua - Khen thưởng" in page
