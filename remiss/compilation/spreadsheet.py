"""The compilation's figures as XLSX (summary + one row per organisation and proposal) and CSV."""

from __future__ import annotations

import csv
import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .data import NOT_ANSWERED, STANCE_ORDER, section_name, stance_labels

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold. Text pasted from Word carries some (vertical tab, form feed); in an
# XLSX or DOCX they make the file unreadable (openpyxl refuses them), so they are left out.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return NOT_XML.sub("", value)


def safe_cell(value):
    """Neutralise spreadsheet formula injection in user text (OWASP CSV injection), without the
    characters an XLSX cannot hold."""
    if isinstance(value, str):
        value = xml_text(value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


class SafeCsvWriter:
    """A semicolon CSV writer (what Swedish Excel expects) whose every cell goes through ``safe_cell``."""

    def __init__(self, stream):
        self.writer = csv.writer(stream, delimiter=";")

    def writerow(self, row) -> None:
        self.writer.writerow([safe_cell(value) for value in row])


def _organisations(figures: dict) -> dict[str, dict]:
    """Per organisation name: its kind, län, date, lateness and campaign group, for the analyst columns."""
    groups = {}
    for number, group in enumerate(figures.get("duplicate_groups", []), start=1):
        for name in group["members"]:
            groups[name] = _("Grupp %(n)s (%(size)s svar)") % {"n": number, "size": group["size"]}
    late = {r["name"] for r in figures.get("recipients", []) if r.get("status") == "late"}
    return {
        r["name"]: {
            "kind": str(r.get("kind", "")),
            "county": r.get("county", ""),
            "date": r.get("submitted_at", ""),
            "late": _("Ja") if r["name"] in late else "",
            "group": groups.get(r["name"], ""),
        }
        for r in figures.get("recipients", [])
    }


def detail_rows(figures: dict) -> list[list]:
    """One row per organisation and proposal (and per free-text chapter), with everything an analyst
    filters on: kind, län, date, late, document, Övriga, campaign group, the stance as label and code."""
    rows = []
    labels = stance_labels()
    about = _organisations(figures)
    blank = {"kind": "", "county": "", "date": "", "late": "", "group": ""}

    def row(entry, section: str, label: str, text: str, stance: str, themes: str) -> list:
        org = about.get(entry["organisation"], blank)
        stance_label = labels[stance] if stance else ""
        return [
            entry["organisation"],
            section,
            label,
            text,
            stance_label,
            entry["comment"],
            themes,
            *_marks(entry),
            org["kind"],
            org["county"],
            org["date"],
            org["late"],
            "" if stance in ("", NOT_ANSWERED) else stance,
            org["group"],
        ]

    for section in figures["sections"]:
        for proposal in section["proposals"]:
            themes = _themes_of(proposal)
            for group in proposal["groups"]:
                for entry in group["entries"]:
                    names = "; ".join(themes.get(entry["organisation"], []))
                    rows.append(
                        row(entry, section_name(section), proposal["label"], proposal["text"], group["stance"], names)
                    )
    # Sammanfattningar, generella synpunkter and consequence answers: the chapter in "Avsnitt".
    for chapter in figures.get("text_chapters", []):
        for entry in chapter["entries"]:
            rows.append(row(entry, chapter["title"], "", "", "", ""))
    rows.sort(key=lambda r: (r[0].casefold(),))
    return rows


def _themes_of(proposal: dict) -> dict[str, list[str]]:
    """Organisation name → the labels of the proposal's themes it is in."""
    result: dict[str, list[str]] = {}
    for theme in proposal.get("themes", []):
        for name in theme["organisations"]:
            result.setdefault(name, []).append(theme["label"])
    return result


def _marks(entry: dict) -> list[str]:
    """ "Ja" where the answer came as a document, and where its sender is among Övriga."""
    return [_("Ja") if entry.get("document") else "", _("Ja") if entry.get("other") else ""]


def detail_header() -> list[str]:
    return [
        _("Organisation"),
        _("Avsnitt"),
        _("Förslag"),
        _("Förslagstext"),
        _("Ställningstagande"),
        _("Kommentar"),
        _("Teman"),
        _("Inkommit som dokument"),
        _("Övriga (ej på remisslistan)"),
        _("Typ av organisation"),
        _("Län"),
        _("Inkommit"),
        _("För sent"),
        _("Ställningstagande (kod)"),
        _("Likalydande svar"),
    ]


def build_xlsx(figures: dict) -> bytes:
    """Two sheets, streamed (openpyxl's write-only mode: a 300 × 40 sammanställning's 12 000 rows
    in a fraction of the time and memory of a workbook held as cells)."""
    from openpyxl.cell import WriteOnlyCell

    labels = stance_labels()
    order = [s or NOT_ANSWERED for s in STANCE_ORDER]
    book = Workbook(write_only=True)
    summary = book.create_sheet(_("Sammanfattning"))
    detail = book.create_sheet(_("Svar"))
    bold = Font(bold=True)

    def header(sheet, titles: list[str]) -> None:
        sheet.freeze_panes = "A2"
        cells = []
        for title in titles:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    header(summary, [_("Avsnitt"), _("Förslag"), _("Förslagstext")] + [labels[s] for s in order] + [_("Totalt")])
    for section in figures["sections"]:
        for proposal in section["proposals"]:
            counts = {c["stance"]: c["n"] for c in proposal["counts"]}
            text = [section_name(section), proposal["label"], proposal["text"]]
            summary.append([safe_cell(v) for v in text] + [counts[s] for s in order] + [proposal["total"]])
    header(detail, detail_header())
    rows = detail_rows(figures)
    for row in rows:
        detail.append([safe_cell(v) for v in row])
    # A filter on every column of the answers (write-only sheets take it before saving).
    detail.auto_filter.ref = f"A1:{_column(len(detail_header()))}{len(rows) + 1}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _column(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def build_csv(figures: dict) -> bytes:
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(detail_header())
    for row in detail_rows(figures):
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 with å ä ö correctly
