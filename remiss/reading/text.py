"""Plain text of an answer into blocks (headings, paragraphs, list items) and sentences, and the
word stems the matching works on."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .pagelines import strip_lines

BULLET = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u25e6\uf0b7\uf0a7\uf0d8\u2013\u2014*-]|o(?=\s)|\d{1,2}[.)](?=\s)|[a-h]\)(?=\s))\s*"
)
LEADING_NUMBER = re.compile(
    r"^\s*(?:avsnitt|kapitel|kap\.?|förslag|punkt)?\s*\d{1,2}(?:\.\d{1,2}){1,3}\b", re.IGNORECASE
)
HYPHENATED = re.compile(r"(\w)-[ \t]*\n\s*(?!och\b|eller\b|samt\b|respektive\b|resp\b)([a-zåäö])")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\s”\"]+(?=[A-ZÅÄÖ”\"–-])")


@dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False
    bullet: bool = False
    furniture: bool = False  # a page number or page header taken out of the running text


def prepare(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\xa0", " ")
    return HYPHENATED.sub(r"\1\2", text)


def _is_heading(line: str, previous: str, following: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    numbered = bool(LEADING_NUMBER.match(stripped))
    if not words or len(words) > (24 if numbered else 14) or len(stripped) > (200 if numbered else 110):
        return False
    if stripped[-1] in ".,;:!?" or BULLET.match(stripped) and not LEADING_NUMBER.match(stripped):
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    previous, following = previous.strip(), following.strip()
    opens = not previous or previous[-1] in ".!?:" or _looks_like_title(previous)
    closes = not following or following[0].isupper() or following[0].isdigit() or BULLET.match(following)
    return bool(opens and closes)


def _neighbours(lines: list[str], i: int, last_text: int) -> tuple[str, str]:
    """The lines around line i; the last line of the text opens nothing (it is no heading)."""
    previous = lines[i - 1] if i else ""
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return previous, "." if i == last_text else following


def _looks_like_title(line: str) -> bool:
    return len(line.split()) <= 6 and line[-1] not in ",;" and line[0].isupper()


def blocks(text: str) -> list[Block]:
    """The text's headings, paragraphs and list items in order. Page numbers and repeated page
    headers are taken out of the running text (a paragraph cut by them joins up again) and kept
    as furniture blocks after the paragraph they interrupted."""
    lines, removed = strip_lines(prepare(text).split("\n"))
    result: list[Block] = []
    current: list[str] = []
    pending: list[Block] = []
    bullet = False
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)

    def flush():
        nonlocal current, bullet
        joined = re.sub(r"\s+", " ", " ".join(current)).strip()
        target = next((n for n in range(len(result) - 1, -1, -1) if not result[n].furniture), None)
        if joined and joined[0].islower() and target is not None and not result[target].heading and not bullet:
            # a paragraph cut by a page break continues the one before it
            result[target] = Block(text=f"{result[target].text} {joined}", bullet=result[target].bullet)
        elif joined:
            result.append(Block(text=joined, bullet=bullet))
        result.extend(pending)
        current, bullet = [], False
        pending.clear()

    for i, line in enumerate(lines):
        for item in removed[i]:
            (pending if current else result).append(Block(text=item, furniture=True))
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        previous, following = _neighbours(lines, i, last_text)
        if _is_heading(stripped, previous if not current else current[-1], following):
            flush()
            result.append(Block(text=re.sub(r"\s+", " ", stripped), heading=True))
            continue
        ends_item = bullet and current and current[-1][-1] in ".!?" and stripped[0].isupper()
        if ends_item and not BULLET.match(stripped):
            flush()  # a paragraph after a list item, in text without blank lines (PDF)
        if LEADING_NUMBER.match(stripped) or BULLET.match(stripped):
            flush()
            bullet = bool(BULLET.match(stripped)) and not LEADING_NUMBER.match(stripped)
            stripped = BULLET.sub("", stripped, count=1) if bullet else stripped
        current.append(stripped)
    flush()
    result.extend(Block(text=item, furniture=True) for item in removed[-1])
    return result


COLON_CLAUSE = re.compile(r"(?<=:)\s+(?=[A-ZÅÄÖ])")


def sentences(block: Block) -> list[str]:
    """Sentences; a colon before a capital starts a new one ("… med ett undantag: TCO avstyrker …")."""
    parts = [part.strip() for part in SENTENCE_END.split(block.text) if part.strip()]
    return [piece.strip() for part in parts for piece in COLON_CLAUSE.split(part) if piece.strip()]


# --- stems --------------------------------------------------------------------------------------

STOPWORDS = set(
    """och att det som en ett i på för av med till den de om är ska skall bör inom samt så där vid mer
    andra annan annat olika kan har ha hade från eller under genom mellan över även också sin sina sitt
    vara bli blir få ge göra detta denna dessa dem deras vars vilket vilka vilken när hur man inte ej
    all alla allt varje mot utan efter före både såväl som än nu redan dock men enligt bland annat
    särskilt större stor stora ny nya nytt ta tas hos våra vår vårt vi oss ni er han hon hans hennes
    dess varför något några någon ingen inga inget sig själv just""".split()
)
SUFFIXES = sorted(
    "arnas ernas ornas andes endes arna erna orna ande ende heten het ens ets ars ers ors ade ala en et ar er or as es ad al a e s n".split(),
    key=len,
    reverse=True,
)
WORD = re.compile(r"[a-zåäöéü]+")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Up to two endings off ("universitetet" and "universitet" both give "universit")."""
    for _ in range(2):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@functools.lru_cache(maxsize=4096)
def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in WORD.findall(text.lower()) if word not in STOPWORDS and len(word) > 2)


# --- the body's own words ------------------------------------------------------------------------

# A sentence that reports what the report says, not the body's own view.
REPORTER = (
    r"(?:utredningen|utredaren|delegationen|\w+delegationen|kommittén|betänkandet|promemorian|regeringen|departementet)"
)
REPORT_VERB = r"(?:föreslår|lämnar|presenterar|redogör|lämnar|presenterar|redogör|anser|menar|bedömer|rekommenderar|lyfter|konstaterar|framhåller|pekar|beskriver|drar|betonar|poängterar|redovisar|skriver|förordar)"
REPORTING = re.compile(
    rf"^(?:\S+ ){{0,3}}?{REPORTER}(?: \S+){{0,2}}? {REPORT_VERB}\b|^(?:\S+ ){{0,24}}?{REPORT_VERB} (?:\w+ )?{REPORTER}\b"
)
# "välkomnar att utredningen föreslår …": the report's proposal as the object of the body's own verb
EMBEDDED = re.compile(rf"^(?:\S+ ){{1,3}}att {REPORTER} {REPORT_VERB}\b")
QUOTED = re.compile(r"[”\"«][^”\"»]{0,400}[”\"»]")


def normalise(sentence: str) -> str:
    text = QUOTED.sub(" ", sentence.lower())
    text = re.sub(r"[^\wåäöéü§\- ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def own_part(sentence: str) -> str:
    """The part of a sentence that speaks for the body: after a leading reporting clause, if any."""
    text = normalise(sentence)
    if REPORTING.search(text) and not EMBEDDED.match(text):
        rest = sentence.split(",", 1)
        return normalise(rest[1]) if len(rest) == 2 else ""
    return text
