"""Search on the embedded SQLite database (FTS5 with Snowball Swedish stemming).

Run by tests/test_opendata_search_sqlite.py in a subprocess with DATABASE_URL unset, so it is part
of the normal PostgreSQL suite; skipped when collected under any other database.
"""

from __future__ import annotations

import pytest
from django.db import connection

from opendata.search import index
from tests.opendata_world import build_world
from tests.search_checks import check_bad_input, check_search_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(ministry):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only (run through tests/test_opendata_search_sqlite.py)")
    world = build_world(ministry)
    index.rebuild()
    return world


def test_search_behaviour_on_sqlite(anonymous, world):
    check_search_world(anonymous, world)


def test_bad_input_on_sqlite(anonymous, world):
    check_bad_input(anonymous)
