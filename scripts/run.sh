#!/usr/bin/env bash
# Install, migrate, load the directive's data and demo accounts, then run the
# web server, a Celery worker and Celery beat until Ctrl-C.
#   HPTD_BIND   address to listen on (default 127.0.0.1:8000)
#   DATABASE_URL / REDIS_URL  optional: default is embedded PostgreSQL and a file broker
#   DEBUG=true  developer mode (Django's debug pages); the default shows the portal's own error pages
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-haiphong_thidua.settings.local}
PY=.venv/bin/python
BIND=${HPTD_BIND:-127.0.0.1:8000}
mkdir -p var/log

echo "==> Database: migrate, seed the directive, demo accounts"
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_directive
$PY manage.py create_demo_accounts
$PY manage.py create_test_pki
$PY manage.py collectstatic --noinput -v 0

pids=()
cleanup() {
  echo; echo "==> Stopping web, worker and beat"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# /metrics adds up the counters of every process (gunicorn's workers, the Celery worker): docs/operations.md
export PROMETHEUS_MULTIPROC_DIR=${PROMETHEUS_MULTIPROC_DIR:-$PWD/var/prometheus}
mkdir -p "$PROMETHEUS_MULTIPROC_DIR" && find "$PROMETHEUS_MULTIPROC_DIR" -maxdepth 1 -name '*.db' -delete
.venv/bin/gunicorn haiphong_thidua.wsgi --bind "$BIND" --workers 2 --threads 4 \
  --access-logfile var/log/web-access.log --error-logfile var/log/web.log & pids+=($!)
.venv/bin/celery -A haiphong_thidua worker --loglevel INFO --concurrency 2 >var/log/worker.log 2>&1 & pids+=($!)
.venv/bin/celery -A haiphong_thidua beat --loglevel INFO --pidfile= >var/log/beat.log 2>&1 & pids+=($!)

for _ in $(seq 1 30); do
  curl -fsS "http://$BIND/healthz" >/dev/null 2>&1 && break
  sleep 1
done
cat <<MSG

  Cổng thi đua - khen thưởng Hải Phòng is running: http://$BIND/
  Health: http://$BIND/healthz    Admin: http://$BIND/admin/
  Demo accounts (password ThiDua@2023):
    demo_staff    cán bộ Sở Kế hoạch và Đầu tư      demo_staff_b  cán bộ Quận Lê Chân
    demo_officer  chuyên viên Ban TĐKT              demo_council  thành viên Hội đồng TĐKT
    demo_leader   lãnh đạo UBND thành phố           demo_admin    quản trị viên
  Logs: var/log/  ·  Stop with Ctrl-C.

MSG
wait -n "${pids[@]}"
