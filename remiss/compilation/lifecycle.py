"""State changes of a ``Compilation`` row. Views and tasks call these; nothing else sets a status.

A compilation's row is the source of truth for its progress: the worker updates
``heartbeat_at`` as it goes, and ``sweep_stale`` re-queues (or fails) rows whose worker died, so a
killed worker never leaves a compilation "running" forever, whatever the broker does.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from core import jobs
from core.errors import ApplicationError
from remiss import notify
from remiss.models import Compilation, CompilationStatus, Remiss

from . import conf
from .data import normalise_params

ACTIVE = (CompilationStatus.QUEUED, CompilationStatus.RUNNING)


class CompilationError(ApplicationError):
    """A refused state change; the message is Swedish and shown to the user."""


RUN_TASK = "remiss.compilation.run"  # remiss.tasks.compilations, queued by name (see core.jobs)


def _enqueue(compilation_id: int) -> None:
    jobs.enqueue(RUN_TASK, compilation_id)  # broker down: the sweep sends it


@transaction.atomic
def start_compilation(*, remiss: Remiss, params: dict, by, request=None) -> Compilation:
    compilation = Compilation.objects.create(
        remiss=remiss, created_by=by, params=normalise_params(params), step=_("Väntar på att starta"), sends=1
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
    """Start a failed or cancelled compilation again. ``attempts`` keeps counting (tasks of the earlier
    run stay stale); the per-run counters start over."""
    compilation = Compilation.objects.select_for_update().get(pk=compilation.pk)
    if compilation.status not in (CompilationStatus.FAILED, CompilationStatus.CANCELLED):
        raise CompilationError(_("Bara en misslyckad eller avbruten sammanställning kan startas om."))
    compilation.status = CompilationStatus.QUEUED
    compilation.step = _("Väntar på att starta")
    compilation.progress = 0
    compilation.chunks_total = compilation.chunks_done = 0
    compilation.error = ""
    compilation.run_attempts = 0
    compilation.sends = 1
    compilation.heartbeat_at = timezone.now()
    compilation.finished_at = None
    compilation.save()
    audit.record(
        "compilation.retried", actor=by, organisation=compilation.remiss.ministry, obj=compilation, request=request
    )
    _enqueue(compilation.pk)
    return compilation


def _stale_limit(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(seconds=conf.stale_seconds())


@transaction.atomic
def begin_attempt(*, compilation_id: int) -> int | None:
    """Claim the row for a new attempt. Returns the attempt number (the token every task of this
    attempt carries), or None if there is nothing to do: the row is finished, or another worker is
    running it and still sends heartbeats (a duplicate delivery), or its run used up its attempts."""
    compilation = Compilation.objects.select_for_update().filter(pk=compilation_id).first()
    if compilation is None or compilation.status not in ACTIVE:
        return None
    if compilation.status == CompilationStatus.RUNNING:
        seen = compilation.heartbeat_at or compilation.created_at
        if seen >= _stale_limit() or compilation.run_attempts >= conf.max_attempts():
            return None  # alive elsewhere; or dead for the last time, and the sweep fails it
    now = timezone.now()
    compilation.status = CompilationStatus.RUNNING
    compilation.attempts += 1
    compilation.run_attempts += 1
    compilation.started_at = compilation.started_at or now
    compilation.heartbeat_at = now
    compilation.step = _("Samlar in svaren")
    compilation.progress = 2
    compilation.chunks_total = compilation.chunks_done = 0
    compilation.save()
    return compilation.attempts


def _current(compilation_id: int, attempt: int):
    return Compilation.objects.filter(pk=compilation_id, attempts=attempt, status=CompilationStatus.RUNNING)


def is_current(*, compilation_id: int, attempt: int) -> bool:
    return _current(compilation_id, attempt).exists()


# Share of the progress bar for rendering chunks: 5 % before (gathering), 90 % after (merging).
RENDER_FROM, RENDER_TO = 5, 90


def record_progress(
    *,
    compilation_id: int,
    attempt: int,
    step: str | None = None,
    progress: int | None = None,
    chunks_total: int | None = None,
    chunk_done: bool = False,
) -> bool:
    """Heartbeat (+ step/progress). False when this attempt is no longer the running one: stop then.

    ``chunk_done`` counts one more rendered chunk and moves the bar in the same UPDATE, so workers
    rendering in parallel never lose each other's counts."""
    values: dict = {"heartbeat_at": timezone.now()}
    if step is not None:
        values["step"] = step
    if chunks_total is not None:
        values["chunks_total"] = chunks_total
        values["chunks_done"] = 0
    if progress is not None:
        values["progress"] = progress
    elif chunk_done:
        done = F("chunks_done") + 1
        values["chunks_done"] = done
        values["progress"] = Least(
            Value(RENDER_FROM) + done * (RENDER_TO - RENDER_FROM) / Greatest(F("chunks_total"), Value(1)),
            Value(RENDER_TO),
        )
    return bool(_current(compilation_id, attempt).update(**values))


@transaction.atomic
def complete(
    *,
    compilation_id: int,
    attempt: int,
    pdf: str,
    xlsx: str,
    csv: str,
    pages: int,
    included: list[int],
    docx: str = "",
) -> bool:
    compilation = _current(compilation_id, attempt).select_for_update().first()
    if compilation is None:
        return False
    compilation.pdf.name, compilation.xlsx.name, compilation.csv.name = pdf, xlsx, csv
    compilation.docx.name = docx
    compilation.page_count = pages
    compilation.status = CompilationStatus.DONE
    compilation.step = _("Klar")
    compilation.progress = 100
    compilation.error = ""
    compilation.finished_at = compilation.heartbeat_at = timezone.now()
    compilation.save()
    compilation.included.set(included)
    notify.compilation_ended(compilation_id)
    return True


@transaction.atomic
def mark_failed(
    *, compilation_id: int, message: str, attempt: int | None = None, now: dt.datetime | None = None
) -> bool:
    qs = Compilation.objects.filter(pk=compilation_id, status__in=ACTIVE)
    if attempt is not None:
        qs = qs.filter(attempts=attempt)
    failed = qs.update(
        status=CompilationStatus.FAILED, error=message, step=_("Misslyckades"), finished_at=now or timezone.now()
    )
    if failed:
        notify.compilation_ended(compilation_id)
    return bool(failed)


def sweep_stale(*, now: dt.datetime | None = None) -> dict[str, list[int]]:
    """Recover compilations nobody works on (no heartbeat for ``stale_seconds``).

    - running (its worker died): queued and sent again, or failed after ``max_attempts`` runs;
    - queued (no worker took it, or its message was lost): sent again, or failed after ``max_sends``
      sends, so a compilation that never starts does not stay "I kö" for ever.
    """
    now = now or timezone.now()
    limit = _stale_limit(now)
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
            if row.status == CompilationStatus.RUNNING and row.run_attempts >= conf.max_attempts():
                mark_failed(
                    compilation_id=pk,
                    message=_(
                        "Sammanställningen stannade och gav inget livstecken, trots %(n)s försök. "
                        "Försök igen, och kontakta support om det upprepas."
                    )
                    % {"n": row.run_attempts},
                    now=now,
                )
                result["failed"].append(pk)
            elif row.status == CompilationStatus.QUEUED and row.sends >= conf.max_sends():
                if row.run_attempts:
                    message = _(
                        "Sammanställningen avbröts och kom inte igång igen: ingen bakgrundsprocess tog emot den, "
                        "trots att den skickades %(n)s gånger. Försök igen om en stund, och kontakta support om "
                        "det upprepas."
                    )
                else:
                    message = _(
                        "Sammanställningen kom aldrig igång: ingen bakgrundsprocess tog emot den, trots att "
                        "den skickades %(n)s gånger. Försök igen om en stund, och kontakta support om det upprepas."
                    )
                mark_failed(compilation_id=pk, message=message % {"n": row.sends}, now=now)
                result["failed"].append(pk)
            else:
                if row.status == CompilationStatus.RUNNING:
                    row.step = _("Startas om efter avbrott")
                row.status = CompilationStatus.QUEUED
                row.sends += 1
                row.heartbeat_at = now
                row.save()
                _enqueue(pk)
                result["requeued"].append(pk)
    return result
