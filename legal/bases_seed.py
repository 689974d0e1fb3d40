"""The laws and decrees the portal's documents cite ("Căn cứ …"), each for the period it is in force.

Facts checked (December 2026) against public texts:
- Law 77/2015/QH13 on the Organisation of Local Government, 19/6/2015, in force 1/1/2016, replaced on 1/7/2025
  by Law 72/2025/QH15 of 16/6/2025 (in force 1/7/2025): cited "Luật Tổ chức chính quyền địa phương số 72/2025/QH15
  ngày 16 tháng 6 năm 2025" in decisions of 2025–2026 held in public repositories (code search).
- Law 06/2022/QH15 on Emulation and Commendation, 15/6/2022, in force 1/1/2024 (legal.seed).
- Decree 98/2023/NĐ-CP, 31/12/2023, in force 1/1/2024 (hethongphapluat.com, Nghị định 98/2023/NĐ-CP, header:
  "Ngày ban hành: 31/12/2023 … Ngày hiệu lực: 01/01/2024"); replaced from 1/7/2025 by
- Decree 152/2025/NĐ-CP, 14/6/2025, in force 1/7/2025 (cited "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025
  của Chính phủ" in Circular 15/2025/TT-BNV's preamble and in several public repositories; the same dates as
  legal.bonus_seed and legal.rules_seed).
Decisions dated before 2024 (imported ones) cite only the local-government law: the 2003 law and Decree 91/2017
are not seeded here.
"""

from __future__ import annotations

import datetime as dt

from documents.formats import official_date
from organisation.text import in_sentence

from .models import DocumentKind, LegalBasis, LegalDocument, Paper

D = dt.date
SOURCE = "legal/bases_seed.py (module docstring)"

# number, kind, issued, issuer, title, in force from, in force until
DOCUMENTS = [
    ("77/2015/QH13", DocumentKind.LAW, D(2015, 6, 19), "Quốc hội khóa XIII", "Luật Tổ chức chính quyền địa phương",
     D(2016, 1, 1), D(2025, 6, 30)),
    ("72/2025/QH15", DocumentKind.LAW, D(2025, 6, 16), "Quốc hội khóa XV", "Luật Tổ chức chính quyền địa phương",
     D(2025, 7, 1), None),
    ("06/2022/QH15", DocumentKind.LAW, D(2022, 6, 15), "Quốc hội khóa XV", "Luật Thi đua, khen thưởng",
     D(2024, 1, 1), None),
    ("98/2023/NĐ-CP", DocumentKind.DECREE, D(2023, 12, 31), "Chính phủ",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", D(2024, 1, 1), D(2025, 6, 30)),
    ("152/2025/NĐ-CP", DocumentKind.DECREE, D(2025, 6, 14), "Chính phủ",
     "Quy định chi tiết một số điều của Luật Thi đua, khen thưởng", D(2025, 7, 1), None),
]

LOCAL_GOVERNMENT = ("77/2015/QH13", "72/2025/QH15")
LAW = ("06/2022/QH15",)
DECREES = ("98/2023/NĐ-CP", "152/2025/NĐ-CP")

# What each document cites, in order: the law giving the signer authority, the law, its implementing decree.
PAPERS = {
    Paper.AWARD_DECISION: (LOCAL_GOVERNMENT, LAW, DECREES),
    Paper.REVOCATION: (LOCAL_GOVERNMENT, LAW, DECREES),
    Paper.SUBMISSION_REPORT: (LAW, DECREES),
    Paper.BALLOT_TALLY: (LAW, DECREES),
}


def wording(document: LegalDocument) -> str:
    """"Luật … số 72/2025/QH15 ngày 16 tháng 6 năm 2025"; a decree names its issuer and subject."""
    if document.kind == DocumentKind.LAW:
        return f"{document.title} số {document.number} {official_date(document.issued_on)}"
    subject = in_sentence(document.title)
    return f"Nghị định số {document.number} {official_date(document.issued_on)} của {document.issuer} {subject}"


def seed_legal_bases() -> int:
    """Create or update the documents and each paper's bases (idempotent); returns how many bases exist."""
    documents = {}
    for number, kind, issued, issuer, title, start, end in DOCUMENTS:
        documents[number], _created = LegalDocument.objects.update_or_create(
            number=number, issued_on=issued, defaults={"kind": kind, "issuer": issuer, "title": title,
                                                       "effective_from": start, "effective_to": end})
    for old, new in (LOCAL_GOVERNMENT, DECREES):
        LegalDocument.objects.filter(pk=documents[old].pk).update(superseded_by=documents[new])
    for paper, groups in PAPERS.items():
        for order, group in enumerate(groups, start=1):
            for number in group:
                document = documents[number]
                LegalBasis.objects.update_or_create(paper=paper, document=document, defaults={
                    "wording": wording(document), "order": order, "effective_from": document.effective_from,
                    "effective_to": document.effective_to, "source": SOURCE})
    return LegalBasis.objects.count()
