"""The sammanställning as an editable Word document (python-docx): real headings, a table-of-contents
field that Word fills in (F9), real tables of stances, the text chapters and the drafted
"Remissinstanserna" paragraph per proposal — what officials paste into the proposition."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .data import section_name


def _toc_field(paragraph) -> None:
    """A TOC field over heading levels 1–2; Word updates it when the document is opened or on F9."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
    placeholder = OxmlElement("w:t")
    placeholder.text = _("Högerklicka och välj Uppdatera fält för att visa innehållsförteckningen.")
    run = paragraph.add_run()
    run._r.append(char("begin"))
    run._r.append(instruction)
    run._r.append(char("separate"))
    run._r.append(placeholder)
    run._r.append(char("end"))


def _table(document, header: list[str], rows: list[list]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def _marks(entry: dict) -> str:
    marks = [_("inkommit som dokument")] if entry.get("document") else []
    marks += [_("övriga, ej på remisslistan")] if entry.get("other") else []
    return "".join(f" ({mark})" for mark in marks)


def _entries(document, entries: list[dict]) -> None:
    for entry in entries:
        name = entry["organisation"] + _marks(entry)
        document.add_paragraph(name, style="Heading 4")
        document.add_paragraph(entry.get("comment") or _("Ingen kommentar."))


def build_docx(figures: dict) -> bytes:
    import docx

    remiss = figures["remiss"]
    document = docx.Document()
    document.core_properties.title = _("Remissammanställning: %(title)s") % {"title": remiss["title"]}
    document.core_properties.language = "sv-SE"
    document.add_heading(_("Remissammanställning"), level=0)
    document.add_paragraph(f"{remiss['title']}\n{_('Diarienummer')} {remiss['reference']} · {remiss['ministry']}")
    document.add_paragraph(
        _("Skapad %(when)s. Urval: %(scope)s.")
        % {"when": figures["generated_at"], "scope": "; ".join(figures["scope"])}
    )
    document.add_heading(_("Innehåll"), level=1)
    _toc_field(document.add_paragraph())

    document.add_heading(_("Remisslista"), level=1)
    _table(
        document,
        [_("Remissinstans"), _("Typ"), _("Status"), _("Inkom")],
        [
            [
                r["name"],
                r["kind"],
                r["status_label"] + _marks(r),
                r["submitted_at"],
            ]
            for r in figures["recipients"]
        ],
    )
    if figures.get("duplicate_groups"):
        document.add_heading(_("Svar med i stort sett samma text"), level=2)
        for group in figures["duplicate_groups"]:
            document.add_paragraph(
                _("%(n)d svar med i stort sett samma text: %(names)s")
                % {"n": group["size"], "names": ", ".join(group["members"])},
                style="List Bullet",
            )
    for chapter in figures.get("text_chapters", []):
        document.add_heading(chapter["title"], level=1)
        _entries(document, chapter["entries"])
    for section in figures["sections"]:
        document.add_heading(section_name(section), level=1)
        for proposal in section["proposals"]:
            document.add_heading(f"{proposal['kind']} {proposal['label']}", level=2)
            document.add_paragraph(proposal["text"], style="Quote")
            _table(
                document,
                [_("Ställningstagande"), _("Antal"), _("Andel")],
                [[c["label"], c["n"], f"{c['percent']} %"] for c in proposal["counts"]]
                + [[_("Totalt"), proposal["total"], ""]],
            )
            document.add_heading(_("Remissinstanserna"), level=3)
            document.add_paragraph(proposal.get("draft", ""))
            if proposal.get("draft_changed"):
                document.add_paragraph(
                    _("Obs! Svaren har ändrats sedan texten redigerades. Kontrollera texten mot siffrorna ovan.")
                )
            if proposal.get("ministry_comment"):
                document.add_heading(_("Departementets kommentar"), level=3)
                document.add_paragraph(proposal["ministry_comment"])
            for group in proposal["groups"]:
                document.add_heading(group["label"], level=3)
                _entries(document, group["entries"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
