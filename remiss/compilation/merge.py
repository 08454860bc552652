"""Merge rendered chunks and reused answer PDFs into one document with pikepdf (qpdf).

The front matter (title page and table of contents) is rendered last, once every part's page count
is known; then the outline (bookmarks) is added and every page is stamped "sida x av y" as a marked
artifact, so page numbers run over the whole merged document.

pikepdf copies pages and their streams without decoding them; the pure-Python merge used before
spent most of an incremental 300 × 40 compilation parsing object streams (docs/benchmarks.md).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import ExitStack

import pikepdf
from pikepdf import Dictionary, Name, OutlineItem, Pdf, String

FONT_NAME = "/RemissPageNo"


def page_counts(paths: list[str]) -> list[int]:
    counts = []
    for path in paths:
        with Pdf.open(path) as pdf:
            counts.append(len(pdf.pages))
    return counts


def toc_entries(parts: list[dict], counts: list[int], offset: int) -> list[dict]:
    """(title, level, 1-based page) for every bookmark, given the front matter's page count."""
    entries, page = [], offset
    for part, count in zip(parts, counts, strict=True):
        for title, level in part["bookmarks"]:
            entries.append({"title": title, "level": level, "page": page + 1})
        page += count
    return entries


def render_front(render: Callable[[list[dict]], bytes], parts: list[dict], counts: list[int]) -> bytes:
    """Render the front matter until its own length is stable (the TOC's page numbers depend on it)."""
    guess = 2
    for _ in range(4):
        data = render(toc_entries(parts, counts, guess))
        with Pdf.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        if pages == guess:
            return data
        guess = pages
    return data


def assemble(
    front: bytes,
    paths: list[str],
    parts: list[dict],
    *,
    title: str,
    lang: str = "sv-SE",
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, int]:
    """One PDF: the front matter, then every part in order, with outline, page numbers and metadata."""
    with ExitStack() as stack:  # sources must stay open until the merged file is written
        out = stack.enter_context(Pdf.new())
        out.pages.extend(stack.enter_context(Pdf.open(io.BytesIO(front))).pages)
        front_pages = len(out.pages)
        starts = []
        for index, path in enumerate(paths):
            starts.append(len(out.pages))
            out.pages.extend(stack.enter_context(Pdf.open(_read(path))).pages)
            if progress and index % 50 == 0:
                progress(index, len(paths))
        _add_outline(out, parts, starts, contents_page=1 if front_pages > 1 else 0)
        stamp_page_numbers(out)
        out.docinfo[Name.Title] = title
        out.docinfo[Name.Creator] = "Remiss"
        out.Root.Lang = String(lang)
        out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        out.Root.PageMode = Name.UseOutlines
        buffer = io.BytesIO()
        out.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buffer.getvalue(), len(out.pages)


def _read(path: str) -> io.BytesIO:
    """The file's bytes, so thousands of parts do not hold thousands of open files."""
    with open(path, "rb") as handle:
        return io.BytesIO(handle.read())


def _add_outline(out: Pdf, parts: list[dict], starts: list[int], *, contents_page: int) -> None:
    with out.open_outline() as outline:
        outline.root.append(OutlineItem("Innehåll", contents_page))
        parents: dict[int, OutlineItem] = {}
        for part, start in zip(parts, starts, strict=True):
            for text, level in part["bookmarks"]:
                item = OutlineItem(text, start)
                parent = parents.get(level - 1) if level else None
                (parent.children if parent is not None else outline.root).append(item)
                parents[level] = item


def stamp_page_numbers(out: Pdf) -> None:
    """Add "sida x av y" to every page's content, isolated in q/Q and marked as an artifact."""
    font = out.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )
    push = out.make_stream(b"q\n")
    total = len(out.pages)
    for number, page in enumerate(out.pages, start=1):
        left, bottom, right, _top = (float(v) for v in page.mediabox)
        text = f"sida {number} av {total}"
        x = left + (right - left) / 2 - len(text) * 2.2
        y = bottom + 22
        stamp = (
            f"\nQ\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nq BT {FONT_NAME} 9 Tf 0.25 g "
            f"{x:.1f} {y:.1f} Td ({text}) Tj ET Q\nEMC\n"
        ).encode()
        page.contents_add(push, prepend=True)
        page.contents_add(out.make_stream(stamp), prepend=False)
        page.add_resource(font, Name.Font, Name(FONT_NAME))
