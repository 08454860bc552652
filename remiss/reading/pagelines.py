"""Page furniture in the raw lines of a document: page numbers ("2 (5)") and the headers and footers a
PDF repeats on every page, removed before paragraphs are formed, so a paragraph cut by a page break
joins up again. The patterns for dates, diarienummer and letter titles are shared with ``furniture``.
"""

from __future__ import annotations

import re
from collections import Counter

PAGE_NUMBER = re.compile(r"^(?:sid(?:an|a)?\.?\s*)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|/)\s*\d{1,3})?$", re.I)
DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2} (?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w* \d{4})"
DIARIUM = r"(?:\d+(?:\.\d+)*-\d+/\d{4}|[A-ZÅÄÖ]{1,6}[ -]?\d{4}/\d{1,6}|\d{1,4}[-/]\d{1,4}[-/]\d{2,6}|[A-ZÅÄÖ][a-zåäö]?\d{4}/\d{3,6}(?:/\w+)?)"
LABELLED = re.compile(
    r"^(?:datum|dnr|diarienr|diarienummer|vår beteckning|er beteckning|vårt dnr|ert dnr|vår referens|er referens"
    r"|ärendenr|ärendenummer|handläggare|telefon|tel|fax|e-post|epost|mejl|postadress|besöksadress|adress"
    r"|org\.? ?nr|organisationsnummer|webbplats|hemsida|sou|ds|referens|regeringskansliets diarienummer"
    r"|publicerad|senast (?:uppdaterad|ändrad)|sidinformation|kontakt)\b\s*[:.]?",
    re.I,
)
TITLE_LINE = re.compile(r"^(?:yttrande|remissvar|remissyttrande|svar på remiss|remiss(?:en)?)\b[^.]{0,250}$", re.I)


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def strip_lines(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """Lines without page numbers and the headers/footers a PDF repeats, and for each kept line
    (plus one for the end) the lines removed just before it."""
    counts = Counter(_key(line) for line in lines if line.strip())
    kept: list[str] = []
    removed: list[list[str]] = [[]]
    for line in lines:
        stripped = line.strip()
        repeated = counts[_key(line)] >= 2 and _header_like(stripped)
        if stripped and (PAGE_NUMBER.match(stripped) or repeated):
            removed[-1].append(stripped)
            continue
        kept.append(line)
        removed.append([])
    return kept, removed


def _header_like(line: str) -> bool:
    """A repeated line is a page header or footer only when it looks like one (a date, a number, a
    diarienummer, the letter's title); a repeated heading ("Synpunkter") stays."""
    if len(line.split()) > 14:
        return False
    return bool(
        re.search(DATE, line)
        or re.search(DIARIUM, line)
        or TITLE_LINE.match(line)
        or LABELLED.match(line)
        or re.search(r"\d+\s*\(\d+\)", line)
        or re.search(r"\b(?:dnr|diarienr|diarienummer)\b", line, re.I)
    )
