"""A scripted subset of a tagged-PDF checker, shared by the compilation tests."""

from __future__ import annotations


def structure_problems(path) -> list[str]:
    """What a tagged-PDF checker would object to in the structure tree (a scripted subset of the
    PDF/UA checks of veraPDF): every MCID in a page's content is listed by exactly one structure
    element in the tree, and the page's /StructParents entry in the ParentTree points at that
    element; elements' /P and /Pg are right; qpdf finds no syntax problems."""
    import re

    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.open(path)
    problems = list(pdf.check_pdf_syntax())
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    seen: set[tuple[int, int]] = set()
    stack = [(kid, root, None) for kid in (root.K if isinstance(root.K, Array) else [root.K])]
    while stack:
        element, parent, page = stack.pop()
        if element.objgen in seen:
            problems.append(f"element {element.objgen} is in the tree twice")
            continue
        seen.add(element.objgen)
        if element.P.objgen != parent.objgen:
            problems.append(f"element {element.objgen}: /P is not its parent")
        page = element.get("/Pg", page)
        if page is not None and page.objgen not in page_of:
            problems.append(f"element {element.objgen}: /Pg is not a page")
        kids = element.get("/K")
        for kid in kids if isinstance(kids, Array) else [] if kids is None else [kids]:
            if isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                on = page if isinstance(kid, int) else kid.get("/Pg", page)
                mcid = (page_of[on.objgen], int(kid if isinstance(kid, int) else kid.MCID))
                if mcid in owner:
                    problems.append(f"MCID {mcid} is listed twice")
                owner[mcid] = element.objgen
            elif isinstance(kid, Dictionary) and "/S" in kid:
                stack.append((kid, element, page))
    parent_tree = {int(key): value for key, value in pikepdf.NumberTree(root.ParentTree).items()}
    in_content = 0
    for index, page in enumerate(pdf.pages):
        contents = page.obj.Contents
        data = b"\n".join(c.read_bytes() for c in (contents if isinstance(contents, Array) else [contents]))
        mcids = [int(m) for m in re.findall(rb"/MCID\s+(\d+)", data)]
        in_content += len(mcids)
        if not mcids:
            continue
        entry = parent_tree.get(int(page.obj.get("/StructParents", -1)))
        if entry is None:
            problems.append(f"page {index}: /StructParents is not in the ParentTree")
            continue
        for mcid in mcids:
            listed = entry[mcid] if mcid < len(entry) else None
            if owner.get((index, mcid)) is None:
                problems.append(f"page {index}: MCID {mcid} is in no structure element")
            elif not isinstance(listed, Dictionary) or listed.objgen != owner[(index, mcid)]:
                problems.append(f"page {index}: the ParentTree entry of MCID {mcid} is not its element")
    if len(owner) != in_content:
        problems.append(f"{len(owner)} MCIDs in the tree, {in_content} in the content")
    if parent_tree and int(root.ParentTreeNextKey) <= max(parent_tree):
        problems.append("ParentTreeNextKey is not above every key")
    return problems
