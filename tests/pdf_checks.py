"""PDF/UA-1 checks for the PDFs we write: the third-party ``pdfua`` checker (the machine-checkable
subset it covers) beside checks of our own that read the structure tree with pikepdf."""

from __future__ import annotations

import io
import os
import tempfile

import pikepdf
from pikepdf import Array, Dictionary, Name

# pdfua 0.1.3's empty-heading rule raises on a heading whose /K is an array (it asks a pikepdf
# Array for ``is_integer``) and is skipped; ``own_problems`` checks headings instead.
CHECKER_BUGS = {"UA-14-001"}


def checker_problems(source) -> list[str]:
    """Findings of the ``pdfua`` checker, and rules it could not evaluate (other than known bugs)."""
    from pdfua import validate

    if isinstance(source, bytes):
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(source)
        try:
            return checker_problems(handle.name)
        finally:
            os.unlink(handle.name)
    report = validate(str(source))
    problems = [f"{f.rule_id}: {f.message} ({f.location.describe()})" for f in report.findings]
    problems += [f"{s.rule_id} not evaluated" for s in report.skipped if s.rule_id not in CHECKER_BUGS]
    return problems


def _kids(element) -> list:
    kids = element.get("/K")
    return [] if kids is None else list(kids) if isinstance(kids, Array) else [kids]


def _marks_content(element) -> bool:
    for kid in _kids(element):
        if isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") in (Name.MCR, Name.OBJR)):
            return True
        if isinstance(kid, Dictionary) and "/S" in kid and _marks_content(kid):
            return True
    return False


def _attributes(element) -> list:
    value = element.get("/A")
    return [] if value is None else [a for a in (value if isinstance(value, Array) else [value])]


def elements(pdf) -> list:
    """Every structure element in the tree, in reading order."""
    found, stack = [], list(reversed(_kids(pdf.Root.StructTreeRoot)))
    while stack:
        element = stack.pop()
        if isinstance(element, Dictionary) and "/S" in element:
            found.append(element)
            stack.extend(reversed(_kids(element)))
    return found


def _font_problems(pdf) -> list[str]:
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        for name, font in page.obj.get("/Resources", {}).get("/Font", {}).items():
            fonts = list(font.DescendantFonts) if font.get("/Subtype") == Name.Type0 else [font]
            for real in fonts:
                if real.get("/Subtype") == Name.Type3:
                    continue
                descriptor = real.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"page {number}: font {name} ({real.get('/BaseFont')}) is not embedded")
    return problems


def own_problems(source) -> list[str]:
    """Our reading of PDF/UA-1 for what we write: marked and tagged, a language and a title shown,
    the PDF/UA identifier in XMP, every font embedded, every figure with alternative text, every
    table header cell with a scope, no empty heading."""
    pdf = pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    root = pdf.Root
    problems = []
    if "/StructTreeRoot" not in root or root.get("/MarkInfo", {}).get("/Marked") is not True:
        return ["not a tagged PDF"]
    if not str(root.get("/Lang", "")):
        problems.append("no /Lang in the catalog")
    if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        problems.append("the title is not shown (DisplayDocTitle)")
    with pdf.open_metadata() as meta:
        if meta.get("pdfuaid:part") != "1":
            problems.append("no pdfuaid:part 1 in XMP")
        if not meta.get("dc:title"):
            problems.append("no dc:title in XMP")
    problems += _font_problems(pdf)
    for element in elements(pdf):
        kind = str(element.S)
        if kind == "/Figure" and not (str(element.get("/Alt", "")) or str(element.get("/ActualText", ""))):
            problems.append("a /Figure without /Alt")
        if kind == "/TH" and not any("/Scope" in a for a in _attributes(element) if isinstance(a, Dictionary)):
            problems.append("a /TH without /Scope")
        if kind in ("/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6") and not _marks_content(element):
            problems.append(f"an empty {kind}")
    return problems


def pdfua_problems(source) -> list[str]:
    """Both: the third-party checker's and our own (``source``: a path or the PDF's bytes)."""
    return checker_problems(source) + own_problems(source)
