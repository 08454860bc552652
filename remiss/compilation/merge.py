"""Merge part files (see ``partfile``) into one tagged PDF, written front to back as bytes.

Every part file already holds its objects serialised, numbered from ``partfile.FIRST_LOCAL``.
``Writer.add`` gives them the next free object numbers (one regular expression over the part's
templates shifts every reference), shifts its ParentTree keys, adds "/Parent", "/Contents" and
"/StructParents" to its pages, packs the objects into compressed object streams and writes them
out, keeping nothing of the part but the numbers it needs later: its pages, its top-level
structure elements and its ParentTree values (one line of text per page). ``Writer.finish``
writes the page stamps ("sida x av y", marked as pagination artifacts), the page tree, the
structure tree root with one ``/Document`` element over every part's elements and one ParentTree,
the outline (bookmarks), catalog, document info and XMP metadata and a cross-reference stream.

The front matter (title page and table of contents) is rendered after the parts, when every
part's page count is known, and written last but put first in the page tree.

This replaced a merge through pikepdf's object model (qpdf copying every object of 1 700
sources): see docs/decisions/0004-compilation-chunks.md for the figures.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
import zlib
from collections.abc import Callable

import pikepdf

from . import partfile
from .partfile import CATALOG, DOCUMENT, FIRST_LOCAL, PAGES, REFERENCE, STAMP_FONT, PartFile
from .shared_parts import _xmp, outline_tree, stamp_content, stamp_font

LANG = "sv"


# The merged document's other fixed objects (partfile holds the ones parts refer to).
STRUCT_TREE_ROOT, PUSH, INFO, METADATA, PARENT_TREE, OUTLINES = 5, 6, 7, 8, 9, 10


OBJECTS_PER_STREAM = 400


ENGINES = ("bytes", "pikepdf")


def toc_entries(parts: list[dict], counts: list[int], offset: int) -> list[dict]:
    """(title, level, 1-based page) for every bookmark, given the front matter's page count."""
    entries, page = [], offset
    for part, count in zip(parts, counts, strict=True):
        for title, level in part["bookmarks"]:
            entries.append({"title": title, "level": level, "page": page + 1})
        page += count
    return entries


TOC_LINES_PER_PAGE = 40  # a little under what fits, so the first guess is usually right


def render_front(render: Callable[[list[dict]], bytes], parts: list[dict], counts: list[int]) -> bytes:
    """Render the front matter until its own length is stable (the TOC's page numbers depend on it).

    The first guess (title page + TOC lines / lines per page) is usually right: one render."""
    entries = sum(len(part["bookmarks"]) for part in parts) + 1
    guess = 1 + max(1, -(-entries // TOC_LINES_PER_PAGE))
    for _ in range(4):
        data = render(toc_entries(parts, counts, guess))
        with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        if pages == guess:
            return data
        guess = pages
    return data


def assemble(
    paths: list[str],
    parts: list[dict],
    *,
    front: Callable[[list[int]], bytes],
    title: str,
    output,
    lang: str = LANG,
    tagged: bool = True,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "bytes",
) -> int:
    """Write one PDF to ``output`` (a path or a binary stream): the front matter, then every part
    (``paths``: their part files, in order), with outline, page numbers and metadata. Returns its
    page count.

    ``front`` renders the front matter given each part's page count; it is called once all parts
    are written. ``tagged=False`` leaves the structure trees out (only for measuring).
    ``engine="pikepdf"`` writes the same document through qpdf's object model instead of this
    module's writer (``pikemerge``; the fallback setting ``REMISS_COMPILATION_MERGE``).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown merge engine {engine!r}")
    if isinstance(output, (str, os.PathLike)):
        with open(output, "wb", buffering=1 << 20) as handle:
            return assemble(
                paths,
                parts,
                front=front,
                title=title,
                output=handle,
                lang=lang,
                tagged=tagged,
                progress=progress,
                engine=engine,
            )
    if engine == "pikepdf":
        from .pikemerge import PikeWriter

        writer = PikeWriter(output, tagged=tagged)
    else:
        writer = Writer(output, tagged=tagged)
    counts = []
    for index, path in enumerate(paths):
        with open(path, "rb") as handle:
            counts.append(writer.add(partfile.read(handle.read())))
        if progress and index % 50 == 0:
            progress(index, len(paths))
    body_pages = len(writer.pages)
    front_pages = writer.add(partfile.read(partfile.make(io.BytesIO(front(counts)), tagged=tagged)), first=True)
    order = list(range(body_pages, body_pages + front_pages)) + list(range(body_pages))
    outline, page = [], front_pages
    for part, count in zip(parts, counts, strict=True):
        outline.extend((text, level, page) for text, level in part["bookmarks"])
        page += count
    return writer.finish(
        order=order, outline=outline, contents_page=1 if front_pages > 1 else 0, title=title, lang=lang
    )


def pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte order mark, in hex."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


class Writer:
    """Writes parts' objects to one PDF file, front to back (see the module's docstring)."""

    def __init__(self, handle, *, tagged: bool):
        self.out = handle
        self.tagged = tagged
        self.offset = 0
        self.next_number = FIRST_LOCAL
        self.xref: dict[int, tuple[int, int, int]] = {}  # number -> (type, field2, field3)
        self.pages: list[tuple[int, int, list[float]]] = []  # (page, stamp stream number, box)
        self.tops: list[int] = []
        self.parent_tree: list[tuple[int, bytes]] = []
        self.next_key = 0
        self.role_map: dict[str, bytes] = {}
        self.class_map: dict[str, bytes] = {}
        self.namespaces: list[int] = []
        self.pending: list[tuple[int, bytes]] = []  # non-stream objects waiting for an object stream
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.offset += len(data)

    def _allocate(self, count: int = 1) -> int:
        first = self.next_number
        self.next_number += count
        return first

    def write_stream(self, number: int, dictionary: bytes, data) -> None:
        self.xref[number] = (1, self.offset, 0)
        self._write(b"%d 0 obj\n%s\nstream\n" % (number, dictionary))
        self._write(data)
        self._write(b"\nendstream\nendobj\n")

    def write_object(self, number: int, body: bytes) -> None:
        self.pending.append((number, body))
        if len(self.pending) >= OBJECTS_PER_STREAM:
            self.flush()

    def flush(self) -> None:
        """Pack the pending objects into one compressed object stream."""
        if not self.pending:
            return
        stream = self._allocate()
        offsets, position, bodies = [], 0, []
        for index, (number, body) in enumerate(self.pending):
            offsets.append(b"%d %d" % (number, position))
            self.xref[number] = (2, stream, index)
            position += len(body) + 1
            bodies.append(body)
        head = b" ".join(offsets) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies), 6)
        self.write_stream(
            stream,
            b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
            % (len(self.pending), len(head), len(data)),
            data,
        )
        self.pending = []

    def add(self, part: PartFile, *, first: bool = False) -> int:
        """Write every object of ``part``; returns its number of pages. ``first`` puts its structure
        elements before those of the parts added so far (the front matter, added last)."""
        header = part.header
        sizes = header["objects"]
        shift = self._allocate(len(sizes)) - FIRST_LOCAL

        def replace(match: re.Match) -> bytes:
            number = match[1]
            if number is None:
                return match[0]
            number = int(number)
            return b"%d 0 R" % (number + shift if number >= FIRST_LOCAL else number)

        lines = REFERENCE.sub(replace, part.templates).split(b"\n")
        tree = header["tree"] if self.tagged else None
        key_shift = self.next_key
        edits: dict[int, bytes] = {}
        for local, contents, key, box in header["pages"]:
            stamp = self._allocate()
            number = local + shift
            refs = b" ".join(b"%d 0 R" % (c + shift) for c in contents)
            extra = b"/Parent %d 0 R /Contents [ %d 0 R %s %d 0 R ]" % (PAGES, PUSH, refs, stamp)
            if key is not None and tree is not None:
                extra += b" /StructParents %d" % (key + key_shift)
            edits[local - FIRST_LOCAL] = extra
            self.pages.append((number, stamp, box))
        if tree is not None:
            for local, key in header["keyed"]:
                edits[local - FIRST_LOCAL] = edits.get(local - FIRST_LOCAL, b"") + b" /StructParent %d" % (
                    key + key_shift
                )
        data = part.data
        position = 0
        for index, size in enumerate(sizes):
            body = lines[index]
            if index in edits:
                body = body[:-2] + edits[index] + b" >>"
            if size < 0:
                self.write_object(index + FIRST_LOCAL + shift, body)
            else:
                self.write_stream(index + FIRST_LOCAL + shift, body, data[position : position + size])
                position += size
        if tree is not None:
            rest = iter(lines[len(sizes) :])
            for key in tree["keys"]:
                self.parent_tree.append((key + key_shift, next(rest)))
            for name in tree["role_map"]:
                self.role_map.setdefault(name, next(rest))
            for name in tree["class_map"]:
                self.class_map.setdefault(name, next(rest))
            tops = [top + shift for top in tree["tops"]]
            self.tops = tops + self.tops if first else self.tops + tops
            self.namespaces.extend(n + shift for n in tree["namespaces"])
            self.next_key = key_shift + tree["next_key"]
        return part.page_count

    def finish(
        self,
        *,
        order: list[int],
        outline: list[tuple[str, int, int]],
        contents_page: int,
        title: str,
        lang: str,
    ) -> int:
        """Write page stamps, page tree, structure tree root, outline, catalog and cross-reference
        stream. ``order`` gives the indexes into the written pages in reading order; ``outline``
        holds (title, level, page index in that order)."""
        pages = [self.pages[i] for i in order]
        total = len(pages)
        self.write_stream(PUSH, b"<< /Length 2 >>", b"q\n")
        for number, (_page, stamp, box) in enumerate(pages, start=1):
            content = stamp_content(number, total, box)
            self.write_stream(stamp, b"<< /Length %d >>" % len(content), content)
        font = stamp_font()
        descriptor, font_file = self._allocate(), self._allocate()
        self.write_object(STAMP_FONT, font.dictionary(b"%d 0 R" % descriptor))
        self.write_object(descriptor, font.descriptor(b"%d 0 R" % font_file))
        data = zlib.compress(font.data)
        self.write_stream(
            font_file, b"<< /Length %d /Length1 %d /Filter /FlateDecode >>" % (len(data), len(font.data)), data
        )
        kids = b" ".join(b"%d 0 R" % page for page, _stamp, _box in pages)
        self.write_object(PAGES, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (total, kids))
        catalog = b"<< /Type /Catalog /Pages %d 0 R /Lang %s /ViewerPreferences << /DisplayDocTitle true >>" % (
            PAGES,
            pdf_string(lang),
        )
        catalog += b" /PageMode /UseOutlines /Outlines %d 0 R /Metadata %d 0 R" % (OUTLINES, METADATA)
        if self.tagged:
            catalog += b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % STRUCT_TREE_ROOT
            self._write_structure(lang)
        self.write_object(CATALOG, catalog + b" >>")
        self._write_outline(outline, contents_page, [page for page, _s, _b in pages])
        self.write_object(
            INFO,
            b"<< /Title %s /Creator %s /Producer %s >>"
            % (pdf_string(title), pdf_string("Remiss"), pdf_string("Remiss")),
        )
        xmp = _xmp(title, lang, pdfua=self.tagged)
        self.write_stream(METADATA, b"<< /Type /Metadata /Subtype /XML /Length %d >>" % len(xmp), xmp)
        self.flush()
        self._write_xref(title)
        return total

    def _write_structure(self, lang: str) -> None:
        tops = b" ".join(b"%d 0 R" % top for top in self.tops)
        self.write_object(
            DOCUMENT,
            b"<< /Type /StructElem /S /Document /P %d 0 R /Lang %s /K [ %s ] >>"
            % (STRUCT_TREE_ROOT, pdf_string(lang), tops),
        )
        nums = b" ".join(b"%d %s" % (key, value) for key, value in sorted(self.parent_tree, key=lambda kv: kv[0]))
        self.write_object(PARENT_TREE, b"<< /Nums [ %s ] >>" % nums)
        root = b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d" % (
            DOCUMENT,
            PARENT_TREE,
            self.next_key,
        )
        if self.role_map:
            root += b" /RoleMap << %s >>" % b" ".join(k.encode() + b" " + v for k, v in self.role_map.items())
        if self.class_map:
            root += b" /ClassMap << %s >>" % b" ".join(k.encode() + b" " + v for k, v in self.class_map.items())
        if self.namespaces:
            root += b" /Namespaces [ %s ]" % b" ".join(b"%d 0 R" % n for n in self.namespaces)
        self.write_object(STRUCT_TREE_ROOT, root + b" >>")

    def _write_outline(self, outline: list[tuple[str, int, int]], contents_page: int, pages: list[int]) -> None:
        """Outline items: "Innehåll", then each bookmark under the nearest item one level up."""
        items, parent, children = outline_tree(outline, contents_page)
        numbers = [self._allocate() for _ in items]

        def count(index: int) -> int:
            return sum(1 + count(kid) for kid in children[index])

        for index, (title, _level, page) in enumerate(items):
            owner = parent[index]
            siblings = children[owner]
            position = siblings.index(index)
            body = b"<< /Title %s /Parent %d 0 R /Dest [ %d 0 R /Fit ]" % (
                pdf_string(title),
                OUTLINES if owner == -1 else numbers[owner],
                pages[page],
            )
            if position > 0:
                body += b" /Prev %d 0 R" % numbers[siblings[position - 1]]
            if position + 1 < len(siblings):
                body += b" /Next %d 0 R" % numbers[siblings[position + 1]]
            if children[index]:
                kids = children[index]
                body += b" /First %d 0 R /Last %d 0 R /Count %d" % (numbers[kids[0]], numbers[kids[-1]], count(index))
            self.write_object(numbers[index], body + b" >>")
        top = children[-1]
        self.write_object(
            OUTLINES,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (numbers[top[0]], numbers[top[-1]], count(-1)),
        )

    def _write_xref(self, title: str) -> None:
        xref_number = self._allocate()
        size = self.next_number
        self.xref[xref_number] = (1, self.offset, 0)
        rows = bytearray()
        for number in range(size):
            kind, second, third = self.xref.get(number, (0, 0, 0 if number else 65535))
            rows += kind.to_bytes(1, "big") + second.to_bytes(5, "big") + third.to_bytes(2, "big")
        data = zlib.compress(bytes(rows))
        ident = hashlib.sha256(f"{title}{time.time_ns()}{os.getpid()}".encode()).hexdigest()[:32].encode()
        self._write(
            b"%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 5 2 ] /Root %d 0 R /Info %d 0 R /ID [ <%s> <%s> ] "
            b"/Filter /FlateDecode /Length %d >>\nstream\n"
            % (xref_number, size, CATALOG, INFO, ident, ident, len(data))
        )
        start = self.xref[xref_number][1]
        self._write(data)
        self._write(b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start)
