"""Digital signatures of the portal's documents (PAdES, pyHanko): the signer signs first, then the issuing agency
(the records clerk, văn thư) signs with the agency's certificate, each with a visible stamp placed as Decree
30/2020 Appendix I Part II describes: the signer's between the title and the name of the signature block, the
agency's seal over the left third of it, with the agency's signing details.

Keys: a PKCS#12 file per role (the demo's test CA, ``manage.py create_test_pki``), or a PKCS#11 token in
production (the Government CA's tokens; module, token label, PIN and key labels by configuration).
Verification reads the signatures back against the configured trust roots.

Long-term signatures (PAdES B-LTA) where a time-stamping authority is configured (``SIGNING_TSA_URL``): each
signature carries an RFC 3161 time-stamp of its value, the OCSP answers and CRLs of its certificates' chains
(fetched from the addresses in the certificates) go into the document security store (DSS), and a document
time-stamp covers the whole. Such a file still validates after the certificates expire. Without a TSA: PAdES B-B.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
import logging
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNER, AGENCY = "signer", "agency"
FIELDS = {SIGNER: "NguoiKy", AGENCY: "CoQuanBanHanh"}
logger = logging.getLogger(__name__)
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"  # liberation2 has all Vietnamese letters


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class NotSigningHost(ImproperlyConfigured):
    """A private key was asked for on a machine that is not the signing host (a web node)."""


def _config() -> dict:
    return settings.DOCUMENT_SIGNING


# Each key the signing host holds (documents.models.SigningKey), by its settings: the PKCS#12 file, the token's label.
KEY_SETTINGS = {"chairman": ("SIGNER_P12", "PKCS11_SIGNER_KEY"), "city": ("AGENCY_P12", "PKCS11_AGENCY_KEY"),
                "board": ("BOARD_P12", "PKCS11_BOARD_KEY")}
DEFAULT_KEY = {SIGNER: "chairman", AGENCY: "city"}  # a decision's two keys, where the caller names none
CITY_SEAL = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ", "HẢI PHÒNG"]


def _ensure_test_pki(path: str) -> None:
    """The PKCS#12 file ``path`` is there; on a demo machine the test keys are made when it is not. Only the key
    being loaded is asked for: a server that signs decisions needs no Board key file to do so."""
    config = _config()
    if Path(path).exists():
        return
    if not settings.DEMO_ACCOUNTS_ALLOWED:
        raise ImproperlyConfigured(f"DOCUMENT_SIGNING: the PKCS#12 file {path} is missing (configure the real keys).")
    from .pki import create_test_pki  # noqa: PLC0415 — demo only: the test CA (cryptography x509 builder) is made only when the key files are missing

    create_test_pki(Path(config["SIGNER_P12"]).parent, config["P12_PASSPHRASE"].encode(),
                    signer_name=config["TEST_SIGNER_NAME"], agency_name=config["TEST_AGENCY_NAME"],
                    board_name=config["TEST_BOARD_NAME"])


def _signer(key: str):
    """The key ``key`` (documents.models.SigningKey: "chairman", "city", "board"): loaded only on the signing host
    (SIGNING_HOST), never by a web process (issue 29)."""
    from pyhanko.sign import signers  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

    key = DEFAULT_KEY.get(key, key)  # a role's name ("signer", "agency") stands for its default key
    if not settings.SIGNING_HOST:
        raise NotSigningHost("SIGNING_HOST is off: this process loads no private key (the signing queue's worker "
                             "signs).")
    config = _config()
    if config["BACKEND"] == "pkcs11":  # a token (tests/documents/test_pkcs11.py: SoftHSM2 stands in for one)
        from pyhanko.config.pkcs11 import TokenCriteria  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked
        from pyhanko.sign import pkcs11  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

        slot = config.get("PKCS11_SLOT")
        session = pkcs11.open_pkcs11_session(
            config["PKCS11_MODULE"], slot_no=int(slot) if slot not in (None, "") else None,
            token_criteria=TokenCriteria(label=config["PKCS11_TOKEN_LABEL"] or None), user_pin=config["PKCS11_PIN"])
        label = config[KEY_SETTINGS[key][1]]
        return pkcs11.PKCS11Signer(session, key_label=label, cert_label=label)
    path = config[KEY_SETTINGS[key][0]]
    _ensure_test_pki(path)
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=config["P12_PASSPHRASE"].encode())
    if signer is None:
        raise ImproperlyConfigured(f"DOCUMENT_SIGNING: cannot read {path}.")
    return signer


@dataclasses.dataclass
class Anchor:
    """Where the signature block's name stands on its page (PDF points, origin bottom left)."""

    page: int
    x: float
    y: float
    width: float


NAME_ANCHOR = "signer-name"  # the id a template may give the signature block's name: a named destination in its PDF


def find_name(pdf: bytes, name: str) -> Anchor:
    """The last place ``name`` is printed (the signature block's name line). Where the template marked that line
    (``id="signer-name"``, a named destination of the PDF) only its page is read: a decision's 30-page annex is not
    read twice per signature, and an awardee who shares the signer's name is never taken for the signature."""
    from pypdf import PdfReader  # noqa: PLC0415 — heavy (pypdf), only when a PDF is read

    reader = PdfReader(io.BytesIO(pdf))

    def last_on(numbers) -> Anchor | None:
        found = None
        for number in numbers:
            def visit(text, cm, tm, font_dict, font_size, number=number):
                nonlocal found
                if text.strip() == name.strip():
                    x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
                    found = Anchor(number, x, y, len(name) * (font_size or 12) * 0.5)
            reader.pages[number].extract_text(visitor_text=visit)
        return found

    marked = reader.named_destinations.get(NAME_ANCHOR)
    found = last_on([reader.get_destination_page_number(marked)]) if marked is not None else None
    if found is None:
        found = last_on(range(len(reader.pages)))
    if found is None:
        last = len(reader.pages) - 1
        box = reader.pages[last].mediabox
        found = Anchor(last, float(box.width) * 0.65, 120.0, 120.0)
    return found


STAMP_WIDTH, STAMP_HEIGHT, SEAL_SIZE = 180, 54, 70
TEXT_LEFT = STAMP_WIDTH // 3 + 4  # the signer's text starts right of the third the seal covers


def _box(anchor: Anchor, role: str) -> tuple[int, int, int, int]:
    centre = anchor.x + anchor.width / 2
    width, height = STAMP_WIDTH, STAMP_HEIGHT
    left, bottom = centre - width / 2, anchor.y + 14
    if role == SIGNER:
        return int(left), int(bottom), int(left + width), int(bottom + height)
    # The agency's seal (a round image) over the left third of the signer's image (Decree 30/2020 App. I Part II),
    # ending where the signer's text begins: beside the text, never over it (issue 32, item 8).
    size = SEAL_SIZE
    seal_right = left + STAMP_WIDTH // 3
    return int(seal_right - size), int(bottom - 8), int(seal_right), int(bottom - 8 + size)


def _picture(role: str, who: str, when, seal_lines=None) -> object:
    """The stamp's picture, drawn with a Vietnamese TrueType font: the signer's signing details in blue; the agency's
    seal (a red ring) with the agency's name and signing time."""
    from PIL import Image, ImageDraw, ImageFont  # noqa: PLC0415 — heavy (Pillow), only when an image is drawn or checked

    scale = 4
    moment = timezone.localtime(when).strftime("%d/%m/%Y %H:%M:%S")
    if role == SIGNER:
        image = Image.new("RGBA", (STAMP_WIDTH * scale, STAMP_HEIGHT * scale), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        font = ImageFont.truetype(FONT, 9 * scale)
        draw.rectangle([2, 2, image.width - 3, image.height - 3], outline=(20, 50, 150, 255), width=scale)
        draw.multiline_text((TEXT_LEFT * scale, 9 * scale), f"Ký bởi: {who}\nThời gian ký:\n{moment}", font=font,
                            fill=(20, 50, 150, 255), spacing=2 * scale)
        return image
    size = 70 * scale
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 0, 0, 230)
    draw.ellipse([scale, scale, size - scale, size - scale], outline=red, width=3 * scale)
    draw.ellipse([7 * scale, 7 * scale, size - 7 * scale, size - 7 * scale], outline=red, width=scale)
    seal = list(seal_lines or CITY_SEAL)
    lines = [*seal, *(["★"] if len(seal) <= 3 else []), moment[:10], moment[11:]]
    step = 6.5 * scale
    top = (size - step * len(lines)) / 2 + scale  # the lines centred in the ring
    inside = size / 2 - 9 * scale  # within the inner ring, with a margin
    for line in lines:
        # Each line as large as fits the ring's chord at its height (never cut by the circle), at most 6 points.
        far = max(abs(top - size / 2), abs(top + step - size / 2))
        chord = 2 * max(inside * inside - far * far, 0) ** 0.5
        points = 6.0
        font = ImageFont.truetype(FONT, int(points * scale))
        while points > 3.5 and draw.textlength(line, font=font) > chord:
            points -= 0.25
            font = ImageFont.truetype(FONT, int(points * scale))
        width = draw.textlength(line, font=font)
        draw.text(((size - width) / 2, top + (step - points * scale) / 2), line, font=font, fill=red)
        top += step
    return image


def _stamp(role: str, who: str, when, seal_lines=None):
    """The stamp's appearance: the picture alone, with no text layer. (A text stamp style, even with no text, puts
    pyHanko's default Courier, not embedded, in the appearance's resources: a PDF/A file must embed every font.)"""
    from pyhanko.pdf_utils.images import PdfImage  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked
    from pyhanko.stamp import StaticStampStyle  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

    return StaticStampStyle(border_width=0, background=PdfImage(_picture(role, who, when, seal_lines)),
                            background_opacity=1.0)


def _metadata_in_step(writer) -> None:
    """PDF/A (ISO 19005-2/-3, 6.6.2.3.1) wants the document information dictionary to say what the XMP metadata
    says. pyHanko writes its own name as the XMP producer but appends it to the dictionary's producer
    ("WeasyPrint 70.0; pyHanko …"): the dictionary's producer is set to pyHanko's own name first, in the same
    incremental update, so that both agree after every signature."""
    from pyhanko.pdf_utils import generic  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed
    from pyhanko.pdf_utils.metadata.model import VENDOR  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed

    if "/Info" not in writer.trailer or "/Metadata" not in writer.root:
        return
    info = generic.DictionaryObject(writer.trailer["/Info"])
    if info.get("/Producer") != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.set_info(info)


def long_term() -> bool:
    """Are signatures made long-term (PAdES B-LTA)? Only with a time-stamping authority configured."""
    return bool(_config().get("TSA_URL"))


def _timestamper():
    """The RFC 3161 client of the configured TSA (requests, synchronous: signing runs in a view or a task)."""
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed

    config = _config()
    return RequestsHTTPTimeStamper(config["TSA_URL"], timeout=config.get("TSA_TIMEOUT", 15))


def signing_validation_context():
    """The context a signature's chain is checked in when it is made long-term: the trust roots, and OCSP/CRL
    fetched from the certificates' addresses (what is fetched is embedded in the document security store)."""
    from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed

    return validation_context(allow_fetching=True, revocation_mode="hard-fail",
                              fetcher_backend=RequestsFetcherBackend(_config().get("TSA_TIMEOUT", 15)))


def _same_name(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return norm(a) == norm(b)


def sign(pdf: bytes, role: str, *, name_on_document: str, reason: str, key: str = "",
         seal_lines: list[str] | None = None, holder: str = "") -> bytes:
    """``pdf`` with one more approval signature (``role``: the signer's, or the agency's seal), made with ``key``
    (documents.models.SigningKey; default: the Chairman's for SIGNER, the city's for AGENCY) and, for a seal, the
    seal's text ``seal_lines`` (the document kind's SigningAuthority), as an incremental update so the
    earlier signature stays valid. ``holder``: the name the document prints as its signer; a key of anyone else
    is refused before anything is signed (the public check names the certificate's holder). Long-term
    (``long_term()``): the signature is time-stamped, the revocation data of its chain is added to the DSS and a
    document time-stamp follows, each an incremental update too."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked
    from pyhanko.sign import fields, signers  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

    anchor = find_name(pdf, name_on_document)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _metadata_in_step(writer)
    lta = long_term()
    meta = signers.PdfSignatureMetadata(
        field_name=FIELDS[role], md_algorithm="sha256", reason=reason, location="Hải Phòng",
        subfilter=fields.SigSeedSubFilter.PADES, embed_validation_info=lta, use_pades_lta=lta,
        validation_context=signing_validation_context() if lta else None,
        timestamp_field_name=f"{FIELDS[role]}_DauThoiGian" if lta else None)
    spec = fields.SigFieldSpec(sig_field_name=FIELDS[role], on_page=anchor.page, box=_box(anchor, role))
    signer = _signer(key or DEFAULT_KEY[role])
    who = signer.signing_cert.subject.native.get("common_name", "")
    try:
        if holder and not _same_name(holder, who):
            raise ValidationError(_("The document names %(named)s as its signer, but the signing key is "
                                    "%(holder)s's: nothing was signed (check the signer's name, or the key).") % {
                "named": holder, "holder": who})
        output = signers.PdfSigner(meta, signer=signer, stamp_style=_stamp(role, who, timezone.now(), seal_lines),
                                   new_field_spec=spec, timestamper=_timestamper() if lta else None,
                                   ).sign_pdf(writer)
    finally:
        session = getattr(signer, "pkcs11_session", None)
        if session is not None:  # a token's session is closed after each signature (the token is shared)
            session.close()
    return output.getvalue()


@dataclasses.dataclass
class SignatureReport:
    field: str
    signer: str
    signed_at: object
    intact: bool
    valid: bool
    trusted: bool
    covers_document: bool
    # Nothing was changed after the signature but what a later signature or the long-term data may add (another
    # signature filling its own field, DSS and document time-stamp updates): pyHanko's modification analysis.
    unchanged: bool = True
    time_stamped: bool = False  # an RFC 3161 time-stamp of the signature (PAdES B-T and above)
    organisation: str = ""  # the certificate's organisation (O): the agency a person or a unit signs for

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.unchanged


def trust_roots() -> list:
    from pyhanko.keys import load_cert_from_pemder  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

    return [load_cert_from_pemder(str(path)) for path in _config()["TRUST_ROOTS"] if Path(path).exists()]


def validation_context(**options):
    """The configured trust roots; no network unless ``allow_fetching=True`` is passed (signing only)."""
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated

    return ValidationContext(trust_roots=trust_roots(), **{"allow_fetching": False, **options})


def _unchanged(status, signature_fields: set[str]) -> bool:
    """Only allowed changes after the signature: none, the long-term data (DSS, document time-stamps), or another
    signature filling a signature field. Any other change (text or an image drawn on a page, a page added or
    removed, an annotation, a form field filled) means the file is not the one that was signed."""
    from pyhanko.sign.diff_analysis import ModificationLevel  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated

    if getattr(status, "docmdp_ok", None) is False:  # a certification signature's DocMDP rule broken
        return False
    level = status.modification_level
    if level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES):
        return True
    if level == ModificationLevel.FORM_FILLING:
        return set(status.diff_result.changed_form_fields) <= signature_fields
    return False  # ANNOTATIONS, OTHER, or no answer from the analysis (a suspicious structure)


def read_signatures(pdf: bytes, *, at=None) -> list[SignatureReport]:
    """Every signature of ``pdf``, validated against the trust roots (no network: revocation data is what the
    document carries), with pyHanko's analysis of what changed after it. Document time-stamps are not signatures
    of a person or agency: they are checked, and listed only when broken (then as not intact). ``at``: the
    validation time (default now)."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp  # noqa: PLC0415 — heavy (pyHanko), only when a PDF is signed or checked

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    moment = {"moment": at} if at is not None else {}
    context = validation_context(**moment)
    signature_fields = {signature.field_name for signature in reader.embedded_signatures}
    reports = []
    for signature in reader.embedded_regular_signatures:
        try:
            status = validate_pdf_signature(signature, context, validation_context(**moment))
        except (ValueError, KeyError, TypeError):  # pyHanko's validation errors are ValueErrors
            reports.append(SignatureReport(signature.field_name, "", None, False, False, False, False, False))
            continue
        reports.append(SignatureReport(
            signature.field_name, status.signing_cert.subject.native.get("common_name", ""),
            status.signer_reported_dt, status.intact, status.valid, status.trusted,
            status.coverage is not None and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION"),
            _unchanged(status, signature_fields), status.timestamp_validity is not None,
            status.signing_cert.subject.native.get("organization_name", "")))
    for stamp in reader.embedded_timestamp_signatures:
        try:
            status = validate_pdf_timestamp(stamp, validation_context(**moment))
            broken = not (status.intact and status.valid and _unchanged(status, signature_fields))
        except (ValueError, KeyError, TypeError):
            broken = True
        if broken:
            reports.append(SignatureReport(stamp.field_name, "", None, False, False, False, False, False))
    if any(r.time_stamped and r.intact and r.valid and not r.trusted for r in reports):
        # A long-term signature whose certificate has expired since (or whose revocation data is only in the DSS):
        # trusted if it validates as PAdES B-LTA.
        long_term_ok = {result.field: result.ok for result in validate_long_term(pdf, at=at)}
        for report in reports:
            if report.time_stamped and not report.trusted:
                report.trusted = long_term_ok.get(report.field, False)
    return reports


@dataclasses.dataclass
class LongTermResult:
    field: str
    ok: bool
    indication: str  # the AdES indication, e.g. "AdESPassed.OK"


def validate_long_term(pdf: bytes, *, at=None) -> list[LongTermResult]:
    """Each signature of ``pdf`` validated as PAdES B-LTA (ETSI EN 319 102-1 § 5.6.3, pyHanko's AdES validation):
    the chain of document time-stamps proves when the signature, its time-stamp and the revocation data in the DSS
    existed, so the signature still validates after its certificate expired. Revocation data must be present
    for every certificate (no network). ``at``: the validation time (default now); a validator at a later time
    would learn then that the last time-stamping certificate is not revoked (or the archive would have added a
    fresh document time-stamp): for a time after now, that status is asserted, as pyHanko's own simulation of
    a future validation does."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko.sign.ades.report import AdESPassed  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko.sign.validation.ades import ades_lta_validation  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko.sign.validation.policy_decl import (  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
        LocalKnowledge,
        PdfSignatureValidationSpec,
        RevinfoOnlineFetchingRule,
        RevocationInfoGatheringSpec,
        SignatureValidationSpec,
    )
    from pyhanko_certvalidator.context import CertValidationPolicySpec  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko_certvalidator.ltv.types import ValidationTimingInfo  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko_certvalidator.policy_decl import REQUIRE_REVINFO, CertRevTrustPolicy, NonRevokedStatusAssertion  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated
    from pyhanko_certvalidator.registry import SimpleTrustManager  # noqa: PLC0415 — heavy (pyHanko), only when a signature is validated

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    signature_spec = SignatureValidationSpec(
        cert_validation_policy=CertValidationPolicySpec(
            trust_manager=SimpleTrustManager.build(trust_roots=trust_roots()),
            revinfo_policy=CertRevTrustPolicy(REQUIRE_REVINFO)),
        revinfo_gathering_policy=RevocationInfoGatheringSpec(
            online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY))
    timing = None
    if at is not None:
        timing = ValidationTimingInfo(validation_time=at, best_signature_time=at, point_in_time_validation=False)
        stamps = reader.embedded_timestamp_signatures
        if stamps and at > timezone.now():
            signature_spec = dataclasses.replace(signature_spec, local_knowledge=LocalKnowledge(
                nonrevoked_assertions=[NonRevokedStatusAssertion(stamps[-1].signer_cert.sha256, at=at)]))
    spec = PdfSignatureValidationSpec(signature_spec)
    results = []
    for signature in reader.embedded_regular_signatures:
        outcome = asyncio.run(ades_lta_validation(signature, spec, timing_info=timing))
        results.append(LongTermResult(signature.field_name, outcome.ades_subindic == AdESPassed.OK,
                                      str(outcome.ades_subindic)))
    return results


def sign_or_refuse(pdf: bytes, role: str, *, name_on_document: str, reason: str, what: str = "", key: str = "",
                   seal_lines: list[str] | None = None) -> bytes:
    """``sign``, or a clear refusal: a missing key, a locked token or a damaged file is not a server error."""
    try:
        return sign(pdf, role, name_on_document=name_on_document, reason=reason, key=key, seal_lines=seal_lines)
    except Exception as exc:
        logger.exception("signing %s failed", what or "a document")
        raise ValidationError(_("The document could not be signed (%(error)s). Check the signing key or token and "
                                "try again; nothing was changed.") % {"error": type(exc).__name__}) from exc


def signature_summary(pdf: bytes) -> list[dict]:
    """The signatures of ``pdf`` as a register keeps them (field, signer, time as ISO and as shown)."""
    return [{"field": r.field, "signer": r.signer, "signed_at": r.signed_at.isoformat() if r.signed_at else None,
             "shown": timezone.localtime(r.signed_at).strftime("%d/%m/%Y %H:%M:%S") if r.signed_at else ""}
            for r in read_signatures(pdf)]
