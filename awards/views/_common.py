"""Helpers the awards pages share: a dossier or a decision as the user may see it, a PDF answer."""


from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..models import (
    Decision,
    Submission,
)


def _submission(request, pk, related=("unit", "officer", "meeting", "movement")) -> Submission:
    return get_object_or_404(Submission.objects.visible_to(request.user).select_related(*related), pk=pk)


def _dossier_url(pk) -> str:
    return reverse("awards:submission_detail", args=[pk])


def _decision(request, pk) -> Decision:
    return get_object_or_404(Decision.objects.visible_to(request.user).select_related("submission__unit", "revokes"),
                             pk=pk)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
