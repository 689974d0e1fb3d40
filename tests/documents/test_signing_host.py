"""The signing host (issue 29, item 2): a signature asked for on a decision's page is a job on the ``signing`` queue,
applied by the worker that holds the keys; the web process never loads a private key. The page shows the job
pending, then done, or failed with a reason the officer reads; a failed signature never moves the decision's
SIGNATURE state, and the step is offered again."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.urls import reverse

from awards.models import Decision, SignatureStatus, SignedDocument, Status
from documents import signing
from documents.models import SigningJob, SigningStatus

from ..awards_helpers import draft, to_state, users


def _decision(name="Nguyễn Văn An"):
    return Decision.objects.get(submission=to_state(draft(names=(name,)), Status.DECIDED))


def _page(client, decision) -> str:
    return client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()


def _state(decision):
    document = SignedDocument.objects.filter(decision=decision).first()
    return document.status if document else SignatureStatus.UNSIGNED


def test_the_web_process_loads_no_key_and_the_signing_host_signs(signer_client, clerk_client, settings, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    decision = _decision()
    sign_url = reverse("awards:decision_sign", args=[decision.pk])
    loaded = []
    real_loader = signing._signer

    def web_loader(role):  # the web process: any attempt to load a key is recorded and refused
        loaded.append(role)
        raise AssertionError("the web process tried to load a private key")

    settings.SIGNING_HOST = False
    monkeypatch.setattr(signing, "_signer", web_loader)
    with django_capture_on_commit_callbacks(execute=False) as queued:  # the task leaves for the signing queue
        response = signer_client.post(sign_url, follow=True)
    assert response.status_code == 200 and loaded == []
    job = SigningJob.objects.get(kind="decision", reference=decision.pk)
    assert (job.status, job.step, job.requested_by) == (SigningStatus.PENDING, "sign", users()["demo_signer"])
    assert _state(decision) == SignatureStatus.UNSIGNED  # nothing signed yet
    page = _page(signer_client, decision)
    assert "đang chờ máy ký số" in page and 'hx-trigger="every 2s"' in page
    assert f'action="{sign_url}"' not in page  # not offered twice while pending
    # A second click while pending queues nothing more.
    with django_capture_on_commit_callbacks(execute=False) as again:
        signer_client.post(sign_url, follow=True)
    assert SigningJob.objects.filter(kind="decision", reference=decision.pk).count() == 1 and again == []

    # The signing host (SIGNING_HOST on, the key loader its own) runs the queued task.
    settings.SIGNING_HOST = True
    monkeypatch.setattr(signing, "_signer", real_loader)
    assert len(queued) == 1
    queued[0]()
    job.refresh_from_db()
    assert job.status == SigningStatus.DONE and job.reason == "" and job.finished_at
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.SIGNED
    with document.file.open("rb") as handle:
        reports = signing.read_signatures(handle.read())
    assert [r.ok for r in reports] == [True] and reports[0].signer == "Nguyễn Văn Tùng"
    page = _page(signer_client, decision)
    assert "Máy ký số đã ký xong" in page and 'hx-trigger="every 2s"' not in page
    seal_form = f'action="{reverse("awards:decision_seal", args=[decision.pk])}"'
    assert seal_form not in page  # the signer never seals what they signed (issue 32)
    assert seal_form in _page(clerk_client, decision)  # the next step is the records clerk's


def test_a_web_process_asked_to_sign_refuses_to_load_the_key(settings):
    settings.SIGNING_HOST = False
    with pytest.raises(signing.NotSigningHost):
        signing._signer(signing.SIGNER)


def test_a_failed_signature_leaves_the_state_and_the_page_says_why(signer_client, settings,
                                                                    django_capture_on_commit_callbacks):
    decision = _decision("Trần Văn Bình")
    sign_url = reverse("awards:decision_sign", args=[decision.pk])
    good = settings.DOCUMENT_SIGNING
    settings.DOCUMENT_SIGNING = {**good, "P12_PASSPHRASE": "sai-mat-khau"}  # the key file cannot be opened
    with django_capture_on_commit_callbacks(execute=True):
        response = signer_client.post(sign_url, follow=True)
    assert response.status_code == 200
    job = SigningJob.objects.get(kind="decision", reference=decision.pk)
    assert job.status == SigningStatus.FAILED
    assert "không đọc được khóa ký" in job.reason
    assert _state(decision) == SignatureStatus.UNSIGNED
    assert not SignedDocument.objects.filter(decision=decision).exclude(file="").exists()  # no file stored
    page = _page(signer_client, decision)
    assert job.reason in page and f'action="{sign_url}"' in page  # the reason, and the step offered again

    settings.DOCUMENT_SIGNING = good  # the key is repaired: the signer tries again
    with django_capture_on_commit_callbacks(execute=True):
        signer_client.post(sign_url, follow=True)
    assert _state(decision) == SignatureStatus.SIGNED
    assert list(SigningJob.objects.filter(kind="decision", reference=decision.pk).order_by("pk").values_list(
        "status", flat=True)) == [SigningStatus.FAILED, SigningStatus.DONE]


def test_a_signature_stopped_at_its_time_limit_is_failed_with_a_reason(officer_client, monkeypatch,
                                                                      django_capture_on_commit_callbacks, signer_client):
    decision = _decision("Lê Thị Cúc")

    def hung_token(*args, **kwargs):  # what Celery raises in the task at the signing queue's soft time limit
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(signing, "sign", hung_token)
    with django_capture_on_commit_callbacks(execute=True):
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    job = SigningJob.objects.get(kind="decision", reference=decision.pk)
    assert job.status == SigningStatus.FAILED and "không hoàn thành trong 45 giây" in job.reason
    assert _state(decision) == SignatureStatus.UNSIGNED
    assert job.reason in _page(officer_client, decision)


def test_a_job_no_signing_host_took_is_failed_by_the_sweep(django_capture_on_commit_callbacks, signer_client):
    import datetime as dt

    from django.utils import timezone

    from documents.signing_jobs import sweep_stale

    decision = _decision("Phạm Văn Dũng")
    with django_capture_on_commit_callbacks(execute=False):  # queued, never taken (no signing worker)
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    assert sweep_stale() == 0  # not stale yet
    assert sweep_stale(now=timezone.now() + dt.timedelta(minutes=10)) == 1
    job = SigningJob.objects.get(kind="decision", reference=decision.pk)
    assert job.status == SigningStatus.FAILED and "Không có máy ký số nào phản hồi" in job.reason
    assert _state(decision) == SignatureStatus.UNSIGNED


def test_a_report_is_produced_without_a_key_and_signed_by_the_signing_host(db, settings,
                                                                           django_capture_on_commit_callbacks):
    import datetime as dt

    from documents.models import SignedCopy
    from reports.models import ReportStatus
    from reports.services import request_report

    settings.SIGNING_HOST = False  # the PDF worker (reports queue) holds no key
    with django_capture_on_commit_callbacks(execute=False) as queued:
        report = request_report("monthly", dt.date(2023, 4, 1), dt.date(2023, 4, 30))
    with django_capture_on_commit_callbacks(execute=False) as for_the_signing_host:
        queued[0]()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    with report.pdf.open("rb") as handle:
        assert signing.read_signatures(handle.read()) == []  # produced, not yet signed
    assert len(for_the_signing_host) == 1
    settings.SIGNING_HOST = True
    with django_capture_on_commit_callbacks(execute=True):
        for_the_signing_host[0]()
    report.refresh_from_db()  # the signed PDF is stored under a name of its own, the unsigned one deleted
    with report.pdf.open("rb") as handle:
        content = handle.read()
    signatures = signing.read_signatures(content)
    assert [s.ok for s in signatures] == [True] and "Hải Phòng" in signatures[0].signer
    assert SignedCopy.objects.filter(kind="report", reference=report.pk, sha256=signing.sha256(content)).exists()
