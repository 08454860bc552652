"""Swedish stemming for the SQLite index (the same Snowball algorithm PostgreSQL's ``swedish`` uses)."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 20


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


def words(text: str) -> list[str]:
    return WORD.findall((text or "").casefold())


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def stemmed_text(text: str) -> str:
    return " ".join(stems(text))


def query_stems(text: str) -> list[str]:
    """The distinct stems of a query, at most ``MAX_QUERY_WORDS``, in order."""
    return list(dict.fromkeys(stems(text)))[:MAX_QUERY_WORDS]
