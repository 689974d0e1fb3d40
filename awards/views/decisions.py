"""Decisions, their signatures (asked of the signing host), payment lists, certificates and revocations."""


from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisation import mfa
from organisation.permissions import (
    can_open_council,
    is_board,
)
from utilities.forms import (
    posted_action,
)
from utilities.uploads import serve_private

from .. import (
    certificates,
    documents,
    exports,
    forms,
    round_documents,
    services,
    signed_documents,
)
from ..models import (
    BatchStatus,
    CouncilMeeting,
    Nominee,
    SignedDocument,
)
from ..payments import payment_pdf, payment_xlsx, totals
from ..signed_documents import served_pdf
from ..workflow import SIGNATURE
from ._common import _decision, _pdf_response, _submission

PAGE_SIZE = 25


# --- decisions, certificates, verification ---------------------------------------------------------------

def decision_list(request):
    filterset = exports.decision_filter(request)  # the same rows as its Excel download
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/decision_list.html", {"filter": filterset, "page": page})


def decision_detail(request, pk):
    decision = _decision(request, pk)

    signed = SignedDocument.objects.filter(decision=decision).first() or SignedDocument(decision=decision)
    signing_actions = [SIGNATURE[name] for name in SIGNATURE.open_to(request.user, signed)]
    awardees = list((decision.revoked_awards if decision.is_revocation else decision.awardees).select_related(
        "award_type", "submission__unit", "revoked_by"))
    return render(request, "awards/decision_detail.html", {
        "decision": decision, "awardees": awardees, "is_board": is_board(request.user), "bonus": totals(awardees),
        "signed": signed, "signing_actions": signing_actions, "signing_job": signed_documents.latest_job(decision),
        **(_certificates_context(decision) if is_board(request.user) and not decision.is_revocation else {}),
        "revoke_form": forms.RevokeForm(initial={"issued_on": timezone.localdate()}),
        "recovery_form": forms.RecoveryForm()})


def decision_pdf(request, pk):
    decision = _decision(request, pk)
    return _pdf_response(served_pdf(decision), f"quyet-dinh-{decision.number}-{decision.year}.pdf")


def submission_report(request, pk):
    """The Board's tờ trình to the Chairman for a dossier: nominees, awards proposed, the appraisal result."""
    is_board.require(request.user)

    submission = _submission(request, pk)
    return _pdf_response(round_documents.submission_report_pdf(submission), f"to-trinh-{submission.pk}.pdf")


def meeting_document(request, pk, document):
    """The Council meeting's minutes or ballot tally (Board and Council members)."""
    can_open_council.require(request.user)

    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    make = {"bien-ban": round_documents.meeting_minutes_pdf, "kiem-phieu": round_documents.ballot_tally_pdf}
    if document not in make:
        raise Http404
    return _pdf_response(make[document](meeting), f"{document}-{meeting.held_on:%Y%m%d}.pdf")


def _signing_step(request, pk, step):
    """Ask the signing host for ``step`` (``signed_documents.sign`` or ``.seal``, the SIGNATURE table's functions)."""
    decision = _decision(request, pk)
    step.transition.permission.require(request.user)
    if not mfa.is_verified(request.user):  # the signer's and the clerk's sessions gave their second factor
        raise PermissionDenied(_("Verify this session with your second factor before signing or sealing."))
    return posted_action(request, lambda _data: signed_documents.request_step(request.user, decision, step),
                         back=reverse("awards:decision_detail", args=[decision.pk]) + "#signatures",
                         success=lambda job: _("Decision No. %(code)s: the signature was sent to the signing host; "
                                               "this page shows when it is done.") % {"code": decision.code})


@require_POST
def decision_sign(request, pk):
    return _signing_step(request, pk, signed_documents.sign)


@require_POST
def decision_seal(request, pk):
    return _signing_step(request, pk, signed_documents.seal)


def payment_list_pdf(request, pk):
    decision = _decision(request, pk)
    if decision.is_revocation:
        raise Http404
    return _pdf_response(payment_pdf(decision), f"chi-thuong-{decision.number}-{decision.year}.pdf")


def payment_list_xlsx(request, pk):
    decision = _decision(request, pk)
    if decision.is_revocation:
        raise Http404
    response = HttpResponse(payment_xlsx(decision),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="chi-thuong-{decision.number}-{decision.year}.xlsx"'
    return response


def _certificates_context(decision) -> dict:
    batch = certificates.latest(decision)
    made = progress = 0
    if batch is not None:
        made = certificates.progress(batch)
        progress = int(made * 100 / batch.total) if batch.total else 0
    return {"batch": batch, "batch_made": made, "batch_percent": progress}


@require_POST
def decision_certificates(request, pk):
    """Ask a worker for every certificate of the decision in one PDF (the Board's officers print them)."""
    decision = _decision(request, pk)
    is_board.require(request.user)
    return posted_action(request, lambda _data: certificates.request(request.user, decision),
                         back=reverse("awards:decision_detail", args=[decision.pk]) + "#certificates",
                         success=_("The certificates are being made; this page shows how far."))


def decision_certificates_status(request, pk):
    """The certificates' progress, polled by the decision's page (its #certificates card)."""
    decision = _decision(request, pk)
    is_board.require(request.user)
    if decision.is_revocation:
        raise Http404
    return render(request, "awards/_certificates_status.html", {"decision": decision,
                                                                 **_certificates_context(decision)})


def decision_certificates_pdf(request, pk):
    decision = _decision(request, pk)
    is_board.require(request.user)
    batch = decision.certificate_batches.filter(status=BatchStatus.DONE).first()
    if batch is None:
        raise Http404
    return serve_private(batch.file, f"bang-khen-{decision.number}-{decision.year}.pdf", inline=True)


def certificate_pdf(request, nominee_pk):
    # Only the city's own decisions have the city's certificate (a central award's comes from the centre).
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user).awarded().filter(
        decision__isnull=False).select_related("decision", "award_type", "submission__unit"), pk=nominee_pk)
    return _pdf_response(documents.certificate_pdf(nominee), f"bang-khen-{nominee.pk}.pdf")


@require_POST
def nominee_revoke(request, nominee_pk):
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user), pk=nominee_pk)
    services.revoke.transition.permission.require(request.user, nominee.submission)
    return posted_action(request, lambda data: services.revoke(request.user, nominee, **data),
                         back=reverse("awards:decision_detail", args=[nominee.decision_id]),
                         form=forms.RevokeForm(request.POST),
                         success=lambda d: _("Award revoked by decision No. %(code)s.") % {"code": d.code})


@require_POST
def nominee_recovery(request, nominee_pk):
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user), pk=nominee_pk)
    services.record_recovery.transition.permission.require(request.user, nominee.submission)
    return posted_action(request, lambda data: services.record_recovery(request.user, nominee, **data),
                         back=reverse("awards:decision_detail", args=[nominee.decision_id]),
                         form=forms.RecoveryForm(request.POST), success=_("Recovery recorded."))


