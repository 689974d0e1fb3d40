"""Every certificate of a decision in one PDF, made by a worker while the officer's page shows how far it is
(issue 34: a decision of 500 awardees; the time is measured by bench/heavy_decision.py, not here)."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse

from awards import certificates
from awards.models import CertificateBatch, Decision, Status

from ..awards_helpers import draft, to_state
from .test_awards_workflow import pdf_text

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


@pytest.fixture
def decision(db):
    to_state(draft(names=NAMES), Status.DECIDED)
    return Decision.objects.get()


def test_the_officer_waits_on_the_decision_page_with_the_certificates_counted(decision, officer_client):
    page = reverse("awards:decision_detail", args=[decision.pk])
    status_url = reverse("awards:decision_certificates_status", args=[decision.pk])
    assert "Tạo tất cả giấy chứng nhận (một tệp PDF)" in officer_client.get(page).content.decode()

    # Asked for: queued for a worker once the request commits; the page shows the progress and polls for it.
    response = officer_client.post(reverse("awards:decision_certificates", args=[decision.pk]))
    assert response.status_code == 302 and response.url.endswith("#certificates")
    batch = CertificateBatch.objects.get(decision=decision)
    assert batch.is_pending and batch.total == 3
    body = officer_client.get(page).content.decode()
    assert "Đã tạo 0/3 giấy chứng nhận" in body and "<progress" in body
    assert f'hx-get="{status_url}"' in body and 'hx-trigger="every 2s"' in body

    # The worker counts what it has drawn; the polled fragment says so.
    certificates.count_made(batch.pk, 2)
    fragment = officer_client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "Đã tạo 2/3 giấy chứng nhận" in fragment
    assert 'data-certificates-made="2"' in fragment and 'data-certificates-total="3"' in fragment
    assert 'value="66"' in fragment and "hx-get" in fragment
    # Asking again while it is being made does not queue a second batch.
    officer_client.post(reverse("awards:decision_certificates", args=[decision.pk]))
    assert CertificateBatch.objects.filter(decision=decision).count() == 1

    # Done: the fragment stops polling and offers the file, one page per awardee, each the awardee's certificate.
    assert certificates.run(batch.pk) == "done"
    fragment = officer_client.get(status_url).content.decode()
    assert "hx-get" not in fragment and "3 giấy chứng nhận (PDF)" in fragment
    response = officer_client.get(reverse("awards:decision_certificates_pdf", args=[decision.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content), False)
    for nominee in decision.awardees.all():
        assert nominee.name.upper() in text.upper() and nominee.golden_book_number in text
    assert len(re.findall(r"Số sổ vàng", text)) == 3


def test_the_certificates_are_the_boards_to_make(decision, staff_client, officer_client):
    for url_name in ("awards:decision_certificates_status", "awards:decision_certificates_pdf"):
        assert staff_client.get(reverse(url_name, args=[decision.pk])).status_code == 403
    assert staff_client.post(reverse("awards:decision_certificates", args=[decision.pk])).status_code == 403
    assert not CertificateBatch.objects.exists()
    # Nothing made yet: no file to download.
    assert officer_client.get(reverse("awards:decision_certificates_pdf", args=[decision.pk])).status_code == 404


def test_a_revoked_award_has_no_certificate_in_the_batch(decision, officer_client):
    import datetime as dt

    from awards import services
    from organisation.models import User

    revoked = decision.awardees.get(name="Trần Thị Bình")
    services.revoke(User.objects.get(username="demo_officer"), revoked, grounds="Khai man thành tích",
                    issued_on=max(decision.issued_on, dt.date.today()), signer_name="Nguyễn Văn Tùng")
    with TestCase.captureOnCommitCallbacks(execute=True):  # the worker's task runs when the request commits
        officer_client.post(reverse("awards:decision_certificates", args=[decision.pk]))
    batch = CertificateBatch.objects.get(decision=decision)
    assert batch.done and batch.total == 2
    with batch.file.open("rb") as handle:
        text = pdf_text(handle.read(), False)
    assert "BÌNH" not in text.upper() and "NGUYỄN VĂN AN" in text.upper()
