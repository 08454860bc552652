"""No container engine runs here: check that docker-compose.yml describes commands this project has."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compose_services() -> dict[str, list[str]]:
    """A tiny reader for our compose file: service name -> command list (JSON-style arrays)."""
    text = (ROOT / "docker-compose.yml").read_text()
    services, current = {}, None
    in_services = False
    for line in text.splitlines():
        if line.startswith("services:"):
            in_services = True
            continue
        if in_services and re.match(r"^\S", line):
            in_services = False
        if in_services and (m := re.match(r"^  (\w+):\s*$", line)):
            current = m.group(1)
            services[current] = []
        elif in_services and current and (m := re.match(r"^\s+command: \[(.*)\]\s*$", line)):
            services[current] = [part.strip().strip('"') for part in m.group(1).split(",")]
    return services


def test_compose_has_the_production_shape():
    services = compose_services()
    assert set(services) == {"web", "worker", "beat", "db", "redis"}


def test_each_app_command_exists_in_the_project():
    services = compose_services()
    web = services["web"]
    assert web[0] == "gunicorn" and importlib.util.find_spec("gunicorn")
    module, attr = web[1].split(":")
    assert getattr(importlib.import_module(module), attr)
    for name in ("worker", "beat"):
        command = services[name]
        assert command[:3] == ["celery", "-A", "remiss"], command
        assert command[3] == name
    from remiss.celery import app

    assert app.main == "remiss"
    assert (ROOT / "Dockerfile").exists()
