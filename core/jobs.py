"""Queue a Celery task by its registered name once the current transaction commits.

The workflow and the services start background work but sit below the task modules
(models → rules → services → tasks/views, checked by the layers contract in ``.importlinter``), so
they never import ``remiss.tasks``: they name the task. The task modules are found by Celery's own
autodiscovery (``app.autodiscover_tasks()`` in config/celery.py), so an eager test run
(``task_always_eager``) still runs the task in-process.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction


def _task(name: str):
    from celery import current_app as app  # the project's app (config/celery.py), whichever process this is

    if name not in app.tasks:
        app.loader.import_default_modules()  # Celery's autodiscovery: imports every app's tasks module
    return app.tasks[name]


def send(name: str, *args) -> None:
    """Send the task now (inside ``on_commit`` callbacks, or where no transaction is open)."""
    _task(name).delay(*args)


@dataclass(frozen=True)
class Job:
    """The on-commit callback that sends one task. Tests read ``name`` and ``args`` from the
    callbacks ``django_capture_on_commit_callbacks`` captures, instead of patching anything."""

    name: str
    args: tuple

    def __call__(self) -> None:
        send(self.name, *self.args)


def enqueue(name: str, *args) -> None:
    """Send the task after commit; ``robust``: if the broker is down the database row of the job
    stays pending and a beat sweeper re-queues it."""
    transaction.on_commit(Job(name, args), robust=True)
