#!/usr/bin/env bash
# Install everything the portal needs on Debian/Ubuntu with Python 3.11:
# system libraries (WeasyPrint, fonts, gettext, poppler, Chromium for browser tests),
# the virtualenv with pinned Python packages, front-end assets from the npm registry,
# and compiled translation catalogues. Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

SYSTEM_PACKAGES=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-liberation2 fonts-dejavu-core gettext poppler-utils curl chromium
  wrk  # load generator of bench/run.py
  supervisor redis-server  # the one-command run: supervisord restarts crashed processes; the demo's broker and cache
)
# Only for the test suite (tests/journeys/test_excel_libreoffice.py opens every Excel export in LibreOffice Calc):
# scripts/test.sh sets WITH_TEST_TOOLS=1; the portal itself does not need it.
# SoftHSM2 and OpenSC stand in for a PKCS#11 signing token in tests/documents/test_pkcs11.py.
# nginx: tests/haiphong_thidua/test_deploy.py runs `nginx -t` on deploy/nginx/hptd.conf and bench/cluster.py balances with it.
if [ "${WITH_TEST_TOOLS:-0}" = "1" ]; then SYSTEM_PACKAGES+=(libreoffice-calc-nogui softhsm2 opensc nginx); fi
missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node.js may come from another source (e.g. NodeSource, which bundles npm): only the commands matter.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# pg_dump/pg_restore for the backups against a PostgreSQL server (core/backup.py; the embedded server brings its own).
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv .venv"
  "$PYTHON" -m venv .venv
fi
# Python packages from the locks, every one pinned with its hashes (pip-tools; the inputs are requirements/*.in):
# the runtime always, the test suite's and .ci/run's tools only with WITH_TEST_TOOLS=1.
locks=(requirements/runtime.txt)
if [ "${WITH_TEST_TOOLS:-0}" = "1" ]; then locks+=(requirements/test.txt); fi
stamp=.venv/.requirements.sha256
want=$(cat "${locks[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> Installing Python packages (${locks[*]}, hashes checked)"
  args=()
  for lock in "${locks[@]}"; do args+=(-r "$lock"); done
  .venv/bin/pip install -q --require-hashes "${args[@]}"
  echo "$want" > "$stamp"
fi

assets_stamp=static/vendor/.lock.sha256
want=$(sha256sum package-lock.json scripts/assets.sh | sha256sum | cut -d' ' -f1)
if [ "$(cat "$assets_stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> Installing front-end assets (npm registry -> static/vendor)"
  bash scripts/assets.sh
  echo "$want" > "$assets_stamp"
fi

echo "==> Compiling translations"
(cd "$ROOT" && .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0)
