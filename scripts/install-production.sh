#!/usr/bin/env bash
# A production installation: the runtime's system libraries and the Python packages of requirements/runtime.txt
# (every package pinned with its hashes). No test tools, no browser, no front-end download at run time: the
# front-end libraries come from the npm registry into static/vendor at build time (scripts/assets.sh) and are
# collected with collectstatic. See docs/operations.md for the services it needs (.env.example lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
  fonts-liberation2 fonts-dejavu-core gettext poppler-utils python3-venv nodejs npm \
  postgresql-client  # pg_dump/pg_restore of the backups: at least the server's major version (docs/operations.md)
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q --require-hashes -r requirements/runtime.txt
bash scripts/assets.sh
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
echo "Installed. Set the variables of .env.example, then: DJANGO_SETTINGS_MODULE=haiphong_thidua.settings.production"
echo "  .venv/bin/python manage.py migrate && .venv/bin/python manage.py collectstatic --noinput"
