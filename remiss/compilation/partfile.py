"""Part files: a chunk or answer PDF turned, once, into objects the merge copies as bytes.

A part file holds the objects one PDF contributes to a compilation — its pages, their content
streams, fonts and resources, and its structure elements — each serialised by qpdf (``unparse``,
one object a line) with its references renumbered from ``FIRST_LOCAL`` upwards. References to
what the merged document provides instead (its page tree, its ``/Document`` structure element,
the font of the page stamps) use the fixed numbers below. The merge (``merge.Writer``) then only
shifts each part's references by an offset and writes the bytes: it parses no PDF, makes no
Python object per PDF object, and holds one part in memory at a time.

Part files are made on the workers, in parallel: a chunk's right after it is rendered, an
answer PDF's once (keyed by the SHA-256 of the PDF); every later compilation reuses them. While a
part file is made, the structure tree is cleaned up:

- WeasyPrint tags every line of text as a ``/Span`` element of its own. A span that holds nothing
  but marked content is folded into its parent element (its MCIDs become the parent's, the
  ParentTree points at the parent): about 60 % fewer objects, same reading order and text.
- WeasyPrint gives the content of page margin boxes (the running header and "Sida x av y" of an
  answer PDF) MCIDs and elements that are not in the tree, so that content is neither tagged nor
  an artifact. It is marked as a pagination artifact and its ParentTree entries are dropped.

File layout: ``MAGIC``, the length of the JSON header and a newline, the header, the templates
(objects, then ParentTree values, then RoleMap and ClassMap values, one a line), the stream data.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, NumberTree

from remiss.pdf.tags import as_list, scope_header_cells

FORMAT = 2  # 2: table header cells get /Scope
MAGIC = b"%%RemissPart-%d\n" % FORMAT

# Fixed object numbers in the merged document; a part's own objects are numbered from FIRST_LOCAL.
PAGES, DOCUMENT, STAMP_FONT, CATALOG = 1, 2, 3, 4
FIRST_LOCAL = 16
STAMP_FONT_NAME = "/RemissPageNo"

# A reference "n g R", or a literal string, which is left alone: qpdf escapes the parentheses in a
# string, so the match ends where the string does and text in it is never taken for a reference.
# qpdf writes other strings as <hex>, which cannot hold an "R".
REFERENCE = re.compile(rb"\((?:[^\\()]|\\.)*\)|(\d+) (\d+) R", re.S)
# A marked-content sequence with nothing but an MCID, as WeasyPrint writes it.
MARKED = re.compile(rb"/[A-Za-z]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


class PartFileError(ValueError):
    pass


@dataclass
class PartFile:
    """A part file read back (see ``make`` for the header)."""

    header: dict
    templates: bytes
    data: memoryview

    @property
    def page_count(self) -> int:
        return len(self.header["pages"])


def read(blob: bytes) -> PartFile:
    if not blob.startswith(MAGIC):
        raise PartFileError("not a part file of this format")
    start = len(MAGIC)
    end = blob.index(b"\n", start)
    size = int(blob[start:end])
    header = json.loads(blob[end + 1 : end + 1 + size])
    body = memoryview(blob)[end + 1 + size :]
    length = header["templates"]
    return PartFile(header=header, templates=bytes(body[:length]), data=body[length:])


def make(source, *, tagged: bool = True) -> bytes:
    """The part file of the PDF ``source`` (a path or binary stream).

    Header: ``objects`` (per object the length of its stream data, -1 for no stream), ``pages``
    ([page, [content streams], ParentTree key or null, MediaBox] in order), ``keyed``
    (annotations' [object, /StructParent key]), ``tree`` (``tops``: the elements under the
    part's /Document; ``keys``: ParentTree keys in the order of their templates; ``next_key``;
    ``role_map``/``class_map`` names; ``namespaces``) or null, and ``templates`` (their length).
    ``tagged=False`` leaves the structure tree out (only for measuring what tagging costs).
    """
    with pikepdf.open(source) as pdf:
        return _Builder(pdf, tagged=tagged).build()


@dataclass
class _Tree:
    """What the structure tree contributes: top-level elements, ParentTree, maps."""

    tops: list
    parent_tree: dict[int, pikepdf.Object]
    next_key: int
    orphans: dict[int, set[int]]  # MCIDs of content outside the tree, per ParentTree key
    role_map: dict
    class_map: dict


class _Builder:
    """Makes one part file; ``build`` runs its phases in order."""

    def __init__(self, pdf: pikepdf.Pdf, *, tagged: bool):
        self.pdf = pdf
        tree = pdf.Root.get("/StructTreeRoot") if tagged else None
        self.tree = tree if tree is not None and "/K" in tree else None
        self.special: dict[tuple[int, int], int] = {pdf.Root.objgen: CATALOG}
        self.local: dict[tuple[int, int], int] = {}
        self.order: list[pikepdf.Object] = []

    def build(self) -> bytes:
        pages = [page.obj for page in self.pdf.pages]
        font = self._map_specials()
        tree = self._read_tree()
        page_rows, streams = self._prepare_pages(pages, font, tree.orphans)
        keyed = self._keyed_annotations(pages)
        maps = [v for v in (*tree.role_map.values(), *tree.class_map.values()) if isinstance(v, (Dictionary, Array))]
        self._collect(pages + streams + tree.tops + list(tree.parent_tree.values()) + maps)
        self._check_pages(pages)
        templates, sizes, data, namespaces = self._serialise(tree)
        header = self._header(page_rows, keyed, tree, sizes, namespaces, len(templates))
        head = json.dumps(header, separators=(",", ":")).encode()
        return b"".join([MAGIC, b"%d\n" % len(head), head, templates, *data])

    # -- phases -----------------------------------------------------------------------------------

    def _map_specials(self) -> pikepdf.Object:
        """Map the page tree to the merged document's and add the stamp font's placeholder."""
        nodes = [self.pdf.Root.Pages]
        while nodes:  # a page's /Parent becomes the merged document's page tree
            node = nodes.pop()
            self.special[node.objgen] = PAGES
            nodes.extend(kid for kid in node.get("/Kids", []) if kid.get("/Type") == Name.Pages)
        font = self.pdf.make_indirect(Dictionary(RemissStampFont=True))
        self.special[font.objgen] = STAMP_FONT
        return font

    def _read_tree(self) -> _Tree:
        tree = self.tree
        if tree is None:
            return _Tree([], {}, 0, {}, {}, {})
        tops = self._tops()
        parent_tree = {}
        if "/ParentTree" in tree:
            parent_tree = {int(k): v for k, v in NumberTree(tree.ParentTree).items()}
        next_key = max(int(tree.get("/ParentTreeNextKey", 0)), max(parent_tree, default=-1) + 1)
        orphans = self._clean_tree(tops, parent_tree)
        role_map = dict(tree.RoleMap.items()) if "/RoleMap" in tree else {}
        class_map = dict(tree.ClassMap.items()) if "/ClassMap" in tree else {}
        return _Tree(tops, parent_tree, next_key, orphans, role_map, class_map)

    def _prepare_pages(self, pages: list, font, orphans: dict[int, set[int]]) -> tuple[list, list]:
        """Make every page stand alone: inherited attributes copied in, its own /Parent, /Contents
        and /StructParents removed (the merge writes them), the stamp font in its resources."""
        page_rows, streams = [], []
        for page in pages:
            for inherited in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
                if inherited not in page and (value := _inherited(page, inherited)) is not None:
                    page[inherited] = value
            contents = [c if c.is_indirect else self.pdf.make_indirect(c) for c in as_list(page.get("/Contents"))]
            streams.extend(contents)
            key = int(page.StructParents) if self.tree is not None and "/StructParents" in page else None
            if key in orphans:
                _mark_artifacts(contents, orphans[key])
            for name in ("/Parent", "/Contents", "/StructParents"):
                if name in page:
                    del page[name]
            if "/Resources" not in page:
                page.Resources = Dictionary()
            if "/Font" not in page.Resources:
                page.Resources.Font = Dictionary()
            page.Resources.Font[Name(STAMP_FONT_NAME)] = font
            page_rows.append((page, contents, key, [float(v) for v in page.MediaBox]))
        return page_rows, streams

    def _keyed_annotations(self, pages: list) -> list[tuple[pikepdf.Object, int]]:
        """Annotations' /StructParent keys, taken out of the dictionaries (the merge shifts them)."""
        keyed = []
        for page in pages:
            for annotation in page.get("/Annots", []):
                if isinstance(annotation, Dictionary) and "/StructParent" in annotation:
                    if self.tree is not None and annotation.is_indirect:
                        keyed.append((annotation, int(annotation.StructParent)))
                    del annotation["/StructParent"]
        return keyed

    def _check_pages(self, pages: list) -> None:
        page_set = {page.objgen for page in pages}
        for obj in self.order:
            if isinstance(obj, Dictionary) and obj.get("/Type") == Name.Page and obj.objgen not in page_set:
                raise PartFileError("an object refers to a page outside the page tree")

    def _serialise(self, tree: _Tree) -> tuple[bytes, list[int], list[bytes], list[int]]:
        """One line per object, then the ParentTree values and map values; the stream data."""
        lines: list[bytes] = []
        data: list[bytes] = []
        sizes: list[int] = []
        namespaces: list[int] = []
        for obj in self.order:
            if isinstance(obj, pikepdf.Stream):
                raw = obj.read_raw_bytes()
                obj.stream_dict.Length = len(raw)
                lines.append(obj.stream_dict.unparse())
                data.append(raw)
                sizes.append(len(raw))
            else:
                if isinstance(obj, Dictionary) and obj.get("/Type") == Name.Namespace:
                    namespaces.append(self.local[obj.objgen])
                lines.append(obj.unparse(resolved=True))
                sizes.append(-1)
        lines.extend(tree.parent_tree[key].unparse() for key in sorted(tree.parent_tree))
        lines.extend(value.unparse() for value in (*tree.role_map.values(), *tree.class_map.values()))
        templates = self._renumber(b"\n".join(lines))
        if templates.count(b"\n") != len(lines) - 1:
            raise PartFileError("an object was written on more than one line")
        return templates, sizes, data, namespaces

    def _header(self, page_rows, keyed, tree: _Tree, sizes, namespaces, templates: int) -> dict:
        local = self.local
        return {
            "objects": sizes,
            "pages": [[local[p.objgen], [local[c.objgen] for c in cs], key, box] for p, cs, key, box in page_rows],
            "keyed": [[local[a.objgen], key] for a, key in keyed],
            "tree": None
            if self.tree is None
            else {
                "tops": [local[top.objgen] for top in tree.tops],
                "keys": sorted(tree.parent_tree),
                "next_key": tree.next_key,
                "role_map": [str(name) for name in tree.role_map],
                "class_map": [str(name) for name in tree.class_map],
                "namespaces": namespaces,
            },
            "templates": templates,
        }

    # -- structure --------------------------------------------------------------------------------

    def _tops(self) -> list[pikepdf.Object]:
        """The part's top-level elements: the children of its ``/Document`` element."""
        tree = self.tree
        self.special[tree.objgen] = DOCUMENT
        tops = []
        for top in as_list(tree.K):
            if not isinstance(top, Dictionary):
                continue
            if top.get("/S") == Name.Document:
                inner = as_list(top.get("/K"))
                if inner and all(isinstance(k, Dictionary) and "/S" in k for k in inner):
                    if top.is_indirect:
                        self.special[top.objgen] = DOCUMENT
                    tops.extend(inner)
                    continue
                top.S = Name.Part  # marked content directly under /Document: keep it as one part
                if "/NS" in top:
                    del top["/NS"]
            tops.append(top)
        return [top if top.is_indirect else self.pdf.make_indirect(top) for top in tops]

    def _clean_tree(self, tops: list, parent_tree: dict[int, pikepdf.Object]) -> dict[int, set[int]]:
        """Fold bare ``/Span`` elements into their parents, give table header cells a /Scope; drop
        the ParentTree entries of elements outside the tree. Returns the MCIDs of the dropped
        entries per ParentTree key."""
        folded: dict[tuple[int, int], pikepdf.Object] = {}
        in_tree: set[tuple[int, int]] = set()
        stack = [(top, False) for top in tops]
        while stack:  # children before their parent, so a span left bare by folding folds too
            element, kids_done = stack.pop()
            kids = as_list(element.get("/K"))
            if kids_done:
                _fold_spans(element, kids, folded)
                continue
            if element.is_indirect:
                in_tree.add(element.objgen)
            if element.get("/S") == Name.TR:
                scope_header_cells(element, kids)
            stack.append((element, True))
            stack.extend((kid, False) for kid in kids if isinstance(kid, Dictionary) and "/S" in kid)
        return _repoint_parent_tree(parent_tree, folded, in_tree)

    # -- objects ----------------------------------------------------------------------------------

    def _collect(self, roots: list) -> None:
        """Number every indirect object reachable from ``roots``, except the special ones."""
        local, special, order = self.local, self.special, self.order
        stack = list(roots)
        while stack:
            obj = stack.pop()
            if obj.is_indirect:
                objgen = obj.objgen
                if objgen in special or objgen in local:
                    continue
                local[objgen] = FIRST_LOCAL + len(order)
                order.append(obj)
            if isinstance(obj, Array):
                stack.extend(item for item in obj if isinstance(item, (Dictionary, Array, pikepdf.Stream)))
            else:
                is_stream = isinstance(obj, pikepdf.Stream)
                for key, value in obj.items():
                    if isinstance(value, (Dictionary, Array, pikepdf.Stream)) and not (is_stream and key == "/Length"):
                        stack.append(value)

    def _renumber(self, blob: bytes) -> bytes:
        local, special = self.local, self.special

        def replace(match: re.Match) -> bytes:
            if match[1] is None:
                return match[0]
            objgen = (int(match[1]), int(match[2]))
            number = local.get(objgen) or special.get(objgen)
            return b"null" if number is None else b"%d 0 R" % number  # a dangling reference is null

        return REFERENCE.sub(replace, blob)


def _bare_span(element) -> list[int] | None:
    """The MCIDs of a ``/Span`` element that holds nothing else (no attributes, no children)."""
    if not isinstance(element, Dictionary) or element.get("/S") != Name.Span or not element.is_indirect:
        return None
    if "/Pg" not in element or set(element.keys()) - {"/Type", "/S", "/P", "/Pg", "/K"}:
        return None
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, Array) else [kids]
    if not kids or not all(isinstance(kid, int) for kid in kids):
        return None
    return [int(kid) for kid in kids]


def _fold_spans(element, kids: list, folded: dict) -> None:
    """Replace ``element``'s bare spans by their MCIDs (or marked-content references to another
    page), recording each folded span's new owner in ``folded``."""
    page = element.get("/Pg")
    page = page.objgen if page is not None else None
    new: list = []
    changed = False
    for kid in kids:
        mcids = _bare_span(kid)
        if mcids is None:
            new.append(kid)
            continue
        folded[kid.objgen] = element
        changed = True
        if page is not None and kid.Pg.objgen == page:
            new.extend(mcids)
        else:
            new.extend(Dictionary(Type=Name.MCR, Pg=kid.Pg, MCID=mcid) for mcid in mcids)
    if changed:
        element.K = Array(new)


def _repoint_parent_tree(parent_tree: dict, folded: dict, in_tree: set) -> dict[int, set[int]]:
    """Point ParentTree entries of folded spans at their new owner; drop (to null) those of
    elements outside the tree and return their MCIDs per key."""
    orphans: dict[int, set[int]] = {}
    for key, value in parent_tree.items():
        if not isinstance(value, Array):
            continue
        items = list(value)
        changed = False
        for index, item in enumerate(items):
            if not (isinstance(item, Dictionary) and item.is_indirect):
                continue
            if item.objgen in folded:
                while item.objgen in folded:
                    item = folded[item.objgen]
                items[index] = item
            elif item.objgen not in in_tree:
                items[index] = None
                orphans.setdefault(key, set()).add(index)
            else:
                continue
            changed = True
        if changed:
            parent_tree[key] = Array(items)
    return orphans


def _mark_artifacts(contents: list, mcids: set[int]) -> None:
    """Turn the marked-content sequences with these MCIDs into pagination artifacts."""

    def replace(match: re.Match) -> bytes:
        return ARTIFACT if int(match[1]) in mcids else match[0]

    for stream in contents:
        data = stream.read_bytes()
        new = MARKED.sub(replace, data)
        if new != data:
            stream.write(zlib.compress(new), filter=Name.FlateDecode)


def _inherited(page, name: str):
    node = page.get("/Parent")
    while node is not None:
        if name in node:
            return node[name]
        node = node.get("/Parent")
    return None
