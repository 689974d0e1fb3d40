"""Signed documents (Decree 30/2020; PAdES with pyHanko): the signer signs, then the agency; both signatures
validate against the test CA; one altered byte fails the check and the public page; pdfsig lists both; the signed
file is never regenerated; a revoked award's certificate carries the mark."""

import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from awards.models import Decision, SignatureStatus, SignedDocument, Status
from documents import signing

from ..awards.test_awards_workflow import pdf_text
from ..awards_helpers import draft, to_state


@pytest.fixture
def signed_twice(django_capture_on_commit_callbacks, signer_client, clerk_client):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    with django_capture_on_commit_callbacks(execute=True):  # the signing host's task (tests/documents/test_signing_host.py)
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.SIGNED
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("awards:decision_seal", args=[decision.pk]))
    document.refresh_from_db()
    assert document.status == SignatureStatus.ISSUED
    return decision, document


def _content(document):
    with document.file.open("rb") as handle:
        return handle.read()


def test_signer_then_agency_and_both_validate(signed_twice, officer_client, django_capture_on_commit_callbacks,
                                              signer_client):
    decision, document = signed_twice
    content = _content(document)
    reports = signing.read_signatures(content)
    assert [r.field for r in reports] == ["NguoiKy", "CoQuanBanHanh"]
    assert all(r.ok for r in reports), reports
    assert reports[0].signer == "Nguyễn Văn Tùng" and reports[1].signer == "Ủy ban nhân dân thành phố Hải Phòng"
    assert reports[1].covers_document and reports[0].signed_at <= reports[1].signed_at
    assert document.sha256 == signing.sha256(content)
    # The file users download is the signed one, byte for byte; the text is still the decision's.
    served = officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content
    assert served == content and "QUYẾT ĐỊNH" in pdf_text(served)
    # pdfsig (poppler) lists both signatures.
    listing = subprocess.run(["pdfsig", "-"], input=content, capture_output=True).stdout.decode() or \
        subprocess.run(["pdfsig", str(document.file.path)], capture_output=True).stdout.decode()
    assert listing.count("Signature #") == 2 and "Nguyễn Văn Tùng" in listing
    # Signing again is refused: a signed document is never regenerated.
    with django_capture_on_commit_callbacks(execute=True):
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    document.refresh_from_db()
    assert document.sha256 == signing.sha256(content)


def test_the_visible_stamp_stands_above_the_signers_name(signed_twice):
    from pypdf import PdfReader

    _decision, document = signed_twice
    reader = PdfReader(io.BytesIO(_content(document)))
    anchor = signing.find_name(_content(document), "Nguyễn Văn Tùng")
    boxes = {}
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            obj = annotation.get_object()
            if obj.get("/FT") == "/Sig" or obj.get("/Subtype") == "/Widget":
                boxes[str(obj.get("/T"))] = [float(v) for v in obj["/Rect"]]
    signer, agency = boxes["NguoiKy"], boxes["CoQuanBanHanh"]
    assert signer[1] > anchor.y and signer[0] < anchor.x + anchor.width / 2 < signer[2]  # above the name, centred
    assert agency[0] < signer[0] < agency[2] < signer[2]  # the seal over the left part of the signer's image


def test_public_check_of_a_file(signed_twice):
    _decision, document = signed_twice
    content = _content(document)
    anonymous = Client()
    url = reverse("verify_document")

    def check(data, name="quyet-dinh.pdf"):
        page = anonymous.post(url, {"upload": SimpleUploadedFile(name, data, "application/pdf")})
        assert page.status_code == 200
        return page.content.decode()

    assert "không bị sửa đổi, có trong sổ đăng ký" in check(content)
    # One byte altered inside the signed range (the decision's own text): the signatures no longer match.
    position = content.index(b"stream", 200) + 20
    tampered = content[:position] + bytes([content[position] ^ 0x01]) + content[position + 1:]
    from awards.signed_documents import check_upload

    assert check_upload(content).kind == "valid"
    assert check_upload(tampered).kind == "altered"
    assert "đã bị thay đổi sau khi ký" in check(tampered)
    # An unsigned PDF, a file that is not a PDF, and a validly signed file that is not of the register.
    from awards.documents import decision_pdf

    draft_copy = decision_pdf(_decision)
    assert check_upload(draft_copy).kind == "unsigned"
    assert "không phải là văn bản đã phát hành" in check(draft_copy)
    assert check_upload(b"GIF89a not a pdf").kind == "unreadable"
    foreign = signing.sign(draft_copy, signing.SIGNER, name_on_document="Nguyễn Văn Tùng", reason="thử")
    assert check_upload(foreign).kind == "foreign"


def test_the_qr_page_shows_the_signers(signed_twice):
    decision, _document = signed_twice
    nominee = decision.awardees.get()
    page = Client().get(reverse("verify_award", args=[nominee.certificate_code])).content.decode()
    assert "Nguyễn Văn Tùng" in page and "Ủy ban nhân dân thành phố Hải Phòng" in page


def test_a_revoked_awards_certificate_is_marked(officer_client, staff_client):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    nominee = submission.nominees.get()
    clean = pdf_text(staff_client.get(reverse("awards:certificate_pdf", args=[nominee.pk])).content, False)
    assert "ĐÃ BỊ HỦY BỎ" not in clean
    officer_client.post(reverse("awards:nominee_revoke", args=[nominee.pk]), {
        "grounds": "Kê khai không trung thực", "issued_on": "2024-03-01", "signer_name": "Nguyễn Văn Tùng"})
    nominee.refresh_from_db()
    assert nominee.is_revoked
    for client in (staff_client, officer_client):
        text = pdf_text(client.get(reverse("awards:certificate_pdf", args=[nominee.pk])).content, False)
        assert "ĐÃ BỊ HỦY BỎ" in text and nominee.revoked_by.code in text


def test_a_revocation_decision_is_signed_like_a_decision(django_capture_on_commit_callbacks, signer_client, clerk_client):
    import datetime as dt

    from awards import services

    from ..awards_helpers import users

    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    nominee = submission.nominees.get()
    revocation = services.revoke(users()["demo_officer"], nominee, grounds="Khai man thành tích",
                                 issued_on=dt.date.today(), signer_name="Nguyễn Văn Tùng")
    with django_capture_on_commit_callbacks(execute=True):
        signer_client.post(reverse("awards:decision_sign", args=[revocation.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("awards:decision_seal", args=[revocation.pk]))
    document = SignedDocument.objects.get(decision=revocation)
    assert document.status == SignatureStatus.ISSUED
    content = _content(document)
    reports = signing.read_signatures(content)
    assert [r.field for r in reports] == ["NguoiKy", "CoQuanBanHanh"] and all(r.ok for r in reports)
    assert "hủy bỏ" in pdf_text(content)


def test_a_report_is_signed_and_its_earlier_copy_still_checks(db, django_capture_on_commit_callbacks):
    """Reports carry the agency's signature (issue 19): a produced report's PDF validates, the public check knows
    it, an altered byte fails; produced again after a correction, the earlier copy is still the portal's own and
    the check says a later copy replaced it."""
    import datetime as dt

    from awards.signed_documents import check_upload
    from documents.models import SignedCopy
    from reports.services import request_report

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    report.refresh_from_db()
    with report.pdf.open("rb") as handle:
        first = handle.read()
    signatures = signing.read_signatures(first)
    assert [s.ok for s in signatures] == [True] and "Hải Phòng" in signatures[0].signer
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(first)
        handle.flush()
        listed = subprocess.run(["pdfsig", handle.name], capture_output=True, text=True).stdout
    assert "Signature #1" in listed and "Signature #2" not in listed
    verdict = check_upload(first)
    assert verdict.kind == "valid" and f"{report.number}/BC-BTĐKT" in verdict.message
    position = first.index(b"stream", 200) + 20
    assert check_upload(first[:position] + bytes([first[position] ^ 0x01]) + first[position + 1:]).kind == "altered"
    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    assert SignedCopy.objects.filter(kind="report", reference=report.pk).count() == 2
    again = check_upload(first)
    assert again.kind == "valid" and "lập lại" in again.message


# --- Long-term signatures (PAdES B-LTA) and the modification analysis (issue 32, items 5 and 6) -----------------


@pytest.fixture
def long_term(ltv_pki, settings):
    from ..ltv_pki import PASSPHRASE

    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "SIGNER_P12": str(ltv_pki.signer_p12),
                                 "AGENCY_P12": str(ltv_pki.agency_p12), "P12_PASSPHRASE": PASSPHRASE.decode(),
                                 "TRUST_ROOTS": [str(ltv_pki.root_pem)], "TSA_URL": ltv_pki.tsa_url}
    return ltv_pki


def test_a_long_term_decision_validates_after_its_certificates_expired(long_term, settings,
                                                                     django_capture_on_commit_callbacks,
                                                                     signer_client, clerk_client):
    """Signed and sealed through the pages with a TSA configured: each signature is time-stamped, the DSS holds
    the OCSP answers and CRLs of the chains, document time-stamps follow; validated as PAdES B-LTA with the clock
    moved past the signing certificates' expiry, both signatures are still valid. A B-B file of the same PKI is
    not, at that time."""
    import datetime as dt

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore

    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    for step in ("awards:decision_sign", "awards:decision_seal"):
        with django_capture_on_commit_callbacks(execute=True):  # the signing host's task
            {"awards:decision_sign": signer_client, "awards:decision_seal": clerk_client}[step].post(
                reverse(step, args=[decision.pk]))
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.ISSUED
    content = _content(document)
    reader = PdfFileReader(io.BytesIO(content))
    assert [s.field_name for s in reader.embedded_regular_signatures] == ["NguoiKy", "CoQuanBanHanh"]
    assert len(reader.embedded_timestamp_signatures) == 2  # a document time-stamp after each signature
    dss = DocumentSecurityStore.read_dss(reader)
    assert len(dss.ocsps) >= 3  # the signer's, the agency's and the TSA's certificates (OCSP preferred to CRLs)
    reports = signing.read_signatures(content)
    assert [r.field for r in reports] == ["NguoiKy", "CoQuanBanHanh"]
    assert all(r.ok and r.time_stamped for r in reports), reports
    from awards.signed_documents import check_upload

    assert check_upload(content).kind == "valid"  # the DSS and time-stamp updates are allowed changes
    assert all(r.ok for r in signing.validate_long_term(content))
    after_expiry = long_term.signing_certs_expire + dt.timedelta(days=30)
    results = signing.validate_long_term(content, at=after_expiry)
    assert [r.field for r in results] == ["NguoiKy", "CoQuanBanHanh"]
    assert all(r.ok for r in results), results
    # What the public check reads at that time: the certificates have expired, the B-LTA validation vouches.
    later = signing.read_signatures(content, at=after_expiry)
    assert [(r.field, r.ok) for r in later] == [("NguoiKy", True), ("CoQuanBanHanh", True)]
    # The same PKI without a TSA: PAdES B-B, which cannot be validated once the certificate has expired.
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "TSA_URL": ""}
    from awards.documents import decision_pdf

    basic = signing.sign(decision_pdf(decision), signing.SIGNER, name_on_document="Nguyễn Văn Tùng", reason="thử")
    assert not PdfFileReader(io.BytesIO(basic)).embedded_timestamp_signatures
    assert [r.ok for r in signing.validate_long_term(basic, at=after_expiry)] == [False]
    assert [r.ok for r in signing.read_signatures(basic, at=after_expiry)] == [False]
    assert [r.ok for r in signing.read_signatures(basic)] == [True]


def _incremental(content: bytes, change) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _text_stamp(writer):
    from pyhanko.stamp import TextStamp, TextStampStyle

    TextStamp(writer, TextStampStyle(stamp_text="Tang them 50.000.000 dong")).apply(0, 60, 60)


def _page(writer):
    from pyhanko.pdf_utils import generic

    font = generic.DictionaryObject({generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                                     generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                                     generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica")})
    contents = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 14 Tf 72 720 Td (Phu luc them) Tj ET"))
    writer.insert_page(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Page"),
        generic.pdf_name("/MediaBox"): generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 595, 842)]),
        generic.pdf_name("/Contents"): contents,
        generic.pdf_name("/Resources"): generic.DictionaryObject({generic.pdf_name("/Font"): generic.DictionaryObject(
            {generic.pdf_name("/F1"): font})})}))


def _annotation(writer):
    from pyhanko.pdf_utils import generic

    page_ref, _resources = writer.find_page_for_modification(0)
    note = writer.add_object(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Annot"), generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
        generic.pdf_name("/Rect"): generic.ArrayObject([generic.NumberObject(n) for n in (100, 100, 120, 120)]),
        generic.pdf_name("/Contents"): generic.TextStringObject("Đã duyệt thêm")}))
    writer.register_annotation(page_ref, note)


@pytest.mark.parametrize("change", [_text_stamp, _page, _annotation], ids=["text stamp", "added page", "annotation"])
def test_a_change_after_the_signatures_is_reported_as_altered(signed_twice, change):
    """An incremental update after both signatures leaves the signed bytes intact, but it is not an allowed change
    (another signature, DSS, document time-stamp): the public check says "đã bị thay đổi sau khi ký"."""
    from pypdf import PdfReader

    from awards.signed_documents import check_upload

    _decision, document = signed_twice
    content = _content(document)
    changed = _incremental(content, change)
    assert changed.startswith(content)  # an incremental update: the signed revision is untouched
    assert len(PdfReader(io.BytesIO(changed)).pages) == len(PdfReader(io.BytesIO(content)).pages) + (
        1 if change is _page else 0)
    reports = signing.read_signatures(changed)
    assert [r.field for r in reports] == ["NguoiKy", "CoQuanBanHanh"]
    assert all(r.intact and r.valid and r.trusted for r in reports)  # what the check used to stop at
    assert not any(r.unchanged or r.ok for r in reports)
    assert check_upload(changed).kind == "altered"
    page = Client().post(reverse("verify_document"),
                         {"upload": SimpleUploadedFile("quyet-dinh.pdf", changed, "application/pdf")})
    assert page.status_code == 200 and "đã bị thay đổi sau khi ký" in page.content.decode()
    assert "không bị sửa đổi, có trong sổ đăng ký" not in page.content.decode()


def test_a_change_after_a_long_term_signature_is_reported_as_altered(long_term, django_capture_on_commit_callbacks,
                                                                    signer_client, clerk_client):
    """The allowed long-term updates do not hide a real change: a text stamp after a B-LTA file's last document
    time-stamp is an alteration too."""
    from awards.signed_documents import check_upload

    decision = Decision.objects.get(submission=to_state(draft(names=("Trần Văn Bình",)), Status.DECIDED))
    for step in ("awards:decision_sign", "awards:decision_seal"):
        with django_capture_on_commit_callbacks(execute=True):  # the signing host's task
            {"awards:decision_sign": signer_client, "awards:decision_seal": clerk_client}[step].post(
                reverse(step, args=[decision.pk]))
    content = _content(SignedDocument.objects.get(decision=decision))
    assert check_upload(content).kind == "valid"
    assert check_upload(_incremental(content, _text_stamp)).kind == "altered"


def test_an_unreachable_tsa_is_a_clear_refusal_not_a_basic_signature(long_term, officer_client, settings,
                                                                   django_capture_on_commit_callbacks, signer_client):
    """No silent fall-back to B-B: with the TSA down, signing is refused with a message and nothing is stored."""
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "TSA_URL": "http://127.0.0.1:9/tsa", "TSA_TIMEOUT": 2}
    decision = Decision.objects.get(submission=to_state(draft(names=("Phạm Thị Dung",)), Status.DECIDED))
    with django_capture_on_commit_callbacks(execute=True):  # the signing host's task runs, and fails
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    response = officer_client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert response.status_code == 200 and "Không ký được văn bản" in response.content.decode()
    assert not SignedDocument.objects.filter(decision=decision, status=SignatureStatus.SIGNED).exists()
