"""Signing the Chairman's decisions (the SIGNATURE steps, the decision's register of signed documents) and the
public check of a PDF against the registers. Signing, keys and validation are the documents floor's
(documents.signing, documents.verification).

A page only asks for a signature (``request_sign`` / ``request_seal``: a SigningJob queued to the signing host,
documents.signing_jobs); the signing host runs ``perform``, which signs, stores the file and moves the SIGNATURE
state, all or nothing."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import signing, signing_jobs
from documents.models import SigningJob
from documents.register import Registered
from documents.verification import Verdict, check_pdf
from organisation.permissions import is_records_clerk, is_signer
from utilities.workflow import AuditRecord, Step

from . import documents, fund
from .models import Decision, SignedDocument, WorkflowEvent
from .workflow import SIGNATURE, signing_authority

__all__ = ["KIND", "Verdict", "check_upload", "find", "latest_job", "perform", "request_seal", "request_sign",
           "request_step", "seal", "served_pdf", "sign", "waiting_for"]
KIND = "decision"  # the kind of the decisions' signing jobs


def _document(decision: Decision) -> SignedDocument:
    """The decision's signed document (made on its first step); the engine locks it before each step."""
    document, _created = SignedDocument.objects.get_or_create(decision=decision)
    return document


def _store(document: SignedDocument, content: bytes, suffix: str) -> None:
    decision = document.decision
    document.file.save(f"quyet-dinh-{decision.year}-{decision.number:02d}-{suffix}.pdf", ContentFile(content),
                       save=False)
    document.sha256 = signing.sha256(content)
    document.signers = signing.signature_summary(content)


def _signed(content: bytes, role: str, document: SignedDocument, reason: str) -> bytes:
    """Signed on the signing host with the key the decision's signing authority names (the Chairman's, or the
    agency's with its seal); any failure (wrong PIN, token absent, missing key) is raised as it is, for the
    signing job's reason."""
    authority = signing_authority(document)
    if role == signing.SIGNER and not authority.signer_key:
        raise ValidationError(_("The signing authority of this decision names no signer's key (admin: “Signing "
                                "authorities”); nothing was signed."))
    key = authority.signer_key if role == signing.SIGNER else authority.agency_key
    personal = role == signing.SIGNER
    return signing.sign(content, role, name_on_document=document.decision.signer_name, reason=reason, key=key,
                        seal_lines=None if personal else authority.seal_lines,
                        holder=document.decision.signer_name if personal else "")


def audit(entry: AuditRecord) -> None:
    """The SIGNATURE table's audit writer: a step of the decision's file is a row of its dossier's trail (the
    dossier's state does not change), as "sign_document" or "seal_document"."""
    decision = entry.obj.decision
    if decision.submission_id:
        status = decision.submission.status
        WorkflowEvent.objects.create(submission=decision.submission, actor=entry.actor, action=entry.action,
                                     from_status=status, to_status=status, note=entry.note, note_en=entry.note_en)


SIGNATURE.writes_with(audit=audit)  # the unit hears of the decision through the dossier's own notices


def _check_date_at_signing(decision: Decision) -> None:
    """The signer signs a decision dated no later than the day of signing and not before the Council's meeting
    (issue 32): a decision dated in the future, or before the vote it rests on, is refused, not signed."""
    today = timezone.localdate()
    if decision.issued_on > today:
        raise ValidationError(_("Decision No. %(code)s is dated %(date)s, after today: it cannot be signed before its "
                                "date.") % {"code": decision.code, "date": f"{decision.issued_on:%d/%m/%Y}"})
    meeting = decision.submission.meeting if decision.submission_id else None
    if meeting is not None and decision.issued_on < meeting.held_on:
        raise ValidationError(_("Decision No. %(code)s is dated %(date)s, before the Council's meeting of %(meeting)s: "
                                "it cannot be signed.") % {"code": decision.code,
                                                           "date": f"{decision.issued_on:%d/%m/%Y}",
                                                           "meeting": f"{meeting.held_on:%d/%m/%Y}"})


@SIGNATURE.action("sign", record=_document)
def sign(user, document: SignedDocument, decision: Decision) -> Step:
    """The designated signer's signature (from their own account: the row's predicate ``signs_decision``) on the
    decision as it is now; from here on its file is kept, never regenerated. The decision takes effect: its
    bonuses leave the fund now (issue 32), in the same transaction."""
    _check_date_at_signing(decision)
    reason = _("Signing decision No. %(code)s") % {"code": decision.code}
    _store(document, _signed(documents.decision_pdf(decision), signing.SIGNER, document, reason), "da-ky")
    document.signer_signed_at, document.signer_signed_by = timezone.now(), user
    if not decision.is_revocation:
        fund.spend_for_decision(user, decision, sum(
            (n.bonus_amount for n in decision.awardees.all() if n.bonus_amount is not None), Decimal(0)))
    return Step(event="sign_document",
                note=lambda: _("Decision No. %(code)s signed digitally by the signer.") % {"code": decision.code})


@SIGNATURE.action("seal", record=_document)
def seal(user, document: SignedDocument, decision: Decision) -> Step:
    """The issuing agency's signature and seal, applied by the records clerk (``seals_decision``: never the account
    that signed or prepared it), over the signer's: the document is issued."""
    with document.file.open("rb") as handle:
        content = handle.read()
    _store(document, _signed(content, signing.AGENCY, document, _("Issued by the agency")), "phat-hanh")
    document.agency_signed_at, document.agency_signed_by = timezone.now(), user
    return Step(event="seal_document",
                note=lambda: _("Decision No. %(code)s signed by the agency and issued.") % {"code": decision.code})


def request_step(user, decision: Decision, step) -> SigningJob:
    """Ask the signing host for ``step`` (``sign`` or ``seal``) once the table allows it now."""
    with transaction.atomic():
        document = SIGNATURE.lock(_document(decision))  # locked: two clicks queue one job
        step.check(user, document)
        if step is sign:
            _check_date_at_signing(decision)  # refused on the page, not only on the signing host
        return signing_jobs.request(user, KIND, decision.pk, step.transition.name)


def request_sign(user, decision: Decision) -> SigningJob:
    """Ask the signing host for the signer's signature (the page shows the job until it is done or failed)."""
    return request_step(user, decision, sign)


def request_seal(user, decision: Decision) -> SigningJob:
    """Ask the signing host for the agency's signature (seal)."""
    return request_step(user, decision, seal)


def perform(job: SigningJob) -> SignedDocument:
    """On the signing host (documents.signing_jobs.run): the job's step, as the officer who asked for it; the
    SIGNATURE table is checked again here, so a step taken meanwhile is refused, not done twice."""
    decision = Decision.objects.select_related("submission").get(pk=job.reference)
    step = {sign.transition.name: sign, seal.transition.name: seal}[job.step]
    return step(job.requested_by, decision)


def latest_job(decision: Decision) -> SigningJob | None:
    return signing_jobs.latest(KIND, decision.pk)


def served_pdf(decision: Decision) -> bytes:
    """The file users get: the signed one once the signer has signed, else a draft rendered now."""
    document = SignedDocument.objects.filter(decision=decision).exclude(file="").first()
    if document is not None:
        with document.file.open("rb") as handle:
            return handle.read()
    return documents.decision_pdf(decision)


def find(digest: str) -> Registered | None:
    """The decisions' register of signed documents (documents.register asks it first, see AwardsConfig.ready)."""
    document = SignedDocument.objects.filter(sha256=digest).select_related("decision").first()
    if document is None:
        return None
    return Registered(_("A signed, unaltered document of the register: decision No. %(code)s of %(date)s.") % {
        "code": document.decision.code, "date": f"{document.decision.issued_on:%d/%m/%Y}"}, document)


def check_upload(content: bytes) -> Verdict:
    """Is ``content`` a signed, unaltered document of the portal's registers (documents.register.lookup)?"""
    return check_pdf(content)


def waiting_for(user) -> int:
    """How many decisions wait for this account's own step (its home page): the signer's signature, or the records
    clerk's seal (the states the SIGNATURE table's rows start from). Others: 0."""
    decisions = Decision.objects.visible_to(user)
    if is_signer(user):
        return decisions.filter(Q(signed_document__isnull=True)
                                | Q(signed_document__status__in=sign.transition.sources)).count()
    if is_records_clerk(user):
        return decisions.filter(signed_document__status__in=seal.transition.sources).count()
    return 0
