"""prepare → render chunks → finish. The Celery tasks fan the chunk rendering out over workers;
``build`` runs the same steps in one process (tests, and the fallback when every chunk is cached).

Every step is idempotent: chunks are content-addressed in the cache, files are written to a
temporary name and renamed, and a step whose attempt is no longer current stops.
"""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from remiss.models import Compilation
from remiss.pdf import render_pdf, save_atomically

from . import chunks as chunking
from . import merge, service, spreadsheet
from .data import gather

log = logging.getLogger(__name__)
PLAN_DIR = "compilation-plans"


class Cancelled(Exception):
    pass


def plan_name(compilation_id: int, attempt: int) -> str:
    return f"{PLAN_DIR}/{compilation_id}-{attempt}.json"


def _store(name: str, data: bytes) -> str:
    return save_atomically(SimpleNamespace(storage=default_storage, name=""), name, data)


def prepare(*, compilation_id: int, attempt: int) -> list[dict]:
    """Gather the figures, store the plan, and return the chunks that still need rendering."""
    compilation = Compilation.objects.select_related("remiss__ministry").get(pk=compilation_id)
    with transaction.atomic():
        figures = gather(compilation.remiss, compilation.params)
    parts = chunking.plan(figures)
    stored = {"figures": figures, "parts": [{k: v for k, v in p.items() if k != "context"} for p in parts]}
    _store(plan_name(compilation_id, attempt), json.dumps(stored, ensure_ascii=False).encode())
    missing = [p for p in parts if p["type"] == "chunk" and not chunking.is_cached(p)]
    _check(
        compilation_id,
        attempt,
        step=_("Skapar delarna (%(n)s av %(total)s behöver ritas)")
        % {"n": len(missing), "total": sum(1 for p in parts if p["type"] == "chunk")},
        progress=5,
    )
    return missing


def batches(missing: list[dict], *, target: int = 16) -> list[list[dict]]:
    """Split the chunks into about ``target`` batches of similar weight, keeping document order."""
    total = sum(c["weight"] for c in missing) or 1
    size = max(1, total // target)
    result: list[list[dict]] = [[]]
    weight = 0
    for chunk in missing:
        if weight >= size:
            result.append([])
            weight = 0
        result[-1].append(chunk)
        weight += chunk["weight"]
    return [b for b in result if b]


def render_batch(*, compilation_id: int, attempt: int, batch: list[dict], share: int) -> int:
    """Render one batch of chunks into the cache; progress grows by ``share`` percent."""
    rendered = 0
    for chunk in batch:
        if not service.is_current(compilation_id=compilation_id, attempt=attempt):
            raise Cancelled
        rendered += chunking.ensure_chunk(chunk)
        service.record_progress(compilation_id=compilation_id, attempt=attempt)
    service.record_progress(compilation_id=compilation_id, attempt=attempt, add=share)
    return rendered


def _check(compilation_id: int, attempt: int, **progress) -> None:
    if not service.record_progress(compilation_id=compilation_id, attempt=attempt, **progress):
        raise Cancelled


def finish(*, compilation_id: int, attempt: int) -> bool:
    """Merge, stamp and store PDF, XLSX and CSV; mark the row done."""
    _check(compilation_id, attempt, step=_("Sätter ihop dokumentet"), progress=90)
    with default_storage.open(plan_name(compilation_id, attempt), "rb") as handle:
        stored = json.load(handle)
    figures, parts = stored["figures"], stored["parts"]
    if any(p["type"] == "chunk" and not default_storage.exists(chunking.cache_name(p["key"])) for p in parts):
        # A chunk went missing (cache cleared): re-plan to get the contexts and render inline.
        for chunk in chunking.plan(figures):
            if chunk["type"] == "chunk":
                chunking.ensure_chunk(chunk)
    remiss = figures["remiss"]
    title = _("Remissammanställning: %(title)s") % {"title": remiss["title"]}
    data, pages = build_document(
        figures,
        parts,
        title=title,
        on_front=lambda: _check(
            compilation_id, attempt, step=_("Skapar innehållsförteckning och sidnummer"), progress=92
        ),
    )
    _check(compilation_id, attempt, step=_("Skapar kalkylark"), progress=97)
    xlsx = spreadsheet.build_xlsx(figures)
    csv = spreadsheet.build_csv(figures)
    base = f"compilations/{remiss['id']}/{compilation_id}-{attempt}"
    names = {
        "pdf": _store(base + ".pdf", data),
        "xlsx": _store(base + ".xlsx", xlsx),
        "csv": _store(base + ".csv", csv),
    }
    included = [a["submission_id"] for a in figures["answers"]]
    done = service.complete(compilation_id=compilation_id, attempt=attempt, pages=pages, included=included, **names)
    default_storage.delete(plan_name(compilation_id, attempt))
    return done


def build_document(figures: dict, parts: list[dict], *, title: str, on_front=None) -> tuple[bytes, int]:
    """The merged PDF and its page count: parts from the cache, front matter rendered last."""
    paths = [chunking.part_path(p) for p in parts]
    counts = merge.page_counts(paths)
    if on_front:
        on_front()

    def render_front(toc: list[dict]) -> bytes:
        context = {
            "figures": figures,
            "toc": toc,
            "reference": figures["remiss"]["reference"],
            "title": figures["remiss"]["title"],
        }
        return render_pdf(chunking.TEMPLATES["front"], context, tagged=False)

    return merge.assemble(merge.render_front(render_front, parts, counts), paths, parts, title=title)


def build(*, compilation_id: int) -> bool:
    """Run a whole compilation in this process (no fan-out)."""
    attempt = service.begin_attempt(compilation_id=compilation_id)
    if attempt is None:
        return False
    try:
        missing = prepare(compilation_id=compilation_id, attempt=attempt)
        render_batch(compilation_id=compilation_id, attempt=attempt, batch=missing, share=80)
        return finish(compilation_id=compilation_id, attempt=attempt)
    except Cancelled:
        return False
    except Exception as exc:
        log.exception("compilation %s failed", compilation_id)
        service.mark_failed(compilation_id=compilation_id, attempt=attempt, message=failure_message(exc))
        raise


def failure_message(exc: BaseException) -> str:
    from celery.exceptions import SoftTimeLimitExceeded

    if isinstance(exc, SoftTimeLimitExceeded):
        return _(
            "Sammanställningen tog för lång tid och avbröts. Försök igen med ett mindre urval, "
            "till exempel utan bilaga eller med färre avsnitt."
        )
    return _("Sammanställningen kunde inte skapas på grund av ett tekniskt fel (%(kind)s). Försök igen.") % {
        "kind": type(exc).__name__
    }
