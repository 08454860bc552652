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
    return _get("REMISS_COMPILATION_MAX_ATTEMPTS", 3)


def block_divisor() -> int:
    """Average number of organisations per comment chunk (content-defined boundaries)."""
    return _get("REMISS_COMPILATION_BLOCK", 12)


def chunk_delay() -> float:
    """Test hook: seconds to sleep after each rendered chunk (makes a compilation slow to kill)."""
    return _get("REMISS_COMPILATION_CHUNK_DELAY", 0.0)


def tagged() -> bool:
    """Render chunks as tagged PDF. pypdf drops structure trees when merging, so off by default."""
    return bool(_get("REMISS_COMPILATION_TAGGED", 0))


def soft_time_limit() -> int:
    return _get("REMISS_COMPILATION_SOFT_TIME_LIMIT", 50 * 60)


def time_limit() -> int:
    return _get("REMISS_COMPILATION_TIME_LIMIT", 60 * 60)
