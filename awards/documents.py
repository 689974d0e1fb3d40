"""PDFs of decisions and certificates, in the official administrative layout (rendered by the documents floor,
documents.pdf)."""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import reverse

from documents.pdf import qr_data_uri, render_pdf
from documents.vnwords import money_in_words
from legal import bases
from legal.enums import AwardCategory
from legal.models import Paper
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
    context = {"decision": decision, "groups": groups, "awardees": awardees,
               "bases": bases.in_force(Paper.REVOCATION if decision.is_revocation else Paper.AWARD_DECISION,
                                       decision.issued_on)}
    if decision.is_revocation:
        # What the revocation recovers: the bonuses its awards paid (its own article, not the award's decision's).
        recover = sum((n.bonus_amount or 0 for n in awardees), 0)
        context.update(recover=recover, recover_words=money_in_words(recover))
    else:
        context.update(totals(awardees))
    return render_pdf("awards/pdf/decision.html", context)


ISSUER = "Chủ tịch Ủy ban nhân dân thành phố"


def certificate_wording(nominee: Nominee) -> dict:
    """What the certificate prints under the issuer, who is named once at its head: an emulation title is a
    "Bằng chứng nhận" of the title ("Chiến sĩ thi đua thành phố"), a commendation its form ("Bằng khen"); the
    catalogue's "(tập thể)", "(hộ gia đình)" and "của Chủ tịch …" are left out; a collective named after its unit
    is not named twice."""
    name = re.sub(r"\s*\((tập thể|cá nhân|hộ gia đình)\)\s*$", "", nominee.award_type.name, flags=re.IGNORECASE)
    name = re.sub(r"\s+của\s+" + ISSUER + r"$", "", name, flags=re.IGNORECASE)
    if nominee.award_type.category == AwardCategory.EMULATION_TITLE:
        heading, title = "Bằng chứng nhận", f"Danh hiệu “{name}”"
    else:
        heading, title = name, ""
    unit = nominee.submission.unit.name
    return {"heading": heading, "title": title,
            "unit": "" if nominee.name.strip().casefold() == unit.strip().casefold() else unit}


def certificate_pdf(nominee: Nominee) -> bytes:
    if nominee.outcome != Outcome.AWARDED or nominee.decision is None:
        raise ValueError("Certificates exist only for awarded nominees.")

    show_as_of([nominee.submission.unit, nominee.collective_unit], nominee.decision.issued_on)
    return render_pdf("awards/pdf/certificate.html", {**certificate_context(nominee), "decision": nominee.decision})


def certificate_context(nominee: Nominee) -> dict:
    """One certificate's page: the awardee, the public check's address and its QR code, the wording (alone, or one of
    a decision's certificates printed together, awards.certificates)."""
    url = verification_url(nominee)
    return {"nominee": nominee, "url": url, "qr": qr_data_uri(url), **certificate_wording(nominee)}
