"""Tunables, each overridable in Django settings (tests shorten the limits)."""

from __future__ import annotations

import os

from django.conf import settings


def _get(name: str, default):
    value = getattr(settings, name, None)
    if value is None:
        raw = os.environ.get(name)
        if raw not in (None, ""):
            return type(default)(raw)
        return default
    return value


def stale_seconds() -> int:
    """A running compilation whose heartbeat is older than this is stuck (worker killed)."""
    return _get("REMISS_COMPILATION_STALE_SECONDS", 15 * 60)


def max_attempts() -> int:
    """Runs begun per start or retry before a compilation that keeps dying is failed."""
    return _get("REMISS_COMPILATION_MAX_ATTEMPTS", 3)


def max_sends() -> int:
    """Times a queued compilation is sent to the workers (once at start, then by the sweep every
    ``stale_seconds``) before it is failed as never started: no worker is taking jobs."""
    return _get("REMISS_COMPILATION_MAX_SENDS", 4)


def cache_days() -> int:
    """Cached chunks unused for this many days, and not used by the newest compilation of a remiss
    and scope, are deleted by the clean-up task."""
    return _get("REMISS_COMPILATION_CACHE_DAYS", 14)


def block_divisor() -> int:
    """Average number of organisations per comment chunk (content-defined boundaries)."""
    return _get("REMISS_COMPILATION_BLOCK", 12)


def chunk_delay() -> float:
    """Test hook: seconds to sleep after each rendered chunk (makes a compilation slow to kill)."""
    return _get("REMISS_COMPILATION_CHUNK_DELAY", 0.0)


def tagged() -> bool:
    """Render chunks and front matter as tagged PDF (``merge.Writer`` merges the trees).
    0 renders them untagged: only for measuring what tagging costs (docs/benchmarks.md)."""
    return bool(_get("REMISS_COMPILATION_TAGGED", 1))


def merge_engine() -> str:
    """How the part files are merged: "bytes" (``merge.Writer``, the default) or "pikepdf"
    (``pikemerge.PikeWriter``: the same document written through qpdf's object model; slower and
    holds every part in memory, a fallback should the byte-level writer misbehave)."""
    return str(_get("REMISS_COMPILATION_MERGE", "bytes"))


def soft_time_limit() -> int:
    return _get("REMISS_COMPILATION_SOFT_TIME_LIMIT", 50 * 60)


def time_limit() -> int:
    return _get("REMISS_COMPILATION_TIME_LIMIT", 60 * 60)
