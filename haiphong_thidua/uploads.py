"""Uploaded files: checked by content and size, stored outside the static tree
under generated names, and served only by views that check permissions."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# kind -> (extensions, description)
KINDS = {
    "pdf": ({".pdf"}, "PDF"),
    "image": ({".jpg", ".jpeg", ".png"}, "JPEG/PNG"),
    "word": ({".docx"}, "Word (.docx)"),
    "excel": ({".xlsx"}, "Excel (.xlsx)"),
}
DOCUMENT_KINDS = ("pdf", "image", "word", "excel")
IMAGE_KINDS = ("image",)


def sniff(head: bytes, fileobj=None) -> str | None:
    """The kind of a file judged by its first bytes (and, for Office files, its parts)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    if head.startswith(b"PK\x03\x04") and fileobj is not None:
        try:
            fileobj.seek(0)
            with zipfile.ZipFile(fileobj) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            fileobj.seek(0)
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return "word"
            if any(n.startswith("xl/") for n in names):
                return "excel"
    return None


def validate_upload(upload, kinds=DOCUMENT_KINDS, max_bytes: int | None = None) -> str:
    """Raise ValidationError (in the user's language) unless ``upload`` is an allowed kind and size."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    allowed = ", ".join(KINDS[k][1] for k in kinds)
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file “%(name)s” is %(size).1f MB; the limit is %(limit)d MB."),
            params={"name": upload.name, "size": upload.size / 1_048_576, "limit": max_bytes // 1_048_576},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty."), params={"name": upload.name}, code="empty")
    upload.seek(0)
    head = upload.read(16)
    kind = sniff(head, upload)
    upload.seek(0)
    extension = PurePath(upload.name).suffix.lower()
    if kind not in kinds or extension not in KINDS[kind][0]:
        raise ValidationError(
            _("The file “%(name)s” is not an accepted type. Accepted: %(allowed)s."),
            params={"name": upload.name, "allowed": allowed},
            code="bad_type",
        )
    return kind


def private_upload_to(instance, filename: str) -> str:
    """A generated name: the user's file name is never used as a path."""
    extension = PurePath(filename).suffix.lower()[:8]
    label = instance._meta.label_lower.replace(".", "/")
    return f"{label}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def serve_private(field_file, download_name: str, inline: bool = False) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=not inline, filename=download_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response
