"""Read a remiss's structure from the JSON format of ``data/sou-2018-47.json`` or from pasted text.

Parsing is pure (no database): it returns plain dataclasses, and errors name the wrong field
(``sections[2].items[0].kind: okänd typ 'x'``). Writing to the database goes through
``remiss.services.remisser`` so every change is checked and logged in one place.

JSON format::

    {"title": str, "reference": str, "department": str (optional),
     "reports": [{"id": str, "title": str, "kind": str}],           (optional)
     "sections": [{"number": str, "title": str, "approximate": bool (optional),
                   "items": [{"kind": "förslag"|"rekommendation"|"bedömning", "text": str}]}]}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.errors import ApplicationError

from .models import ProposalKind

KINDS = {choice.value for choice in ProposalKind}
MAX_SECTIONS = 500
MAX_ITEMS = 500


class ImportFormatError(ApplicationError, ValueError):
    """The input is not in the expected format. ``str(error)`` is a Swedish message naming the field."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


@dataclass
class ImportedItem:
    kind: str
    text: str


@dataclass
class ImportedSection:
    number: str
    title: str
    approximate: bool = False
    items: list[ImportedItem] = field(default_factory=list)


@dataclass
class ImportedRemiss:
    title: str = ""
    reference: str = ""
    department: str = ""
    reports: list[dict[str, str]] = field(default_factory=list)
    sections: list[ImportedSection] = field(default_factory=list)

    @property
    def proposal_count(self) -> int:
        return sum(len(section.items) for section in self.sections)


# --- JSON ---------------------------------------------------------------------------------------


def _string(data: dict, key: str, path: str, *, required: bool = True, max_length: int = 500) -> str:
    value = data.get(key)
    where = f"{path}.{key}" if path else key
    if value is None:
        if required:
            raise ImportFormatError(where, _("saknas"))
        return ""
    if not isinstance(value, str):
        raise ImportFormatError(where, _("måste vara text"))
    value = value.strip()
    if required and not value:
        raise ImportFormatError(where, _("får inte vara tomt"))
    if len(value) > max_length:
        raise ImportFormatError(where, _("för långt (högst %(max)d tecken)") % {"max": max_length})
    return value


def _list(data: dict, key: str, path: str, *, required: bool = True) -> list:
    value = data.get(key)
    where = f"{path}.{key}" if path else key
    if value is None:
        if required:
            raise ImportFormatError(where, _("saknas"))
        return []
    if not isinstance(value, list):
        raise ImportFormatError(where, _("måste vara en lista"))
    return value


def _object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise ImportFormatError(path, _("måste vara ett objekt"))
    return value


def parse_remiss_data(data: Any, *, require_header: bool = True) -> ImportedRemiss:
    """Validate already-decoded JSON. ``require_header`` False accepts a file with only ``sections``."""
    data = _object(data, "")
    result = ImportedRemiss(
        title=_string(data, "title", "", required=require_header),
        reference=_string(data, "reference", "", required=require_header, max_length=100),
        department=_string(data, "department", "", required=False, max_length=200),
    )
    for i, report in enumerate(_list(data, "reports", "", required=False)):
        path = f"reports[{i}]"
        report = _object(report, path)
        result.reports.append(
            {
                "id": _string(report, "id", path, max_length=100),
                "title": _string(report, "title", path, required=False),
                "kind": _string(report, "kind", path, required=False, max_length=100),
            }
        )
    sections = _list(data, "sections", "")
    if not sections:
        raise ImportFormatError("sections", _("listan är tom"))
    if len(sections) > MAX_SECTIONS:
        raise ImportFormatError("sections", _("för många avsnitt (högst %(max)d)") % {"max": MAX_SECTIONS})
    for i, raw in enumerate(sections):
        path = f"sections[{i}]"
        raw = _object(raw, path)
        approximate = raw.get("approximate", False)
        if not isinstance(approximate, bool):
            raise ImportFormatError(f"{path}.approximate", _("måste vara true eller false"))
        section = ImportedSection(
            number=_string(raw, "number", path, required=False, max_length=30),
            title=_string(raw, "title", path),
            approximate=approximate,
        )
        items = _list(raw, "items", path)
        if len(items) > MAX_ITEMS:
            raise ImportFormatError(f"{path}.items", _("för många förslag (högst %(max)d)") % {"max": MAX_ITEMS})
        for j, item in enumerate(items):
            item_path = f"{path}.items[{j}]"
            item = _object(item, item_path)
            kind = _string(item, "kind", item_path, max_length=30).lower()
            if kind not in KINDS:
                raise ImportFormatError(f"{item_path}.kind", _("okänd typ '%(kind)s'") % {"kind": item.get("kind")})
            section.items.append(ImportedItem(kind=kind, text=_string(item, "text", item_path, max_length=50_000)))
        result.sections.append(section)
    return result


def parse_remiss_json(raw: bytes | str, *, require_header: bool = True) -> ImportedRemiss:
    """Decode and validate a JSON document; raises ImportFormatError with a Swedish message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFormatError("", _("Filen är inte UTF-8-kodad text.")) from None
    try:
        data = json.loads(raw, parse_int=_small_int)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            "",
            _("Filen är inte giltig JSON (rad %(line)d, kolumn %(col)d).") % {"line": error.lineno, "col": error.colno},
        ) from None
    except RecursionError:
        raise ImportFormatError("", _("Filen är för djupt nästlad för att vara en remiss.")) from None
    except ValueError:  # from _small_int
        raise ImportFormatError("", _("Filen innehåller ett orimligt stort tal.")) from None
    return parse_remiss_data(data, require_header=require_header)


def _small_int(text: str) -> int:
    """No number in a remiss needs more than a few digits; a huge one only costs time (or fails)."""
    if len(text.lstrip("-")) > 18:
        raise ValueError(text[:20])
    return int(text)


# --- Pasted numbered text -------------------------------------------------------------------------

# "7.4.3 Rubrik", "7.4.3. Rubrik" or "8 Rubrik": a section heading. A year ("2019 års …") is not.
SECTION_LINE = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+|\d{1,2})\.?\s+(?P<title>\S.*)$")
# "1. Regeringen ska …", "2) …", "a) …": one item of a numbered list inside a section.
LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[a-zåäö]\))\s+(?P<text>\S.*)$", re.IGNORECASE)
KIND_PREFIX = re.compile(r"^(?P<kind>förslag|rekommendation|bedömning)\s*:\s*(?P<text>.*)$", re.IGNORECASE)
BULLET = re.compile(r"^[-–•*]\s+")


@dataclass
class PastedText:
    """The result of parsing pasted text: the sections with items, and the headings left out because
    no proposal followed them (shown to the user, never dropped silently)."""

    sections: list[ImportedSection] = field(default_factory=list)
    empty_headings: list[ImportedSection] = field(default_factory=list)


def _heading(line: str) -> re.Match | None:
    """A section heading, unless it is a numbered list item ("1. Regeringen ska …")."""
    match = SECTION_LINE.match(line)
    if match is None:
        return None
    if "." not in match["number"] and line[len(match["number"])] in ".)":
        return None  # "1. Text" or "1) Text": a list item
    return match


def parse_pasted_text(text: str) -> PastedText:
    """Parse text pasted from a report's list of proposals.

    - ``7.4.3 Rubrik`` (or ``8 Rubrik``) starts a section.
    - Each following line is one item (a förslag unless prefixed ``Rekommendation:`` or ``Bedömning:``).
    - In a numbered list (``1. …``, ``2) …``, ``a) …``) an item starts at each number, and
      unnumbered lines after it continue that item (text wrapped when copied from a PDF).
    - Headings without any item (e.g. a chapter heading followed by its sub-sections) are not
      created; they are returned in ``empty_headings`` so the user is told.
    """
    result = PastedText()
    current: ImportedSection | None = None
    continuing = False  # the last item came from a numbered list: unnumbered lines continue it
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continuing = False
            continue
        heading = _heading(line)
        if heading:
            current = ImportedSection(number=heading["number"], title=heading["title"].strip()[:500])
            result.sections.append(current)
            continuing = False
            continue
        listed = LIST_ITEM.match(line)
        if current is None:
            if listed:
                raise ImportFormatError(
                    _("rad %(line)d") % {"line": lineno},
                    _(
                        "raden ser ut som ett numrerat förslag. Skriv en avsnittsrubrik, till exempel "
                        "”7.1.1 Rubrik”, på raden ovanför förslagen"
                    ),
                )
            raise ImportFormatError(
                _("rad %(line)d") % {"line": lineno},
                _("texten måste börja med ett numrerat avsnitt, till exempel ”7.1.1 Rubrik”"),
            )
        if listed:
            line = listed["text"].strip()
        else:
            bullet = BULLET.match(line)
            line = BULLET.sub("", line)
            prefixed = KIND_PREFIX.match(line)
            if continuing and not bullet and not prefixed and current.items:
                current.items[-1].text = f"{current.items[-1].text} {line}"[:50_000]
                continue
        kind = ProposalKind.PROPOSAL.value
        prefixed = KIND_PREFIX.match(line)
        if prefixed:
            kind = prefixed["kind"].lower()
            line = prefixed["text"].strip()
        if not line:
            raise ImportFormatError(_("rad %(line)d") % {"line": lineno}, _("förslaget saknar text"))
        current.items.append(ImportedItem(kind=kind, text=line))
        continuing = bool(listed)
    if not result.sections:
        raise ImportFormatError("", _("Texten är tom."))
    result.empty_headings = [s for s in result.sections if not s.items]
    result.sections = [s for s in result.sections if s.items]
    if not result.sections:
        raise ImportFormatError(
            "",
            _(
                "Texten innehåller bara rubriker och inga förslag. Skriv förslagen på raderna under "
                "avsnittsrubriken, ett per rad eller numrerade (1., 2., …)."
            ),
        )
    if len(result.sections) > MAX_SECTIONS:
        raise ImportFormatError("", _("För många avsnitt (högst %(max)d).") % {"max": MAX_SECTIONS})
    return result
