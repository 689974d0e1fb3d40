"""Development, demo and test settings (the default of manage.py)."""

from .base import *  # noqa: F401,F403
from .base import CELERY_BROKER_DIR, CELERY_BROKER_URL, DATABASES, VAR_DIR, database, env, logging_config

# What the demo runs on when nothing is configured (production refuses to start instead, settings/production.py):
# an embedded PostgreSQL, kombu's filesystem broker, each process's memory as cache, mail on the console.
if not DATABASES:
    from utilities.embedded_db import embedded_database

    DATABASES = {"default": database(embedded_database(VAR_DIR, env.str("HPTD_EMBEDDED_DB_NAME",
                                                                        default="haiphong_thidua")))}
    DATABASE_IS_EMBEDDED = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "processed", "control"):
        (CELERY_BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
if "CACHES" not in globals():
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments",
                      "OPTIONS": {"MAX_ENTRIES": 2000}},
    }
if not env.str("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# The portal as the README's first command starts it shows the portal's own Vietnamese error pages, never
# Django's debug page with the site's URL list. Developer mode: DEBUG=true bash scripts/run.sh
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-local-development-key-not-for-production")
DEMO_ACCOUNTS_ALLOWED = True
REPORT_SIGNER_NAME = env.str("REPORT_SIGNER_NAME", default="Phạm Minh Đức")  # the demo Board officer
# The demo's officers sign in with their password alone; production requires the second factor (base.py).
# Try it here with MFA_REQUIRED=true bash scripts/run.sh (staff can opt in either way).
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=False)
# Readable log lines in the demo and development; LOG_FORMAT=json gives production's JSON lines.
LOG_FORMAT = env.str("LOG_FORMAT", default="console")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
