"""Production settings: safe defaults; secrets must come from the environment.

Use with ``DJANGO_SETTINGS_MODULE=haiphong_thidua.settings.production``.
``manage.py check --deploy`` is clean with these settings.
"""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")  # required: no default in production
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
