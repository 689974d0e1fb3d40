"""Test settings: local settings plus what makes tests fast and self-contained."""

from .local import *  # noqa: F401,F403
from .local import STORAGES

# The live test server serves static files through staticfiles finders, which know
# no hashed names; scripts/test.sh still runs collectstatic with the manifest storage.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True  # side effects run in-process; tests of the real worker switch it off
