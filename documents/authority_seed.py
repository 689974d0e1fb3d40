"""The signing authority of each kind of document (``documents.SigningAuthority``), seeded once; the admin
edits it afterwards (a new Chairman is the designated account changed; a new agency or key, a new row from its date).

Facts and readings:
- Decree 30/2020/NĐ-CP on clerical work (văn thư), Art 13: the head of an agency signs its documents; for a
  People's Committee the Chairman signs on behalf of the committee ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"). Appendix I
  Part II: the signer's digital signature first, then the agency's (the seal's image, red, over about the left
  third of the signer's image). The records clerk (Văn thư cơ quan) keeps the seal and the agency's key and
  applies them (Art 32–33 as I read them: "cần xác minh" of the article numbers).
- Award decisions, revocations and the certificates they issue: the Chairman of the city People's Committee and
  the committee's seal (Law 06/2022/QH15 on Emulation and Commendation: the provincial Chairman decides the city's
  awards).
- The Board's papers (periodic reports "Số NN/BC-BTĐKT", the tờ trình "NN/TTr-BTĐKT"): signed "TRƯỞNG BAN" by the
  head of Ban Thi đua - Khen thưởng, an organisation of Sở Nội vụ since the 2025 reorganisation (the demo's
  organisation tree), sealed with the Board's seal. Whether the Board keeps a seal of its own or uses Sở Nội vụ's
  is "cần xác minh" (the seal's text is a field: change it in the admin). Periodic reports are produced by the
  worker unattended: they carry the Board's organisational signature only (no personal key).
"""

from __future__ import annotations

import datetime as dt

from .models import SignedPaper, SigningAuthority, SigningKey

FROM = dt.date(2020, 3, 5)  # Decree 30/2020/NĐ-CP, in force on the day it was signed
CITY_SEAL = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ\nHẢI PHÒNG"
BOARD_SEAL = "SỞ NỘI VỤ\nTP. HẢI PHÒNG\nBAN THI ĐUA\nKHEN THƯỞNG"
CITY = "Ủy ban nhân dân thành phố Hải Phòng"
BOARD = "Ban Thi đua - Khen thưởng, Sở Nội vụ thành phố Hải Phòng"
CHAIRMAN_BASIS = ("Decree 30/2020/NĐ-CP Art 13 and Appendix I Part II; Law 06/2022/QH15 (the Chairman decides the "
                  "city's awards)")
BOARD_BASIS = "Decree 30/2020/NĐ-CP Art 13 and Appendix I Part II"
BOARD_NOTE = "cần xác minh: the Board's own seal, or Sở Nội vụ's"

ROWS = [
    (SignedPaper.DECISION, "CHỦ TỊCH", SigningKey.CHAIRMAN, CITY, SigningKey.CITY, CITY_SEAL, CHAIRMAN_BASIS, ""),
    (SignedPaper.REVOCATION, "CHỦ TỊCH", SigningKey.CHAIRMAN, CITY, SigningKey.CITY, CITY_SEAL, CHAIRMAN_BASIS, ""),
    (SignedPaper.CERTIFICATE, "CHỦ TỊCH", SigningKey.CHAIRMAN, CITY, SigningKey.CITY, CITY_SEAL, CHAIRMAN_BASIS,
     "certificates are printed and signed by hand; the portal does not sign them digitally yet"),
    (SignedPaper.BOARD_REPORT, "TRƯỞNG BAN", "", BOARD, SigningKey.BOARD, BOARD_SEAL, BOARD_BASIS,
     BOARD_NOTE + "; the tờ trình is printed and signed by hand; the portal does not sign it digitally yet"),
    (SignedPaper.REPORT, "TRƯỞNG BAN", "", BOARD, SigningKey.BOARD, BOARD_SEAL, BOARD_BASIS,
     BOARD_NOTE + "; produced unattended: the Board's organisational signature only"),
]


def seed_signing_authorities() -> int:
    """One row per kind from Decree 30/2020's date, created where none exists (an edited row is kept)."""
    created = 0
    for kind, title, signer_key, agency, agency_key, seal, basis, note in ROWS:
        _row, made = SigningAuthority.objects.get_or_create(kind=kind, valid_from=FROM, defaults={
            "signer_title": title, "signer_key": signer_key, "agency_name": agency, "agency_key": agency_key,
            "seal_text": seal, "basis": basis, "note": note})
        created += made
    return created
