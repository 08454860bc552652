"""What a heading that names no proposal opens: the body's summary, a description of the remiss
(background), the body's general views, the consequences, a sub-heading inside a proposal's part
("Bedömning", "Överväganden", "Förslag"), or furniture (attachments, distribution lists)."""

from __future__ import annotations

import re

SUMMARY, BACKGROUND, GENERAL, CONSEQUENCES, SUBHEADING, FURNITURE = (
    "summary",
    "background",
    "general_views",
    "consequences",
    "subheading",
    "furniture",
)

_OWNER = r"(?:\w+s|förvaltningens|kontorets|nämndens|styrelsens|myndighetens|kommunens|regionens|vår|våra|mina)"
PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        FURNITURE,
        re.compile(
            r"^(?:bilag\w*|kopia till|beslutet (?:ska|skall) skickas|expedieras|för kännedom|sändlista|protokollsutdrag)",
            re.I,
        ),
    ),
    (
        CONSEQUENCES,
        re.compile(r"konsekvens|^finansiering\b|^kostnader\b|^ekonomi\b|^barnperspektiv|^barnrättsperspektiv", re.I),
    ),
    (
        BACKGROUND,
        re.compile(
            r"^(?:bakgrund|ärendet|ärendebeskrivning|beslutsunderlag|handlingar|remissen|remissens innehåll|innehåll"
            r"|sammanfattning av (?:betänkandet|betänkandena|promemorian|remissen|förslagen|utredningen|utredningens förslag)"
            r"|(?:utredningens|betänkandets|betänkandenas|promemorians|remissens|delegationens|kommitténs) (?:förslag|innehåll|uppdrag|bedömningar)\b"
            r"|\S+ (?:betänkande\w*|förslag) i stort\b|uppdraget\b|utredningens uppdrag)",
            re.I,
        ),
    ),
    (
        SUMMARY,
        re.compile(
            r"^(?:sammanfattning|sammanfattande|förslag till beslut|beslut|beslutsförslag|yttrandet i korthet|kortfattat)\b"
            r"|\bi (?:sammandrag|sammanfattning|korthet)$",
            re.I,
        ),
    ),
    (
        SUBHEADING,
        re.compile(
            rf"^(?:{_OWNER} )?(?:bedömning|överväganden|förslag(?:et)?|synpunkter?|kommentar(?:er)?|motivering|skäl"
            rf"|ställningstagande|yttrande|analys|slutsats)(?: (?:och|samt) \w+)?$",
            re.I,
        ),
    ),
    (
        GENERAL,
        re.compile(
            r"övergripande|generell|allmän|inledning|inledande|synpunkt|yttrande|kommentar|ställningstagande|"
            r"förvaltningens|kontorets|nämndens|styrelsens|myndighetens|remissvar|avslutning|slutsats|slutord|övrigt|"
            r"sammantagen|sammantaget|helhet",
            re.I,
        ),
    ),
]


def zone_of(heading: str) -> str | None:
    text = heading.strip().rstrip(":")
    for zone, pattern in PATTERNS:
        if pattern.search(text):
            return zone
    return None
