"""Small real files for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf(name="bao-cao.pdf"):
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name="anh.png"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (165, 14, 28)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_pdf(name="virus.pdf"):
    """An executable pretending to be a PDF by its name and content type."""
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")


def oversized_pdf(size, name="qua-lon.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * size, content_type="application/pdf")
