"""Accessibility fixes to WeasyPrint's tagged output, applied to every tagged PDF we write.

WeasyPrint 70 writes /Headers on table data cells but no /Scope on header cells, so checkers
(``pdfua`` UA-15-003) find the header association undeterminable. ``scope_header_cells`` gives
each /TH a /Scope; ``render_pdf`` applies it to a rendered PDF with a table, and the
sammanställning's part files (``remiss.compilation.partfile``) to each part.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name


def as_list(value) -> list:
    """An entry that may be one object, an array of them or absent, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]


def scope_header_cells(row, cells: list) -> None:
    """Give each /TH of a table row a /Scope attribute, unless it has one (PDF/UA-1 7.5: the
    header of a data cell must be determinable). WeasyPrint writes /Headers on the data cells but
    no /Scope on the header cells. A header cell in a /THead, or in a row of header cells only,
    heads its column; one in a row that also holds data cells heads its row (as HTML's ``scope``
    defaults)."""
    cells = [c for c in cells if isinstance(c, Dictionary) and "/S" in c]
    headers = [c for c in cells if c.get("/S") == Name.TH]
    if not headers:
        return
    parent = row.get("/P")
    in_head = isinstance(parent, Dictionary) and parent.get("/S") == Name.THead
    scope = Name.Column if in_head or len(headers) == len(cells) else Name.Row
    for cell in headers:
        attributes = cell.get("/A")
        if attributes is None:
            cell.A = Dictionary(O=Name.Table, Scope=scope)
            continue
        table = next((a for a in as_list(attributes) if isinstance(a, Dictionary) and a.get("/O") == Name.Table), None)
        if table is None:
            cell.A = Array([*as_list(attributes), Dictionary(O=Name.Table, Scope=scope)])
        elif "/Scope" not in table:
            table.Scope = scope


def add_header_scopes(data: bytes) -> bytes:
    """``data`` (a tagged PDF) with a /Scope on every table header cell; unchanged without any."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        rows, stack, seen = [], as_list(tree.get("/K")) if tree is not None else [], set()
        while stack:
            element = stack.pop()
            if not isinstance(element, Dictionary) or "/S" not in element or element.objgen in seen:
                continue
            if element.is_indirect:
                seen.add(element.objgen)
            kids = as_list(element.get("/K"))
            if element.S == Name.TR:
                rows.append((element, kids))
            stack.extend(kids)
        if not rows:
            return data
        for row, cells in rows:
            scope_header_cells(row, cells)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False)
        return out.getvalue()
