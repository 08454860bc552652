"""Near-identical answers (campaigns: one text sent by several bodies) are grouped, so that the
clustering sees each text once and a text sent six times does not make a theme of its own."""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

NEAR_IDENTICAL = 0.9


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def near_identical_groups(texts: list[str], threshold: float = NEAR_IDENTICAL) -> list[int]:
    """A group number per text; texts whose character 4-gram cosine is at least ``threshold``
    (transitively) share a group. Empty texts each get a group of their own."""
    n = len(texts)
    if n == 0:
        return []
    normalised = [_normalise(t) for t in texts]
    filled = [i for i, t in enumerate(normalised) if len(t) >= 20]
    groups = list(range(n))
    if len(filled) < 2:
        return groups
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(4, 4), dtype=np.float32).fit_transform(
        [normalised[i] for i in filled]
    )
    close = (vectors @ vectors.T) >= threshold
    _, labels = connected_components(close, directed=False)
    first: dict[int, int] = {}
    for position, label in zip(filled, labels, strict=True):
        groups[position] = first.setdefault(int(label), position)
    return groups
