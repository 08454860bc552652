"""State changes of a ``Compilation`` row. Views and tasks call these; nothing else sets a status.

A compilation's row is the source of truth for its progress (DESIGN §5): the worker updates
``heartbeat_at`` as it goes, and ``sweep_stale`` re-queues (or fails) rows whose worker died, so a
killed worker never leaves a compilation "running" forever, whatever the broker does.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from remiss.models import Compilation, CompilationStatus, Remiss

from . import conf
from .data import normalise_params

ACTIVE = (CompilationStatus.QUEUED, CompilationStatus.RUNNING)


class CompilationError(Exception):
    """A refused state change; the message is Swedish and shown to the user."""


def _enqueue(compilation_id: int) -> None:
    from remiss.tasks.compilations import run_compilation

    transaction.on_commit(lambda: run_compilation.delay(compilation_id))


@transaction.atomic
def start_compilation(*, remiss: Remiss, params: dict, by, request=None) -> Compilation:
    compilation = Compilation.objects.create(
        remiss=remiss, created_by=by, params=normalise_params(params), step=_("Väntar på att starta")
    )
    audit.record(
        "compilation.started",
        actor=by,
        organisation=remiss.ministry,
        obj=compilation,
        data={"params": compilation.params},
        request=request,
    )
    _enqueue(compilation.pk)
    return compilation


@transaction.atomic
def cancel_compilation(*, compilation: Compilation, by, request=None) -> Compilation:
    compilation = Compilation.objects.select_for_update().get(pk=compilation.pk)
    if compilation.status not in ACTIVE:
        raise CompilationError(_("Sammanställningen kan inte avbrytas eftersom den inte pågår."))
    compilation.status = CompilationStatus.CANCELLED
    compilation.step = _("Avbruten")
    compilation.finished_at = timezone.now()
    compilation.save(update_fields=["status", "step", "finished_at"])
    audit.record(
        "compilation.cancelled", actor=by, organisation=compilation.remiss.ministry, obj=compilation, request=request
    )
    return compilation


@transaction.atomic
def retry_compilation(*, compilation: Compilation, by, request=None) -> Compilation:
    compilation = Compilation.objects.select_for_update().get(pk=compilation.pk)
    if compilation.status not in (CompilationStatus.FAILED, CompilationStatus.CANCELLED):
        raise CompilationError(_("Bara en misslyckad eller avbruten sammanställning kan startas om."))
    compilation.status = CompilationStatus.QUEUED
    compilation.step = _("Väntar på att starta")
    compilation.progress = 0
    compilation.error = ""
    compilation.attempts = 0
    compilation.heartbeat_at = None
    compilation.finished_at = None
    compilation.save()
    audit.record(
        "compilation.retried", actor=by, organisation=compilation.remiss.ministry, obj=compilation, request=request
    )
    _enqueue(compilation.pk)
    return compilation


@transaction.atomic
def begin_attempt(*, compilation_id: int) -> int | None:
    """Claim the row for a new run. Returns the attempt number, or None if there is nothing to do."""
    compilation = Compilation.objects.select_for_update().filter(pk=compilation_id).first()
    if compilation is None or compilation.status not in ACTIVE:
        return None
    now = timezone.now()
    compilation.status = CompilationStatus.RUNNING
    compilation.attempts += 1
    compilation.started_at = compilation.started_at or now
    compilation.heartbeat_at = now
    compilation.step = _("Samlar in svaren")
    compilation.progress = 2
    compilation.save()
    return compilation.attempts


def _current(compilation_id: int, attempt: int):
    return Compilation.objects.filter(pk=compilation_id, attempts=attempt, status=CompilationStatus.RUNNING)


def is_current(*, compilation_id: int, attempt: int) -> bool:
    return _current(compilation_id, attempt).exists()


def record_progress(
    *, compilation_id: int, attempt: int, step: str | None = None, progress: int | None = None, add: int = 0
) -> bool:
    """Heartbeat (+ step/progress). False when this attempt is no longer the running one: stop then."""
    values: dict = {"heartbeat_at": timezone.now()}
    if step is not None:
        values["step"] = step
    if progress is not None:
        values["progress"] = progress
    elif add:
        values["progress"] = Least(F("progress") + add, 90)
    return bool(_current(compilation_id, attempt).update(**values))


@transaction.atomic
def complete(
    *, compilation_id: int, attempt: int, pdf: str, xlsx: str, csv: str, pages: int, included: list[int]
) -> bool:
    compilation = _current(compilation_id, attempt).select_for_update().first()
    if compilation is None:
        return False
    compilation.pdf.name, compilation.xlsx.name, compilation.csv.name = pdf, xlsx, csv
    compilation.page_count = pages
    compilation.status = CompilationStatus.DONE
    compilation.step = _("Klar")
    compilation.progress = 100
    compilation.error = ""
    compilation.finished_at = compilation.heartbeat_at = timezone.now()
    compilation.save()
    compilation.included.set(included)
    return True


@transaction.atomic
def mark_failed(*, compilation_id: int, message: str, attempt: int | None = None) -> bool:
    qs = Compilation.objects.filter(pk=compilation_id, status__in=ACTIVE)
    if attempt is not None:
        qs = qs.filter(attempts=attempt)
    return bool(
        qs.update(status=CompilationStatus.FAILED, error=message, step=_("Misslyckades"), finished_at=timezone.now())
    )


def sweep_stale(*, now: dt.datetime | None = None) -> dict[str, list[int]]:
    """Re-queue compilations whose worker stopped sending heartbeats, or fail them after the last try."""
    now = now or timezone.now()
    limit = now - dt.timedelta(seconds=conf.stale_seconds())
    result: dict[str, list[int]] = {"requeued": [], "failed": []}
    stale = (
        Compilation.objects.filter(status__in=ACTIVE)
        .annotate(seen=Coalesce("heartbeat_at", "created_at"))
        .filter(Q(seen__lt=limit))
        .values_list("pk", flat=True)
    )
    for pk in list(stale):
        with transaction.atomic():
            row = Compilation.objects.select_for_update().filter(pk=pk, status__in=ACTIVE).first()
            if row is None or (row.heartbeat_at or row.created_at) >= limit:
                continue
            if row.attempts >= conf.max_attempts():
                row.status = CompilationStatus.FAILED
                row.step = _("Misslyckades")
                row.error = _(
                    "Sammanställningen stannade och gav inget livstecken, trots %(n)s försök. "
                    "Försök igen, och kontakta support om det upprepas."
                ) % {"n": row.attempts}
                row.finished_at = now
                row.save()
                result["failed"].append(pk)
            else:
                row.status = CompilationStatus.QUEUED
                row.step = _("Startas om efter avbrott")
                row.heartbeat_at = now
                row.save()
                _enqueue(pk)
                result["requeued"].append(pk)
    return result
