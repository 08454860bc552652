"""prepare → render chunks → finish. The Celery tasks fan the chunk rendering out over workers;
``build`` runs the same steps in one process (tests, and the fallback when every chunk is cached).

Every step is idempotent: chunks are content-addressed in the cache, files are written to a
temporary name and renamed, and a step whose attempt is no longer current stops.
"""

from __future__ import annotations

import json
import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from remiss.models import Compilation
from remiss.pdf import atomic_file, render_pdf

from . import chunks as chunking
from . import conf, lifecycle, merge, spreadsheet, word
from .data import gather

log = logging.getLogger(__name__)
PLAN_DIR = "compilation-plans"


class Cancelled(Exception):
    pass


def plan_name(compilation_id: int, attempt: int) -> str:
    return f"{PLAN_DIR}/{compilation_id}-{attempt}.json"


def _store(name: str, data: bytes) -> str:
    with atomic_file(default_storage, name) as handle:
        handle.write(data)
    return name


def output_base(compilation_id: int, attempt: int, remiss_id: int) -> str:
    """The outputs of an attempt are this name with .pdf, .xlsx, .csv, .docx and .chunks."""
    return f"compilations/{remiss_id}/{compilation_id}-{attempt}"


def manifest_name(compilation_id: int, attempt: int, remiss_id: int) -> str:
    """The cache keys a finished compilation used, one a line (read by ``cleanup``)."""
    return output_base(compilation_id, attempt, remiss_id) + ".chunks"


def prepare(*, compilation_id: int, attempt: int) -> list[dict]:
    """Gather the figures, store the plan, and return the chunks that still need rendering."""
    compilation = Compilation.objects.select_related("remiss__ministry").get(pk=compilation_id)
    with transaction.atomic():
        figures = gather(compilation.remiss, compilation.params)
    parts = chunking.plan(figures)
    stored = {"figures": figures, "parts": [{k: v for k, v in p.items() if k != "context"} for p in parts]}
    _store(plan_name(compilation_id, attempt), json.dumps(stored, ensure_ascii=False).encode())
    # Chunks not rendered yet, and answer PDFs not yet turned into part files (see chunks.ensure_chunk).
    missing = [p for p in parts if not chunking.is_cached(p)]
    _check(
        compilation_id,
        attempt,
        step=_("Skapar delarna (%(n)s av %(total)s behöver ritas)") % {"n": len(missing), "total": len(parts)},
        progress=lifecycle.RENDER_FROM,
        chunks_total=len(missing),
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


def render_batch(*, compilation_id: int, attempt: int, batch: list[dict]) -> int:
    """Render one batch of chunks into the cache, counting each chunk on the row as it is done
    (the progress bar moves per chunk, whichever worker renders it)."""
    if batch and not lifecycle.is_current(compilation_id=compilation_id, attempt=attempt):
        raise Cancelled
    rendered = 0
    for chunk in batch:
        rendered += chunking.ensure_chunk(chunk)
        _check(compilation_id, attempt, chunk_done=True)
    return rendered


def _check(compilation_id: int, attempt: int, **progress) -> None:
    if not lifecycle.record_progress(compilation_id=compilation_id, attempt=attempt, **progress):
        raise Cancelled


def finish(*, compilation_id: int, attempt: int) -> bool:
    """Merge, stamp and store PDF, XLSX and CSV; mark the row done."""
    _check(compilation_id, attempt, step=_("Sätter ihop dokumentet"), progress=lifecycle.RENDER_TO)
    with default_storage.open(plan_name(compilation_id, attempt), "rb") as handle:
        stored = json.load(handle)
    figures, parts = stored["figures"], stored["parts"]
    if not all(chunking.is_cached(p) for p in parts):
        # A part file went missing (cache cleared): re-plan to get the contexts and make it inline.
        for part in chunking.plan(figures):
            chunking.ensure_chunk(part)
    remiss = figures["remiss"]
    title = _("Remissammanställning: %(title)s") % {"title": remiss["title"]}
    base = output_base(compilation_id, attempt, remiss["id"])
    with atomic_file(default_storage, base + ".pdf") as handle:  # too big to hold twice in memory
        pages = build_document(
            figures,
            parts,
            title=title,
            output=handle,
            on_front=lambda: _check(
                compilation_id, attempt, step=_("Skapar innehållsförteckning och sidnummer"), progress=94
            ),
        )
    _check(compilation_id, attempt, step=_("Skapar kalkylark och Word-dokument"), progress=97)
    names = {"pdf": base + ".pdf", **_outputs(figures, base, reuse=True)}
    keys = sorted({p["key"] for p in parts})
    _store(manifest_name(compilation_id, attempt, remiss["id"]), "\n".join(keys).encode())
    chunking.touch(keys)
    included = [a["submission_id"] for a in figures["answers"]]
    done = lifecycle.complete(compilation_id=compilation_id, attempt=attempt, pages=pages, included=included, **names)
    default_storage.delete(plan_name(compilation_id, attempt))
    return done


OUTPUTS = {"xlsx": spreadsheet.build_xlsx, "csv": spreadsheet.build_csv, "docx": word.build_docx}


def _outputs(figures: dict, base: str, *, reuse: bool) -> dict[str, str]:
    """Store the XLSX, CSV and DOCX beside the PDF; with ``reuse``, keep those ``build_outputs``
    already stored for this attempt (each is written whole or not at all)."""
    names = {}
    for kind, build in OUTPUTS.items():
        name = f"{base}.{kind}"
        names[kind] = name if reuse and default_storage.exists(name) else _store(name, build(figures))
    return names


def build_outputs(*, compilation_id: int, attempt: int) -> None:
    """The spreadsheets and the Word document, built from the stored plan while the chunks render on
    the other workers (a part of the chord), so ``finish`` is left with the merge."""
    if not lifecycle.is_current(compilation_id=compilation_id, attempt=attempt):
        raise Cancelled
    with default_storage.open(plan_name(compilation_id, attempt), "rb") as handle:
        figures = json.load(handle)["figures"]
    _outputs(figures, output_base(compilation_id, attempt, figures["remiss"]["id"]), reuse=False)


def build_document(figures: dict, parts: list[dict], *, title: str, output, on_front=None) -> int:
    """Write the merged, tagged PDF to ``output`` (path or binary stream); returns its page count.
    Every part's part file comes from the cache; the front matter is rendered when every part's
    page count is known."""
    paths = [chunking.part_path(p) for p in parts]

    def render_toc(toc: list[dict]) -> bytes:
        context = {
            "figures": figures,
            "toc": toc,
            "reference": figures["remiss"]["reference"],
            "title": figures["remiss"]["title"],
        }
        return render_pdf(chunking.TEMPLATES["front"], context, tagged=conf.tagged())

    def front(counts: list[int]) -> bytes:
        if on_front:
            on_front()
        return merge.render_front(render_toc, parts, counts)

    return merge.assemble(
        paths, parts, front=front, title=title, output=output, tagged=conf.tagged(), engine=conf.merge_engine()
    )


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
