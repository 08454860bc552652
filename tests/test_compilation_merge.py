"""The merge of part files into one tagged PDF, on hand-made PDFs with the cases WeasyPrint writes
(a span per line, a paragraph over two pages, a link annotation, content outside the tree)."""

from __future__ import annotations

import io
import os

import pikepdf
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pikepdf import Array, Dictionary, Name, String
from pypdf import PdfReader

from remiss.compilation import merge, partfile
from tests.pdf_structure import structure_problems

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

TRICKY = "Se (bilaga) 3 0 R och \\ 12 0 R"


def _element(pdf, kind, parent, page=None, kids=(), **extra):
    element = pdf.make_indirect(
        Dictionary(Type=Name.StructElem, S=Name("/" + kind), P=parent, K=Array(list(kids)), **extra)
    )
    if page is not None:
        element.Pg = page.obj
    return element


def tagged_pdf(title: str) -> bytes:
    """Two pages: a heading and a paragraph over both pages as one /Span per line, a link with an
    annotation, an image-like figure with alternative text, and a page number in a margin box whose
    element is not in the tree (as WeasyPrint writes them)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    for _ in range(2):
        pdf.add_blank_page(page_size=(595, 842))
    one, two = pdf.pages
    text = "BT /F1 12 Tf 72 {y} Td ({t}) Tj ET"
    one.obj.Contents = pdf.make_stream(
        (
            f"/P <</MCID 0>> BDC {text.format(y=760, t=title)} EMC\n"
            f"/Span <</MCID 1>> BDC {text.format(y=740, t='Forsta raden')} EMC\n"
            f"/Span <</MCID 2>> BDC {text.format(y=30, t='Sida 1 av 2')} EMC\n"
            f"/Link <</MCID 3>> BDC {text.format(y=700, t='En lank')} EMC\n"
        ).encode()
    )
    two.obj.Contents = pdf.make_stream(f"/Span <</MCID 0>> BDC {text.format(y=760, t='Andra raden')} EMC\n".encode())
    for page in (one, two):
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    annotation = pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[72, 700, 200, 712], StructParent=2, P=one.obj)
    )
    one.obj.Annots = Array([annotation])
    one.obj.StructParents, two.obj.StructParents = 0, 1

    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = _element(pdf, "Document", root)
    heading = _element(pdf, "H1", document, one)
    heading_span = _element(pdf, "Span", heading, one, [0])
    heading.K = Array([heading_span])
    paragraph = _element(pdf, "P", document, one)
    line1 = _element(pdf, "Span", paragraph, one, [1])
    line2 = _element(pdf, "Span", paragraph, two, [0])
    paragraph.K = Array([line1, line2])
    link = _element(pdf, "Link", document, one)
    link.K = Array([3, Dictionary(Type=Name.OBJR, Obj=annotation, Pg=one.obj)])
    figure = _element(pdf, "Figure", document, one, Alt=String(TRICKY))
    document.K = Array([heading, paragraph, link, figure])
    margin = _element(pdf, "NonStruct", document)  # not in document.K
    margin_span = _element(pdf, "Span", margin, one, [2])
    margin.K = Array([margin_span])
    root.K = document
    root.ParentTree = Dictionary(
        Nums=Array([0, Array([heading_span, line1, margin_span, link]), 1, Array([line2]), 2, link])
    )
    root.ParentTreeNextKey = 3
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def merged(tmp_path):
    paths = []
    for name in ("Forsta", "Andra"):
        path = tmp_path / f"{name}.part"
        path.write_bytes(partfile.make(io.BytesIO(tagged_pdf(name))))
        paths.append(str(path))
    parts = [{"bookmarks": [("Forsta delen", 0)]}, {"bookmarks": [("Andra delen", 0), ("Underrubrik", 1)]}]
    counts = []

    def front(page_counts):
        counts.extend(page_counts)
        return tagged_pdf("Titelsida")

    out = tmp_path / "merged.pdf"
    pages = merge.assemble(paths, parts, front=front, title="Sammanställning: test", output=str(out))
    return out, pages, counts


def test_merged_parts_make_one_valid_structure_tree(merged):
    out, pages, counts = merged
    assert counts == [2, 2] and pages == 6
    assert structure_problems(out) == []
    pdf = pikepdf.open(out)
    document = pdf.Root.StructTreeRoot.K
    assert document.S == "/Document" and str(pdf.Root.Lang) == "sv" and pdf.Root.MarkInfo.Marked is True
    # Every part's top-level elements under the one /Document, the front matter's first.
    assert [str(e.S) for e in document.K] == ["/H1", "/P", "/Link", "/Figure"] * 3
    page_index = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    assert [page_index[e.Pg.objgen] for e in document.K[::4]] == [0, 2, 4]
    # The bare spans are folded: the heading holds its MCID, the paragraph its line on the next page
    # as a marked-content reference; no /Span element is left.
    heading, paragraph = document.K[4], document.K[5]
    assert list(heading.K) == [0]
    assert paragraph.K[0] == 1 and paragraph.K[1].Type == "/MCR" and page_index[paragraph.K[1].Pg.objgen] == 3
    spans = [o for o in pdf.objects if isinstance(o, Dictionary) and o.get("/S") == Name.Span]
    assert spans == []
    # Strings are copied as they are, also where they look like references.
    assert [str(e.Alt) for e in document.K[3::4]] == [TRICKY] * 3


def test_annotations_keep_their_structure_parent(merged):
    out, _pages, _counts = merged
    pdf = pikepdf.open(out)
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    keys = set()
    for index in (0, 2, 4):
        annotation = pdf.pages[index].obj.Annots[0]
        key = int(annotation.StructParent)
        keys.add(key)
        link = tree[key]
        assert link.S == "/Link" and link.K[1].Obj.objgen == annotation.objgen
        assert link.Pg.objgen == pdf.pages[index].obj.objgen
    assert len(keys) == 3


def test_content_outside_the_tree_becomes_an_artifact_and_pages_are_numbered(merged):
    out, _pages, _counts = merged
    pdf = pikepdf.open(out)
    first = b"".join(c.read_bytes() for c in pdf.pages[2].obj.Contents)
    assert b"/Artifact <</Type /Pagination>> BDC BT /F1 12 Tf 72 30 Td (Sida 1 av 2)" in first
    assert b"/MCID 2" not in first
    assert b"(sida 3 av 6) Tj" in first
    reader = PdfReader(out)
    text = [page.extract_text() for page in reader.pages]
    assert "Titelsida" in text[0] and "Forsta" in text[2] and "Andra raden" in text[5]
    assert text[5].endswith("sida 6 av 6")
    assert reader.metadata.title == "Sammanställning: test"
    with pdf.open_outline() as outline:
        titles = [(item.title, [c.title for c in item.children]) for item in outline.root]
        pages = [pdf.pages.index(pikepdf.Page(item.destination[0])) for item in outline.root]
    assert titles == [("Innehåll", []), ("Forsta delen", []), ("Andra delen", ["Underrubrik"])]
    assert pages == [1, 2, 4]  # the table of contents is the front matter's second page


def test_untagged_merge_has_no_structure_tree(tmp_path):
    path = tmp_path / "a.part"
    path.write_bytes(partfile.make(io.BytesIO(tagged_pdf("Ett")), tagged=False))
    out = tmp_path / "untagged.pdf"
    merge.assemble(
        [str(path)],
        [{"bookmarks": []}],
        front=lambda counts: tagged_pdf("Titel"),
        title="T",
        output=str(out),
        tagged=False,
    )
    pdf = pikepdf.open(out)
    assert "/StructTreeRoot" not in pdf.Root and len(pdf.pages) == 4
    assert all("/StructParents" not in page.obj for page in pdf.pages)
    assert pdf.check_pdf_syntax() == []


def test_a_part_file_of_another_format_is_refused():
    with pytest.raises(partfile.PartFileError):
        partfile.read(b"%PDF-1.7\n")


# -- the fallback merge through pikepdf ----------------------------------------------------------


def _walk(pdf) -> tuple[list, dict]:
    """The structure tree in reading order, each element as what a reader gets from it (type,
    depth, page, marked content, annotations, attributes), with pages as indexes; and the
    ParentTree with elements as indexes into that list."""
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot
    elements, index_of = [], {}
    stack = [(root.K, 0, None)]
    while stack:
        element, depth, page = stack.pop()
        page = element.get("/Pg", page)
        index_of[element.objgen] = len(elements)
        kids, children = [], []
        for kid in element.K if isinstance(element.K, Array) else [element.K]:
            if isinstance(kid, int):
                kids.append(int(kid))
            elif kid.get("/Type") == Name.MCR:
                kids.append(("MCR", page_of[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == Name.OBJR:
                kids.append(("OBJR", str(kid.Obj.Subtype), page_of[kid.Pg.objgen]))
            else:
                children.append(kid)
        extra = {str(k): repr(element[k]) for k in ("/Alt", "/ActualText", "/Lang", "/A") if k in element}
        elements.append((str(element.S), depth, page_of.get(page.objgen) if page is not None else None, kids, extra))
        stack.extend((kid, depth + 1, page) for kid in reversed(children))
    tree = {
        int(key): [index_of.get(v.objgen) if isinstance(v, Dictionary) else None for v in value]
        if isinstance(value, Array)
        else index_of[value.objgen]
        for key, value in pikepdf.NumberTree(root.ParentTree).items()
    }
    return elements, tree


def summary(path) -> dict:
    """What a reader of the PDF gets: pages (content, box, resources' fonts, annotations), the
    structure tree and ParentTree, outline, catalog entries, document info and XMP."""
    pdf = pikepdf.open(path)
    pages = []
    for page in pdf.pages:
        contents = b"".join(c.read_bytes() for c in page.obj.Contents)
        fonts = {str(k): str(v.get("/BaseFont")) for k, v in page.obj.Resources.Font.items()}
        annotations = [(str(a.Subtype), int(a.get("/StructParent", -1))) for a in page.obj.get("/Annots", [])]
        pages.append((contents, list(page.mediabox), fonts, annotations, int(page.obj.get("/StructParents", -1))))
    with pdf.open_outline() as outline:

        def items(nodes):
            return [(i.title, pdf.pages.index(pikepdf.Page(i.destination[0])), items(i.children)) for i in nodes]

        bookmarks = items(outline.root)
    root = pdf.Root
    stamp = pdf.pages[0].obj.Resources.Font[partfile.STAMP_FONT_NAME]
    return {
        "pages": pages,
        "tree": _walk(pdf),
        "next_key": int(root.StructTreeRoot.ParentTreeNextKey),
        "outline": bookmarks,
        "catalog": [repr(root.get(k)) for k in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/PageMode")],
        "info": {str(k): str(v) for k, v in pdf.docinfo.items()},
        "xmp": root.Metadata.read_bytes(),
        "stamp_font": (repr(stamp.Widths), stamp.FontDescriptor.FontFile2.read_bytes()),
        "syntax": pdf.check_pdf_syntax(),
    }


def test_the_pikepdf_fallback_merges_the_same_document(tmp_path):
    paths = []
    for name in ("Forsta", "Andra", "Tredje"):
        path = tmp_path / f"{name}.part"
        path.write_bytes(partfile.make(io.BytesIO(tagged_pdf(name))))
        paths.append(str(path))
    parts = [{"bookmarks": [("Forsta", 0)]}, {"bookmarks": [("Andra", 0), ("Under", 1)]}, {"bookmarks": []}]
    outputs = {}
    for engine in merge.ENGINES:
        outputs[engine] = tmp_path / f"{engine}.pdf"
        pages = merge.assemble(
            paths, parts, front=lambda counts: tagged_pdf("Titel"), title="T", output=outputs[engine], engine=engine
        )
        assert pages == 8
    assert structure_problems(outputs["pikepdf"]) == []
    bytes_summary, pikepdf_summary = summary(outputs["bytes"]), summary(outputs["pikepdf"])
    assert bytes_summary["syntax"] == []
    assert pikepdf_summary == bytes_summary
    assert len(bytes_summary["tree"][0]) > 12 and bytes_summary["outline"][2][2]  # the comparison saw something


def test_an_unknown_merge_engine_is_refused(tmp_path):
    with pytest.raises(ValueError):
        merge.assemble([], [], front=lambda counts: tagged_pdf("T"), title="T", output=tmp_path / "x.pdf", engine="x")


# -- property: the reference rewriting agrees with pikepdf's own parse ---------------------------

TRICKY_STRINGS = [b"3 0 R", b"(12 0 R)", b"a ( b", b") 4 0 R (", b"\\", b"\\) 5 0 R", b"\r\n0 0 R\n", b"\xfe\xff\x00R"]


def _objects():
    """PDF values: numbers, names, strings (also ones that look like references or hold
    parentheses and backslashes), references to indirect objects (``("ref", n)``), and arrays and
    dictionaries of them."""
    names = st.from_regex(r"[A-Za-z][A-Za-z0-9_.]{0,8}", fullmatch=True).map(lambda s: Name("/" + s))
    strings = st.one_of(st.binary(max_size=24), st.sampled_from(TRICKY_STRINGS)).map(String)
    leaves = st.one_of(
        st.integers(-(10**9), 10**9),
        st.booleans(),
        names,
        strings,
        st.tuples(st.just("ref"), st.integers(0, 5)),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=5),
            st.dictionaries(st.from_regex(r"[A-Z][a-z]{0,6}", fullmatch=True), inner, max_size=5),
        ),
        max_leaves=25,
    )


def _build(pdf, value, targets):
    if isinstance(value, tuple):
        return targets[value[1]]
    if isinstance(value, list):
        return Array([_build(pdf, v, targets) for v in value])
    if isinstance(value, dict):
        return Dictionary({"/" + k: _build(pdf, v, targets) for k, v in value.items()})
    return value


def _plain(obj, seen=()):
    """An object as Python values, indirect objects followed (cycles cut), streams decoded."""
    if isinstance(obj, (Dictionary, Array, pikepdf.Stream)) and obj.is_indirect:
        if obj.objgen in seen:
            return "cycle"
        seen = (*seen, obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        stream_dict = {k: _plain(v, seen) for k, v in obj.stream_dict.items() if k not in ("/Length", "/Filter")}
        return ("stream", stream_dict, obj.read_bytes())
    if isinstance(obj, Dictionary):
        return {str(k): _plain(v, seen) for k, v in obj.items()}
    if isinstance(obj, Array):
        return [_plain(v, seen) for v in obj]
    if isinstance(obj, String):
        return ("string", bytes(obj))
    if isinstance(obj, Name):
        return ("name", str(obj))
    return obj


@hypothesis_settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(value=_objects(), targets=st.lists(_objects(), min_size=6, max_size=6), data=st.binary(max_size=64))
def test_references_survive_part_files_and_merge_as_pikepdf_reads_them(tmp_path_factory, value, targets, data):
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    # Six indirect objects (one a stream with binary data), which may refer to each other.
    holders = [pdf.make_indirect(Dictionary()) for _ in range(5)] + [pdf.make_stream(data)]
    for holder, target in zip(holders[:5], targets, strict=False):
        holder.Value = _build(pdf, target, holders)
    holders[5].stream_dict.Value = _build(pdf, targets[5], holders)
    pdf.pages[0].obj.RemissTest = _build(pdf, value, holders)
    expected = _plain(pdf.pages[0].obj.RemissTest)
    buffer = io.BytesIO()
    pdf.save(buffer)
    folder = tmp_path_factory.mktemp("property")
    path = folder / "a.part"
    path.write_bytes(partfile.make(io.BytesIO(buffer.getvalue())))
    out = folder / "merged.pdf"
    parts = [{"bookmarks": []}, {"bookmarks": []}]  # the same part twice: the second one shifted further
    merge.assemble([str(path)] * 2, parts, front=lambda counts: tagged_pdf("T"), title="T", output=str(out))
    merged = pikepdf.open(out)
    assert merged.check_pdf_syntax() == []
    assert [_plain(merged.pages[i].obj.RemissTest) for i in (2, 3)] == [expected, expected]
