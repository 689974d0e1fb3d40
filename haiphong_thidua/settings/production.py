"""Production settings: safe defaults; secrets and services must come from the environment.

Use with ``DJANGO_SETTINGS_MODULE=haiphong_thidua.settings.production``. Start-up stops with one line naming each
variable that is missing (``REQUIRED``): there is no embedded database, file broker, per-process cache or console
mail here — those exist only in the local/demo settings. ``manage.py check --deploy`` is clean with these settings.
Every variable is listed with its meaning in ``.env.example``.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env

# What production cannot run without, with what each is for (the message names the variable).
REQUIRED = {
    "SECRET_KEY": "the key that signs sessions and tokens",
    "ALLOWED_HOSTS": "the portal's host names",
    "DATABASE_URL": "the PostgreSQL server (postgres://user:password@host:5432/name)",
    "REDIS_URL": "the Redis server of the Celery broker and the shared cache (or both CELERY_BROKER_URL and "
                 "CACHE_URL)",
    "EMAIL_URL": "the mail server (smtp+tls://user:password@host:587)",
    "PORTAL_BASE_URL": "the public https:// address in certificates' QR codes, PDFs and e-mails",
    "MEDIA_ROOT": "where uploaded and generated files are stored: a folder every web and worker node shares, or "
                  "instead an S3-compatible bucket (S3_BUCKET with S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, "
                  "S3_SECRET_ACCESS_KEY)",
}
# With S3_BUCKET set, the files are in the bucket (settings/storage.py) and these say where and as whom.
S3_REQUIRED = {
    "S3_ENDPOINT_URL": "the S3-compatible service's address (https://s3.example.internal)",
    "S3_ACCESS_KEY_ID": "the portal's access key to the bucket",
    "S3_SECRET_ACCESS_KEY": "the secret of that key",
}


def _missing() -> list[str]:
    missing = [name for name in REQUIRED if not env.str(name, default="")]
    if "REDIS_URL" in missing and env.str("CELERY_BROKER_URL", default="") and env.str("CACHE_URL", default=""):
        missing.remove("REDIS_URL")
    if env.str("S3_BUCKET", default=""):
        missing = [name for name in missing if name != "MEDIA_ROOT"]
        missing += [name for name in S3_REQUIRED if not env.str(name, default="")]
    return missing


_MISSING = _missing()
if _MISSING:
    raise ImproperlyConfigured("Production settings need " + "; ".join(
        f"{name} ({REQUIRED.get(name) or S3_REQUIRED[name]})" for name in _MISSING) + ". See .env.example.")
if not env.str("PORTAL_BASE_URL").startswith("https://"):
    raise ImproperlyConfigured("PORTAL_BASE_URL must be the portal's https:// address.")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DEMO_ACCOUNTS_ALLOWED = False

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 8 * 60 * 60
