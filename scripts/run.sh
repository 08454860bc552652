#!/usr/bin/env bash
# Start Remiss on the embedded default (or DATABASE_URL / REDIS_URL): migrate, load demo data,
# then run the web server and a real Celery worker (with beat). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"
mkdir -p var/log var/mail

$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py load_demo
$PY manage.py rebuild_search_index -v0
$PY manage.py collectstatic --noinput -v0

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping Remiss..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap cleanup INT TERM EXIT

.venv/bin/celery -A remiss worker --beat --loglevel=INFO --concurrency=2 \
  --schedule="var/celery-beat-schedule" >var/log/worker.log 2>&1 &
pids+=($!)
$PY manage.py runserver "127.0.0.1:${PORT}" --noreload >var/log/web.log 2>&1 &
pids+=($!)

for _ in $(seq 1 50); do
  if $PY -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:${PORT}/', timeout=1)" 2>/dev/null; then break; fi
  sleep 0.2
done
cat <<MSG

  Remiss runs at http://127.0.0.1:${PORT}/   (web log: var/log/web.log, worker log: var/log/worker.log)
  E-mail is written to var/mail/.  Press Ctrl-C to stop.

MSG
$PY manage.py load_demo --print-logins
wait -n "${pids[@]}"
