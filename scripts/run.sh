#!/usr/bin/env bash
# Start Remiss on the embedded default (or DATABASE_URL / REDIS_URL): migrate, load demo data,
# then run and watch four processes, each in its own process group:
#   web      Django's server on 127.0.0.1:$PORT
#   worker   Celery worker for renders, compilations and mail (at lower CPU priority: nice)
#   sweeper  Celery worker for the sweep queue only, so sweeps never wait behind renders
#   beat     Celery beat (the periodic sweeps and reminders)
# A worker, sweeper or beat that dies is started again (a line on the terminal and in
# var/log/run.log); if the web server dies, everything stops. Ctrl-C, SIGTERM or SIGHUP (to this
# script or its process group) stops all four: TERM, up to $STOP_GRACE seconds, then KILL.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
unset PYTHONDONTWRITEBYTECODE  # six Python processes start here: compile the project once, not in each
CELERY=.venv/bin/celery
export DEBUG="${DEBUG:-1}"
export PORT="${PORT:-8000}"  # settings.SITE_URL follows it
STOP_GRACE="${STOP_GRACE:-10}"       # seconds between TERM and KILL when stopping
WORKER_NICE="${WORKER_NICE:-10}"     # the web answers first when renders fill the CPU
DEMO="${DEMO:-1}"                    # DEMO=0: no demo data, no demo logins (an empty service)
VAR="${REMISS_VAR_DIR:-var}"
QUEUE="${CELERY_TASK_QUEUE:-remiss}"
mkdir -p "$VAR/log" "$VAR/mail" "$VAR/celery"
LOG="$VAR/log/run.log"

say() { echo "[run.sh $(date '+%Y-%m-%d %H:%M:%S')] $*" | tee -a "$LOG"; }

# PDFs need Pango and a font, and render several times slower without HarfBuzz's subsetter: say so
# at once instead of in the first failed render.
scripts/check-system-packages run || say "Starting anyway: answer PDFs and sammanställningar fail or are slow until then."

# migrate, cache table, demo data, search index, static files (remiss/management/commands/prepare.py)
if [ "$DEMO" != 0 ]; then $PY manage.py prepare --demo; else $PY manage.py prepare; fi

declare -A cmd pid started quick
export CELERY_SKIP_CHECKS=1  # Django's system checks ran in migrate and run in the web: not again per worker
cmd[web]="$PY manage.py runserver 127.0.0.1:${PORT} --noreload"
cmd[worker]="nice -n $WORKER_NICE $CELERY -A config worker --loglevel=INFO --concurrency=2 -Q $QUEUE -n worker@%h"
cmd[sweeper]="$CELERY -A config worker --loglevel=INFO --pool=solo -Q $QUEUE-sweep -n sweeper@%h"
cmd[beat]="$CELERY -A config beat --loglevel=INFO --schedule=$VAR/celery/beat-schedule"

start() {  # setsid: own process group, so stopping can signal the Celery pool children too
  # shellcheck disable=SC2086  # the commands are word lists
  setsid ${cmd[$1]} >>"$VAR/log/$1.log" 2>&1 </dev/null &
  pid[$1]=$!
  started[$1]=$SECONDS
}

stopping=0
stop_all() {
  trap - INT TERM HUP
  stopping=1
  say "Stopping Remiss..."
  local name alive
  # TERM to each leader only: a Celery worker then stops its own pool (TERM to the whole group killed
  # the pool children under it, and its warm shutdown waited for them until the KILL).
  for name in "${!pid[@]}"; do kill -TERM "${pid[$name]}" 2>/dev/null || true; done
  for _ in $(seq 1 $((STOP_GRACE * 5))); do
    alive=0
    for name in "${!pid[@]}"; do kill -0 -- "-${pid[$name]}" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for name in "${!pid[@]}"; do
    if kill -0 -- "-${pid[$name]}" 2>/dev/null; then
      say "$name did not stop within ${STOP_GRACE} s: killed"
      kill -KILL -- "-${pid[$name]}" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  say "Stopped."
  exit 0
}
trap stop_all INT TERM HUP

for name in web worker sweeper beat; do start "$name"; done
for _ in $(seq 1 50); do
  if $PY -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:${PORT}/', timeout=1)" 2>/dev/null; then break; fi
  sleep 0.2
done
cat <<MSG

  Remiss runs at http://127.0.0.1:${PORT}/   (logs in $VAR/log/: web, worker, sweeper, beat, run)
  E-mail is written to $VAR/mail/.  Press Ctrl-C to stop.

MSG
if [ "$DEMO" != 0 ]; then $PY manage.py load_demo --print-logins; fi
say "Started web (pid ${pid[web]}), worker (${pid[worker]}), sweeper (${pid[sweeper]}), beat (${pid[beat]})."

while :; do
  sleep 1 &
  wait $! || true  # a signal runs the trap at once
  for name in web worker sweeper beat; do
    kill -0 "${pid[$name]}" 2>/dev/null && continue
    rc=0
    wait "${pid[$name]}" 2>/dev/null || rc=$?
    kill -KILL -- "-${pid[$name]}" 2>/dev/null || true  # pool children left behind by a killed worker
    if [ "$name" = web ]; then
      say "The web server stopped (exit $rc); see $VAR/log/web.log. Stopping everything."
      stop_all
    fi
    uptime=$((SECONDS - started[$name]))
    # Dying again and again at start: do not spin (the first quick death restarts at once).
    if [ $uptime -lt 10 ]; then quick[$name]=$((${quick[$name]:-0} + 1)); else quick[$name]=0; fi
    delay=1
    [ "${quick[$name]}" -ge 2 ] && delay=5
    say "$name stopped (exit $rc) after ${uptime} s; starting it again in ${delay} s (see $VAR/log/$name.log)."
    sleep "$delay" &
    wait $! || true
    start "$name"
    say "$name started again (pid ${pid[$name]})."
  done
done
