"""Backup and restore: a fresh database gets every row, and every uploaded file comes back."""

import os
import uuid

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from awards.models import Status
from campaigns.models import ExemplaryModel


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_row_and_file(transactional_db, tmp_path, settings):
    from .awards_helpers import draft, to_state
    from .files import png

    call_command("seed_directive", verbosity=0)
    from organisation.seed import create_demo_accounts

    create_demo_accounts()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    from organisation.models import Unit

    model = ExemplaryModel.objects.create(unit=Unit.objects.get(code="bao-hai-phong"), kind="advanced", title="T",
                                          subject_name="S", summary="s", story="x", photo=png())
    call_command("backup", output=str(tmp_path / "backups"), stdout=open(os.devnull, "w"))
    folder = next((tmp_path / "backups").iterdir())
    target = f"restore_{uuid.uuid4().hex[:8]}"
    restored_media = tmp_path / "restored-media"
    call_command("restore", str(folder), database=target, media_root=str(restored_media),
                 stdout=open(os.devnull, "w"))
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
    finally:
        restored.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
    assert expected["awards_attachment"] >= 1 and expected["awards_decision"] == 1
    assert (restored_media / model.photo.name).read_bytes() == (tmp_path / "media" / model.photo.name).read_bytes()
