"""Demo data for `make run`, loaded from the data files in ``data/``. Every step is idempotent."""

from pathlib import Path

from django.conf import settings

DATA_DIR = Path(settings.BASE_DIR) / "data"
DEMO_PASSWORD = "remiss-demo-2026"


def load() -> list[str]:
    """Load everything; return log lines. Steps run in order and each may be re-run safely."""
    from . import answers, people, remisser

    lines: list[str] = []
    lines += people.load()
    lines += remisser.load()
    lines += answers.load()
    return lines
