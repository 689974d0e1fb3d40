#!/usr/bin/env bash
# Install, migrate, load the directive's data and demo accounts, then run the web server, a Celery worker and
# Celery beat under supervisord until Ctrl-C (scripts/supervise.sh: a crashed process is restarted in seconds).
#   HPTD_BIND   address to listen on (default 127.0.0.1:8000)
#   DATABASE_URL  optional: default is an embedded PostgreSQL
#   REDIS_URL     optional: default is a local redis-server on a unix socket under the data folder (broker, cache)
#   DEBUG=true  developer mode (Django's debug pages); the default shows the portal's own error pages
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec bash scripts/supervise.sh
