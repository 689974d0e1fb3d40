"""Warm a web worker before it takes traffic (issue 34, item 3).

A worker's first request used to pay for everything Django does lazily: compiling each template it renders (the
cached loader keeps them afterwards), building the URL resolver, loading both languages' message catalogues, opening
the database and cache connections. gunicorn calls ``warm()`` from ``post_worker_init`` (gunicorn.conf.py at the
project's root, read by every gunicorn started there: supervisord, systemd, the benchmarks), after the application is
loaded and before the worker accepts its first connection.

The application is not preloaded in gunicorn's master: ``systemctl reload`` (HUP) must keep loading new code into new
workers without dropping requests (docs/operations.md), which a preloaded master would not do. Each worker warms
itself instead, in about a second, while the others serve.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.forms.renderers import get_default_renderer
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

TEMPLATE_SUFFIXES = {".html", ".txt", ".xml", ".svg"}


def _template_names(directories) -> set[str]:
    names = set()
    for directory in directories:
        root = Path(directory)
        if not root.is_dir():
            continue
        names.update(str(path.relative_to(root)) for path in root.rglob("*")
                     if path.suffix in TEMPLATE_SUFFIXES and path.is_file())
    return names


def compile_templates() -> int:
    """Compile every template of every engine (pages, e-mails, the form renderer's widgets) into its cached loader."""
    backends = list(engines.all())
    renderer_engine = getattr(get_default_renderer(), "engine", None)
    if renderer_engine is not None and renderer_engine not in backends:
        backends.append(renderer_engine)
    compiled = 0
    for backend in backends:
        for name in sorted(_template_names(backend.template_dirs)):
            try:
                backend.get_template(name)
            except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
                continue  # a file that is not a template of this engine (another engine's, a fragment of text)
            compiled += 1
    return compiled


def warm() -> dict:
    """Everything a first request would otherwise do lazily; returns what was done and how long it took."""
    started = time.perf_counter()
    done = {"templates": compile_templates()}
    resolver = get_resolver()
    done["urls"] = len(resolver.reverse_dict)  # builds the resolver's lookup tables
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Dossier")  # loads the language's catalogues
    for alias in connections:
        try:
            connections[alias].ensure_connection()  # kept open: CONN_MAX_AGE
        except Exception as error:  # noqa: BLE001 — a worker still starts; /healthz says what is down
            logger.warning("warm-up: database %s not reachable: %s", alias, error)
    try:
        cache.get("warm-up")
    except Exception as error:  # noqa: BLE001 — the same for the cache
        logger.warning("warm-up: cache not reachable: %s", error)
    done["seconds"] = round(time.perf_counter() - started, 2)
    return done
