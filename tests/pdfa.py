"""What a PDF/A validator would say about a file, for the rules of ISO 19005-2/-3 (PDF/A-2 and -3, level B) that can
be read from the objects with pypdf. No PDF/A validator can be installed here (veraPDF is a Java program that no
package registry this project uses ships), so the portal's archival PDFs are held to these rules, each named by its
clause (the numbering veraPDF uses), before and after signing. ``problems(pdf)`` lists every rule broken; an empty
list is a pass. Not checked: the byte-level syntax rules (6.1.4, 6.1.6-6.1.9; the writers' own), glyph-level rules
(6.2.11.4-2, 6.2.11.5: the font subsets match their widths), transparency groups (6.2.10; an output intent is
there) and the XMP value types of 6.6.2.3."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
ALLOWED_FILTERS = {"/ASCIIHexDecode", "/ASCII85Decode", "/FlateDecode", "/RunLengthDecode", "/CCITTFaxDecode",
                   "/JBIG2Decode", "/DCTDecode", "/JPXDecode"}
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState",
                     "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript", "/set-state", "/no-op"}


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _xmp_values(xmp: bytes) -> dict[str, str]:
    """The XMP properties the document information dictionary has equivalents of, and pdfaid's part and level."""
    root = ET.fromstring(xmp[xmp.index(b"<x:xmpmeta"):xmp.rindex(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")])
    values: dict[str, str] = {}
    names = {f"{{{NS['pdfaid']}}}part": "part", f"{{{NS['pdfaid']}}}conformance": "conformance",
             f"{{{NS['pdf']}}}Producer": "/Producer", f"{{{NS['pdf']}}}Keywords": "/Keywords",
             f"{{{NS['xmp']}}}CreatorTool": "/Creator", f"{{{NS['xmp']}}}CreateDate": "/CreationDate",
             f"{{{NS['xmp']}}}ModifyDate": "/ModDate", f"{{{NS['dc']}}}title": "/Title",
             f"{{{NS['dc']}}}description": "/Subject", f"{{{NS['dc']}}}creator": "/Author"}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for attribute, value in description.attrib.items():  # pdf:Producer="…" written as an attribute
            if attribute in names:
                values[names[attribute]] = value
        for element in description:  # or as an element, a language alternative or a list
            if element.tag in names:
                items = [li.text or "" for li in element.iter(f"{{{NS['rdf']}}}li")]
                values[names[element.tag]] = ", ".join(items) if items else (element.text or "")
    return values


def _pdf_date(value: str) -> dt.datetime | None:
    match = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Z+\-])?(\d\d)?'?(\d\d)?", value)
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute = match.groups()
    offset = dt.timedelta(hours=int(tz_hour or 0), minutes=int(tz_minute or 0)) * (-1 if sign == "-" else 1)
    return dt.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0),
                       tzinfo=dt.timezone(offset))


def _metadata(reader: PdfReader, found: list[str], level: tuple[str, str]) -> None:
    catalog = reader.trailer["/Root"]
    stream = _resolve(catalog.get("/Metadata"))
    if not isinstance(stream, StreamObject):
        found.append("6.6.2.1-1: the catalog has no XMP metadata stream")
        return
    xmp = stream.get_data()
    header = re.search(rb"<\?xpacket begin=[^>]*\?>", xmp)
    if header and (b" bytes=" in header.group(0) or b" encoding=" in header.group(0)):
        found.append("6.6.2.1-2/3: the XMP packet header has a bytes or encoding attribute")
    try:
        values = _xmp_values(xmp)
    except (ET.ParseError, ValueError) as error:
        found.append(f"6.6.2.1-4: the XMP metadata is not well-formed ({error})")
        return
    if (values.get("part"), values.get("conformance")) != level:
        found.append(f"6.6.4: pdfaid part/conformance {values.get('part')}/{values.get('conformance')}, "
                     f"expected {level[0]}/{level[1]}")
    info = _resolve(reader.trailer.get("/Info")) or {}
    for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"):
        if key in info and str(info[key]) != values.get(key):
            found.append(f"6.6.2.3.1: info {key} {str(info[key])!r} but XMP says {values.get(key)!r}")
    for key in ("/CreationDate", "/ModDate"):
        if key in info:
            xmp_value = values.get(key)
            moment = dt.datetime.fromisoformat(xmp_value) if xmp_value else None
            if moment is None or _pdf_date(str(info[key])) != moment:
                found.append(f"6.6.2.3.1: info {key} {str(info[key])!r} but XMP says {xmp_value!r}")


def _output_intent(reader: PdfReader, found: list[str]) -> None:
    intents = [_resolve(i) for i in _resolve(reader.trailer["/Root"]).get("/OutputIntents", [])]
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        found.append("6.2.3: no PDF/A output intent (GTS_PDFA1)")
        return
    profile = _resolve(pdfa[0].get("/DestOutputProfile"))
    if not isinstance(profile, StreamObject):
        found.append("6.2.3: the output intent has no ICC profile")
        return
    icc = profile.get_data()
    if icc[12:16] not in (b"mntr", b"prtr") or icc[16:20] != b"RGB " or icc[8] >= 5 or profile.get("/N") != 3:
        found.append(f"6.2.3-1: the output intent's profile is not an RGB monitor/printer ICC profile below v5 "
                     f"({icc[12:20]!r}, version {icc[8]})")


class _Walker:
    """Every resource a page, a form XObject, a pattern or an annotation's appearance uses, each object once."""

    def __init__(self, found: list[str]):
        self.found = found
        self.seen: set[int] = set()
        self.fonts: dict[str, bool] = {}  # base font name -> embedded

    def _once(self, value) -> bool:
        if isinstance(value, IndirectObject):
            key = value.idnum
            if key in self.seen:
                return False
            self.seen.add(key)
        return True

    def stream(self, value) -> None:
        """Any stream: 6.1.7-3 (no external content) and 6.1.7-4 (standard filters but LZW)."""
        obj = _resolve(value)
        if not isinstance(obj, StreamObject):
            return
        if any(key in obj for key in ("/F", "/FFilter", "/FDecodeParms")):
            self.found.append("6.1.7-3: a stream refers to external content (F, FFilter or FDecodeParms)")
        filters = _resolve(obj.get("/Filter"))
        for name in (filters if isinstance(filters, ArrayObject) else [filters] if filters else []):
            if name not in ALLOWED_FILTERS:
                self.found.append(f"6.1.7-4: stream filter {name}")

    def resources(self, value) -> None:
        if not self._once(value):
            return
        resources = _resolve(value)
        if not isinstance(resources, DictionaryObject):
            return
        for font in (_resolve(resources.get("/Font")) or {}).values():
            self.font(font)
        for xobject in (_resolve(resources.get("/XObject")) or {}).values():
            self.xobject(xobject)
        for pattern in (_resolve(resources.get("/Pattern")) or {}).values():
            if self._once(pattern) and "/Resources" in _resolve(pattern):
                self.stream(pattern)
                self.resources(_resolve(pattern)["/Resources"])
        for state in (_resolve(resources.get("/ExtGState")) or {}).values():
            state = _resolve(state)
            if "/TR" in state or "/HTP" in state or state.get("/TR2", "/Default") != "/Default":
                self.found.append("6.2.5: an ExtGState has a transfer function or halftone phase")

    def font(self, value) -> None:
        if not self._once(value):
            return
        font = _resolve(value)
        name = str(font.get("/BaseFont", "?"))
        if font.get("/Subtype") == "/Type3":
            self.fonts[name] = True  # glyphs are content streams of the file
            self.resources(font.get("/Resources"))
            return
        described = _resolve(font["/DescendantFonts"][0]) if font.get("/Subtype") == "/Type0" else font
        descriptor = _resolve(described.get("/FontDescriptor")) or {}
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        self.fonts[name] = embedded
        if not embedded:
            self.found.append(f"6.2.11.4-1: font {name} is not embedded")

    def xobject(self, value) -> None:
        if not self._once(value):
            return
        xobject = _resolve(value)
        self.stream(xobject)
        if xobject.get("/Subtype") == "/Image":
            if xobject.get("/Interpolate") is True or "/Alternates" in xobject or "/OPI" in xobject:
                self.found.append("6.2.8: an image has Interpolate, Alternates or OPI")
            if "/SMask" in xobject:
                self.xobject(xobject["/SMask"])
        elif xobject.get("/Subtype") == "/Form":
            if "/OPI" in xobject or "/PS" in xobject or xobject.get("/Subtype2") == "/PS":
                self.found.append("6.2.9: a form XObject has OPI or PostScript")
            if "/Ref" in xobject:
                self.found.append("6.2.9: a reference XObject")
            self.resources(xobject.get("/Resources"))


def _annotation(annotation, walker: _Walker, found: list[str]) -> None:
    subtype = annotation.get("/Subtype")
    flags = int(annotation.get("/F", -1))
    if subtype != "/Popup":
        if flags < 0:
            found.append(f"6.3.2-1: a {subtype} annotation has no F key")
        elif not flags & 4 or flags & (1 | 2 | 32 | 256):
            found.append(f"6.3.2-2: a {subtype} annotation is not printable or is hidden (F={flags})")
    rect = [float(v) for v in annotation.get("/Rect", [0, 0, 0, 0])]
    appearance = _resolve(annotation.get("/AP"))
    if appearance is None:
        if subtype not in ("/Popup", "/Link") and (rect[0] != rect[2] or rect[1] != rect[3]):
            found.append(f"6.3.3-1: a visible {subtype} annotation has no appearance")
    else:
        if set(appearance.keys()) != {"/N"}:
            found.append(f"6.3.3-2: an appearance dictionary with {sorted(appearance.keys())}")
        normal = _resolve(appearance.get("/N"))
        if isinstance(normal, StreamObject):
            walker.xobject(appearance.raw_get("/N"))
    if subtype == "/Widget" and ("/A" in annotation or "/AA" in annotation):
        found.append("6.4.1-1: a widget annotation has an action")
    action = _resolve(annotation.get("/A"))
    if action is not None and action.get("/S") in FORBIDDEN_ACTIONS:
        found.append(f"6.5.1-1: action {action.get('/S')}")


def _signatures(content: bytes, reader: PdfReader, found: list[str]) -> None:
    """6.4.3-1: each signature's byte range covers its whole revision (from the first byte to that revision's end
    of file marker) but its own Contents."""
    ends = set()
    for match in re.finditer(rb"%%EOF", content):
        end = match.end()
        ends.add(end)
        for eol in (b"\r\n", b"\n", b"\r"):
            if content[end:end + len(eol)] == eol:
                ends.add(end + len(eol))
                break
    for field in (reader.get_fields() or {}).values():
        value = _resolve(field.get("/V"))
        if field.get("/FT") != "/Sig" or not isinstance(value, DictionaryObject) or "/ByteRange" not in value:
            continue
        start, first, second, length = (int(v) for v in value["/ByteRange"])
        hole = content[start + first:second]
        if start != 0 or not (hole.startswith(b"<") and hole.endswith(b">")) or second + length not in ends:
            found.append(f"6.4.3-1: the signature {field.get('/T')} does not cover its whole revision")


def problems(content: bytes, level: tuple[str, str] = ("3", "B")) -> list[str]:
    """Every PDF/A-2/-3 rule this module checks that ``content`` breaks (empty: none); ``level``: the pdfaid part
    and conformance the file must declare."""
    found: list[str] = []
    if not re.match(rb"%PDF-1\.[0-7]\r?\n", content):
        found.append("6.1.2-1: the header is not %PDF-1.n")
    else:
        marker = content[content.index(b"\n") + 1:].split(b"\n", 1)[0]
        if not (marker.startswith(b"%") and sum(byte > 127 for byte in marker[1:5]) == 4):
            found.append("6.1.2-2: no binary comment after the header")
    tail = content[content.rindex(b"%%EOF") + 5:] if b"%%EOF" in content else b"?"
    if tail not in (b"", b"\n", b"\r\n", b"\r"):
        found.append("6.1.3-3: data after the last %%EOF")
    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted or "/Encrypt" in reader.trailer:
        return [*found, "6.1.3-2: the file is encrypted"]
    if not reader.trailer.get("/ID"):
        found.append("6.1.3-1: the trailer has no ID")
    catalog = _resolve(reader.trailer["/Root"])
    if "/AA" in catalog:
        found.append("6.5.2-1: the catalog has additional actions")
    if "/JavaScript" in (_resolve(catalog.get("/Names")) or {}):
        found.append("6.5.1-1: document JavaScript")
    opening = _resolve(catalog.get("/OpenAction"))
    if isinstance(opening, DictionaryObject) and opening.get("/S") in FORBIDDEN_ACTIONS:
        found.append(f"6.5.1-1: open action {opening.get('/S')}")
    if catalog.get("/NeedsRendering"):
        found.append("6.4.2-2: NeedsRendering")
    form = _resolve(catalog.get("/AcroForm")) or {}
    if form.get("/NeedAppearances") is True or "/XFA" in form:
        found.append("6.4.1-3/6.4.2-1: the form needs appearances or is XFA")
    permissions = _resolve(catalog.get("/Perms")) or {}
    if set(permissions.keys()) - {"/UR3", "/DocMDP"}:
        found.append("6.1.12-1: permissions other than UR3 and DocMDP")
    _metadata(reader, found, level)
    _output_intent(reader, found)
    walker = _Walker(found)
    for page in reader.pages:
        if "/AA" in page:
            found.append("6.5.2-2: a page has additional actions")
        walker.stream(page.get("/Contents"))
        walker.resources(page.get("/Resources"))
        for annotation in page.get("/Annots") or []:
            _annotation(_resolve(annotation), walker, found)
    for field in (reader.get_fields() or {}).values():
        if "/AA" in field:
            found.append("6.4.1-2: a form field has additional actions")
    _signatures(content, reader, found)
    return found


def pdffonts(content: bytes) -> list[tuple[str, str]]:
    """Each font poppler's pdffonts lists (name, embedded "yes"/"no"): a second reader's view."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        listing = subprocess.run(["pdffonts", handle.name], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in listing.splitlines()[2:]:
        match = re.match(r"(.+?)\s+(Type 1C?|Type 3|TrueType|CID Type 0C?|CID TrueType|Type 1 \(CID\))\s+(\S+)\s+"
                         r"(yes|no)\s", line)
        if match:
            rows.append((match.group(1), match.group(4)))
    return rows
