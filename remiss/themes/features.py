"""Sentence vectors: Swedish-stemmed word TF-IDF, character n-grams inside words (compounds),
and optionally argument-frame counts. Rows are L2-normalised, so a dot product is a cosine."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .frames import frame_counts
from .text import SELF_REFERENCES, STANCE_WORDS, content_words, stem

Method = Literal["words", "words+chars", "words+chars+frames"]
METHODS: tuple[Method, ...] = ("words", "words+chars", "words+chars+frames")

_IGNORED = SELF_REFERENCES | STANCE_WORDS
_SENTINEL = "qqxsentinelqq"


@dataclass
class FeatureSpace:
    """A vector space fitted on the sentences of one proposal."""

    method: Method = "words+chars+frames"
    char_weight: float = 1.0
    frame_weight: float = 0.6
    compounds: bool = True
    _words: TfidfVectorizer | None = None
    _chars: TfidfVectorizer | None = None
    _frame_idf: np.ndarray | None = None

    def fit(self, texts: list[str]) -> FeatureSpace:
        # The sentinel keeps the vocabulary non-empty when every sentence is function words.
        texts = [*texts, _SENTINEL]
        known = frozenset(stem(w) for t in texts for w in content_words(t) if len(w) >= 4)
        self._words = TfidfVectorizer(
            analyzer=lambda text: _stems(text, known if self.compounds else frozenset()),
            sublinear_tf=True,
            min_df=1,
            dtype=np.float32,
        )
        self._words.fit(texts)
        if self.method != "words":
            self._chars = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(4, 5),
                preprocessor=_content_text,
                sublinear_tf=True,
                min_df=1,
                dtype=np.float32,
            )
            self._chars.fit(texts)
        if self.method == "words+chars+frames":
            self._frame_idf = _frame_idf(self._frames(texts))
        return self

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        assert self._words is not None, "fit first"
        if not texts:
            return sparse.csr_matrix((0, self.transform([_SENTINEL]).shape[1]), dtype=np.float32)
        parts = [normalize(self._words.transform(texts))]
        if self._chars is not None:
            parts.append(self.char_weight * normalize(self._chars.transform(texts)))
        if self.method == "words+chars+frames":
            frames = self._frames(texts)
            if self._frame_idf is not None:
                frames = frames * self._frame_idf
            parts.append(self.frame_weight * normalize(sparse.csr_matrix(frames)))
        return normalize(sparse.hstack(parts, format="csr"))

    def _frames(self, texts: list[str]) -> np.ndarray:
        return np.array([frame_counts(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)


def _stems(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    result = []
    for word in content_words(text):
        if word not in _IGNORED:
            result.append(stem(word))
            result.extend(_compound_parts(word, known))
    return result


@lru_cache(maxsize=200_000)
def _compound_parts(word: str, known: frozenset[str]) -> tuple[str, ...]:
    """Stems of the parts of a compound whose last part occurs as a word of this proposal: both parts
    when the first does too ("personalbristen" -> "personal", "brist"; a linking s is dropped:
    "tillsyns|ansvar"), else the last part alone ("distributionsnätet" -> "nät")."""
    if len(word) < 7 or not known:
        return ()
    for cut in range(len(word) - 4, 1, -1):
        head = stem(word[cut:])
        if len(head) < 3 or head not in known:
            continue
        left = word[:cut]
        for modifier in (left, left[:-1] if left.endswith("s") else ""):
            if len(modifier) >= 4 and stem(modifier) in known:
                return (stem(modifier), head)
        if len(left) >= 4:
            return (head,)
    return ()


def _content_text(text: str) -> str:
    return " ".join(w for w in content_words(text) if w not in _IGNORED)


def _frame_idf(counts: np.ndarray) -> np.ndarray:
    """Smoothed inverse document frequency per frame: a frame that nearly every sentence of this
    proposal touches (its subject is staff, money, children ...) weighs less than a rarer one."""
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    return (np.log((n + 1) / (df + 1)) + 1).astype(np.float32)
