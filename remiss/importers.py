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

from .models import ProposalKind

KINDS = {choice.value for choice in ProposalKind}
MAX_SECTIONS = 500
MAX_ITEMS = 500


class ImportFormatError(ValueError):
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
            raise ImportFormatError(where, "saknas")
        return ""
    if not isinstance(value, str):
        raise ImportFormatError(where, "måste vara text")
    value = value.strip()
    if required and not value:
        raise ImportFormatError(where, "får inte vara tomt")
    if len(value) > max_length:
        raise ImportFormatError(where, f"för långt (högst {max_length} tecken)")
    return value


def _list(data: dict, key: str, path: str, *, required: bool = True) -> list:
    value = data.get(key)
    where = f"{path}.{key}" if path else key
    if value is None:
        if required:
            raise ImportFormatError(where, "saknas")
        return []
    if not isinstance(value, list):
        raise ImportFormatError(where, "måste vara en lista")
    return value


def _object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise ImportFormatError(path, "måste vara ett objekt")
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
        raise ImportFormatError("sections", "listan är tom")
    if len(sections) > MAX_SECTIONS:
        raise ImportFormatError("sections", f"för många avsnitt (högst {MAX_SECTIONS})")
    for i, raw in enumerate(sections):
        path = f"sections[{i}]"
        raw = _object(raw, path)
        approximate = raw.get("approximate", False)
        if not isinstance(approximate, bool):
            raise ImportFormatError(f"{path}.approximate", "måste vara true eller false")
        section = ImportedSection(
            number=_string(raw, "number", path, required=False, max_length=30),
            title=_string(raw, "title", path),
            approximate=approximate,
        )
        items = _list(raw, "items", path)
        if len(items) > MAX_ITEMS:
            raise ImportFormatError(f"{path}.items", f"för många förslag (högst {MAX_ITEMS})")
        for j, item in enumerate(items):
            item_path = f"{path}.items[{j}]"
            item = _object(item, item_path)
            kind = _string(item, "kind", item_path, max_length=30).lower()
            if kind not in KINDS:
                raise ImportFormatError(f"{item_path}.kind", f"okänd typ '{item.get('kind')}'")
            section.items.append(ImportedItem(kind=kind, text=_string(item, "text", item_path, max_length=50_000)))
        result.sections.append(section)
    return result


def parse_remiss_json(raw: bytes | str, *, require_header: bool = True) -> ImportedRemiss:
    """Decode and validate a JSON document; raises ImportFormatError with a Swedish message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFormatError("", "Filen är inte UTF-8-kodad text.") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImportFormatError("", f"Filen är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}).") from None
    return parse_remiss_data(data, require_header=require_header)


# --- Pasted numbered text -------------------------------------------------------------------------

SECTION_LINE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})+)\.?\s+(?P<title>\S.*)$")
KIND_PREFIX = re.compile(r"^(?P<kind>förslag|rekommendation|bedömning)\s*:\s*(?P<text>.*)$", re.IGNORECASE)
BULLET = re.compile(r"^[-–•*]\s+")


def parse_numbered_text(text: str) -> list[ImportedSection]:
    """Lines such as ``7.1.1 Titel`` start a section; the following lines are its items, each
    optionally prefixed ``Förslag:``, ``Rekommendation:`` or ``Bedömning:`` (default förslag)."""
    sections: list[ImportedSection] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = SECTION_LINE.match(line)
        if match:
            sections.append(ImportedSection(number=match["number"], title=match["title"].strip()[:500]))
            continue
        if not sections:
            raise ImportFormatError(
                f"rad {lineno}", "texten måste börja med ett numrerat avsnitt, till exempel ”7.1.1 Rubrik”"
            )
        line = BULLET.sub("", line)
        kind = ProposalKind.PROPOSAL.value
        prefixed = KIND_PREFIX.match(line)
        if prefixed:
            kind = prefixed["kind"].lower()
            line = prefixed["text"].strip()
        if not line:
            raise ImportFormatError(f"rad {lineno}", "förslaget saknar text")
        sections[-1].items.append(ImportedItem(kind=kind, text=line))
    if not sections:
        raise ImportFormatError("", "Texten är tom.")
    if len(sections) > MAX_SECTIONS:
        raise ImportFormatError("", f"För många avsnitt (högst {MAX_SECTIONS}).")
    return sections
