"""The remissammanställning: figures from submitted snapshots, chunked PDF rendering, merge, sheets.

- ``data``: which submissions count and the figures, from ``Submission.snapshot`` only.
- ``chunks``: the document cut into independent, content-addressed chunks, rendered and cached.
- ``merge``: pypdf merge, outline (bookmarks), "sida x av y" stamping.
- ``spreadsheet``: XLSX and CSV of the same figures.
- ``pipeline``: prepare → render chunks (fanned out by the task) → finish.
- ``service``: state changes of a ``Compilation`` row (start, cancel, retry, fail, sweep).
"""
