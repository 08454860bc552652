"""Real Celery worker processes: on the local Redis, and on the embedded (no-server) broker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT, start_worker, stop_worker

pytestmark = [pytest.mark.worker]


@pytest.mark.django_db(transaction=True)
def test_task_result_comes_back_from_a_worker_on_redis(celery_worker):
    from django.db import connection

    from config.celery import app

    result = app.send_task("remiss.ping", args=[21]).get(timeout=30)
    assert result == {"value": 42, "database": connection.vendor}  # the worker uses this run's database
    assert app.conf.broker_url.startswith("redis://")


def test_task_result_comes_back_on_the_embedded_broker(tmp_path):
    """No DATABASE_URL, no REDIS_URL: SQLite and the SQLite-file broker, as `make run` uses them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    for key in ("DATABASE_URL", "REDIS_URL", "TEST_REDIS_URL"):
        env.pop(key, None)
    env.update(DEBUG="1", REMISS_VAR_DIR=str(tmp_path), CELERY_TASK_QUEUE="embedded-test")
    worker = start_worker(env)
    try:
        producer = subprocess.run(
            [
                sys.executable,
                "-c",
                "from config.celery import app; print(app.conf.broker_url); "
                "print(app.send_task('remiss.ping', args=[21]).get(timeout=60))",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
    finally:
        stop_worker(worker)
    log = (Path(tmp_path) / "worker.log").read_text()
    assert producer.returncode == 0, producer.stderr + log
    assert producer.stdout.splitlines()[0].startswith("remissdb+sqlite:///")
    assert "'value': 42" in producer.stdout and "'database': 'sqlite'" in producer.stdout


def test_celery_reliability_settings():
    from django.conf import settings

    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_TIME_LIMIT > settings.CELERY_TASK_SOFT_TIME_LIMIT
    if settings.REDIS_URL:
        assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] == settings.REDIS_VISIBILITY_TIMEOUT


def test_redis_visibility_timeout_exceeds_every_task_time_limit(db):  # Celery's Django fixup touches the database
    """Otherwise Redis hands a task that is still running to a second worker."""
    from django.conf import settings

    from config.celery import app

    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if name.startswith(("remiss.", "accounts."))}
    assert len(ours) >= 5
    for name, task in ours.items():
        limit = task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        assert limit < settings.REDIS_VISIBILITY_TIMEOUT, name
