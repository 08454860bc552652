"""The text an answer gives one proposal: its comment on the proposal, plus the paragraphs of its
general views that name the proposal. Paragraphs are copied unchanged, so every quote the engine
cuts from the composed text is also verbatim in the comment or in the general views."""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATOR = "\n\n"


def compose_text(comment: str, general: str, names: Iterable[str]) -> str:
    """``comment`` followed by each paragraph of ``general`` that contains one of ``names`` (a
    section number such as "7.6.3", a short title such as "frikommunförsök"; case-insensitive,
    whole words)."""
    patterns = [re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE) for name in names if name.strip()]
    parts = [comment.strip()] if comment.strip() else []
    for paragraph in re.split(r"\n\s*\n", general or ""):
        paragraph = paragraph.strip()
        if paragraph and any(p.search(paragraph) for p in patterns) and paragraph not in parts:
            parts.append(paragraph)
    return SEPARATOR.join(parts)
