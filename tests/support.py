"""Real processes for tests: a Celery worker subprocess and a headless Chromium (Playwright)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
CHROMIUM = "/usr/bin/chromium"

__all__ = ["worker_env", "start_worker", "celery_worker", "browser", "page", "axe_violations", "login"]


def worker_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for a worker that shares this test run's database, broker, queue and files."""
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION" and not k.startswith("PYTEST_")}
    db = connection.settings_dict
    if db["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    env.update(
        DEBUG="1",
        REMISS_VAR_DIR=str(var_dir),
        CELERY_TASK_QUEUE=settings.CELERY_TASK_DEFAULT_QUEUE,
        REDIS_URL=settings.REDIS_URL,
        **extra,
    )
    return env


def start_worker(env: dict[str, str], *extra_args: str, new_session: bool = False) -> subprocess.Popen:
    log = open(Path(env["REMISS_VAR_DIR"]) / "worker.log", "ab")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "remiss",
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            env["CELERY_TASK_QUEUE"],
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=new_session,
    )


def stop_worker(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def celery_worker(transactional_db, settings, tmp_path):
    """A real Celery worker process on this run's broker (Redis in CI) and test database.

    Media files are shared: the worker writes under tmp_path/var/media, which this test reads.
    Yields the Popen; the worker log is at tmp_path/var/worker.log.
    """
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (TEST_REDIS_URL) for the shared broker")
    var_dir = tmp_path / "var"
    var_dir.mkdir(exist_ok=True)
    settings.MEDIA_ROOT = var_dir / "media"
    proc = start_worker(worker_env(var_dir))
    from remiss.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if app.send_task("remiss.ping", args=[1]).get(timeout=5)["value"] == 2:
                break
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError((var_dir / "worker.log").read_text()) from None
    else:
        stop_worker(proc)
        raise RuntimeError("worker did not start: " + (var_dir / "worker.log").read_text()[-3000:])
    yield proc
    stop_worker(proc)


@pytest.fixture(scope="session")
def browser():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    p = context.new_page()
    p.set_default_timeout(15_000)
    p.csp_errors = []
    p.on("console", lambda msg: p.csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield p
    context.close()


def axe_violations(p) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the page and return its violations."""
    p.evaluate(AXE_JS)
    result = p.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]


def login(p, live_server, email: str, password: str) -> None:
    p.goto(f"{live_server.url}/konto/logga-in/")
    p.get_by_label("E-postadress").fill(email)
    p.get_by_label("Lösenord").fill(password)
    p.get_by_role("button", name="Logga in").last.click()
    p.wait_for_load_state()


# --- Workers in their own process group (compilation feature: SIGKILL tests) --------------------


def start_worker_group(env: dict[str, str], *extra_args: str) -> subprocess.Popen:
    """Like ``start_worker`` but in a new session, so ``os.killpg(proc.pid, SIGKILL)`` kills the worker
    and its pool children without touching pytest."""
    return start_worker(env, *extra_args, new_session=True)


def wait_for_worker(proc: subprocess.Popen, var_dir: Path, timeout: float = 60) -> None:
    from remiss.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((var_dir / "worker.log").read_text()[-3000:])
        try:
            if app.send_task("remiss.ping", args=[1]).get(timeout=5)["value"] == 2:
                return
        except Exception:
            continue
    raise RuntimeError("worker did not start: " + (var_dir / "worker.log").read_text()[-3000:])


__all__ += ["start_worker_group", "wait_for_worker"]


def queued(callbacks, task: str = "remiss.render_submission") -> list:
    """The first argument of every ``task`` queued among captured on-commit callbacks
    (``django_capture_on_commit_callbacks``; see ``remiss.jobs.Job``)."""
    from remiss.jobs import Job

    return [c.args[0] for c in callbacks if isinstance(c, Job) and c.name == task]
