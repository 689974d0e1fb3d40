"""Every certificate of a decision in one PDF, made by a worker while the officer's page shows how far it is
(issue 34: a decision of 500 awardees; the time is measured by bench/heavy_decision.py, not here)."""

import io
import re

import pytest
import qrcode
from django.test import TestCase
from django.urls import reverse
from pypdf import PdfReader

from awards import certificates, documents
from awards.models import BatchStatus, CertificateBatch, Decision, Status
from documents import signing

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
    assert certificates.run(batch.pk) == BatchStatus.DONE
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


def test_the_certificates_qr_code_is_the_verification_address(decision):
    """The QR code is drawn from a PNG of one pixel per module: each module is the one of the award's verification
    address (the public page that confirms the certificate)."""
    nominee = decision.awardees.first()
    image = PdfReader(io.BytesIO(documents.certificate_pdf(nominee))).pages[0].images[0].image.convert("1")
    code = qrcode.QRCode(border=1, mask_pattern=0)  # the mask pattern the certificates use
    code.add_data(documents.verification_url(nominee))
    code.make(fit=True)
    matrix = code.get_matrix()
    assert image.size == (len(matrix), len(matrix))
    assert [[image.getpixel((x, y)) == 0 for x in range(len(matrix))] for y in range(len(matrix))] == matrix


def test_the_signature_stands_at_the_signature_block_when_an_awardee_shares_the_signers_name(db):
    to_state(draft(names=("Nguyễn Văn Tùng",)), Status.DECIDED)  # the signer's own name, as an awardee
    content = documents.decision_pdf(Decision.objects.get())
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(content)).pages)
    assert signing.find_name(content, "Nguyễn Văn Tùng").page < pages - 1  # the body's page, not the annex's row
