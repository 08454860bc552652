"""Clauses: a sentence that turns on "men" ("Kommunen tillstyrker men anser att kostnaderna ...",
"Regionen delar målet, men tiden är för kort") is split there, so a stance before it is dropped as
stance-only and each part can join its own theme. Parts keep their exact spans in the answer, so
quotes stay verbatim. Splitting also at ", och", ", medan" and ";" was measured and lost F1 on
dev and on the blind sets (docs/decisions/0007-themes.md)."""

from __future__ import annotations

import re

from .text import Sentence, content_words

# Where a contrasting main clause begins: before "men" (with or without a comma).
_BOUNDARY = re.compile(r"\s(?=men\s)")
# A part needs this many content words to stand alone; shorter parts stay with their neighbour.
MIN_CONTENT = 3


def split_clauses(sentence: Sentence, counter: int) -> list[Sentence]:
    """The parts of ``sentence`` (numbered from ``counter``, so consecutive parts of one answer
    keep consecutive indices); a sentence without a boundary comes back whole."""
    text = sentence.text
    cuts = [m.end() for m in _BOUNDARY.finditer(text)]
    spans, begin = [], 0
    for cut in cuts:
        if len(content_words(text[begin:cut])) >= MIN_CONTENT and len(content_words(text[cut:])) >= MIN_CONTENT:
            spans.append((begin, cut))
            begin = cut
    spans.append((begin, len(text)))
    parts = []
    for offset, (a, b) in enumerate(spans):
        piece = text[a:b]
        stripped = piece.rstrip(" ,;")
        lead = len(piece) - len(piece.lstrip())
        start, end = sentence.start + a + lead, sentence.start + a + len(stripped)
        parts.append(Sentence(counter + offset, start, end, text[a + lead : a + len(stripped)]))
    return parts
