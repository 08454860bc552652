"""Swedish text handling: sentences with their exact spans, tokens, stems, stance-only sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Abbreviations whose full stop does not end a sentence (lower case, without the final dot).
ABBREVIATIONS = frozenset(
    "t.ex bl.a m.m s.k d.v.s dvs osv jfr m.fl resp ca kap prop s nr t.o.m fr.o.m f.d p.g.a pga mfl ff st "
    "e.d o.d o.s.v m.a.o dnr tf enl avd bet".split()
)

# Function words and words every remissvar uses; they never tell one argument from another.
STOPWORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man
    när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla
    andra mycket än här då sedan över bara in blir upp även vad få två vill ha många hur mer går sina utan
    detta dessa denna deras dess där därför dock dessutom samt vilket vilka vilken redan både bör måste kunna
    blir bli blev sådan sådana sådant ju nog sätt samma annat annan någon något några ingen inget inga varje
    vår våra vårt er ert era oss dem honom henne hans hennes min mitt mina din ditt dina sitt
    enligt genom inom mellan kring enbart endast just helt enkelt ytterligare exempelvis t.ex bl.a
    skall kunde borde ville gör göra gjort gjorde varit vore ser se vidare även särskilt utöver förutom utom
    idag dag in ned hela helt emellertid således alltså däremot
    """.split()
)

# Words naming the answering body itself ("Kommunen tillstyrker ...").
SELF_REFERENCES = frozenset(
    """
    kommunen kommunens staden stadens regionen regionens myndigheten myndighetens förbundet förbundets
    organisationen organisationens föreningen föreningens verket verkets styrelsen nämnden rådet rådets
    länsstyrelsen länsstyrelsens inspektionen universitetet bolaget riksförbundet vi oss vår våra vårt
    """.split()
)

# Stems of words that only express a stance or its absence (tillstyrker, avstår, inga synpunkter ...).
STANCE_WORDS = frozenset(
    """
    tillstyrker tillstyrka tillstyrks avstyrker avstyrka avstyrks instämmer instämma stödjer stöder stödja
    ställer ställa bakom välkomnar välkomna delar dela positiv positivt positiva negativ negativt negativa
    tveksam tveksamt tveksamma synpunkter synpunkt invändningar invändning avstår avstå avstått yttra
    yttrande lämna lämnar tillägga tillägg sak helhet huvudsak övrigt övriga förslaget förslagen förslag
    utredningens utredningen utredarens bedömning bedömningen bedömningar rekommendationen rekommendationerna
    rekommendation rekommendationer ståndpunkt syfte syftet principiellt princip tillstyrkan grunden
    ställningstagande motiveringen motivering slutsats slutsatsen slutsatser avsnittet avsnitt kapitlet
    erinra erinran erinringar biträder biträda godtar godta godtas accepterar acceptera ansluter ansluta
    uppfattning uppfattningen positivt ser anledning invända framföra föreslagna utformning utformningen
    """.split()
)

_STEMMER = snowballstemmer.stemmer("swedish")
_WORD = re.compile(r"[0-9A-Za-zÅÄÖÉÜåäöéü]+(?:[-:][0-9A-Za-zÅÄÖÉÜåäöéü]+)*")
_BOUNDARY = re.compile(r"([.!?…])([\"”’)\]]*)(\s+)(?=[\"“”'(\[–—-]?\s*[A-ZÅÄÖÉÜ0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-–•*]\s)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an answer, by position: ``answer_text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case words, hyphens and colons kept inside (SOU 2018:47, e-tjänst)."""
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact spans; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        start = block[0]
        for match in _BOUNDARY.finditer(text, block[0], block[1]):
            before = text[start : match.start(1)]
            last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
            if match.group(1) == "." and (last in ABBREVIATIONS or re.fullmatch(r"[a-zåäö]", last)):
                continue
            spans.append((start, match.end(2)))
            start = match.end(3)
        spans.append((start, block[1]))
    sentences = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and _WORD.search(text, start, end):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, list items, and lines that end a thought: a line ending in . ! ? : ; or a short
    line without a final stop (a heading). Other line breaks (text from a PDF) run on."""
    blocks, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    lines = []
    for a, b in blocks:
        for line_start, line_end in _line_breaks(text, a, b):
            lines.append((line_start, line_end))
    return [(a, b) for a, b in lines if b > a]


def _line_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for match in re.finditer(r"\n", text[start:end]):
        at = start + match.start()
        line = text[begin:at].strip()
        following = text[at + 1 : end].lstrip()
        ends_thought = line.endswith((".", "!", "?", ":", ";")) or (0 < len(line.split()) <= 6)
        if line and ends_thought and following[:1].isupper():
            spans.append((begin, at))
            begin = at + 1
    spans.append((begin, end))
    return spans


def name_words(*names: str) -> frozenset[str]:
    """Words of organisation names and proposal titles, as stems, for the stance-only test."""
    return frozenset(stem(w) for name in names for w in words(name))


def is_stance_only(sentence: str, ignore_stems: frozenset[str] = frozenset()) -> bool:
    """True when a sentence says no more than a stance: nothing is left once the stance words,
    the body's own name, the proposal's own words and function words are taken away.
    "X tillstyrker förslaget om generella statsbidrag." only names what it takes a stance on."""
    if _AGREES_WITH_AIM.match(sentence) and not _ARGUMENT_FOLLOWS.search(sentence):
        return True
    named = _NAMES_PROPOSAL.search(sentence)
    if named and _is_noun_phrase(sentence[named.end() :]):
        sentence = sentence[: named.start()]
    tokens = words(sentence)
    # The subject before a stance verb is the body itself, however it names itself ("Digg tillstyrker").
    for position, word in enumerate(tokens[:5]):
        if word in _STANCE_VERBS:
            tokens = tokens[position:]
            break
    rest = []
    for word in tokens:
        if word in STOPWORDS or word in SELF_REFERENCES or word in STANCE_WORDS or word.isdigit():
            continue
        s = stem(word)
        if s in _STANCE_STEMS or s in ignore_stems:
            continue
        rest.append(word)
    return not rest


_NAMES_PROPOSAL = re.compile(
    r"\b(?:förslag\w*|rekommendation\w*|bedömning\w*)\s+(?:om|till|att|avseende|gällande|rörande|kring|i|för)\s+",
    re.IGNORECASE,
)
_CLAUSE_WORDS = frozenset("att som men eftersom då så när om inte förutsättning under dock vilket och".split())


def _is_noun_phrase(rest: str) -> bool:
    """A short rest of a sentence without a clause of its own ("ett datadrivet analysarbete.")."""
    tokens = words(rest)
    return 0 < len(tokens) <= 6 and "," not in rest and not any(t in _CLAUSE_WORDS for t in tokens)


# "Kommunen delar utredningens bild av att ...", "Riksförbundet är positivt till att fler elever ...":
# agreement with the aim of a proposal is a stance, not an argument about it.
_AGREES_WITH_AIM = re.compile(
    r"^\W*(?:\S+\s+){0,4}?(?:delar|välkomnar|stödjer|instämmer i|(?:ställer sig|är|ser) (?:i grunden )?positiv\w* till)"
    r"\s+(?:\S+\s+){0,2}?(?:syfte|syftet|mål|målet|målen|ambition\w*|intention\w*|bild\w*|utgångspunkt\w*|"
    r"inriktning\w*|analys\w*|beskrivning\w*|problembild\w*)\b",
    re.IGNORECASE,
)
_ARGUMENT_FOLLOWS = re.compile(r"\b(?:men|dock|samtidigt|förutsatt|förutsättning|eftersom)\b", re.IGNORECASE)

_STANCE_VERBS = frozenset(
    "tillstyrker avstyrker instämmer stödjer stöder ställer välkomnar delar har avstår lämnar biträder godtar "
    "accepterar ansluter ser är".split()
)
_STANCE_STEMS = frozenset(stem(w) for w in STANCE_WORDS | SELF_REFERENCES)
