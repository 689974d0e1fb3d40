"""Test settings: local settings plus what makes tests fast and self-contained."""

from .local import *  # noqa: F401,F403
from .local import STORAGES

# The live test server serves static files through staticfiles finders, which know
# no hashed names; scripts/test.sh still runs collectstatic with the manifest storage.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True  # side effects run in-process; tests of the real worker switch it off
# Eager signing tasks run in the test process (tests/documents/test_signing_host.py turns it off for the web).
SIGNING_HOST = True

# With the file broker (no Redis configured), each test process gets its own folders:
# kombu rewrites its exchange files in place, so two processes sharing them can read a half-written file.
if CELERY_BROKER_URL.startswith("filesystem://"):  # noqa: F405
    import os
    import tempfile
    from pathlib import Path

    _broker = Path(tempfile.gettempdir()) / f"hptd-test-broker-{os.getpid()}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
        "data_folder_in": str(_broker / "queue"), "data_folder_out": str(_broker / "queue"),
        "processed_folder": str(_broker / "processed"), "control_folder": str(_broker / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "processed", "control"):
        (_broker / _folder).mkdir(parents=True, exist_ok=True)
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405  (live-server threads must not keep connections open)

# Each test process keeps its own fragment cache and database sessions: xdist workers must not share
# cached pages through Redis (their databases differ, their data versions may coincide).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-default"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-fragments"},
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
