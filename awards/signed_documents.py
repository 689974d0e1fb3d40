"""Signing the Chairman's decisions (the SIGNATURE steps, the decision's register of signed documents) and the
public check of a PDF against the registers. Signing, keys and validation are the documents floor's
(documents.signing, documents.verification)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import signing
from documents.register import Registered
from documents.verification import Verdict, check_pdf

from . import documents, fund
from .models import Decision, SignedDocument, WorkflowEvent
from .workflow import SIGNATURE

__all__ = ["Verdict", "check_upload", "find", "seal", "served_pdf", "sign"]


def _document(decision: Decision) -> SignedDocument:
    document, _created = SignedDocument.objects.get_or_create(decision=decision)
    return SignedDocument.objects.select_for_update().get(pk=document.pk)


def _store(document: SignedDocument, content: bytes, suffix: str) -> None:
    decision = document.decision
    document.file.save(f"quyet-dinh-{decision.year}-{decision.number:02d}-{suffix}.pdf", ContentFile(content),
                       save=False)
    document.sha256 = signing.sha256(content)
    document.signers = signing.signature_summary(content)


def _signed(content: bytes, role: str, decision: Decision, reason: str) -> bytes:
    return signing.sign_or_refuse(content, role, name_on_document=decision.signer_name, reason=reason,
                                  what=f"decision {decision.pk}")


def _audit(user, decision: Decision, action: str, note: str) -> None:
    if decision.submission_id:
        status = decision.submission.status
        WorkflowEvent.objects.create(submission=decision.submission, actor=user, action=action, from_status=status,
                                     to_status=status, note=note)


def _step(user, decision: Decision, action: str, content, role: str, reason: str, suffix: str,
          note: str) -> SignedDocument:
    """One signature of the SIGNATURE table on ``content(document)`` (read only once the step is allowed), stored
    with its time and author, audited."""
    document = _document(decision)
    SIGNATURE.check(action, user, document)
    _store(document, _signed(content(document), role, decision, reason), suffix)
    document.status = SIGNATURE[action].target
    prefix = "signer" if role == signing.SIGNER else "agency"
    setattr(document, f"{prefix}_signed_at", timezone.now())
    setattr(document, f"{prefix}_signed_by", user)
    document.save()
    _audit(user, decision, f"{action}_document", note)
    return document


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


@transaction.atomic
def sign(user, decision: Decision) -> SignedDocument:
    """The signer's signature on the decision as it is now; from here on its file is kept, never regenerated."""
    _check_date_at_signing(decision)
    document = _step(user, decision, "sign", lambda _document: documents.decision_pdf(decision), signing.SIGNER,
                     _("Signing decision No. %(code)s") % {"code": decision.code}, "da-ky",
                     _("Decision No. %(code)s signed digitally by the signer.") % {"code": decision.code})
    if not decision.is_revocation:  # the decision takes effect: its bonuses leave the fund now (issue 32)
        fund.spend_for_decision(user, decision, sum(
            (n.bonus_amount for n in decision.awardees.all() if n.bonus_amount is not None), Decimal(0)))
    return document


@transaction.atomic
def seal(user, decision: Decision) -> SignedDocument:
    """The issuing agency's signature (the records clerk), over the signer's: the document is issued."""
    def signed(document):
        with document.file.open("rb") as handle:
            return handle.read()

    return _step(user, decision, "seal", signed, signing.AGENCY, _("Issued by the agency"), "phat-hanh",
                 _("Decision No. %(code)s signed by the agency and issued.") % {"code": decision.code})


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
