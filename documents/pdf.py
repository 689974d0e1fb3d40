"""PDFs from templates (WeasyPrint), and the QR codes printed on them. Generic: the caller gives the template and
its context; the official layout's style and header are ``documents/pdf/_style.html`` and ``_header.html``.

Every PDF is archival: PDF/A-3B (ISO 19005-3, level B), WeasyPrint's PDF/A variant: the fonts embedded, an sRGB
output intent, XMP metadata identifying the part and level. Signing keeps it so (``documents.signing``: pictures
for the stamps, no font of pyHanko's own; the metadata in step). ``tests/pdfa.py`` checks the rules.
PDF/A-3 rather than -2: the same rules for what the portal draws, and the room to attach a decision's data (XML)
to its PDF later."""

from __future__ import annotations

import base64
import io

from django.conf import settings
from django.template.loader import render_to_string

ARCHIVAL_VARIANT = "pdf/a-3b"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 — heavy (WeasyPrint), only when a PDF is rendered

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=ARCHIVAL_VARIANT)


def qr_data_uri(text: str) -> str:
    import qrcode  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn
    import qrcode.image.svg  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
