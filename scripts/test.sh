#!/usr/bin/env bash
# Run the whole suite. Uses the real PostgreSQL and Redis on 127.0.0.1 when they answer
# (CI always has them), and says which database ran.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
scripts/check-system-packages test || exit 1
port_open() { $PY -c "import socket,sys; s=socket.socket(); s.settimeout(1); sys.exit(s.connect_ex(('127.0.0.1', $1)))"; }
if [ -z "${DATABASE_URL:-}" ] && port_open 5432; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
fi
if [ -z "${REDIS_URL:-}" ] && port_open 6379; then
  export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
fi
echo "Test database: ${DATABASE_URL:-SQLite (embedded)}"
# Bytecode is cached, even where the environment says not to (PYTHONDONTWRITEBYTECODE, as in this
# project's CI): the suite starts some hundred Python processes (xdist workers, Celery workers,
# manage.py), and each compiled the project from source, about a second of CPU apiece. pytest's
# rewritten test modules are cached the same way.
unset PYTHONDONTWRITEBYTECODE
$PY -m compileall -q -j 0 config core remiss accounts notifications opendata tests manage.py >/dev/null
# The whole suite runs on pytest-xdist processes: two per core, since the slow tests mostly
# wait (on a worker, a browser, a subprocess). Work stealing: a process that runs out takes tests
# from the others, so the run does not end on one process finishing a long queue (about 20 s of a
# half-idle machine with xdist's default split). TEST_PROCESSES=0 runs it in this process;
# arguments (a file, -k …) run in this process too unless they say -n themselves.
if [ $# -eq 0 ]; then
  n="${TEST_PROCESSES:-$((2 * $(nproc)))}"
  [ "$n" != 0 ] && set -- -n "$n" --dist worksteal
fi
$PY -m pytest "$@"
rc=$?
[ $rc -eq 5 ] && { echo "No tests ran: that is a failure."; exit 1; }
exit $rc
