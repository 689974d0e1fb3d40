#!/usr/bin/env bash
# The whole test suite, against PostgreSQL: the server in DATABASE_URL, or the
# embedded one when DATABASE_URL is unset. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_TEST_TOOLS=1 bash scripts/setup.sh
# Proves the production static build (hashed manifest) works; tests use pytest.ini's settings.
DJANGO_SETTINGS_MODULE=haiphong_thidua.settings.local .venv/bin/python manage.py collectstatic --noinput -v 0
unset DJANGO_SETTINGS_MODULE
exec .venv/bin/python -m pytest "$@"
