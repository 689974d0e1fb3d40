"""Settings of the cluster bench (bench/cluster.py): the demo's settings (demo accounts, test keys) behind nginx.

Two differences, both about this bench's machine, not the portal: static files are collected without the manifest's
post-processing (2 s instead of minutes on a busy 2-core machine; nginx serves them either way), and the portal
reads HTTPS from nginx's X-Forwarded-Proto as production does (settings/production.py), so CSRF's HTTPS checks run.
"""

from haiphong_thidua.settings.local import *  # noqa: F401,F403
from haiphong_thidua.settings.local import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
