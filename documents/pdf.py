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
from collections.abc import Callable, Iterable

from django.conf import settings
from django.template.loader import render_to_string

ARCHIVAL_VARIANT = "pdf/a-3b"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 — heavy (WeasyPrint), only when a PDF is rendered

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=ARCHIVAL_VARIANT)


def render_pdf_in_parts(parts: Iterable[str], progress: Callable[[int], None] | None = None) -> bytes:
    """One PDF of several HTML documents (each a few pages of one long print run), laid out one after the other
    with the same fonts, their pages joined; ``progress(n)`` is called after the n-th part is laid out."""
    from weasyprint import HTML  # noqa: PLC0415 — heavy (WeasyPrint), only when a PDF is rendered
    from weasyprint.text.fonts import FontConfiguration  # noqa: PLC0415 — heavy (WeasyPrint), as above

    fonts = FontConfiguration()
    documents = []
    for count, html in enumerate(parts, start=1):
        documents.append(HTML(string=html, base_url=str(settings.BASE_DIR)).render(font_config=fonts))
        if progress:
            progress(count)
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf(pdf_variant=ARCHIVAL_VARIANT)


def qr_data_uri(text: str) -> str:
    """The QR code as a PNG of one pixel per module (with a one-module quiet zone), to be drawn large with
    ``image-rendering: pixelated``: the same sharp squares as a vector drawing, without WeasyPrint parsing an SVG
    path of hundreds of squares for each certificate (most of a certificate's rendering time, bench/heavy_decision.py).
    """
    import qrcode  # noqa: PLC0415 — heavy (qrcode), only when a QR code is drawn

    # One mask pattern, not the best of eight scored (qrcode's default, most of its time): any of them reads alike.
    code = qrcode.QRCode(box_size=1, border=1, mask_pattern=0)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
