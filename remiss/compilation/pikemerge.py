"""The fallback merge: the same document as ``merge.Writer`` writes, through qpdf's object model.

Set ``REMISS_COMPILATION_MERGE=pikepdf`` should the byte-level writer ever misbehave (say, a qpdf
release that serialises objects differently). Nothing here rewrites references or writes PDF
syntax of its own: each part file is read back as a small PDF of its objects under their own
numbers (references to what the merged document provides — page tree, ``/Document``, stamp font —
are left dangling, so qpdf reads them as null), qpdf copies the objects into the merged document
(``copy_foreign``, renumbering as it goes) and writes the file; the links to the merged
document's own objects are then set by name. What goes in — pages, contents, stamps, the one
structure tree and ParentTree, outline, catalog and metadata — is what ``merge.Writer`` writes;
``tests/test_compilation_merge.py`` compares the two outputs.

It costs what the old pikepdf merge cost (docs/decisions/0004-compilation-chunks.md): every part
stays open until the file is written (qpdf copies stream data lazily), so memory grows with the
document.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from .partfile import FIRST_LOCAL, STAMP_FONT_NAME, PartFile
from .shared_parts import _xmp, outline_tree, stamp_content, stamp_font


def part_pdf(part: PartFile) -> bytes:
    """A part file as a PDF of its objects, numbered as in the part file; the ParentTree and map
    values go into one array object, which the catalog's ``/RemissRest`` points at."""
    lines = bytes(part.templates).split(b"\n")
    sizes = part.header["objects"]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    position = 0
    for index, size in enumerate(sizes):
        offsets[FIRST_LOCAL + index] = out.tell()
        out.write(b"%d 0 obj\n%s\n" % (FIRST_LOCAL + index, lines[index]))
        if size >= 0:
            out.write(b"stream\n%s\nendstream\n" % part.data[position : position + size])
            position += size
        out.write(b"endobj\n")
    rest, catalog, pages = (FIRST_LOCAL + len(sizes) + n for n in range(3))
    extra = {
        rest: b"[ %s ]" % b" ".join(lines[len(sizes) :]),
        catalog: b"<< /Type /Catalog /Pages %d 0 R /RemissRest %d 0 R >>" % (pages, rest),
        pages: b"<< /Type /Pages /Kids [ ] /Count 0 >>",
    }
    for number, body in extra.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (pages + 1))
    for number in range(1, pages + 1):
        out.write(b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (pages + 1, catalog, start))
    return out.getvalue()


class PikeWriter:
    """``merge.Writer``'s interface (``add``, ``pages``, ``finish``) over a ``pikepdf.Pdf``."""

    def __init__(self, handle, *, tagged: bool):
        self.out_handle = handle
        self.tagged = tagged
        self.pdf = pdf = pikepdf.new()
        self.sources: list[pikepdf.Pdf] = []  # kept open: qpdf reads copied streams at save
        self.pages: list[tuple[pikepdf.Object, pikepdf.Object, list[float]]] = []
        self.push = pdf.make_stream(b"q\n")
        self.font = self._stamp_font()
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root))
        self.tops: list[pikepdf.Object] = []
        self.parent_tree: list[tuple[int, pikepdf.Object]] = []
        self.next_key = 0
        self.role_map: dict[str, pikepdf.Object] = {}
        self.class_map: dict[str, pikepdf.Object] = {}
        self.namespaces: list[pikepdf.Object] = []

    def _stamp_font(self) -> pikepdf.Object:
        font = stamp_font()
        data = self.pdf.make_stream(font.data, Length1=len(font.data))
        descriptor = pikepdf.Object.parse(font.descriptor(b"null"))
        descriptor.FontFile2 = data
        dictionary = pikepdf.Object.parse(font.dictionary(b"null"))
        dictionary.FontDescriptor = self.pdf.make_indirect(descriptor)
        return self.pdf.make_indirect(dictionary)

    def add(self, part: PartFile, *, first: bool = False) -> int:
        source = pikepdf.open(io.BytesIO(part_pdf(part)))
        self.sources.append(source)
        pdf, header = self.pdf, part.header

        def copy(number: int) -> pikepdf.Object:
            return pdf.copy_foreign(source.get_object(number, 0))

        tree = header["tree"] if self.tagged else None
        key_shift = self.next_key
        for local, contents, key, box in header["pages"]:  # pages first: elements' /Pg map to them
            page, stamp = copy(local), pdf.make_stream(b"")
            page.Contents = Array([self.push, *(copy(c) for c in contents), stamp])
            page.Resources.Font[Name(STAMP_FONT_NAME)] = self.font
            if key is not None and tree is not None:
                page.StructParents = key + key_shift
            self.pages.append((page, stamp, box))
        if tree is None:
            return part.page_count
        for local, key in header["keyed"]:
            copy(local).StructParent = key + key_shift
        rest = iter(list(pdf.copy_foreign(source.Root.RemissRest)))
        self.parent_tree.extend((key + key_shift, next(rest)) for key in tree["keys"])
        for name in tree["role_map"]:
            self.role_map.setdefault(name, next(rest))
        for name in tree["class_map"]:
            self.class_map.setdefault(name, next(rest))
        tops = [copy(top) for top in tree["tops"]]
        for top in tops:
            top.P = self.document
        self.tops = tops + self.tops if first else self.tops + tops
        self.namespaces.extend(copy(n) for n in tree["namespaces"])
        self.next_key = key_shift + tree["next_key"]
        return part.page_count

    def finish(
        self, *, order: list[int], outline: list[tuple[str, int, int]], contents_page: int, title: str, lang: str
    ) -> int:
        pdf = self.pdf
        pages = [self.pages[i] for i in order]
        total = len(pages)
        for number, (page, stamp, box) in enumerate(pages, start=1):
            stamp.write(stamp_content(number, total, box))
            page.Parent = pdf.Root.Pages
        pdf.Root.Pages.Kids = Array([page for page, _stamp, _box in pages])
        pdf.Root.Pages.Count = total
        root = pdf.Root
        root.Lang = String(lang)
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        root.PageMode = Name.UseOutlines
        if self.tagged:
            self._write_structure(lang)
            root.StructTreeRoot = self.root
            root.MarkInfo = Dictionary(Marked=True)
        self._write_outline(outline, contents_page, [page for page, _s, _b in pages])
        pdf.trailer.Info = pdf.make_indirect(
            Dictionary(Title=String(title), Creator=String("Remiss"), Producer=String("Remiss"))
        )
        root.Metadata = pdf.make_stream(_xmp(title, lang, pdfua=self.tagged), Type=Name.Metadata, Subtype=Name.XML)
        pdf.save(
            self.out_handle,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            fix_metadata_version=False,
        )
        for source in self.sources:
            source.close()
        return total

    def _write_structure(self, lang: str) -> None:
        document, root = self.document, self.root
        document.Lang = String(lang)
        document.K = Array(self.tops)
        nums = []
        for key, value in sorted(self.parent_tree, key=lambda kv: kv[0]):
            nums.extend([key, value])
        root.K = document
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=Array(nums)))
        root.ParentTreeNextKey = self.next_key
        if self.role_map:
            root.RoleMap = Dictionary({name: value for name, value in self.role_map.items()})
        if self.class_map:
            root.ClassMap = Dictionary({name: value for name, value in self.class_map.items()})
        if self.namespaces:
            root.Namespaces = Array(self.namespaces)

    def _write_outline(self, outline: list[tuple[str, int, int]], contents_page: int, pages: list) -> None:
        items, parent, _children = outline_tree(outline, contents_page)
        made = [OutlineItem(title, Array([pages[page], Name.Fit])) for title, _level, page in items]
        with self.pdf.open_outline() as tree:
            for index, item in enumerate(made):
                owner = parent[index]
                (tree.root if owner == -1 else made[owner].children).append(item)
