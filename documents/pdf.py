"""PDFs from templates (WeasyPrint), and the QR codes printed on them. Generic: the caller gives the template and
its context; the official layout's style and header are ``documents/pdf/_style.html`` and ``_header.html``."""

from __future__ import annotations

import base64
import io

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 — heavy (WeasyPrint), only when a PDF is rendered

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def qr_data_uri(text: str) -> str:
    import qrcode  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn
    import qrcode.image.svg  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
