"""The furniture of a letter: what frames the body's text without being part of it.

Letterheads, addresses, dates, diarienummer, page numbers ("2 (5)"), page headers and footers that
a PDF repeats on every page, signatures, the decision formula ("Beslut i detta ärende har fattats
av …"), distribution lists ("Kopia till") and the menus of a web page the answer was copied from.

Two passes: ``pagelines.strip_lines`` removes repeated page headers and page numbers from the raw lines (so a
paragraph cut by a page break joins up again), ``is_furniture`` judges a block in its context.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .pagelines import DATE, DIARIUM, LABELLED, PAGE_NUMBER, TITLE_LINE

ONLY_DATE = re.compile(rf"^(?:[\wåäö ]{{0,30}}[, ]\s*)?{DATE}\.?$", re.I)


ONLY_DIARIUM = re.compile(rf"^(?:dnr\.?:?\s*)?{DIARIUM}$", re.I)


POSTAL = re.compile(r"^(?:box \d+|\d{3} ?\d{2} [A-ZÅÄÖ][a-zåäö]+|.*@.*\.\w{2,4}|(?:https?://|www\.)\S+)", re.I)


WEB = re.compile(
    r"hoppa till|till startsidan|huvudmeny|^meny$|^sök$|till sök\b|kontakta oss|om webbplatsen|^dela\b|skriv ut"
    r"|^lyssna\b|tillgänglighetsredogörelse|kakor|cookies|^nyheter$|^start$|sidinformation|senast uppdaterad"
    r"|^publicerad\b|^du är här",
    re.I,
)


DECISION = re.compile(
    r"^(?:beslut i (?:detta|det här) ärende|i (?:detta|det här) ärende har|detta (?:yttrande|remissvar|beslut) har (?:beslutats|fattats)"
    r"|i (?:den slutliga )?handläggningen har|i ärendets handläggning har|föredragande (?:har varit|i ärendet)"
    r"|yttrandet har beslutats|beslutet har fattats av|i beslutet har|beslut om (?:detta|det här) (?:yttrande|remissvar|ärende)"
    r"|(?:\S+ ){1,3}har (?:genom \S+ )?uppdragit åt .{3,80} att (?:utarbeta|bereda|ta fram) (?:ett )?(?:förslag till )?(?:yttrande|remissvar))",
    re.I,
)


CLOSING = re.compile(
    r"^(?:med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|enligt uppdrag|för (?:kommunstyrelsen|regionstyrelsen)\b"
    r"|på .{2,60} vägnar|godkänd av|underskrift|namnförtydligande)",
    re.I,
)


DISTRIBUTION = re.compile(
    r"^(?:kopia (?:till|för kännedom)|beslutet (?:ska|skall) (?:skickas|expedieras) till|expedieras till|expedieras"
    r"|för kännedom|sändlista|bilag[ao]r?\b|bilaga \d|protokollsutdrag)",
    re.I,
)


ROLE = re.compile(
    r"(?:direktör|chef|ordförande|handläggare|jurist|ombudsman|kansler|sekreterare|utredare|rådgivare|ledamot"
    r"|föredragande|generaldirektör|landshövding|kommunstyrelsen|nämnden|enheten|avdelning|kontoret|förvaltning)",
    re.I,
)


NAME_LIKE = re.compile(r"^(?:[A-ZÅÄÖ][a-zåäöéü-]+\s+){1,3}[A-ZÅÄÖ][a-zåäöéü-]+(?:\s{2,}.*)?$")


REPORT_REFERENCE = re.compile(r"\((?:SOU|Ds|Prop\.?|prop\.) \d{4}(?::|/)\d+\)|\b(?:SOU|Ds) \d{4}:\d+\s*$")


def is_line_furniture(text: str) -> bool:
    """A block that is furniture wherever it stands."""
    text = text.strip()
    if not text:
        return True
    if _page_header(text):
        return True
    if PAGE_NUMBER.match(text) or ONLY_DATE.match(text) or ONLY_DIARIUM.match(text) or WEB.search(text[:60]):
        return len(text.split()) <= 12 or bool(WEB.search(text[:60]))
    if DECISION.match(text) or CLOSING.match(text) or DISTRIBUTION.match(text):
        return True
    if LABELLED.match(text) and len(text.split()) <= 14:
        return True
    return bool(POSTAL.match(text) and len(text.split()) <= 8)


def _page_header(text: str) -> bool:
    """A page header ("Region X 2 (5)", one with the diarienummer) or the letter's title naming the report."""
    words = len(text.split())
    if words > 16 or text[-1:] in ".!?":
        return False
    if words <= 8 and re.search(r"\b\d{1,3}\s*\(\d{1,3}\)$|\bsid(?:an?)? \d", text, re.I):
        return True
    return bool(REPORT_REFERENCE.search(text) or words <= 10 and re.search(DIARIUM, text))


def furniture_flags(texts: list[str], known: Callable[[str], bool] = lambda text: False) -> list[bool]:
    """For each block: is it furniture? Context matters for the letterhead (short lines before the
    body begins), the signature (short name/title lines after the body ends) and distribution lists
    (everything short after "Kopia till")."""
    flags = [is_line_furniture(text) for text in texts]
    _letterhead(texts, flags, known)
    _tail(texts, flags, known)
    return flags


def _body_like(text: str) -> bool:
    words = len(text.split())
    return words >= 5 and text.rstrip()[-1:] in ".!?" or words >= 12


def _letterhead(texts: list[str], flags: list[bool], known: Callable[[str], bool]) -> None:
    """Before the first paragraph of running text: the body's name, addresses, the letter's title."""
    for position, text in enumerate(texts):
        if _body_like(text) or text.rstrip()[-1:] in ".!?" and len(text.split()) >= 3:
            return
        words = len(text.split())
        if TITLE_LINE.match(text):
            flags[position] = True
        elif (words <= 6 or position < 3 and words <= 10) and not _known_heading(text) and not known(text):
            flags[position] = True


def _known_heading(text: str) -> bool:
    from .zones import zone_of

    return zone_of(text) is not None or bool(
        re.match(r"^\s*(?:avsnitt |kapitel |kap\. )?\d{1,2}(?:\.\d{1,2})", text, re.I)
    )


def _opens_a_part(text: str) -> bool:
    """A heading after the last paragraph that still opens a part ("Konsekvenser för barn"); a
    title under a signature ("Regionstyrelsens ordförande") does not."""
    from .zones import CONSEQUENCES, SUMMARY, zone_of

    return zone_of(text) in (CONSEQUENCES, SUMMARY) and not ROLE.search(text)


def _states(text: str) -> bool:
    """A line that takes a stance is the body's text, however short ("Kommunen tillstyrker")."""
    from .stance import classify

    return classify(text) is not None


def _tail(texts: list[str], flags: list[bool], known: Callable[[str], bool]) -> None:
    """After the last paragraph of running text: names, titles and lists of recipients; and after a
    distribution heading everything short."""
    last_body = max((i for i, text in enumerate(texts) if _body_like(text) and not flags[i]), default=-1)
    in_list = False
    for position, text in enumerate(texts):
        if DISTRIBUTION.match(text) or CLOSING.match(text) or DECISION.match(text):
            in_list = True
            flags[position] = True
            continue
        short = len(text.split()) <= 10
        if in_list and short:
            flags[position] = True
        elif in_list:
            in_list = False
        signature = (NAME_LIKE.match(text) or ROLE.search(text) or text[-1:] not in ".!?") and not _states(text)
        if position > last_body and short and signature and not _opens_a_part(text) and not known(text):
            flags[position] = True
