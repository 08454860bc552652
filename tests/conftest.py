"""Shared fixtures: the people of the specification and real processes.

- ``drafter`` … ``approver``: members of the respondent organisation ``org``
- ``outsider``: a drafter in another organisation
- ``staff``: ministry staff of ``ministry``; ``other_staff``: staff of another ministry
- ``anonymous``: a client that is not signed in
"""

from __future__ import annotations

import pytest
from django.db import connection

from tests import factories as f
from tests.support import *  # noqa: F401,F403  (worker and browser fixtures)
from tests.support import verify_second_factor


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return [f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"]


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _own_rate_limits(settings):
    """Each test counts requests per client from zero (the counters live in the shared cache)."""
    import uuid

    settings.RATE_LIMIT_NAMESPACE = uuid.uuid4().hex


@pytest.fixture(autouse=True)
def _plain_static(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def eager():
    """Run Celery tasks in-process, for unit tests that check what a task does (e.g. the mail it sends).
    End-to-end paths use a real worker instead (``celery_worker``)."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def org(db):
    return f.OrganisationFactory(name="Nacka kommun", code="0182")


@pytest.fixture
def other_org(db):
    return f.OrganisationFactory(name="Värmdö kommun", code="0120")


@pytest.fixture
def ministry(db):
    return f.MinistryFactory(name="Finansdepartementet")


@pytest.fixture
def other_ministry(db):
    return f.MinistryFactory(name="Socialdepartementet")


def _member(organisation, **roles):
    return f.MembershipFactory(organisation=organisation, **roles).user


@pytest.fixture
def drafter(org):
    return _member(org, is_drafter=True)


@pytest.fixture
def reviewer(org):
    return _member(org, is_reviewer=True)


@pytest.fixture
def approver(org):
    return _member(org, is_approver=True)


@pytest.fixture
def outsider(other_org):
    return _member(other_org, is_drafter=True, is_reviewer=True, is_approver=True)


@pytest.fixture
def staff(ministry):
    return _member(ministry, is_ministry_staff=True)


@pytest.fixture
def other_staff(other_ministry):
    return _member(other_ministry, is_ministry_staff=True)


@pytest.fixture
def client_for(client):
    """``client_for(user)`` returns a test client signed in as that user, second factor verified
    (``client_for(user, second_factor=False)``: signed in with the password only)."""
    from django.test import Client

    def make(user, *, second_factor=True):
        c = Client()
        c.force_login(user)
        if second_factor:
            verify_second_factor(c, user)
        return c

    return make


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def db_name():
    return connection.settings_dict["NAME"]


def pytest_collection_modifyitems(config, items):
    """The long tests first (real workers, browsers, demo loads, big renders), so that on xdist the
    many short ones fill in around them and the run does not end waiting on one long test. The order
    within each group is kept."""
    long = {"worker", "browser", "slow"}
    items.sort(key=lambda item: 0 if long & {mark.name for mark in item.iter_markers()} else 1)
