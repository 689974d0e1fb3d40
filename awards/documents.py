"""PDFs of decisions and certificates (WeasyPrint), in the official administrative layout."""

from __future__ import annotations

import base64
import io

from django.conf import settings
from django.urls import reverse

from haiphong_thidua.pdf import render_pdf

from .models import Decision, Nominee, Outcome


def verification_url(nominee: Nominee) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("verify_award", args=[nominee.certificate_code])


def qr_data_uri(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def decision_pdf(decision: Decision) -> bytes:
    from organisation.history import show_as_of

    from .payments import awardees as award_rows

    awardees = award_rows(decision) if not decision.is_revocation else list(
        decision.revoked_awards.select_related("award_type", "submission__unit"))
    # The units as they were named on the day of the decision, also when it is printed years later.
    show_as_of([decision.submission.unit] if decision.submission_id else [], decision.issued_on)
    if decision.is_revocation:
        show_as_of([n.submission.unit for n in awardees], decision.issued_on)
    groups: dict[str, list[Nominee]] = {}
    for nominee in awardees:
        groups.setdefault(nominee.award_type.name, []).append(nominee)
    from .payments import totals

    return render_pdf("awards/pdf/decision.html", {"decision": decision, "groups": groups, "awardees": awardees,
                                                    **(totals(awardees) if not decision.is_revocation else {})})


def certificate_pdf(nominee: Nominee) -> bytes:
    if nominee.outcome != Outcome.AWARDED or nominee.decision is None:
        raise ValueError("Certificates exist only for awarded nominees.")
    from organisation.history import show_as_of

    show_as_of([nominee.submission.unit, nominee.collective_unit], nominee.decision.issued_on)
    url = verification_url(nominee)
    return render_pdf("awards/pdf/certificate.html", {"nominee": nominee, "decision": nominee.decision, "url": url,
                                                "qr": qr_data_uri(url)})
