"""The embedded broker (`make run` without REDIS_URL): racing publishers and a real worker.

kombu's filesystem transport once lost a message and crashed the worker when a reader found a
message file before its writer had filled it. The SQLite-file transport
writes and takes each message in a transaction; these tests race it and feed it a broken row.
"""

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support import ROOT, start_worker, stop_worker

pytestmark = [pytest.mark.worker]

PUBLISHERS = 4
PER_PUBLISHER = 40

PUBLISH = """
import sys
from config.celery import app
start = int(sys.argv[1])
for value in range(start, start + int(sys.argv[2])):
    print(app.send_task("remiss.ping", args=[value]).id, value, flush=True)
"""

COLLECT = """
import sys
from config.celery import app
for line in sys.stdin:
    task_id, value = line.split()
    print(value, app.AsyncResult(task_id).get(timeout=120)["value"], flush=True)
"""


def embedded_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    for key in ("DATABASE_URL", "REDIS_URL", "TEST_REDIS_URL"):
        env.pop(key, None)
    env.update(DEBUG="1", REMISS_VAR_DIR=str(var_dir), CELERY_TASK_QUEUE="embedded-race")
    return env


def python(env, code, *args, stdin=None, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_racing_publishers_and_a_worker_lose_nothing_and_run_each_task_once(tmp_path):
    env = embedded_env(tmp_path)
    # No pool-child recycling during the race (settings: 50 tasks per child): billiard can leave a
    # task handed to a child that is being replaced reserved until the worker restarts (celery#1310
    # and kin; acks_late restores it then, and the render sweep re-sends a render queued for 10
    # minutes). This test is about the broker, not about that.
    worker = start_worker(env, "--concurrency=2", "--max-tasks-per-child=100000")
    try:
        publishers = [
            subprocess.Popen(
                [sys.executable, "-c", PUBLISH, str(n * 1000), str(PER_PUBLISHER)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(PUBLISHERS)
        ]
        sent = []
        for proc in publishers:
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, err
            sent += out.splitlines()
        assert len(sent) == PUBLISHERS * PER_PUBLISHER
        collected = python(env, COLLECT, stdin="\n".join(sent) + "\n")
        assert collected.returncode == 0, collected.stderr
        assert worker.poll() is None, "the worker died"
    finally:
        stop_worker(worker)
    results = dict(line.split() for line in collected.stdout.splitlines())
    assert {int(v) * 2 for v in results} == {int(r) for r in results.values()}
    assert len(results) == len(sent)
    log = (tmp_path / "worker.log").read_text()
    done = re.findall(r"Task remiss\.ping\[([0-9a-f-]+)\] succeeded", log)
    assert sorted(done) == sorted(line.split()[0] for line in sent)  # each exactly once
    assert "Traceback" not in log


def test_an_empty_or_broken_message_is_dropped_and_the_worker_keeps_consuming(tmp_path):
    env = embedded_env(tmp_path)
    first = python(env, PUBLISH, 1, 1)  # creates the broker file and the queue
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(tmp_path / "celery" / "broker.sqlite3") as db:
        (queue_id,) = db.execute("SELECT id FROM kombu_queue WHERE name = 'embedded-race'").fetchone()
        for payload in ("", "{not json", "null"):
            db.execute(
                "INSERT INTO kombu_message (queue_id, visible, timestamp, payload, version) VALUES (?, 1, ?, ?, 1)",
                (queue_id, "2000-01-01 00:00:00", payload),
            )
    worker = start_worker(env)
    try:
        after = python(env, PUBLISH, 7, 1)
        assert after.returncode == 0, after.stderr
        collected = python(env, COLLECT, stdin=first.stdout + after.stdout)
        assert collected.returncode == 0, collected.stderr + (tmp_path / "worker.log").read_text()
        time.sleep(1)
        assert worker.poll() is None, "the worker died"
    finally:
        stop_worker(worker)
    assert collected.stdout.split() == ["1", "2", "7", "14"]
    assert "broken message" in (tmp_path / "worker.log").read_text()
