"""Signing with keys on a PKCS#11 token (issue 19, item 3): the Government CA's tokens are PKCS#11 devices; here
SoftHSM2 (Debian's softhsm2) stands in for one. The signer's and the agency's keys and certificates are put on a
token, the portal is configured with the module, token label, PIN and key labels (as in production), a decision is
signed twice through the pages and both signatures validate against the CA."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.urls import reverse

from awards.models import Decision, SignatureStatus, SignedDocument, Status
from documents import signing
from documents.models import SigningJob, SigningStatus

from ..awards_helpers import draft, to_state

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "246810"
pytestmark = pytest.mark.skipif(not (Path(MODULE).exists() and shutil.which("softhsm2-util")
                                     and shutil.which("pkcs11-tool")),
                                reason="SoftHSM2 and OpenSC are installed by scripts/setup.sh with WITH_TEST_TOOLS=1")


def _run(*args, env):
    subprocess.run(args, check=True, capture_output=True, env=env)


def _configure(settings, prefix: str, trust_root) -> None:
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "BACKEND": "pkcs11", "PKCS11_MODULE": MODULE,
                                 "PKCS11_TOKEN_LABEL": "cong-tdkt", "PKCS11_PIN": PIN,
                                 "PKCS11_SIGNER_KEY": f"{prefix}-signer", "PKCS11_AGENCY_KEY": f"{prefix}-agency",
                                 "TRUST_ROOTS": [str(trust_root)]}


@pytest.fixture(scope="module")
def tokens(tmp_path_factory, ltv_pki):
    """One SoftHSM2 token for the module (the PKCS#11 library reads its configuration once per process): the demo
    test CA's keys and certificates (labels portal-…) and the long-term test PKI's (labels ltv-…)."""
    from documents.pki import create_test_pki

    from ..ltv_pki import PASSPHRASE

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    _run("softhsm2-util", "--init-token", "--free", "--label", "cong-tdkt", "--pin", PIN, "--so-pin", "13579",
         env=env)
    paths = create_test_pki(folder / "pki", b"x", signer_name="Nguyễn Văn Tùng",
                            agency_name="Ủy ban nhân dân thành phố Hải Phòng")
    sets = [("portal", {"signer": paths["signer"], "agency": paths["agency"]}, b"x"),
            ("ltv", {"signer": ltv_pki.signer_p12, "agency": ltv_pki.agency_p12}, PASSPHRASE)]
    number = 0
    for prefix, files, passphrase in sets:
        for label in ("signer", "agency"):
            number += 1
            key, certificate, _chain = pkcs12.load_key_and_certificates(files[label].read_bytes(), passphrase)
            (folder / f"{prefix}-{label}.key").write_bytes(key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            (folder / f"{prefix}-{label}.der").write_bytes(certificate.public_bytes(serialization.Encoding.DER))
            key_id = f"0{number}"
            _run("softhsm2-util", "--import", str(folder / f"{prefix}-{label}.key"), "--token", "cong-tdkt",
                 "--label", f"{prefix}-{label}", "--id", key_id, "--pin", PIN, env=env)
            _run("pkcs11-tool", "--module", MODULE, "--token-label", "cong-tdkt", "--login", "--pin", PIN,
                 "--write-object", str(folder / f"{prefix}-{label}.der"), "--type", "cert", "--label",
                 f"{prefix}-{label}", "--id", key_id, env=env)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOFTHSM2_CONF", str(conf))
        yield paths


@pytest.fixture
def token(tokens, settings):
    _configure(settings, "portal", tokens["ca"])
    return tokens


def test_a_decision_signed_and_sealed_with_keys_on_a_pkcs11_token(token, django_capture_on_commit_callbacks,
                                                                  signer_client, clerk_client):
    decision = Decision.objects.get(submission=to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED))
    with django_capture_on_commit_callbacks(execute=True):  # the signing host's task
        signer_client.post(reverse("awards:decision_sign", args=[decision.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("awards:decision_seal", args=[decision.pk]))
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.ISSUED
    with document.file.open("rb") as handle:
        content = handle.read()
    reports = signing.read_signatures(content)
    assert [r.ok for r in reports] == [True, True]
    assert ["Nguyễn Văn Tùng" in r.signer for r in reports] == [True, False]
    assert "Hải Phòng" in reports[1].signer


def test_a_wrong_pin_is_a_clear_refusal_not_a_server_error(token, officer_client, settings,
                                                          django_capture_on_commit_callbacks, signer_client):
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "PKCS11_PIN": "000000"}
    decision = Decision.objects.get(submission=to_state(draft(names=("Trần Văn Bình",)), Status.DECIDED))
    with django_capture_on_commit_callbacks(execute=True):  # the signing host's task runs, and fails
        response = signer_client.post(reverse("awards:decision_sign", args=[decision.pk]), follow=True)
    assert response.status_code == 200
    assert not SignedDocument.objects.filter(decision=decision, status=SignatureStatus.SIGNED).exists()
    # The signing job says why (issue 29): the wrong PIN, on the decision's page; its state has not moved.
    job = SigningJob.objects.get(kind="decision", reference=decision.pk)
    assert job.status == SigningStatus.FAILED and "mã PIN" in job.reason
    page = officer_client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert job.reason in page
    assert SignedDocument.objects.get(decision=decision).status == SignatureStatus.UNSIGNED


def test_a_long_term_signature_with_keys_on_a_token(ltv_pki, tokens, settings, django_capture_on_commit_callbacks,
                                                   signer_client, clerk_client):
    """PAdES B-LTA with the keys on a token: the certomancer PKI's keys on SoftHSM2, its TSA configured; both
    signatures are time-stamped and validate as B-LTA after the certificates expired."""
    import datetime as dt

    _configure(settings, "ltv", ltv_pki.root_pem)
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "TSA_URL": ltv_pki.tsa_url}
    decision = Decision.objects.get(submission=to_state(draft(names=("Lê Văn Cường",)), Status.DECIDED))
    for step in ("awards:decision_sign", "awards:decision_seal"):
        with django_capture_on_commit_callbacks(execute=True):  # the signing host's task
            {"awards:decision_sign": signer_client, "awards:decision_seal": clerk_client}[step].post(
                reverse(step, args=[decision.pk]))
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.ISSUED
    with document.file.open("rb") as handle:
        content = handle.read()
    reports = signing.read_signatures(content)
    assert [(r.ok, r.time_stamped) for r in reports] == [(True, True), (True, True)]
    later = ltv_pki.signing_certs_expire + dt.timedelta(days=30)
    assert [r.ok for r in signing.validate_long_term(content, at=later)] == [True, True]
