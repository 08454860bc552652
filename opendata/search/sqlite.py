"""The SQLite side of the search: an FTS5 table of stemmed text, keyed by ``SearchEntry.pk``."""

from __future__ import annotations

from django.db import connection

from .stemming import query_stems, stemmed_text

TABLE = "opendata_search_fts"


def write(entries) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
            [(e.pk, stemmed_text(e.title), stemmed_text(e.body)) for e in entries],
        )


def delete(ids: list[int]) -> None:
    if ids:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in ids])


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def ranked_ids(text: str) -> list[int]:
    """Entry ids matching every stem of ``text``, best first (bm25, title weighted 4× the body).
    Each stem is quoted, so FTS5 operators in the query are plain words."""
    stems = query_stems(text)
    if not stems:
        return []
    match = " ".join(f'"{stem}"' for stem in stems)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY bm25({TABLE}, 4.0, 1.0), rowid", [match]
        )
        return [row[0] for row in cursor.fetchall()]
