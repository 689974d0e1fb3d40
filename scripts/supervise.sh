#!/usr/bin/env bash
# The supervised part of the one-command run (scripts/run.sh runs it after setup.sh): supervisord (Debian's
# `supervisor`) keeps the web server, the Celery worker and Celery beat running, and restarts any of them that
# crashes within seconds while the others keep serving; Ctrl-C (or SIGTERM) stops everything.
#
# Broker: without REDIS_URL / CELERY_BROKER_URL, a local redis-server (Debian's) under supervision too, on a unix
# socket under the data folder ($HPTD_VAR_DIR/run/redis.sock, append-only file in $HPTD_VAR_DIR/redis): broker and
# cache of the demo. A task whose worker is killed stays unacknowledged there and is delivered again after the
# visibility timeout (CELERY_VISIBILITY_TIMEOUT, 30 s here), to the restarted worker.
#   HPTD_VAR_DIR             data folder (default ./var)       HPTD_BIND        address (default 127.0.0.1:8000)
#   HPTD_WEB_WORKERS         gunicorn processes (default 2)    HPTD_WORKER_CONCURRENCY  Celery processes (default 2)
#   HPTD_SKIP_PREPARE=1      skip migrate/seed/collectstatic (the database is ready)
# The demo's one worker consumes every queue, signing included (SIGNING_HOST=true for it alone; the web never).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-haiphong_thidua.settings.local}
PY=$ROOT/.venv/bin/python
VAR=$(realpath -m "${HPTD_VAR_DIR:-$ROOT/var}")
export HPTD_VAR_DIR=$VAR
BIND=${HPTD_BIND:-127.0.0.1:8000}
mkdir -p "$VAR/log" "$VAR/run" "$VAR/redis"
CONF=$VAR/run/supervisord.conf
QUEUES=celery,reports,notices,imports,signing

local_redis=0
if [ -z "${REDIS_URL:-}" ] && [ -z "${CELERY_BROKER_URL:-}" ]; then
  local_redis=1
  SOCK=$VAR/run/redis.sock
  export CELERY_BROKER_URL="redis+socket://$SOCK" CACHE_URL="unix://$SOCK?db=1"
  export CELERY_VISIBILITY_TIMEOUT=${CELERY_VISIBILITY_TIMEOUT:-30}
fi

# /metrics adds up the counters of every process (gunicorn's workers, the Celery worker): docs/operations.md
export PROMETHEUS_MULTIPROC_DIR=${PROMETHEUS_MULTIPROC_DIR:-$VAR/prometheus}
mkdir -p "$PROMETHEUS_MULTIPROC_DIR" && find "$PROMETHEUS_MULTIPROC_DIR" -maxdepth 1 -name '*.db' -delete

cat >"$CONF" <<CONF
; Written by scripts/supervise.sh at each start; edit the script, not this file.
[unix_http_server]
file=$VAR/run/supervisor.sock
chmod=0700

[supervisord]
nodaemon=true
silent=true
logfile=$VAR/log/supervisord.log
pidfile=$VAR/run/supervisord.pid
childlogdir=$VAR/log

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://$VAR/run/supervisor.sock

[program:web]
command=$ROOT/.venv/bin/gunicorn haiphong_thidua.wsgi --bind $BIND --workers ${HPTD_WEB_WORKERS:-2} --threads 4
  --access-logfile $VAR/log/web-access.log
directory=$ROOT
environment=SIGNING_HOST="false"
autostart=false
autorestart=true
startsecs=2
startretries=1000
stopasgroup=true
killasgroup=true
stopwaitsecs=20
redirect_stderr=true
stdout_logfile=$VAR/log/web.log

[program:worker]
command=$ROOT/.venv/bin/celery -A haiphong_thidua worker -Q $QUEUES --concurrency ${HPTD_WORKER_CONCURRENCY:-2}
  --loglevel INFO --hostname demo@%%h
directory=$ROOT
environment=SIGNING_HOST="true"
autostart=false
autorestart=true
startsecs=2
startretries=1000
stopasgroup=true
killasgroup=true
stopwaitsecs=60
redirect_stderr=true
stdout_logfile=$VAR/log/worker.log

[program:beat]
; exactly one beat: a second one against the same database exits (PostgreSQL advisory lock, docs/operations.md)
command=$ROOT/.venv/bin/celery -A haiphong_thidua beat --loglevel INFO --pidfile=
directory=$ROOT
environment=SIGNING_HOST="false"
autostart=false
autorestart=true
startsecs=2
startretries=1000
stopasgroup=true
killasgroup=true
redirect_stderr=true
stdout_logfile=$VAR/log/beat.log
CONF
if [ "$local_redis" = 1 ]; then
  cat >>"$CONF" <<CONF

[program:redis]
command=/usr/bin/redis-server --port 0 --unixsocket $SOCK --unixsocketperm 700 --dir $VAR/redis
  --appendonly yes --appendfsync everysec --save ""
priority=10
autostart=true
autorestart=true
startsecs=1
redirect_stderr=true
stdout_logfile=$VAR/log/redis.log
CONF
fi

ctl() { supervisorctl -c "$CONF" "$@"; }
if ctl pid >/dev/null 2>&1; then
  echo "The portal already runs with the data folder $VAR (supervisorctl -c $CONF status)." >&2; exit 1
fi
rm -f "$VAR/run/supervisor.sock" "${SOCK-}"
SUPERVISORD=$(command -v supervisord || echo /usr/bin/supervisord)
# Its own session: Ctrl-C reaches this script, which stops supervisord, which stops the programs in order.
setsid "$SUPERVISORD" -c "$CONF" & SUPERVISOR_PID=$!
stop() {
  trap - INT TERM EXIT
  echo; echo "==> Stopping web, worker and beat"
  kill -TERM "$SUPERVISOR_PID" 2>/dev/null || true
  wait "$SUPERVISOR_PID" 2>/dev/null || true
  exit 0
}
trap stop INT TERM EXIT

for _ in $(seq 1 50); do [ -S "$VAR/run/supervisor.sock" ] && break; sleep 0.2; done
if [ "$local_redis" = 1 ]; then
  for _ in $(seq 1 50); do [ -S "$SOCK" ] && break; sleep 0.2; done
  [ -S "$SOCK" ] || { echo "redis-server did not start: see $VAR/log/redis.log" >&2; exit 1; }
fi

if [ "${HPTD_SKIP_PREPARE:-0}" != "1" ]; then
  echo "==> Database: migrate, seed the directive, demo accounts"
  $PY manage.py migrate --noinput -v 0
  $PY manage.py seed_directive
  $PY manage.py create_demo_accounts
  $PY manage.py create_test_pki
  $PY manage.py collectstatic --noinput -v 0
fi
ctl start web worker beat >/dev/null

for _ in $(seq 1 60); do
  curl -fsS "http://$BIND/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
cat <<MSG

  Cổng thi đua - khen thưởng Hải Phòng is running: http://$BIND/
  Health: http://$BIND/healthz    Admin: http://$BIND/admin/
  Demo accounts (password ThiDua@2023):
    demo_staff    cán bộ Sở Kế hoạch và Đầu tư      demo_staff_b  cán bộ Quận Lê Chân
    demo_officer  chuyên viên Ban TĐKT              demo_council  thành viên Hội đồng TĐKT
    demo_leader   lãnh đạo UBND thành phố           demo_admin    quản trị viên
  Processes (restarted if they crash): supervisorctl -c $CONF status
  Logs: $VAR/log/  ·  Stop with Ctrl-C.

MSG
wait "$SUPERVISOR_PID"
