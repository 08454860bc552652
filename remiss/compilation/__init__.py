"""The remissammanställning: figures from submitted snapshots, chunked PDF rendering, merge, sheets.

- ``data``: which submissions count and the figures, from ``Submission.snapshot`` only.
- ``chunks``: the document cut into independent, content-addressed chunks, rendered and cached.
- ``partfile``: a chunk's or answer PDF's objects in a form the merge copies as bytes, made once
  per chunk/answer on the workers (structure tree leaned and cleaned on the way).
- ``merge``: writes the merged PDF from part files: pages, one structure tree (a tagged PDF),
  outline (bookmarks), "sida x av y" stamped as artifacts.
- ``spreadsheet``: XLSX and CSV of the same figures.
- ``pipeline``: prepare → render chunks (fanned out by the task) → finish.
- ``lifecycle``: state changes of a ``Compilation`` row (start, cancel, retry, fail, sweep).
- ``paragraphs``: the drafted "Remissinstanserna" paragraph per proposal; ``paragraph_edits``: staff's
  edits to it, applied on top.
- ``word``: the DOCX; ``history``: comparing two compilations.
- ``cleanup``: pruning of the chunk cache, stale plans and unfinished outputs (beat task).
"""
