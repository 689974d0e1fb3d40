"""Every stored file goes through Django's storage API (issue 29, item 1): a scan of the portal's code finds no file
written, read or named by a hand-built path outside the storage layer, except the few places listed below with
their reason; no template or module hands out a stored file's URL; MEDIA_URL is not routed."""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("haiphong_thidua", "core", "utilities", "documents", "organisation", "legal", "campaigns", "awards",
             "targets", "reports")

# What reaches the file system without the storage API.
PATTERNS = {
    "open()": r"(?<![\w.])open\(",  # the built-in (a stored file is opened with field.open(), storage.open())
    "os file call": r"\bos\.(?:open|fdopen|replace|rename|remove|unlink|makedirs|mkdir|rmdir|path)\b",
    "pathlib file call": r"\.(?:write_bytes|write_text|read_bytes|read_text|mkdir|unlink|rmdir|touch)\(",
    "Path()": r"(?<![\w.])Path\(",
    "shutil": r"\bshutil\.",
    "tempfile": r"\btempfile\.",
    "archive file": r"\b(?:tarfile|gzip|bz2|lzma)\.open\(",
    "MEDIA_ROOT": r"\bMEDIA_ROOT\b",
    "storage.path()": r"storage\.path\(",
}

# (file, pattern) -> why it is not a stored document. Stored documents (uploads, import files, reports, decisions,
# signed copies) never appear here.
ALLOWED = {
    ("haiphong_thidua/settings/base.py", "Path()"): "configuration: where the local storage, static files, the "
                                                    "embedded database and the signing keys live",
    ("haiphong_thidua/settings/base.py", "MEDIA_ROOT"): "configuration: the local storage's folder",
    ("haiphong_thidua/settings/production.py", "MEDIA_ROOT"): "the name of a required variable in its message",
    ("haiphong_thidua/settings/local.py", "pathlib file call"): "the demo's file broker's folders (queue messages)",
    ("haiphong_thidua/settings/test.py", "Path()"): "each test process's file broker folders (queue messages)",
    ("haiphong_thidua/settings/test.py", "tempfile"): "each test process's file broker folders (queue messages)",
    ("haiphong_thidua/settings/test.py", "pathlib file call"): "each test process's file broker folders",
    ("utilities/embedded_db.py", "pathlib file call"): "the embedded PostgreSQL's data folder (the demo's database)",
    ("documents/pki.py", "pathlib file call"): "key material of the signing host (the test PKI's PKCS#12 files), "
                                               "never a stored document",
    ("documents/pki.py", "os file call"): "key material of the signing host: the test PKI's folder moved into place",
    ("documents/pki.py", "shutil"): "key material of the signing host: a half-made test PKI folder removed",
    ("documents/signing.py", "Path()"): "key material of the signing host: the PKCS#12 files and trust roots",
    ("documents/management/commands/create_test_pki.py", "Path()"): "key material of the signing host",
    # Backups (core/backup.py) go to STORAGES["backups"] and read the stored files through the storage API; what is
    # left is the host's side of pg_dump and pg_restore, which read and write local files only.
    ("core/backup.py", "Path()"): "the host's PostgreSQL client programs (pg_dump, pg_restore)",
    ("core/backup.py", "pathlib file call"): "pg_dump's output and pg_restore's input in a private working folder",
    ("core/backup.py", "shutil"): "finding the PostgreSQL client programs on PATH; copying a dump into the working "
                                  "folder for pg_restore",
    ("core/backup.py", "tempfile"): "the private working folder of pg_dump and pg_restore, removed after the run",
    ("haiphong_thidua/warmup.py", "Path()"): "the template folders of the code (installed apps, the project's "
                                             "templates), listed to compile every template before a worker serves",
    ("utilities/renderers.py", "Path()"): "the form renderer's template folders (code, not stored documents)",
    ("core/management/commands/restore.py", "Path()"): "the folders the operator names: a local storage to restore "
                                                      "into, the signing host's key folder",
}


def _code_files():
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and "/tests/" not in relative:
                yield relative, path.read_text(encoding="utf-8")


def _code(text: str) -> str:
    """The module's code: comments and docstrings (prose about files, not files) blanked."""
    lines = text.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            row, column = token.start
            lines[row - 1] = lines[row - 1][:column]
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body and \
                isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and \
                isinstance(body[0].value.value, str):
            for row in range(body[0].lineno - 1, body[0].end_lineno):
                lines[row] = ""
    return "\n".join(lines)


def findings(relative: str, text: str, patterns=None) -> set[tuple[str, str]]:
    """(file, pattern) for each pattern the file's code matches."""
    code = _code(text)
    return {(relative, name) for name, pattern in (patterns or PATTERNS).items() if re.search(pattern, code)}


def _file_fields() -> set[str]:
    return {field.name for model in apps.get_models() for field in model._meta.get_fields()
            if isinstance(field, models.FileField) and model._meta.app_label in CODE_DIRS}


def test_the_scan_finds_a_file_written_by_hand():
    """The scan is not blind: a report written with open() into MEDIA_ROOT, a key read by os.path, a field's .path."""
    sample = ('target = Path(settings.MEDIA_ROOT) / name\nwith open(target, "wb") as handle:\n    handle.write(pdf)\n'
              'os.path.join(settings.MEDIA_ROOT, "x")\n')
    assert findings("reports/x.py", sample) == {("reports/x.py", name) for name in
                                                ("Path()", "open()", "MEDIA_ROOT", "os file call")}
    assert findings("reports/x.py", "with report.pdf.open('rb') as handle:\n    data = handle.read()\n") == set()
    assert findings("x.py", '"""Reports open(ed) from MEDIA_ROOT."""\nx = 1  # open(a file) in a comment\n') == set()


def test_no_file_is_written_outside_the_storage_api():
    found = set()
    for relative, text in _code_files():
        found |= findings(relative, text)
    assert sorted(found - ALLOWED.keys()) == [], "files reached without the storage API (use field.open(), " \
                                                 "field.save(), default_storage), or list them in ALLOWED with why"
    assert sorted(ALLOWED.keys() - found) == [], "ALLOWED lists places that no longer need it: remove them"


def test_no_stored_file_is_named_by_its_path_or_its_url():
    """FieldFile.path does not exist on the bucket; FieldFile.url would hand the bucket's address to a browser.
    Stored files are read with .open() and served by the portal's views after the permission check."""
    fields = _file_fields()
    assert {"file", "pdf", "xlsx", "upload", "photo"} <= fields  # the models' file fields are found
    names = "|".join(sorted(fields))
    attribute = re.compile(rf"\.(?:{names})\.(?:path|url)\b")
    offenders = [relative for relative, text in _code_files() if attribute.search(_code(text))]
    for template in sorted(ROOT.glob("*/templates/**/*.html")) + sorted((ROOT / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        if attribute.search(text) or "MEDIA_URL" in text:
            offenders.append(template.relative_to(ROOT).as_posix())
    assert offenders == []


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_media_url_is_not_routed(staff_client, settings):
    from django.views.static import serve

    served = [route for route, callback in _patterns(get_resolver()) if callback is serve]
    assert served == []
    assert staff_client.get(settings.MEDIA_URL + "awards/attachment/2023/01/x.pdf").status_code == 404


@pytest.mark.parametrize("line", ['open(path, "wb")', "Path(x).write_bytes(b)", "shutil.copy(a, b)",
                                  "tempfile.mkstemp()", "os.replace(a, b)", "tarfile.open(t)",
                                  "default_storage.path(name)"])
def test_each_pattern_catches_its_kind(line):
    assert findings("x.py", line + "\n")
