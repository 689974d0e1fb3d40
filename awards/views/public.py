"""Public pages: certificate verification (QR code) and public comment on nominees."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from utilities.client import client_address
from utilities.forms import run_service

from .. import comments
from ..forms import DocumentCheckForm, PublicCommentForm
from ..models import Appraisal, Nominee, SignedDocument, Status
from ..signed_documents import check_upload


@login_not_required
def verify(request, code):
    nominee = get_object_or_404(
        Nominee.objects.select_related("award_type", "decision", "submission__unit", "revoked_by"),
        certificate_code=code, decision__isnull=False)

    signed = SignedDocument.objects.filter(decision=nominee.decision).first()
    return render(request, "awards/verify.html", {"nominee": nominee, "signed": signed})


def _open_for_comment():
    return Nominee.objects.filter(
        submission__status=Status.PUBLIC_COMMENT, submission__public_comment_until__gte=timezone.localdate(),
        appraisal=Appraisal.ELIGIBLE, award_type__requires_public_comment=True,
    ).select_related("award_type", "submission__unit")


@login_not_required
def public_comment_list(request):
    return render(request, "awards/public_comment_list.html", {"nominees": _open_for_comment()})


@login_not_required
def public_comment(request, pk):
    nominee = get_object_or_404(_open_for_comment(), pk=pk)
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _comment = run_service(request, lambda: comments.submit_comment(
            nominee, address=client_address(request), **form.cleaned_data), form=form,
            success=_("Thank you. Your comment was sent to the Emulation and Commendation Board."))
        if ok:
            return redirect("public_comment_list")
    return render(request, "awards/public_comment.html", {"nominee": nominee, "form": form})


@login_not_required
def verify_document(request):
    """Anyone can upload a PDF to learn whether it is a signed, unaltered document of the portal's register."""
    form = DocumentCheckForm(request.POST or None, request.FILES or None)
    verdict = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["upload"]
        upload.seek(0)
        verdict = check_upload(upload.read())
    return render(request, "awards/verify_document.html", {"form": form, "verdict": verdict})
