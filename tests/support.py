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
# Debian's Chromium: its headless shell when installed (package chromium-headless-shell, the same engine
# without the desktop browser around it, which is what Playwright itself runs headless; a quarter less
# CPU over the browser tests), else the full browser.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM = str(HEADLESS_SHELL) if HEADLESS_SHELL.exists() else "/usr/bin/chromium"

__all__ = [
    "worker_env",
    "start_worker",
    "celery_worker",
    "browser",
    "page",
    "axe_violations",
    "login",
    "totp_device",
    "totp_code",
    "verify_second_factor",
]


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
        CELERY_SKIP_CHECKS="1",  # the system checks run in the suite; at each worker start they cost 0.5 s
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
            "config",
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
    """Celery's cold shutdown (SIGQUIT): a test is over, nothing is left to finish gracefully."""
    import signal

    proc.send_signal(signal.SIGQUIT)
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
    from config.celery import app

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
    # resultTypes: axe details only the violations (passes and the rest come back as one node each), and
    # only the violations cross back to Python: the map page's 290 areas took 5 s otherwise.
    return p.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })).violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target)}))"""
    )


# --- Second factor (accounts/mfa.py) --------------------------------------------------------------


def totp_device(user):
    """The user's confirmed authenticator app, created when missing (a known random key)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test", confirmed=True)


def totp_code(device) -> str:
    """A code the device accepts now: the current time step, or the next one when the current step was
    already used (a code works once), exactly as an authenticator app a few seconds ahead would show."""
    from django_otp.oath import hotp

    device.refresh_from_db()
    now = (int(time.time()) - device.t0) // device.step + device.drift
    step = max(now, device.last_t + 1)
    if step > now + device.tolerance:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.1)
        return totp_code(device)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"


def verify_second_factor(client, user) -> None:
    """Mark a signed-in test client's session as verified with the user's authenticator app, as after
    entering a code (what ``client_for`` does for every user)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()


def login(p, live_server, email: str, password: str, *, second_factor: bool = True) -> None:
    """Sign in through the browser. A user whose role requires a second factor gets an authenticator app
    (if they have none) and, with ``second_factor``, the code is entered on the verification page."""
    from accounts import mfa
    from accounts.models import User

    user = User.objects.filter(email=email).first()
    device = totp_device(user) if user is not None and mfa.role_requires_mfa(user) else None
    p.goto(f"{live_server.url}/konto/logga-in/")
    p.get_by_label("E-postadress").fill(email)
    p.get_by_label("Lösenord").fill(password)
    p.get_by_role("button", name="Logga in").last.click()
    p.wait_for_load_state()
    if second_factor and "/konto/tvastegsverifiering/kod/" in p.url:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = device or TOTPDevice.objects.get(user=user, confirmed=True)
        p.get_by_label("Kod").fill(totp_code(device))
        p.get_by_role("button", name="Verifiera").click()
        p.wait_for_load_state()


# --- Workers in their own process group (compilation feature: SIGKILL tests) --------------------


def start_worker_group(env: dict[str, str], *extra_args: str) -> subprocess.Popen:
    """Like ``start_worker`` but in a new session, so ``os.killpg(proc.pid, SIGKILL)`` kills the worker
    and its pool children without touching pytest."""
    return start_worker(env, *extra_args, new_session=True)


def wait_for_worker(proc: subprocess.Popen, var_dir: Path, timeout: float = 60) -> None:
    from config.celery import app

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
    (``django_capture_on_commit_callbacks``; see ``core.jobs.Job``)."""
    from core.jobs import Job

    return [c.args[0] for c in callbacks if isinstance(c, Job) and c.name == task]


# --- Production settings in a subprocess (test_security_settings, test_compose) ---------------------

PROD_KEY = "p" * 20 + "-production-secret-for-tests-" + "k" * 20


def manage(*args, **env):
    # The browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never would.
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST") and k not in dropped}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def run_compilation_task(compilation_id: int):
    """The task path, in this process: ``run_compilation`` renders inline when the result backend
    cannot count a chord (the fan-out over real workers is in test_compilation_worker.py)."""
    from django.test import override_settings

    from remiss.tasks.compilations import run_compilation

    with override_settings(CELERY_RESULT_BACKEND="cache+memory://"):
        return run_compilation(compilation_id)
