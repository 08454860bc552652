"""The SQLite search tests, run inside the PostgreSQL suite: a pytest subprocess without
DATABASE_URL uses the embedded SQLite default, as ``make run`` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

ROOT = Path(__file__).resolve().parent.parent


def test_search_on_sqlite(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_NAME")}
    env["REMISS_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/sqlite/test_search_sqlite.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "database: sqlite3" in result.stdout and "2 passed" in result.stdout
