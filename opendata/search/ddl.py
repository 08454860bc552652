"""The text indexes Django's schema editor cannot declare for both backends.

Created by migration 0001 and, for databases built without migrations (the test suite runs with
``--nomigrations``), again after every migrate; both statements are idempotent.
"""

from __future__ import annotations

GIN = "CREATE INDEX IF NOT EXISTS opendata_searchentry_vector_gin ON opendata_searchentry USING gin (vector)"
FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS opendata_search_fts "
    "USING fts5(title, body, tokenize='unicode61 remove_diacritics 0')"
)


def ensure_text_index(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(GIN)
        elif connection.vendor == "sqlite":
            cursor.execute(FTS)
