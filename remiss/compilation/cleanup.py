"""Prune the files compilations leave behind (beat task ``remiss.compilation.clean_files``).

- **Chunk cache** (``compilation-cache/``: part files of chunks and of answer PDFs): an entry is
  deleted when it has not been used for ``REMISS_COMPILATION_CACHE_DAYS`` days (``pipeline.finish``
  touches every part it uses) and is not used by the newest finished compilation of its remiss and
  scope, nor by a running one. Older
  compilations of the same scope are kept as files; their chunks are not needed again, because a
  later compilation only ever sees the same or newer answers.
- **Plans** (``compilation-plans/``): kept only for the running attempt of a queued/running row.
- **Outputs** (``compilations/<remiss>/<id>-<attempt>.*``): files of an attempt that did not end as
  the row's finished result (cancelled or failed during the merge), or of a deleted row.
- Temporary ``.partial-*`` files (a process killed while writing).

Plans, outputs and temporary files are only deleted once they are an hour old (``GRACE``).
"""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

from django.core.files.storage import default_storage

from remiss.models import Compilation, CompilationStatus

from . import conf
from .chunks import CACHE_DIR, CACHE_SUFFIX
from .lifecycle import ACTIVE
from .pipeline import PLAN_DIR, manifest_name, plan_name

log = logging.getLogger(__name__)

OUTPUT_DIR = "compilations"
PLAN_RE = re.compile(r"(\d+)-(\d+)\.json")
OUTPUT_RE = re.compile(r"(\d+)-(\d+)\.(pdf|xlsx|csv|docx|chunks)")
# Plans, outputs and temporary files younger than this are left alone: the row list is read once at
# the start, and a run that began since may be writing them right now.
GRACE = 3600


def _root() -> Path:
    return Path(default_storage.path(""))


def _older(path: Path, limit: float) -> bool:
    try:
        return path.stat().st_mtime < limit
    except FileNotFoundError:
        return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def referenced_keys() -> set[str]:
    """Cache keys used by the newest finished compilation of each remiss and scope, or by a running one."""
    keys: set[str] = set()
    seen: set[tuple[int, str]] = set()
    finished = Compilation.objects.filter(status=CompilationStatus.DONE).order_by("-created_at", "-pk")
    for pk, remiss_id, attempt, params in finished.values_list("pk", "remiss_id", "attempts", "params"):
        scope = (remiss_id, json.dumps(params, sort_keys=True))
        if scope in seen:
            continue
        seen.add(scope)
        try:
            with default_storage.open(manifest_name(pk, attempt, remiss_id), "rb") as handle:
                keys.update(handle.read().decode().split())
        except FileNotFoundError:
            continue
    for pk, attempt in Compilation.objects.filter(status__in=ACTIVE).values_list("pk", "attempts"):
        try:
            with default_storage.open(plan_name(pk, attempt), "rb") as handle:
                plan = json.load(handle)
        except (FileNotFoundError, ValueError):
            continue
        keys.update(p["key"] for p in plan["parts"] if "key" in p)
    return keys


def clean_files(*, now: float | None = None) -> dict[str, int]:
    """Delete what no compilation needs any more. Returns the number of files removed per kind."""
    now = now or time.time()
    root = _root()
    removed = {"cache": 0, "plans": 0, "outputs": 0, "partial": 0}
    rows = {
        pk: (status, attempt) for pk, status, attempt in Compilation.objects.values_list("pk", "status", "attempts")
    }

    for path in (root / PLAN_DIR).glob("*.json"):
        match = PLAN_RE.fullmatch(path.name)
        if not match:
            continue
        pk, attempt = int(match[1]), int(match[2])
        status, current = rows.get(pk, (None, None))
        if (status not in ACTIVE or attempt != current) and _older(path, now - GRACE):
            removed["plans"] += _unlink(path)

    for path in (root / OUTPUT_DIR).glob("*/*"):
        match = OUTPUT_RE.fullmatch(path.name)
        if not match:
            continue
        pk, attempt = int(match[1]), int(match[2])
        status, current = rows.get(pk, (None, None))
        kept = attempt == current and status in (CompilationStatus.DONE, *ACTIVE)
        if not kept and _older(path, now - GRACE):
            removed["outputs"] += _unlink(path)

    keep = referenced_keys()
    cutoff = now - conf.cache_days() * 86400
    for path in (root / CACHE_DIR).glob(f"*/*{CACHE_SUFFIX}"):
        if path.stem in keep:
            continue
        if _older(path, cutoff):
            removed["cache"] += _unlink(path)

    for directory in (PLAN_DIR, OUTPUT_DIR, CACHE_DIR):
        for path in (root / directory).rglob(".partial-*"):
            if _older(path, now - GRACE):
                removed["partial"] += _unlink(path)
    log.info("compilation clean-up removed %s", removed)
    return removed
