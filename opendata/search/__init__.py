"""Swedish full-text search over public remisser, proposals and answers.

``index`` keeps ``SearchEntry`` rows current; ``query`` answers /sok/. PostgreSQL uses its
``swedish`` text-search configuration, SQLite (the embedded default) an FTS5 table of text stemmed
with the Snowball Swedish stemmer (``sqlite``).
"""
