"""The public check of a PDF: are its signatures intact and trusted, and is it a document of one of the portal's
registers? A change after a signature other than a later signature or the long-term validation data (DSS, document
time-stamps) is reported as an alteration, as pyHanko's modification analysis finds it. Generic: the registers are
asked through one function, ``documents.register.lookup`` (a digest -> what the register says about it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import register, signing
from .register import Registered


@dataclass
class Verdict:
    """What the public check says about an uploaded PDF."""

    kind: str  # "valid", "altered", "foreign", "unsigned", "unreadable"
    message: str
    document: object | None = None
    signatures: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.kind == "valid"


def check_pdf(content: bytes, lookup: Callable[[str], Registered | None] = register.lookup) -> Verdict:
    """Is ``content`` a signed, unaltered document that ``lookup(sha256)`` (the registers) knows?"""
    if not content.startswith(b"%PDF"):
        return Verdict("unreadable", _("The file is not a PDF document."))
    try:
        reports = signing.read_signatures(content)
    except Exception:  # a damaged or hostile PDF: no answer but "unreadable"
        return Verdict("unreadable", _("The PDF cannot be read."))
    if not reports:
        return Verdict("unsigned", _("The file carries no digital signature: it is not an issued document."))
    registered = lookup(signing.sha256(content))
    document = registered.entry if registered is not None else None
    if not all(r.intact and r.valid for r in reports):
        return Verdict("altered", _("The file was changed after it was signed: its signature no longer matches its "
                                    "content. Do not rely on it."), document, reports)
    if not all(r.unchanged for r in reports):  # signed bytes intact, but something was added after a signature
        return Verdict("altered", _("The file was changed after it was signed: content was added or modified after "
                                    "a signature (text, a page, an annotation). It is not the document that was "
                                    "signed. Do not rely on it."), document, reports)
    if not all(r.trusted for r in reports) or registered is None:
        return Verdict("foreign", _("The signatures are intact, but the file is not a document of the portal's "
                                    "register (signed by a certificate it does not trust, or a different file)."),
                       document, reports)
    return Verdict("valid", registered.text, document, reports)
