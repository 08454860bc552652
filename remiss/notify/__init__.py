"""Telling people when it is their turn: one-line hooks for the workflow and services.

Each hook only schedules the Celery task ``remiss.notify`` once the transaction commits; the task
works out who is told (``events``), respects each person's choice (at once, daily digest, never) and
records every delivery (``delivery``). Nothing here can make a state change fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from core import jobs

_paused: ContextVar[bool] = ContextVar("notifications_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    """No notifications inside (the demo loader replays history nobody needs to be told about)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _later(event: str, object_id: int, actor_id: int | None = None, message: str = "") -> None:
    if _paused.get():
        return
    jobs.enqueue("remiss.notify", event, object_id, actor_id, message[:2000])  # the task, by name


def task_assigned(assignment) -> None:
    _later("task_assigned", assignment.pk, assignment.assigned_by_id)


def review_requested(response, by) -> None:
    _later("review_requested", response.pk, by.pk)


def changes_requested(response, by, message: str) -> None:
    _later("changes_requested", response.pk, by.pk, message)


def approved(response, by) -> None:
    _later("approved", response.pk, by.pk)


def compilation_ended(compilation_id: int) -> None:
    _later("compilation", compilation_id)
