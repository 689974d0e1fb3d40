"""Settings shared by every environment; values come from the environment.

``local`` (development, demo, tests) and ``production`` build on this module.
Every setting that differs between machines is read with django-environ.
"""

import datetime
import json
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from haiphong_thidua.observability import configure_structlog, init_sentry, logging_config
from haiphong_thidua.version import __version__ as PORTAL_VERSION

from .storage import default_files

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Local state (embedded database, file broker, uploads, generated reports).
VAR_DIR = Path(env.str("HPTD_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Demo accounts may be created only where this is true (never in production).
DEMO_ACCOUNTS_ALLOWED = False

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_celery_beat",
    "rest_framework",
    "knox",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_structlog",
    "django_prometheus",
    # Project apps
    "core",
    "organisation",
    "legal",
    "documents",  # the documents floor: every feature app below may import it, it imports none of them
    "campaigns",
    "awards",
    "targets",
    "reports",
    "haiphong_thidua",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # metrics (haiphong_thidua/metrics.py)
    "haiphong_thidua.metrics.DatabaseTimeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "haiphong_thidua.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "haiphong_thidua.middleware.VietnameseFirstLocaleMiddleware",
    "haiphong_thidua.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django_structlog.middlewares.RequestMiddleware",  # request_id, user_id, ip, unit in every log line
    "haiphong_thidua.middleware.PortalLoginRequiredMiddleware",
    "haiphong_thidua.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # AxesMiddleware must be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "haiphong_thidua.urls"
WSGI_APPLICATION = "haiphong_thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisation.context_processors.roles",
                "haiphong_thidua.context_processors.notifications",
                "haiphong_thidua.context_processors.version",
            ],
        },
    },
    # The hottest fragments (a dossier's rows): <app>/jinja2/, helpers that write what the Django templates write
    # (utilities/jinja.py). Listed second: a name is looked up in the Django templates first.
    {
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "utilities.jinja.environment"},
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects the server. Without it the local/demo settings start an embedded PostgreSQL under VAR_DIR
# (utilities/embedded_db.py); production refuses to start.
def database(config: dict) -> dict:
    """A database's settings with the portal's connection options."""
    config["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    config.setdefault("TEST", {})
    return config


DATABASES = {"default": database(env.db_url("DATABASE_URL"))} if env.str("DATABASE_URL", default="") else {}
DATABASE_IS_EMBEDDED = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Rendered page fragments keyed on data versions (core/datacache.py): in Redis when
# REDIS_URL is set, shared by every web worker; otherwise in each process's memory, which is still
# correct because a key changes with the data. With Redis, sessions are read from the cache too
# (cached_db: written through to the database, so nothing is lost when Redis restarts).
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=120)
_REDIS_CACHE_URL = env.str("CACHE_URL", default=env.str("REDIS_URL", default=""))
if _REDIS_CACHE_URL:  # without it the local/demo settings keep fragments in each process's memory
    _redis_cache = {"BACKEND": "haiphong_thidua.cache_backends.PortalRedisCache", "LOCATION": _REDIS_CACHE_URL,
                    "KEY_PREFIX": "hptd", "TIMEOUT": 300}
    CACHES = {"default": _redis_cache, "fragments": _redis_cache}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# A year's award counts for the fairness warnings (awards/fairness.py): keyed on what changes them; the time limit
# bounds only a cache that each process keeps for itself.
FAIRNESS_COUNTS_SECONDS = 6 * 3600 if _REDIS_CACHE_URL else 300

# --- Celery ---------------------------------------------------------------
# Redis when REDIS_URL (or CELERY_BROKER_URL) is set; without it the local/demo settings use kombu's filesystem
# transport, which needs no server, so worker and beat still run; production refuses to start.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_BROKER_DIR = VAR_DIR / "celery-broker"
# A task taken by a worker that dies is delivered again after the visibility timeout: sized to the reports'
# real duration (seconds; docs/reports.md), not Redis' default hour, so a killed report is back in minutes.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=120),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 1,
}
# A report "running" for longer than this has lost its worker: the minute sweep (reports.tasks.sweep_stuck_reports)
# and "Lập báo cáo ngay" queue it again. Reports take a few seconds; keep it below the visibility timeout.
REPORT_STALE_SECONDS = env.int("REPORT_STALE_SECONDS", default=90)
# A report found stuck after this many attempts is marked failed with its reason instead of being queued again.
REPORT_MAX_ATTEMPTS = env.int("REPORT_MAX_ATTEMPTS", default=3)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queues (docs/operations.md): reports (PDF and Excel), notices (mail and in-portal messages), imports (large sheets),
# signing (on the signing host only: the machine with the keys or the PKCS#11 token); the rest on "celery".
CELERY_TASK_DEFAULT_QUEUE = "celery"
TASK_QUEUES = ("celery", "reports", "notices", "imports", "signing")
CELERY_TASK_ROUTES = {
    "reports.tasks.generate_report": {"queue": "reports"},
    "reports.tasks.email_report": {"queue": "notices"},
    "awards.tasks.notify_submission_change": {"queue": "notices"},
    "awards.tasks.notify_awardees": {"queue": "notices"},
    "awards.tasks.make_certificates": {"queue": "reports"},
    "haiphong_thidua.tasks.notify_unit": {"queue": "notices"},
    "haiphong_thidua.tasks.send_reminders": {"queue": "notices"},
    "haiphong_thidua.tasks.run_import": {"queue": "imports"},
    "documents.tasks.run_signing_job": {"queue": "signing"},
    "reports.tasks.sign_report": {"queue": "signing"},
}
# Soft/hard time limits (seconds) by queue, sized to the work: at the soft limit the task marks its job failed with
# a reason an officer reads (and may retry); at the hard limit the worker's child is killed. A report's hard limit
# stays below REPORT_STALE_SECONDS, so the sweep never requeues a report that is still being produced.
TASK_TIME_LIMITS = {
    "celery": (env.int("TASK_SOFT_LIMIT_DEFAULT", default=60), 90),
    "reports": (env.int("TASK_SOFT_LIMIT_REPORTS", default=70), 85),
    "notices": (env.int("TASK_SOFT_LIMIT_NOTICES", default=20), 30),
    "imports": (env.int("TASK_SOFT_LIMIT_IMPORTS", default=480), 540),
    "signing": (env.int("TASK_SOFT_LIMIT_SIGNING", default=45), 60),
}
CELERY_TASK_SOFT_TIME_LIMIT, CELERY_TASK_TIME_LIMIT = TASK_TIME_LIMITS["celery"]
CELERY_TASK_ANNOTATIONS = {
    name: dict(zip(("soft_time_limit", "time_limit"), TASK_TIME_LIMITS[route["queue"]], strict=True))
    for name, route in CELERY_TASK_ROUTES.items()}
# The PDF workers' children are replaced after this many tasks (WeasyPrint and pyHanko keep memory).
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_MAX_TASKS_PER_CHILD", default=50)
# Only the signing host loads a private key (documents.signing refuses elsewhere): true in the environment of the
# worker that consumes the "signing" queue (scripts/supervise.sh sets it for the demo's worker), never the web's.
SIGNING_HOST = env.bool("SIGNING_HOST", default=False)
# A signing job still pending after this long (its worker died, the token hung) is marked failed (beat, every minute).
SIGNING_STALE_SECONDS = env.int("SIGNING_STALE_SECONDS", default=180)
# The worker logs through the LOGGING below (JSON in production), not Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# The queues whose depths /healthz and /metrics report (the Redis list of each queue; the demo's message files).
MONITORED_QUEUES = list(TASK_QUEUES)
HEALTH_QUEUE_MAX_DEPTH = env.int("HEALTH_QUEUE_MAX_DEPTH", default=500)

# --- Auth -----------------------------------------------------------------
AUTH_USER_MODEL = "organisation.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "organisation.backends.PortalBackend",
]
LOGIN_URL = "login"
# Second factor (organisation/mfa.py): required for Board officers, Council members, leadership and administrators.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Thi đua - Khen thưởng Hải Phòng"
OTP_TOTP_THROTTLE_FACTOR = 1  # wrong codes make the next try wait 1, 2, 4, … seconds (django-otp)
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=90)
# API tokens (django-rest-knox): stored as SHA-512 digests in organisation.ApiToken, each with a name and expiry.
KNOX_TOKEN_MODEL = "organisation.ApiToken"
# knox's own migrations would create its unused (swapped) table with a foreign key to the users.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=API_TOKEN_DAYS),
    "TOKEN_LIMIT_PER_USER": env.int("API_TOKENS_PER_USER", default=5),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_MODEL": KNOX_TOKEN_MODEL,
}
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed-login throttling (django-axes): lock a username+IP after 5 failures for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address (utilities.client, python-ipware): REMOTE_ADDR directly; behind PROXY_COUNT reverse
# proxies, the address in X-Forwarded-For the outermost proxy appended. Login lockout and the public comments'
# throttle both read it, so one client's failures never lock out the others.
PROXY_COUNT = env.int("PROXY_COUNT", default=env.int("AXES_PROXY_COUNT", default=0))
AXES_CLIENT_IP_CALLABLE = "utilities.client.client_address"

# --- Internationalisation ----------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # group digits explicitly with |number, never years
FORMAT_MODULE_PATH = ["haiphong_thidua.formats"]

# --- Static and uploaded files ----------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    # Every stored file goes through the storage API: the folder MEDIA_ROOT, or a private S3 bucket when S3_BUCKET is
    # set (settings/storage.py); downloads are streamed by views that check permissions.
    "default": default_files(env),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# With the local storage, uploaded and generated files live in MEDIA_ROOT, outside the static tree, and are served
# only through views that check permissions; MEDIA_URL is deliberately not routed.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "uploads")))
# Backups (core/backup.py, docs/operations.md): written through their own storage alias, a folder under BACKUP_ROOT
# by default; production may point "backups" at any django-storages backend (its own bucket, off the machine).
BACKUP_ROOT = Path(env.str("BACKUP_ROOT", default=str(VAR_DIR / "backups")))
STORAGES["backups"] = {
    "BACKEND": env.str("BACKUP_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
    "OPTIONS": json.loads(env.str("BACKUP_STORAGE_OPTIONS", default="") or "null")
    or {"location": str(BACKUP_ROOT), "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700}}
BACKUP_KEEP_DAILY = env.int("BACKUP_KEEP_DAILY", default=7)
BACKUP_KEEP_WEEKLY = env.int("BACKUP_KEEP_WEEKLY", default=4)
BACKUP_KEEP_MONTHLY = env.int("BACKUP_KEEP_MONTHLY", default=12)
BACKUP_KEY_PASSPHRASE = env.str("BACKUP_KEY_PASSPHRASE", default="")  # set: the signing keys go in, encrypted
# Excel imports: a sheet of more rows is refused before any work (utilities.excel.data_rows).
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=10000)  # a 10,000-row list: ~15 s on a worker (bench)
# Excel downloads of the list pages hold at most this many rows; the file says so when a list is cut.
EXPORT_MAX_ROWS = env.int("EXPORT_MAX_ROWS", default=10000)

# Digital signatures of the portal's documents (documents/signing.py, pyHanko PAdES). Demo and development: PKCS#12
# files of a local test CA, created by `manage.py create_test_pki` (and on first use where demo data is allowed).
# Production: SIGNING_BACKEND=pkcs11 with the Government CA's token (install python-pkcs11), or real PKCS#12 files.
PKI_DIR = Path(env.str("SIGNING_PKI_DIR", default=str(VAR_DIR / "pki")))
DOCUMENT_SIGNING = {
    "BACKEND": env.str("SIGNING_BACKEND", default="pkcs12"),
    "SIGNER_P12": env.str("SIGNING_SIGNER_P12", default=str(PKI_DIR / "signer.p12")),
    "AGENCY_P12": env.str("SIGNING_AGENCY_P12", default=str(PKI_DIR / "agency.p12")),
    # The Board's key and seal (Ban Thi đua - Khen thưởng, Sở Nội vụ): its reports and papers (issue 32).
    "BOARD_P12": env.str("SIGNING_BOARD_P12", default=str(PKI_DIR / "board.p12")),
    "P12_PASSPHRASE": env.str("SIGNING_P12_PASSPHRASE", default="chi-dung-cho-thu-nghiem"),
    "TRUST_ROOTS": env.list("SIGNING_TRUST_ROOTS", default=[str(PKI_DIR / "ca.pem"), str(PKI_DIR / "ca-board.pem")]),
    "PKCS11_MODULE": env.str("SIGNING_PKCS11_MODULE", default=""),
    "PKCS11_TOKEN_LABEL": env.str("SIGNING_PKCS11_TOKEN_LABEL", default=""),
    "PKCS11_SLOT": env.str("SIGNING_PKCS11_SLOT", default=""),  # a slot number, where no token label is given
    "PKCS11_PIN": env.str("SIGNING_PKCS11_PIN", default=""),
    "PKCS11_SIGNER_KEY": env.str("SIGNING_PKCS11_SIGNER_KEY", default=""),
    "PKCS11_AGENCY_KEY": env.str("SIGNING_PKCS11_AGENCY_KEY", default=""),
    "PKCS11_BOARD_KEY": env.str("SIGNING_PKCS11_BOARD_KEY", default=""),
    # Long-term signatures (PAdES B-LTA): the RFC 3161 time-stamping authority (the national CA's in production).
    # Set, every signature gets a time-stamp, the OCSP/CRL answers fetched for its chain go into the document
    # security store and a document time-stamp closes the file. Empty: PAdES B-B (docs/signed-documents.md).
    "TSA_URL": env.str("SIGNING_TSA_URL", default=""),
    "TSA_TIMEOUT": env.int("SIGNING_TSA_TIMEOUT", default=15),  # seconds, for the TSA and the OCSP/CRL servers
    "TEST_SIGNER_NAME": "Nguyễn Văn Tùng",
    "TEST_AGENCY_NAME": "Ủy ban nhân dân thành phố Hải Phòng",
    "TEST_BOARD_NAME": "Ban Thi đua - Khen thưởng thành phố Hải Phòng",
}
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------
# Mail: EMAIL_URL (e.g. smtp+tls://user:pass@mail.example:587); the local/demo settings print mail to the console.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Ban Thi đua - Khen thưởng <thidua@haiphong.gov.vn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Forms, REST ------------------------------------------------------------
# Form widgets (selects with their options above all) render through Jinja2's copies of Django's widget templates: the
# same markup at a fraction of the cost (issue 34; bench/results.md). Pages stay in Django's template language.
FORM_RENDERER = "utilities.renderers.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # the token first: a refused token answers 401 with "WWW-Authenticate: Token"
        "organisation.tokens.ExpiringTokenAuthentication",
        "organisation.tokens.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "utilities.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    # Per signed-in API client; load tests (bench/resilience.py) raise it.
    "DEFAULT_THROTTLE_RATES": {"user": env.str("API_USER_RATE", default="2000/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cổng thi đua - khen thưởng Hải Phòng API",
    "VERSION": PORTAL_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# --- Security common to all environments ------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content Security Policy: only our own static files, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Logs, metrics, error reports (haiphong_thidua/observability.py, metrics.py; docs/operations.md) -------------
# Structured logs: JSON lines in production, readable lines in the demo (LOG_FORMAT=console in settings/local.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
configure_structlog()
DJANGO_STRUCTLOG_CELERY_ENABLED = True  # the request's context travels to the tasks it queues (message headers)
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False  # the address is bound by observability.bind_request_metadata instead
# Prometheus scrapers send "Authorization: Bearer <METRICS_TOKEN>"; empty: only accounts that can_read_metrics.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
PROMETHEUS_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, float("inf"))
# Unhandled errors to Sentry when a DSN is set (no personal data sent).
SENTRY_ENABLED = init_sentry(env.str("SENTRY_DSN", default=""), release=PORTAL_VERSION,
                             environment=env.str("SENTRY_ENVIRONMENT", default="production"),
                             traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0))
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_MB", default=10) * 1024 * 1024
# A whole request (a form with its files) may be a little larger than one upload; over it: 413 before reading.
# Sheets of more rows than this are imported by a Celery worker with a progress page (core/import_jobs.py).
# The head of the Board who signs the periodic reports (the name under "TRƯỞNG BAN"); empty: signed by hand.
REPORT_SIGNER_NAME = env.str("REPORT_SIGNER_NAME", default="")
# Reports are signed with the Board's key and seal when produced (the kind "report" of documents.SigningAuthority;
# reports/tasks.py).
REPORT_SIGNING = env.bool("REPORT_SIGNING", default=True)
IMPORT_ASYNC_ROWS = env.int("IMPORT_ASYNC_ROWS", default=1000)
IMPORT_STALE_SECONDS = env.int("IMPORT_STALE_SECONDS", default=600)  # a "running" import older than this is requeued
REQUEST_MAX_BYTES = UPLOAD_MAX_BYTES + 2 * 1024 * 1024
# An Office file (docx/xlsx) is a zip: refused when its parts would inflate past this (zip bombs).
UPLOAD_MAX_INFLATED_BYTES = env.int("UPLOAD_MAX_INFLATED_MB", default=100) * 1024 * 1024
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="")  # absolute links in PDFs, QR codes, e-mails (local: 127.0.0.1)
