"""Uploaded files: checked by content and size, stored outside the static tree
under generated names, and served only by views that check permissions."""

from __future__ import annotations

import re
import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils import formats, timezone
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


# Markup that makes a file a polyglot (a browser or a mail client would run it as a page), wherever it sits.
MARKUP = (b"<script", b"<html", b"<!doctype html", b"<svg", b"<iframe", b"<object", b"<embed", b"javascript:")
# Active content of a PDF: scripts, actions that launch programs or forms that run code, attached files.
PDF_ACTIVE = (b"/javascript", b"/js", b"/launch", b"/embeddedfile", b"/richmedia", b"/xfa", b"/submitform",
              b"/importdata")
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_RATIO = 100  # inflated size / stored size of the whole archive


def _scan(upload) -> bytes:
    """The whole file, lower-cased, for the markers above (uploads are at most UPLOAD_MAX_BYTES)."""
    upload.seek(0)
    data = upload.read().lower()
    upload.seek(0)
    return data


def _pdf_names(data: bytes) -> set[bytes]:
    """PDF name tokens (``/JavaScript``, ``/JS``…), with #xx escapes decoded so ``/J#61vaScript`` is found too."""
    names = set()
    for match in re.finditer(rb"/[^\s/<>\[\]()%{}]+", data):
        name = re.sub(rb"#([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), match.group(0))
        names.add(name)
    return names


def _pdf_streams_text(upload) -> bytes:
    """The decompressed object streams of the PDF (where /JS may hide), through pypdf; b"" if it cannot read it."""
    try:
        from pypdf import PdfReader  # noqa: PLC0415 — heavy (pypdf), only when a PDF is read
    except ImportError:  # pragma: no cover - pypdf comes with the signing stack
        return b""
    try:
        upload.seek(0)
        reader = PdfReader(upload, strict=False)
        root = reader.trailer["/Root"]
        parts = [repr(root.get("/OpenAction")), repr(root.get("/AA")), repr(root.get("/Names")),
                 repr(root.get("/AcroForm"))]
        for page in reader.pages[:200]:
            parts.append(repr(page.get("/AA")))
            for annotation in page.get("/Annots") or []:
                parts.append(repr(annotation.get_object()))
        return " ".join(parts).lower().encode()
    except Exception:  # noqa: BLE001 - an unreadable PDF is judged by its raw bytes alone
        return b""
    finally:
        upload.seek(0)


def check_active_content(upload, kind: str) -> None:
    """Refuse polyglots and files that carry something to run: markup anywhere in the file, scripts or launch
    actions in a PDF, an image that does not decode, an Office archive that inflates past its limits."""
    data = _scan(upload)
    if any(marker in data for marker in MARKUP):
        raise ValidationError(_("The file “%(name)s” contains web page code (HTML or script); save it again as a "
                                "plain document and send that."), params={"name": upload.name}, code="polyglot")
    if kind == "pdf":
        names = _pdf_names(data) | _pdf_names(_pdf_streams_text(upload))
        if any(name in PDF_ACTIVE for name in names):
            raise ValidationError(_("The PDF “%(name)s” contains scripts, actions or attached files; print it to "
                                    "a new PDF (or scan it) and send that."), params={"name": upload.name},
                                  code="pdf_active")
    elif kind == "image":
        from PIL import Image  # noqa: PLC0415 — heavy (Pillow), only when an image is drawn or checked

        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image.verify()
        except Exception as exc:  # noqa: BLE001 - any decoding error means it is not the image it claims
            raise ValidationError(_("The image “%(name)s” cannot be read as a picture."), params={"name": upload.name},
                                  code="bad_image") from exc
        finally:
            upload.seek(0)
    elif kind in ("word", "excel"):
        _check_archive(upload)


def _check_archive(upload) -> None:
    """A zip bomb is refused by its declared sizes before anything is inflated."""
    limit = getattr(settings, "UPLOAD_MAX_INFLATED_BYTES", 100 * 1_048_576)
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ValidationError(_("The file “%(name)s” is damaged."), params={"name": upload.name},
                              code="bad_zip") from exc
    finally:
        upload.seek(0)
    inflated = sum(entry.file_size for entry in entries)
    stored = max(sum(entry.compress_size for entry in entries), 1)
    if len(entries) > ZIP_MAX_ENTRIES or inflated > limit or inflated / stored > ZIP_MAX_RATIO:
        raise ValidationError(_("The file “%(name)s” unpacks to %(size)s MB; the limit is %(limit)s MB."),
                              params={"name": upload.name, "size": inflated // 1_048_576,
                                      "limit": limit // 1_048_576}, code="zip_bomb")


def validate_upload(upload, kinds=DOCUMENT_KINDS, max_bytes: int | None = None) -> str:
    """Raise ValidationError (in the user's language) unless ``upload`` is an allowed kind and size."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    allowed = ", ".join(KINDS[k][1] for k in kinds)
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s MB; the limit is %(limit)s MB."),
            # "10,5 MB" in Vietnamese, "10.5 MB" in English: the size in the reader's number format
            params={"name": upload.name, "size": formats.number_format(round(upload.size / 1_048_576, 1), 1),
                    "limit": max_bytes // 1_048_576},
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
    check_active_content(upload, kind)
    return kind


def private_upload_to(instance, filename: str) -> str:
    """A generated name: the user's file name is never used as a path."""
    extension = PurePath(filename).suffix.lower()[:8]
    label = instance._meta.label_lower.replace(".", "/")
    return f"{label}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def suffix(field_file) -> str:
    """A stored file's extension (".pdf"), for the name it is downloaded under; "" for no file."""
    return PurePath(field_file.name).suffix if field_file else ""


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
