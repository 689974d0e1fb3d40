"""The restore drill (issue 30, item 4): a portal with a signed decision, an attachment and a certificate's QR page
is backed up, restored into an empty database and an empty storage by ``manage.py restore`` run as an operator
would (its own process, configured by the environment for the new copy), and the restored portal, in another
process of its own, still shows what the old one did: the signed decision validates against the certificates the
backup carried, the next decision number follows without a gap, the QR page answers, the attachment opens."""

import hashlib
import io
import json
import os
import subprocess
import sys
from urllib.parse import quote

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from awards.models import Decision, SignatureStatus, SignedDocument, Status
from core import backup

from ..awards_helpers import draft, to_state

# Run inside the restored portal (manage.py shell -c): reads its facts back and prints them as JSON.
CHECK = """
import hashlib, json, os
from django.db import transaction
from django.test import Client
from django.urls import reverse
from awards.models import Attachment, Decision, Nominee, SignedDocument
from documents.numbering import next_number
from documents.verification import check_pdf
from organisation.models import User

given = json.loads(os.environ["DRILL"])
body = lambda response: b"".join(response.streaming_content) if response.streaming else response.content
document = SignedDocument.objects.get(decision__year=given["year"], decision__number=given["number"])
with document.file.open("rb") as handle:
    signed = handle.read()
verdict = check_pdf(signed)
numbers = sorted(Decision.objects.filter(year=given["year"]).values_list("number", flat=True))
nominee = Nominee.objects.get(certificate_code=given["certificate"])
qr = Client().get(reverse("verify_award", args=[nominee.certificate_code]))
public = Client().post(reverse("verify_document"), {"upload": open(document.file.path, "rb")})
officer, staff = Client(), Client()
officer.force_login(User.objects.get(username="demo_officer"))
staff.force_login(User.objects.get(username="demo_staff"))
attachment = Attachment.objects.get(pk=given["attachment"])
opened = staff.get(reverse("awards:attachment_download", args=[attachment.submission_id, attachment.pk]))
pdf = officer.get(reverse("awards:decision_pdf", args=[document.decision_id]))
with transaction.atomic():
    following = next_number("decision", given["year"])
print(json.dumps({
    "verdict": verdict.kind, "signers": [r.signer for r in verdict.signatures if r.ok],
    "signed_sha256": hashlib.sha256(signed).hexdigest(), "numbers": numbers,
    "next_number": following,
    "qr_status": qr.status_code, "qr_page": qr.content.decode(),
    "public_status": public.status_code, "public_page": public.content.decode(),
    "attachment_status": opened.status_code,
    "attachment_sha256": hashlib.sha256(body(opened)).hexdigest(),
    "pdf_sha256": hashlib.sha256(body(pdf)).hexdigest(),
}))
"""


def _server(db):
    return {"user": db["USER"] or "postgres", "password": db.get("PASSWORD") or None, "host": db["HOST"] or None,
            "port": db["PORT"] or None}


def _admin(db, statement):
    conn = psycopg2.connect(**_server(db), dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(statement)
    finally:
        conn.close()


def _url(db, name):
    auth = quote(db["USER"] or "postgres") + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _manage(env, *args):
    done = subprocess.run([sys.executable, str(settings.BASE_DIR / "manage.py"), *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.django_db(transaction=True)
def test_a_restored_portal_still_answers_for_its_signed_decisions(transactional_db, settings,
                                                                  tmp_path, signer_client, clerk_client):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "backups": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "backups")}}}
    call_command("create_test_pki", stdout=io.StringIO())
    # The portal before: a decided dossier with its attachments, the decision signed by the signer and the agency.
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    clerk_client.post(reverse("awards:decision_seal", args=[decision.pk]))
    signed = SignedDocument.objects.get(decision=decision)
    assert signed.status == SignatureStatus.ISSUED
    attachment = submission.attachments.first()
    with attachment.file.open("rb") as handle:
        attachment_sha256 = hashlib.sha256(handle.read()).hexdigest()
    nominee = decision.awardees.get()
    numbers = sorted(Decision.objects.filter(year=decision.year).values_list("number", flat=True))

    call_command("backup", stdout=io.StringIO())
    name = backup.backups()[0].name

    # An empty database on the same server and an empty storage folder: the new machine.
    db = connection.settings_dict
    target = f"{db['NAME']}_restore"
    _admin(db, f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    _admin(db, f'CREATE DATABASE "{target}"')
    restored_media, restored_pki = tmp_path / "restored-media", tmp_path / "restored-pki"
    restored_media.mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "haiphong_thidua.settings.test", "DATABASE_URL": _url(db, target),
           "MEDIA_ROOT": str(restored_media), "BACKUP_ROOT": str(tmp_path / "backups"),
           "ALLOWED_HOSTS": "testserver", "PYTHONWARNINGS": "ignore"}
    try:
        _manage(env, "restore", name, f"--pki-dir={restored_pki}")
        # The restored portal trusts the certificates the backup carried, nothing of the old machine.
        trust = sorted(str(p) for p in restored_pki.glob("trust-*.pem"))
        assert trust, "the backup holds no trust root"
        env["SIGNING_TRUST_ROOTS"] = ",".join(trust)
        env["DRILL"] = json.dumps({"year": decision.year, "number": decision.number,
                                   "certificate": str(nominee.certificate_code), "attachment": attachment.pk})
        facts = json.loads(_manage(env, "shell", "-c", CHECK).strip().splitlines()[-1])
    finally:
        _admin(db, f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')

    assert facts["verdict"] == "valid" and facts["signed_sha256"] == signed.sha256
    assert facts["signers"] == ["Nguyễn Văn Tùng", "Ủy ban nhân dân thành phố Hải Phòng"]
    assert facts["pdf_sha256"] == signed.sha256  # the officer downloads the very file that was signed
    assert facts["numbers"] == numbers and facts["next_number"] == max(numbers) + 1
    assert facts["qr_status"] == 200 and decision.code in facts["qr_page"] and "Nguyễn Văn An" in facts["qr_page"]
    assert "Nguyễn Văn Tùng" in facts["qr_page"]  # the signers shown on the QR page
    assert facts["public_status"] == 200 and "không bị sửa đổi, có trong sổ đăng ký" in facts["public_page"]
    assert facts["attachment_status"] == 200 and facts["attachment_sha256"] == attachment_sha256
    # Restored files are the backed-up ones, under the same names.
    assert (restored_media / signed.file.name).read_bytes() == (tmp_path / "media" / signed.file.name).read_bytes()
