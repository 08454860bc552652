"""Compilation tasks: thin wrappers around ``remiss.compilation.pipeline``.

``run_compilation`` claims the row, gathers the figures and fans the missing parts out as a chord
of ``render_compilation_batch`` tasks over the workers (chunks to render, answer PDFs not yet
turned into part files; see ``remiss.compilation.partfile``) and one ``build_compilation_outputs``
(XLSX, CSV, DOCX); ``finish_compilation`` merges. When
every part is already cached it finishes at once. All are idempotent and acks_late; the beat task
``sweep_compilations`` recovers rows whose worker died (see ``lifecycle.sweep_stale``);
``clean_compilation_files`` prunes the chunk cache and leftover files (``cleanup.clean_files``).
"""

from __future__ import annotations

import logging

from celery import chord, shared_task

from remiss.compilation import cleanup, conf, lifecycle, pipeline

log = logging.getLogger(__name__)

__all__ = [
    "run_compilation",
    "render_compilation_batch",
    "build_compilation_outputs",
    "finish_compilation",
    "sweep_compilations",
    "clean_compilation_files",
]

LIMITS = {"acks_late": True, "soft_time_limit": conf.soft_time_limit(), "time_limit": conf.time_limit()}


def fan_out_supported() -> bool:
    """Chords need a result backend that counts natively (Redis); the embedded one renders inline."""
    from django.conf import settings

    return str(settings.CELERY_RESULT_BACKEND).startswith(("redis://", "rediss://"))


def _guard(compilation_id: int, attempt: int, work):
    try:
        return work()
    except pipeline.Cancelled:
        return None
    except Exception as exc:
        log.exception("compilation %s failed", compilation_id)
        lifecycle.mark_failed(compilation_id=compilation_id, attempt=attempt, message=pipeline.failure_message(exc))
        raise


@shared_task(name="remiss.compilation.run", **LIMITS)
def run_compilation(compilation_id: int) -> str:
    attempt = lifecycle.begin_attempt(compilation_id=compilation_id)
    if attempt is None:
        return "skipped"

    def work():
        missing = pipeline.prepare(compilation_id=compilation_id, attempt=attempt)
        if not missing or not fan_out_supported():
            # Everything cached, or the embedded broker (no native chords): render here, in one process.
            pipeline.render_batch(compilation_id=compilation_id, attempt=attempt, batch=missing)
            pipeline.finish(compilation_id=compilation_id, attempt=attempt)
            return "done"
        groups = pipeline.batches(missing)
        header = [render_compilation_batch.si(compilation_id, attempt, batch) for batch in groups]
        header.insert(0, build_compilation_outputs.si(compilation_id, attempt))  # beside the first renders
        chord(header)(finish_compilation.si(compilation_id, attempt))
        return f"fanned out {len(missing)} chunks in {len(groups)} batches"

    return _guard(compilation_id, attempt, work)


@shared_task(name="remiss.compilation.render_batch", **LIMITS)
def render_compilation_batch(compilation_id: int, attempt: int, batch: list[dict]) -> int:
    return (
        _guard(
            compilation_id,
            attempt,
            lambda: pipeline.render_batch(compilation_id=compilation_id, attempt=attempt, batch=batch),
        )
        or 0
    )


@shared_task(name="remiss.compilation.outputs", **LIMITS)
def build_compilation_outputs(compilation_id: int, attempt: int) -> None:
    return _guard(
        compilation_id, attempt, lambda: pipeline.build_outputs(compilation_id=compilation_id, attempt=attempt)
    )


@shared_task(name="remiss.compilation.finish", **LIMITS)
def finish_compilation(compilation_id: int, attempt: int) -> bool:
    return bool(
        _guard(compilation_id, attempt, lambda: pipeline.finish(compilation_id=compilation_id, attempt=attempt))
    )


@shared_task(name="remiss.compilation.sweep", acks_late=True, soft_time_limit=120, time_limit=180)
def sweep_compilations() -> dict:
    return lifecycle.sweep_stale()


@shared_task(name="remiss.compilation.clean_files", acks_late=True, soft_time_limit=600, time_limit=660)
def clean_compilation_files() -> dict:
    return cleanup.clean_files()
