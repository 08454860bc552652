"""`make run` (scripts/run.sh) as a supervisor: a dead worker or beat comes back while the web keeps
serving, and SIGTERM to the process group ends every process it started."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = [pytest.mark.worker]

PING = "from config.celery import app; print(app.send_task('remiss.ping', args=[21]).get(timeout=240)['value'])"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def processes_using(var_dir: Path) -> list[int]:
    """Pids of live processes whose environment names this run's var dir (all that run.sh started)."""
    mark = f"REMISS_VAR_DIR={var_dir}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


class WebWatcher(threading.Thread):
    """Requests the start page twice a second and records every failure."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.url = f"http://127.0.0.1:{port}/"
        self.failures: list[str] = []
        self.requests = 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            try:
                with urllib.request.urlopen(self.url, timeout=10) as response:
                    assert response.status == 200
            except Exception as exc:  # noqa: BLE001 (any failure counts)
                self.failures.append(repr(exc))
            self.requests += 1
            self.done.wait(0.5)


def test_run_script_restarts_a_killed_worker_and_beat_and_stops_everything_on_sigterm(tmp_path):
    var_dir = tmp_path / "var"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    for key in ("DATABASE_URL", "REDIS_URL", "TEST_REDIS_URL"):
        env.pop(key, None)
    env.update(
        DEBUG="1", REMISS_VAR_DIR=str(var_dir), PORT=str(port), STOP_GRACE="15", CELERY_TASK_QUEUE="run-test", DEMO="0"
    )
    run_log = var_dir / "log" / "run.log"
    log = (tmp_path / "run.out").open("wb")
    run = subprocess.Popen(
        ["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        wait_for(lambda: run_log.exists() and "Started web" in run_log.read_text(), 240, "run.sh to start")
        pids = dict(re.findall(r"(web|worker|sweeper|beat) \(?(?:pid )?(\d+)\)?", run_log.read_text()))
        worker_log = var_dir / "log" / "worker.log"
        wait_for(lambda: " ready." in worker_log.read_text(), 60, "the first worker to be ready")
        watcher = WebWatcher(port)
        watcher.start()

        os.killpg(int(pids["worker"]), signal.SIGKILL)  # the worker and its pool, as a crash would
        os.killpg(int(pids["beat"]), signal.SIGKILL)
        killed_at = time.monotonic()
        wait_for(lambda: run_log.read_text().count("started again") >= 2, 30, "the worker and beat to restart")
        remaining = 30 - (time.monotonic() - killed_at)
        wait_for(lambda: worker_log.read_text().count(" ready.") >= 2, remaining, "the new worker to be ready")
        # Without the demo (DEMO=0: the demo's load is tested on its own) nothing is queued ahead of the ping.
        ping = subprocess.run([sys.executable, "-c", PING], cwd=ROOT, env=env, capture_output=True, text=True)
        assert ping.stdout.strip() == "42", ping.stderr
        text = run_log.read_text()
        assert "worker stopped (exit 137)" in text and "beat stopped (exit 137)" in text
        assert "worker stopped" in (tmp_path / "run.out").read_text()  # on the terminal too
        watcher.done.set()
        watcher.join()
        assert watcher.requests >= 4 and watcher.failures == []

        started = processes_using(var_dir)
        assert len(started) >= 5  # run.sh, web, worker with its pool, sweeper, beat
        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=40)
        wait_for(lambda: not processes_using(var_dir), 5, "every process to end")
        assert "Stopped." in run_log.read_text()
        assert "did not stop" not in run_log.read_text()  # each stopped on TERM, none needed the KILL
    finally:
        for pid in processes_using(var_dir):
            os.kill(pid, signal.SIGKILL)
