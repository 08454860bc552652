"""The sammanställning as an editable Word document (python-docx): real headings, a table-of-contents
field that Word fills in (F9), real tables of stances, the text chapters and the drafted
"Remissinstanserna" paragraph per proposal — what officials paste into the proposition."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .data import section_name
from .spreadsheet import xml_text


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


class _Writer:
    """Appends paragraphs straight before the body's closing section properties, with style ids looked
    up once. python-docx's ``add_paragraph(style=…)`` resolves the style by name and scans the whole
    body for the insertion point on every call: a 300 × 40 sammanställning (25 000 paragraphs) took
    34 s that way, and takes about a second this way (benchmarks/compile.py)."""

    def __init__(self, document):
        self.document = document
        self.end = document.element.body.sectPr
        self.styles: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        if name not in self.styles:
            self.styles[name] = self.document.styles[name].style_id
        return self.styles[name]

    def paragraph(self, text: str = "", style: str | None = None):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        p = OxmlElement("w:p")
        if style:
            properties = OxmlElement("w:pPr")
            style_element = OxmlElement("w:pStyle")
            style_element.set(qn("w:val"), self._style_id(style))
            properties.append(style_element)
            p.append(properties)
        if text:
            run = OxmlElement("w:r")
            for number, line in enumerate(xml_text(str(text)).split("\n")):
                if number:
                    run.append(OxmlElement("w:br"))
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = line
                run.append(t)
            p.append(run)
        self.end.addprevious(p)
        return p

    def heading(self, text: str, level: int):
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")


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
            cell.text = xml_text(str(value))


def _marks(entry: dict) -> str:
    marks = [_("inkommit som dokument")] if entry.get("document") else []
    marks += [_("övriga, ej på remisslistan")] if entry.get("other") else []
    return "".join(f" ({mark})" for mark in marks)


def _entries(out: _Writer, entries: list[dict]) -> None:
    for entry in entries:
        out.paragraph(entry["organisation"] + _marks(entry), "Heading 4")
        out.paragraph(entry.get("comment") or _("Ingen kommentar."))


def _themes(out: _Writer, themes: list[dict]) -> None:
    """Each theme of a proposal: its label, who raised it and its key quote."""
    if not themes:
        return
    out.heading(_("Teman"), 3)
    for theme in themes:
        out.heading(theme["label"] + (_(" (viktigt)") if theme.get("key") else ""), 4)
        out.paragraph(_("Tas upp av: %(who)s") % {"who": theme["who"]})
        if theme["quote"]:
            out.paragraph(f"”{theme['quote']}”", "Quote")


def build_docx(figures: dict) -> bytes:
    import docx

    remiss = figures["remiss"]
    document = docx.Document()
    document.core_properties.title = _("Remissammanställning: %(title)s") % {"title": remiss["title"]}
    document.core_properties.language = "sv-SE"
    out = _Writer(document)
    out.heading(_("Remissammanställning"), 0)
    out.paragraph(f"{remiss['title']}\n{_('Diarienummer')} {remiss['reference']} · {remiss['ministry']}")
    out.paragraph(
        _("Skapad %(when)s. Urval: %(scope)s.")
        % {"when": figures["generated_at"], "scope": "; ".join(figures["scope"])}
    )
    out.heading(_("Innehåll"), 1)
    _toc_field(document.add_paragraph())

    out.heading(_("Remisslista"), 1)
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
        out.heading(_("Svar med i stort sett samma text"), 2)
        for group in figures["duplicate_groups"]:
            out.paragraph(
                _("%(n)d svar med i stort sett samma text: %(names)s")
                % {"n": group["size"], "names": ", ".join(group["members"])},
                "List Bullet",
            )
    for chapter in figures.get("text_chapters", []):
        out.heading(chapter["title"], 1)
        _entries(out, chapter["entries"])
    for section in figures["sections"]:
        out.heading(section_name(section), 1)
        for proposal in section["proposals"]:
            out.heading(f"{proposal['kind']} {proposal['label']}", 2)
            out.paragraph(proposal["text"], "Quote")
            _table(
                document,
                [_("Ställningstagande"), _("Antal"), _("Andel")],
                [[c["label"], c["n"], f"{c['percent']} %"] for c in proposal["counts"]]
                + [[_("Totalt"), proposal["total"], ""]],
            )
            _themes(out, proposal.get("themes", []))
            out.heading(_("Remissinstanserna"), 3)
            out.paragraph(proposal.get("draft", ""))
            if proposal.get("draft_changed"):
                out.paragraph(
                    _("Obs! Svaren har ändrats sedan texten redigerades. Kontrollera texten mot siffrorna ovan.")
                )
            if proposal.get("ministry_comment"):
                out.heading(_("Departementets kommentar"), 3)
                out.paragraph(proposal["ministry_comment"])
            for group in proposal["groups"]:
                out.heading(group["label"], 3)
                _entries(out, group["entries"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
