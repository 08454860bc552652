"""No container engine runs here: check that docker-compose.yml and the Dockerfile describe commands this
project has, and that the image's static files work with the production settings it runs with."""

import importlib
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from tests.support import PROD_KEY, manage

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_production_shape():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "sweeper", "beat", "db", "redis"}
    for name in ("web", "worker", "sweeper", "beat"):
        env = services[name]["environment"]
        assert env["DEBUG"] == "0" and "SECRET_KEY" in env
        assert env["DATABASE_URL"].startswith("postgres://") and env["REDIS_URL"].startswith("redis://")


def test_each_app_command_exists_in_the_project():
    services = compose()["services"]
    web = services["web"]["command"]
    assert web[0] == "gunicorn" and importlib.util.find_spec("gunicorn")
    module, attr = web[1].split(":")
    assert getattr(importlib.import_module(module), attr)
    for name, kind in (("worker", "worker"), ("sweeper", "worker"), ("beat", "beat")):
        command = services[name]["command"]
        if command[0] == "nice":
            command = command[3:]
        assert command[:4] == ["celery", "-A", "config", kind], command
    from django.conf import settings

    assert services["worker"]["command"][:3] == ["nice", "-n", "10"]  # renders yield the CPU to the web
    assert services["worker"]["command"][-2:] == ["-Q", "remiss"]
    assert services["sweeper"]["command"][-4:-2] == ["-Q", "remiss-sweep"]
    sweeps = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert sweeps == {settings.REMISS_SWEEP_QUEUE}
    from config.celery import app

    assert app.main == "remiss"


def test_image_builds_static_files_for_the_settings_it_runs_with(tmp_path):
    """The Dockerfile's collectstatic must run with production settings: the running container reads a
    manifest that a DEBUG build does not write, and every page would be a 500."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    build = re.search(
        r"(DEBUG=\S+)\s+SECRET_KEY=(\S+)\s*\\?\s*(?:SITE_URL=\S+\s*\\?\s*)?python manage.py collectstatic", dockerfile
    )
    assert build and build.group(1) == "DEBUG=0", "collectstatic must run with DEBUG=0 in the Dockerfile"
    static_root = tmp_path / "static"
    env = {"STATIC_ROOT": str(static_root), "REMISS_VAR_DIR": str(tmp_path / "var"), "ALLOWED_HOSTS": "testserver"}
    site = re.search(r"SITE_URL=(\S+)\s*\\?\s*python manage.py collectstatic", dockerfile)
    assert site, "the Dockerfile's collectstatic needs a SITE_URL (production settings require one)"
    # Brotli is whitenoise's own business and 13 of this test's 15 s of CPU: the subprocess runs without
    # it (whitenoise then writes gzip only). What is checked here is the manifest production reads.
    no_brotli = tmp_path / "no-brotli"
    no_brotli.mkdir()
    (no_brotli / "brotli.py").write_text("raise ImportError('brotli is left out of this test')\n")
    collected = manage(
        "collectstatic",
        "--noinput",
        "-v0",
        DEBUG="0",
        SECRET_KEY=build.group(2),
        SITE_URL=site.group(1),
        PYTHONPATH=str(no_brotli),
        **env,
    )
    assert collected.returncode == 0, collected.stderr
    assert (static_root / "staticfiles.json").exists() and any(static_root.rglob("*.css.gz"))
    page = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.test import Client; r = Client().get('/konto/logga-in/', secure=True);"
        "print(r.status_code); print(r.content.decode())",
        DEBUG="0",
        SECRET_KEY=PROD_KEY,
        SITE_URL="https://remiss.example.se",
        SECURE_SSL_REDIRECT="0",
        **env,
    )
    assert page.returncode == 0, page.stderr
    status, _, html = page.stdout.partition("\n")
    assert status.strip() == "200", page.stdout[-2000:] + page.stderr[-2000:]
    assert re.search(r'href="/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]{12}\.css"', html)
