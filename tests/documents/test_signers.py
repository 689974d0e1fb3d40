"""The right signer for each paper and the separation of duties (issue 32, items 1, 2 and 8).

Decisions: the Board prepares, the designated signer (the Chairman's own account, with its second factor) signs
with the Chairman's key, the records clerk (văn thư) seals with the city's key; three accounts, never one account
for two steps, each step in the dossier's trail. Reports: the Board's key and seal, and the public check names the
Board, not the city. Who signs what with which key is data (documents.SigningAuthority). The seal stands over the
left third of the signer's image, beside its text, never over it (read back from the PDF and from its picture)."""

import datetime as dt
import io
import subprocess

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from awards.models import Decision, SignatureStatus, SignedDocument, Status, WorkflowEvent
from awards.workflow import SIGNATURE
from documents import signing
from documents.models import SignedPaper, SigningAuthority, SigningJob, SigningKey
from organisation.models import User
from organisation.roles import Role

from ..awards_helpers import draft, sign_and_seal, sign_decision, to_state, users
from ..second_factor import login, verify

SIGN, SEAL = "awards:decision_sign", "awards:decision_seal"
CHAIRMAN, CITY = "Nguyễn Văn Tùng", "Ủy ban nhân dân thành phố Hải Phòng"
BOARD = "Ban Thi đua - Khen thưởng thành phố Hải Phòng"


def _decision(name="Nguyễn Văn An") -> Decision:
    return Decision.objects.get(submission=to_state(draft(names=(name,)), Status.DECIDED))


def _document(decision) -> SignedDocument | None:
    return SignedDocument.objects.filter(decision=decision).first()


def _status(decision) -> str:
    document = _document(decision)
    return document.status if document else SignatureStatus.UNSIGNED


def _account(username, *roles, unit="ubnd-hai-phong") -> User:
    from organisation.models import Unit

    user = User.objects.create(username=username, unit=Unit.objects.get(code=unit))
    user.groups.set([Group.objects.get_or_create(name=role)[0] for role in roles])
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return verify(client, user)


def _content(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def test_the_board_prepares_the_signer_signs_the_clerk_seals_each_step_audited(officer_client, signer_client,
                                                                              clerk_client):
    decision = _decision()
    assert decision.issued_by == users()["demo_officer"]  # the Board prepared (issued) the decision
    # The Board's officer neither signs nor seals: refused before anything is queued.
    for step in (SIGN, SEAL):
        assert officer_client.post(reverse(step, args=[decision.pk])).status_code == 403
    # The clerk cannot sign; nothing is signed yet, so there is nothing to seal either.
    assert clerk_client.post(reverse(SIGN, args=[decision.pk])).status_code == 403
    assert not SigningJob.objects.filter(reference=decision.pk).exists()
    page = officer_client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert f'action="{reverse(SIGN, args=[decision.pk])}"' not in page  # no signing button for the officer

    sign_decision(signer_client, decision.pk)
    assert _status(decision) == SignatureStatus.SIGNED
    # The signer may not seal what they signed.
    assert signer_client.post(reverse(SEAL, args=[decision.pk])).status_code == 403
    sign_decision(clerk_client, decision.pk, SEAL)
    document = _document(decision)
    assert document.status == SignatureStatus.ISSUED
    assert (document.signer_signed_by, document.agency_signed_by) == (users()["demo_signer"], users()["demo_clerk"])
    # Each step is the dossier's history, by its own account.
    trail = list(WorkflowEvent.objects.filter(submission=decision.submission, action__in=(
        "decide", "sign_document", "seal_document")).values_list("action", "actor__username"))
    assert trail == [("decide", "demo_officer"), ("sign_document", "demo_signer"), ("seal_document", "demo_clerk")]
    # The two signatures are the Chairman's and the city's.
    reports = signing.read_signatures(_content(document))
    assert [(r.field, r.signer) for r in reports] == [("NguoiKy", CHAIRMAN), ("CoQuanBanHanh", CITY)]
    assert all(r.ok for r in reports)


def test_one_account_never_signs_and_seals_the_same_decision(signer_client):
    """An account given both roles (a mistake in the admin) signs, and is then refused the seal of that document:
    the SIGNATURE table's rows ask who took the other step."""
    both = _account("ky_va_dong_dau", Role.SIGNER, Role.RECORDS_CLERK)
    client = _client(both)
    decision = _decision()
    SigningAuthority.objects.filter(kind=SignedPaper.DECISION).update(signer_account=None)  # any signer may sign
    sign_decision(client, decision.pk)
    document = _document(decision)
    assert document.status == SignatureStatus.SIGNED and document.signer_signed_by == both
    assert SIGNATURE.open_to(both, document) == []  # the seal is not offered to the account that signed
    response = client.post(reverse(SEAL, args=[decision.pk]))
    assert response.status_code == 403
    assert _status(decision) == SignatureStatus.SIGNED
    # Another clerk seals it.
    sign_decision(login("demo_clerk"), decision.pk, SEAL)
    assert _status(decision) == SignatureStatus.ISSUED


def test_the_account_that_prepared_a_decision_does_not_sign_it(officer_client):
    """A Board officer who also holds the signer role signs nothing they issued themselves."""
    officer = users()["demo_officer"]
    officer.groups.add(Group.objects.get(name=Role.SIGNER))
    SigningAuthority.objects.filter(kind=SignedPaper.DECISION).update(signer_account=None)
    decision = _decision()
    assert decision.issued_by == officer
    response = _client(User.objects.get(pk=officer.pk)).post(reverse(SIGN, args=[decision.pk]))
    assert response.status_code == 403 and _status(decision) == SignatureStatus.UNSIGNED


def test_only_the_designated_signer_signs(db):
    """The signing authority names the Chairman's account: another account of the signer role (a deputy, say) is
    refused; with no account named, any signer may sign."""
    deputy = _account("pho_chu_tich", Role.SIGNER)
    decision = _decision()
    authority = SigningAuthority.objects.get(kind=SignedPaper.DECISION)
    assert authority.signer_account == users()["demo_signer"]  # the demo's designation
    assert _client(deputy).post(reverse(SIGN, args=[decision.pk])).status_code == 403
    assert _status(decision) == SignatureStatus.UNSIGNED
    authority.signer_account = None
    authority.save()
    sign_decision(_client(deputy), decision.pk)
    assert _status(decision) == SignatureStatus.SIGNED


def test_the_signer_must_give_the_second_factor(db, settings):
    """Even where MFA_REQUIRED is off (the demo, these tests), the signer's and the clerk's sessions go to the second
    factor first; a session that has not given it signs nothing."""
    settings.MFA_REQUIRED = False
    decision = _decision()
    for username in ("demo_signer", "demo_clerk"):
        client = Client()
        client.force_login(users()[username])
        response = client.post(reverse(SIGN, args=[decision.pk]))
        assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_setup"))
    assert not SigningJob.objects.filter(reference=decision.pk).exists()
    assert _status(decision) == SignatureStatus.UNSIGNED


def test_the_keys_of_each_paper_are_data(signer_client, clerk_client):
    """A revocation follows its own row; an agency key changed in the admin is the key the seal is made with."""
    SigningAuthority.objects.filter(kind=SignedPaper.DECISION).update(agency_key=SigningKey.BOARD,
                                                                      seal_text="THỬ\nCON DẤU")
    decision = _decision()
    sign_decision(signer_client, decision.pk)
    sign_decision(clerk_client, decision.pk, SEAL)
    reports = signing.read_signatures(_content(_document(decision)))
    assert [r.signer for r in reports] == [CHAIRMAN, BOARD] and all(r.ok for r in reports)
    # A kind without a row refuses, with the reason, and signs nothing.
    from documents.authority import for_kind

    with pytest.raises(ValidationError, match="Không có thẩm quyền ký|No signing authority"):
        for_kind(SignedPaper.REVOCATION, dt.date(2019, 1, 1))


def test_a_designated_account_must_have_the_signer_role(db):
    authority = SigningAuthority.objects.get(kind=SignedPaper.DECISION)
    authority.signer_account = users()["demo_officer"]
    with pytest.raises(ValidationError):
        authority.full_clean()


def test_the_admin_edits_the_signing_authorities(admin_client_demo):
    response = admin_client_demo.get(reverse("admin:documents_signingauthority_changelist"))
    assert response.status_code == 200
    assert "TRƯỞNG BAN" in response.content.decode() and "CHỦ TỊCH" in response.content.decode()


def test_a_report_bears_the_boards_signature_and_seal_and_the_public_check_names_the_board(
        db, django_capture_on_commit_callbacks, tmp_path):
    """Reports "Số NN/BC-BTĐKT" (signed TRƯỞNG BAN) carry the Board's key and seal (Sở Nội vụ), never the city
    People's Committee's; the public page names the Board and its department."""
    from pypdf import PdfReader

    from reports.services import request_report

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    report.refresh_from_db()
    with report.pdf.open("rb") as handle:
        content = handle.read()
    signatures = signing.read_signatures(content)
    assert [(s.signer, s.organisation, s.ok) for s in signatures] == [(BOARD, "Sở Nội vụ thành phố Hải Phòng", True)]
    page = Client().post(reverse("verify_document"), {
        "upload": SimpleUploadedFile("bao-cao.pdf", content, content_type="application/pdf")}).content.decode()
    assert BOARD in page and "Sở Nội vụ thành phố Hải Phòng" in page
    assert "Ủy ban nhân dân thành phố Hải Phòng" not in page.split('id="verdict"')[1]
    # The page with the Board's seal, for a look (test-artifacts/report-board-seal.png).
    from ..browser import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    (tmp_path / "report.pdf").write_bytes(content)
    last = str(len(PdfReader(io.BytesIO(content)).pages))
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", last, "-l", last, "-singlefile", str(tmp_path / "report.pdf"),
                    str(ARTIFACTS / "report-board-seal")], check=True)


def test_the_seal_stands_beside_the_signers_text_not_over_it(db, tmp_path):
    """Decree 30/2020 App. I Part II: the seal over about the left third of the signer's image; issue 32: not over
    the signer's text. Read back: the seal's box ends where the text begins; the signed page rendered (pdftoppm)
    has no red of the seal in the text's area, and the text's blue is there."""
    from PIL import Image
    from pypdf import PdfReader

    from ..browser import ARTIFACTS

    decision = _decision()
    sign_and_seal(decision.pk)
    content = _content(_document(decision))
    reader = PdfReader(io.BytesIO(content))
    boxes, page_number = {}, 0
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            obj = annotation.get_object()
            if obj.get("/Subtype") == "/Widget" and obj.get("/T"):
                boxes[str(obj["/T"])] = [float(v) for v in obj["/Rect"]]
                page_number = number
    signer, seal = boxes["NguoiKy"], boxes["CoQuanBanHanh"]
    width = signer[2] - signer[0]
    assert seal[0] < signer[0] < seal[2]  # the seal overlaps the signer's image on the left …
    assert seal[2] - signer[0] <= width / 3 + 1  # … its left third at most, where no text is written
    # The page as a reader shows it: 4 pixels per point (288 dpi).
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(content)
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "288", "-f", str(page_number + 1), "-l", str(page_number + 1),
                    "-singlefile", str(pdf), str(stem)], check=True)
    image = Image.open(f"{stem}.png").convert("RGB")
    height = float(reader.pages[page_number].mediabox.height)
    scale = image.width / float(reader.pages[page_number].mediabox.width)
    text_area = (int((signer[0] + width / 3 + 4) * scale), int((height - signer[3]) * scale) + 8,
                 int(signer[2] * scale) - 8, int((height - signer[1]) * scale) - 8)
    region = image.crop(text_area)
    pixels = list(region.getdata())
    red = [p for p in pixels if p[0] > 150 and p[1] < 90 and p[2] < 90]
    blue = [p for p in pixels if p[2] > 100 and p[0] < 90]
    assert red == [] and len(blue) > 200, (len(red), len(blue))
    seal_area = image.crop((int(seal[0] * scale), int((height - seal[3]) * scale), int(seal[2] * scale),
                            int((height - seal[1]) * scale)))
    assert sum(1 for p in seal_area.getdata() if p[0] > 150 and p[1] < 90 and p[2] < 90) > 500  # the seal is drawn
    ARTIFACTS.mkdir(exist_ok=True)
    image.crop((int((seal[0] - 40) * scale), int((height - signer[3] - 60) * scale), int((signer[2] + 40) * scale),
                int((height - seal[1] + 60) * scale))).save(ARTIFACTS / "signature-and-seal.png")


def test_a_demo_key_set_made_before_the_boards_key_gets_it_and_it_is_trusted(tmp_path, settings):
    """An existing demo (signer.p12 and agency.p12 only; the first CA's key was not kept) gets board.p12 under a test
    CA of its own, ca-board.pem, which the default trust roots include: a report signed with it is trusted."""
    from documents.pki import create_test_pki

    folder = tmp_path / "pki"
    passphrase = b"thu-nghiem"
    create_test_pki(folder, passphrase, signer_name=CHAIRMAN, agency_name=CITY, board_name=BOARD)
    (folder / "board.p12").unlink()  # as made before issue 32
    first_ca = (folder / "ca.pem").read_bytes()
    create_test_pki(folder, passphrase, signer_name=CHAIRMAN, agency_name=CITY, board_name=BOARD)
    assert (folder / "board.p12").exists() and (folder / "ca-board.pem").exists()
    assert (folder / "ca.pem").read_bytes() == first_ca  # the decisions already signed stay trusted
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "P12_PASSPHRASE": passphrase.decode(), **{
        name: str(folder / f"{file}.p12") for name, file in (("SIGNER_P12", "signer"), ("AGENCY_P12", "agency"),
                                                             ("BOARD_P12", "board"))},
        "TRUST_ROOTS": [str(folder / "ca.pem"), str(folder / "ca-board.pem")]}
    from weasyprint import HTML

    pdf = HTML(string="<p>TRƯỞNG BAN</p><p style='margin-top:80px'>Phạm Minh Đức</p>").write_pdf()
    signed = signing.sign(pdf, signing.AGENCY, name_on_document="Phạm Minh Đức", reason="thử", key=SigningKey.BOARD)
    [report] = signing.read_signatures(signed)
    assert (report.signer, report.organisation, report.ok) == (BOARD, "Sở Nội vụ thành phố Hải Phòng", True)


def test_the_home_page_counts_what_waits_for_each_step(signer_client, clerk_client):
    def waiting(client) -> str:
        page = client.get("/").content.decode()
        return page.split('id="signing-waiting">')[1].split("<")[0]

    decision = _decision()
    assert (waiting(signer_client), waiting(clerk_client)) == ("1", "0")
    sign_decision(signer_client, decision.pk)
    assert (waiting(signer_client), waiting(clerk_client)) == ("0", "1")
    sign_decision(clerk_client, decision.pk, SEAL)
    assert (waiting(signer_client), waiting(clerk_client)) == ("0", "0")
    assert 'id="signing-waiting"' not in login("demo_officer").get("/").content.decode()


def test_a_decision_naming_another_signer_is_not_signed_with_the_chairmans_key(signer_client, officer_client):
    """The name printed under CHỦ TỊCH is the signing certificate's holder, or nothing is signed: the public check
    names the certificate's holder. The decision form offers the designated signer's name."""
    form = officer_client.get(reverse("awards:submission_detail", args=[
        to_state(draft(names=("Lê Văn Cường",)), Status.VOTED).pk])).content.decode()
    assert 'value="Nguyễn Văn Tùng"' in form  # the designated signer's name, offered
    decision = _decision()
    Decision.objects.filter(pk=decision.pk).update(signer_name="Trần Văn Khác")
    sign_decision(signer_client, decision.pk)
    job = SigningJob.objects.get(reference=decision.pk)
    assert job.failed and "Trần Văn Khác" in job.reason and CHAIRMAN in job.reason
    assert _status(decision) == SignatureStatus.UNSIGNED


def test_a_server_without_the_boards_key_still_signs_decisions(tmp_path, settings):
    """Production (no demo keys made): each signature asks only for its own key file — the Chairman's signs with
    signer.p12 and agency.p12 alone; the Board's key, missing, is refused by name."""
    from django.core.exceptions import ImproperlyConfigured
    from weasyprint import HTML

    from documents.pki import create_test_pki

    folder = tmp_path / "pki"
    create_test_pki(folder, b"thu-nghiem", signer_name=CHAIRMAN, agency_name=CITY, board_name=BOARD)
    (folder / "board.p12").unlink()
    settings.DEMO_ACCOUNTS_ALLOWED = False
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "P12_PASSPHRASE": "thu-nghiem", **{
        name: str(folder / f"{file}.p12") for name, file in (("SIGNER_P12", "signer"), ("AGENCY_P12", "agency"),
                                                             ("BOARD_P12", "board"))},
        "TRUST_ROOTS": [str(folder / "ca.pem")]}
    pdf = HTML(string="<p>CHỦ TỊCH</p><p style='margin-top:80px'>Nguyễn Văn Tùng</p>").write_pdf()
    signed = signing.sign(pdf, signing.SIGNER, name_on_document="Nguyễn Văn Tùng", reason="thử")
    assert [r.signer for r in signing.read_signatures(signed)] == [CHAIRMAN]
    with pytest.raises(ImproperlyConfigured, match="board.p12"):
        signing.sign(pdf, signing.AGENCY, name_on_document="Nguyễn Văn Tùng", reason="thử", key=SigningKey.BOARD)
    assert not (folder / "board.p12").exists()
