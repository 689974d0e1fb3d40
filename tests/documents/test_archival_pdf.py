"""Archival PDFs (issue 32, item 7): decisions, certificates and reports are PDF/A-3B (ISO 19005-3, WeasyPrint's
PDF/A variant) and stay so once signed, sealed and long-term time-stamped: sRGB output intent, XMP identification
and metadata in step with the information dictionary, every font embedded (the signature appearances too: no
more pyHanko Courier), nothing encrypted, every signature covering its revision. No PDF/A validator is available
from the package registries (veraPDF is Java, in none of them), so ``tests/pdfa.py`` checks the rules of the
standard that can be read from the file, each named by its clause."""

import datetime as dt
import io
import subprocess

import pytest

from awards.documents import certificate_pdf, decision_pdf
from awards.models import Decision, SignatureStatus, SignedDocument, Status
from documents import signing

from .. import pdfa
from ..awards_helpers import draft, sign_and_seal, to_state
from .test_signed_documents import long_term  # noqa: F401 — the fixture of the B-LTA tests


def _decision():
    return Decision.objects.get(submission=to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED))


def _sign_and_seal(decision):
    sign_and_seal(decision.pk)  # the designated signer, then the records clerk; the signing host's jobs run
    document = SignedDocument.objects.get(decision=decision)
    assert document.status == SignatureStatus.ISSUED
    with document.file.open("rb") as handle:
        return handle.read()


def _assert_archival(content: bytes):
    assert pdfa.problems(content) == []
    fonts = pdfa.pdffonts(content)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts), fonts
    assert not any("Courier" in name for name, _embedded in fonts)


def test_the_decision_and_the_certificate_are_pdfa_as_rendered(db):
    decision = _decision()
    for content in (decision_pdf(decision), certificate_pdf(decision.awardees.get())):
        _assert_archival(content)


def test_a_signed_and_sealed_decision_stays_pdfa_and_looks_the_same(officer_client, tmp_path,
                                                                  django_capture_on_commit_callbacks):
    from pypdf import PdfReader

    decision = _decision()
    unsigned = decision_pdf(decision)
    content = _sign_and_seal(decision)
    _assert_archival(content)
    assert [r.ok for r in signing.read_signatures(content)] == [True, True]
    # Both stamps have their appearance (whatever font one may use is embedded: checked above); the producer is
    # pyHanko's in both the information dictionary and the XMP, after each signature.
    reader = PdfReader(io.BytesIO(content))
    stamped = [number for number, page in enumerate(reader.pages) if page.get("/Annots")]
    assert len(stamped) == 1  # the page of the signature block
    assert all("/N" in a.get_object()["/AP"] for a in reader.pages[stamped[0]]["/Annots"])
    assert str(reader.trailer["/Info"]["/Producer"]).startswith("pyHanko")
    # The page with the signature block: the stamps are drawn over it, everything else as before signing.
    page = str(stamped[0] + 1)
    for name, pdf in (("unsigned", unsigned), ("signed", content)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-singlefile", "-f", page, "-l", page,
                        tmp_path / f"{name}.pdf", tmp_path / name], check=True)
    before, after = ((tmp_path / f"{name}.pgm").read_bytes() for name in ("unsigned", "signed"))
    assert len(before) == len(after)
    changed = sum(a != b for a, b in zip(before, after, strict=True))
    assert 0 < changed < len(after) * 0.05  # the two stamps, not the page


def test_a_signed_report_stays_pdfa(db, django_capture_on_commit_callbacks):
    from reports.services import request_report

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    report.refresh_from_db()
    with report.pdf.open("rb") as handle:
        content = handle.read()
    assert [s.ok for s in signing.read_signatures(content)] == [True]
    _assert_archival(content)


def test_a_long_term_decision_stays_pdfa(long_term, officer_client,  # noqa: F811 — the fixture imported above
                                         django_capture_on_commit_callbacks):
    """B-LTA: each signature time-stamped, the DSS and a document time-stamp after each (incremental updates, each
    with its own invisible time-stamp field)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    content = _sign_and_seal(_decision())
    assert len(PdfFileReader(io.BytesIO(content)).embedded_timestamp_signatures) == 2
    _assert_archival(content)


@pytest.mark.parametrize("old", ["text stamp", "producers apart"])
def test_the_check_finds_what_signing_used_to_break(db, monkeypatch, old):
    """The checks can fail: signed as before this change, with pyHanko's text stamp style (its default Courier, not
    embedded, in each appearance) or without putting the producers in step, the file is no PDF/A."""
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import TextStampStyle

    if old == "text stamp":
        monkeypatch.setattr(signing, "_stamp", lambda role, who, when, seal_lines=None: TextStampStyle(
            stamp_text=" ", border_width=0, background=PdfImage(signing._picture(role, who, when, seal_lines))))
    else:
        monkeypatch.setattr(signing, "_metadata_in_step", lambda writer: None)
    content = signing.sign(decision_pdf(_decision()), signing.SIGNER, name_on_document="Nguyễn Văn Tùng", reason="thử")
    found = pdfa.problems(content)
    if old == "text stamp":
        assert found == ["6.2.11.4-1: font /Courier is not embedded"]
        assert ("Courier", "no") in pdfa.pdffonts(content)
    else:
        assert len(found) == 1 and found[0].startswith("6.6.2.3.1: info /Producer 'WeasyPrint")
