"""PDFs of decisions and certificates, in the official administrative layout (rendered by the documents floor,
documents.pdf)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from documents.pdf import qr_data_uri, render_pdf
from organisation.history import show_as_of

from .models import Decision, Nominee, Outcome
from .payments import awardees as award_rows, totals


def verification_url(nominee: Nominee) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("verify_award", args=[nominee.certificate_code])


def decision_pdf(decision: Decision) -> bytes:
    awardees = award_rows(decision) if not decision.is_revocation else list(
        decision.revoked_awards.select_related("award_type", "submission__unit"))
    # The units as they were named on the day of the decision, also when it is printed years later.
    show_as_of([decision.submission.unit] if decision.submission_id else [], decision.issued_on)
    if decision.is_revocation:
        show_as_of([n.submission.unit for n in awardees], decision.issued_on)
    groups: dict[str, list[Nominee]] = {}
    for nominee in awardees:
        groups.setdefault(nominee.award_type.name, []).append(nominee)
    return render_pdf("awards/pdf/decision.html", {"decision": decision, "groups": groups, "awardees": awardees,
                                                    **(totals(awardees) if not decision.is_revocation else {})})


def certificate_pdf(nominee: Nominee) -> bytes:
    if nominee.outcome != Outcome.AWARDED or nominee.decision is None:
        raise ValueError("Certificates exist only for awarded nominees.")

    show_as_of([nominee.submission.unit, nominee.collective_unit], nominee.decision.issued_on)
    url = verification_url(nominee)
    return render_pdf("awards/pdf/certificate.html", {"nominee": nominee, "decision": nominee.decision, "url": url,
                                                "qr": qr_data_uri(url)})
