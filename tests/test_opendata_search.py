"""Search at /sok/ on PostgreSQL (the suite's database): Swedish stemming, ranking, filters,
visibility, bad input. The same behaviour on SQLite: tests/sqlite/test_search_sqlite.py."""

from __future__ import annotations

import pytest

from opendata.search import index
from remiss.models import Publication
from tests.opendata_world import build_world
from tests.search_checks import check_bad_input, check_search_world


@pytest.fixture
def world(db, ministry):
    world = build_world(ministry)
    index.rebuild()
    return world


def test_search_behaviour(anonymous, world):
    check_search_world(anonymous, world)


def test_bad_input_never_500(anonymous, world):
    check_bad_input(anonymous)


def test_index_follows_withholding_and_submission(anonymous, world, django_capture_on_commit_callbacks):
    assert "Huddinge kommun" in anonymous.get("/sok/", {"q": "verksamheten"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Publication.objects.create(submission=world.supporter, withheld=True, withheld_reason="Skäl")
    assert "Huddinge kommun" not in anonymous.get("/sok/", {"q": "verksamheten"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Publication.objects.filter(submission=world.supporter).delete()
    assert "Huddinge kommun" in anonymous.get("/sok/", {"q": "verksamheten"}).content.decode()


def test_rebuild_command(world, capsys):
    from django.core.management import call_command

    call_command("rebuild_search_index")
    assert "Search index rebuilt" in capsys.readouterr().out
