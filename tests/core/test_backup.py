"""Backups: a fresh database gets every row and every uploaded file comes back; each object's checksum is checked;
the signing keys go in only encrypted; the rotation keeps what its settings say; a failed run leaves no backup."""

import datetime as dt
import hashlib
import io
import json
import os
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from awards.models import Status
from campaigns.models import ExemplaryModel
from core import backup

QUIET = {"stdout": io.StringIO()}


@pytest.fixture
def stores(settings, tmp_path):
    """The default storage and the backups storage in folders of this test; the demo's signing PKI exists."""
    call_command("create_test_pki", **QUIET)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "backups": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "backups")}}}
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_row_and_file(transactional_db, stores, settings):
    from organisation.models import Unit

    from ..awards_helpers import draft, to_state
    from ..files import png

    tmp_path = stores
    settings.BACKUP_KEY_PASSPHRASE = "mật khẩu của người vận hành"
    to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    model = ExemplaryModel.objects.create(unit=Unit.objects.get(code="bao-hai-phong"), kind="advanced", title="T",
                                          subject_name="S", summary="s", story="x", photo=png())
    call_command("backup", **QUIET)
    name = backup.backups()[0].name
    manifest = json.loads((tmp_path / "backups" / name / "manifest.json").read_text())
    assert manifest["portal_version"] == settings.PORTAL_VERSION and manifest["database"]["file"] == "database.dump"
    assert model.photo.name in {f["name"] for f in manifest["files"]}
    # The signing keys are in, but only encrypted: no byte of the PKCS#12 files is readable in the backup.
    keys = {f["name"] for f in manifest["keys"]["files"]}
    assert manifest["keys"]["included"] and keys == {"signer.p12", "agency.p12", "board.p12"}
    signer_p12 = Path(settings.DOCUMENT_SIGNING["SIGNER_P12"]).read_bytes()
    assert signer_p12 not in (tmp_path / "backups" / name / "keys" / "signer.p12.fernet").read_bytes()
    assert {c["name"] for c in manifest["certificates"]} >= {"signer.pem", "agency.pem", "board.pem"}

    target = f"restore_{uuid.uuid4().hex[:8]}"
    restored_media, pki = tmp_path / "restored-media", tmp_path / "restored-pki"
    call_command("restore", name, database=target, media_root=str(restored_media), pki_dir=str(pki), **QUIET)
    db = connection.settings_dict
    tables = ["organisation_unit", "organisation_person", "awards_submission", "awards_nominee", "awards_decision",
              "awards_workflowevent", "campaigns_movement", "campaigns_exemplarymodel", "targets_target",
              "awards_attachment", "legal_legaldocument"]
    with connection.cursor() as cursor:
        expected = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
            expected[table] = cursor.fetchone()[0]
    restored = psycopg2.connect(dbname=target, user=db["USER"] or "postgres", host=db["HOST"] or None,
                                port=db["PORT"] or None, password=db.get("PASSWORD") or None)
    try:
        with restored.cursor() as cursor:
            for table in tables:
                cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
                assert cursor.fetchone()[0] == expected[table], table
        # A second restore into the same (now full) database is refused before anything is written.
        with pytest.raises(CommandError, match="not empty"):
            call_command("restore", name, database=target, media_root=str(tmp_path / "other"), **QUIET)
        assert not (tmp_path / "other").exists()
        # --force restores over it: rows deleted since and a file changed since come back as they were.
        with restored.cursor() as cursor:
            cursor.execute("DELETE FROM awards_workflowevent")
        restored.commit()
        (restored_media / model.photo.name).write_bytes(b"changed")
        call_command("restore", name, database=target, media_root=str(restored_media), force=True, **QUIET)
        with restored.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM awards_workflowevent")
            assert cursor.fetchone()[0] == expected["awards_workflowevent"] > 0
    finally:
        restored.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
    assert expected["awards_attachment"] >= 1 and expected["awards_decision"] == 1
    assert (restored_media / model.photo.name).read_bytes() == (tmp_path / "media" / model.photo.name).read_bytes()
    # The keys come back decrypted with the operator's passphrase, the certificates as they were.
    assert (pki / "signer.p12").read_bytes() == signer_p12
    assert b"BEGIN CERTIFICATE" in (pki / "agency.pem").read_bytes()
    # A wrong passphrase stops the restore before anything is created.
    settings.BACKUP_KEY_PASSPHRASE = "not the one"
    with pytest.raises(CommandError, match="BACKUP_KEY_PASSPHRASE does not open"):
        call_command("restore", name, database=f"{target}_x", media_root=str(tmp_path / "m2"),
                     pki_dir=str(tmp_path / "pki2"), **QUIET)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [f"{target}_x"])
        assert cursor.fetchone()[0] == 0
    assert not (tmp_path / "m2").exists() and not (tmp_path / "pki2").exists()


def test_without_a_passphrase_the_keys_stay_on_the_signing_host(db, stores, settings):
    settings.BACKUP_KEY_PASSPHRASE = ""
    name = backup.create()
    manifest = backup.manifest(name)
    assert manifest["keys"] == {"included": False, "reason": "kept on the signing host (BACKUP_KEY_PASSPHRASE not set)"}
    assert not (stores / "backups" / name / "keys").exists()
    assert {c["name"] for c in manifest["certificates"]} >= {"signer.pem", "agency.pem"}


def test_verify_finds_a_changed_byte_and_a_missing_file(db, stores):
    from django.core.files.storage import default_storage

    from ..files import pdf

    default_storage.save("signed/quyet-dinh.pdf", pdf())
    default_storage.save("imports/a/b/bang.xlsx", ContentFile(b"PK\x03\x04 sheet"))
    name = backup.create()
    call_command("backup", verify=name, **QUIET)
    folder = stores / "backups" / name
    assert (folder / "files" / "imports" / "a" / "b" / "bang.xlsx").read_bytes() == b"PK\x03\x04 sheet"
    copy = folder / "files" / "signed" / "quyet-dinh.pdf"
    data = bytearray(copy.read_bytes())
    data[10] ^= 1
    copy.write_bytes(bytes(data))
    (folder / "files" / "imports" / "a" / "b" / "bang.xlsx").unlink()
    with pytest.raises(CommandError) as failure:
        call_command("backup", verify=name, **QUIET)
    assert "signed/quyet-dinh.pdf" in str(failure.value) and "bang.xlsx: missing" in str(failure.value)
    # A backup that fails its checksums is never restored.
    with pytest.raises(CommandError, match="fails its checksums"):
        call_command("restore", name, database="never_created", media_root=str(stores / "r"), **QUIET)
    assert not (stores / "r").exists()


def test_a_failed_run_leaves_no_backup_and_the_last_success_stands(db, stores):
    from core.tasks import nightly_backup

    first = nightly_backup.apply().get()
    assert backup.last_successful() == backup.backups()[0].created
    assert first == backup.backups()[0].name
    # A second run in the same second refuses, and leaves the first backup whole.
    with pytest.raises(backup.BackupError, match="exists already"):
        backup.create(now=backup.backups()[0].created)
    assert backup.verify(first) == []
    # A stored file that cannot be read (a dangling link in the media folder): the run fails, removes what it wrote.
    (stores / "media").mkdir()
    os.symlink(stores / "nowhere", stores / "media" / "broken.pdf")
    later = backup.backups()[0].created + dt.timedelta(hours=1)
    with pytest.raises(FileNotFoundError):
        backup.create(now=later)
    assert [b.name for b in backup.backups()] == [first]
    assert backup.last_successful() == backup.backups()[0].created


def _clone(source: str, when: dt.datetime, *, complete: bool = True) -> str:
    """A stored backup copied, object by object through the storage API, to a backup taken at ``when``."""
    storage, name = backup.backup_storage(), backup.backup_name(when)
    for path in backup.walk(storage, source):
        relative = path[len(source) + 1:]
        if relative == "manifest.json":
            continue
        with storage.open(path, "rb") as handle:
            storage.save(f"{name}/{relative}", handle)
    if complete:
        manifest = {**backup.manifest(source), "name": name, "created": when.isoformat()}
        storage.save(f"{name}/manifest.json", ContentFile(json.dumps(manifest).encode()))
    return name


def test_rotation_keeps_the_last_days_weeks_and_months(db, stores, settings):
    """Backups of fabricated dates (copies of a real one), every night at 02:30 in Hải Phòng (19:30 UTC the day
    before): the last ten days, and the 1st and 15th of each month since September 2025."""

    def night(day):  # the backup of the night of ``day`` (local date)
        return dt.datetime.combine(day - dt.timedelta(days=1), dt.time(19, 30), tzinfo=dt.UTC)

    real = backup.create(now=night(dt.date(2025, 9, 1)))
    days = [dt.date(2026, 12, 5) - dt.timedelta(days=n) for n in range(10)]
    days += [dt.date(y, m, d) for y, m in [(2025, 9), (2025, 10), (2025, 11), (2025, 12)]
             + [(2026, m) for m in range(1, 12)] for d in (1, 15)]
    for day in sorted(set(days) - {dt.date(2025, 9, 1)}):
        _clone(real, night(day))
    now = night(dt.date(2026, 12, 5)) + dt.timedelta(hours=2)
    unfinished_old = _clone(real, night(dt.date(2026, 12, 3)) + dt.timedelta(minutes=5), complete=False)
    unfinished_new = _clone(real, now - dt.timedelta(hours=1), complete=False)
    assert backup.verify(backup.backup_name(night(dt.date(2026, 3, 15)))) == []  # the copies are whole backups

    deleted = backup.rotate(daily=7, weekly=4, monthly=12, now=now)

    kept_days = {  # 7 days; ISO weeks: 5 Dec, 29 Nov, 15 Nov, 1 Nov; months: Dec, Nov (30th) and the 15th back to Jan
        *[dt.date(2026, 12, 5) - dt.timedelta(days=n) for n in range(7)], dt.date(2026, 11, 15), dt.date(2026, 11, 1),
        *[dt.date(2026, m, 15) for m in range(1, 11)]}
    remaining = {b.name for b in backup.backups()}
    assert remaining == {backup.backup_name(night(d)) for d in kept_days} | {unfinished_new}
    assert unfinished_old in deleted and backup.backup_name(night(dt.date(2025, 12, 15))) in deleted
    assert backup.backup_name(night(dt.date(2026, 11, 28))) in deleted  # an 8th day, not the newest of its week
    assert not (stores / "backups" / unfinished_old).exists()  # no empty folder left behind
    assert backup.last_successful() == night(dt.date(2026, 12, 5))
    # Run again: nothing more to delete.
    assert backup.rotate(daily=7, weekly=4, monthly=12, now=now) == []
    settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY = 1, 0, 0
    call_command("backup", rotate=True, **QUIET)
    assert [b.name for b in backup.backups() if b.complete] == [backup.backup_name(night(dt.date(2026, 12, 5)))]


def test_the_nightly_backup_is_in_beats_schedule(db):
    from django_celery_beat.models import PeriodicTask

    from haiphong_thidua.celery import app

    task = PeriodicTask.objects.get(task=backup.BACKUP_TASK)
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == ("2", "30", "Asia/Ho_Chi_Minh")
    assert backup.BACKUP_TASK in app.tasks


def test_any_storage_backend_serves_through_its_api(db, settings):
    """No path is assumed: uploads and backups both in storages that are not folders (Django's in-memory storage
    standing in for an object store, as an S3 bucket of django-storages would)."""
    memory = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": memory, "backups": memory}
    call_command("create_test_pki", **QUIET)
    from django.core.files.storage import storages

    storages["default"].save("signed/2024/quyet-dinh.pdf", ContentFile(b"%PDF-1.7 signed"))
    name = backup.create()
    store = backup.backup_storage()
    assert store.open(f"{name}/files/signed/2024/quyet-dinh.pdf").read() == b"%PDF-1.7 signed"
    assert backup.verify(name) == [] and backup.last_successful() == backup.backups()[0].created
    store.delete(f"{name}/files/signed/2024/quyet-dinh.pdf")
    store.save(f"{name}/files/signed/2024/quyet-dinh.pdf", ContentFile(b"%PDF-1.7 forged"))
    assert backup.verify(name) == [f"{name}/files/signed/2024/quyet-dinh.pdf: 15 bytes, SHA-256 "
                                   f"{hashlib.sha256(b'%PDF-1.7 forged').hexdigest()[:12]}…, expected 15 bytes, "
                                   f"{hashlib.sha256(b'%PDF-1.7 signed').hexdigest()[:12]}…"]
