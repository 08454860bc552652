"""Short Swedish labels for themes, built from the main clause of a central member sentence."""

from __future__ import annotations

import re

from .text import SELF_REFERENCES, STANCE_WORDS, content_words, words

MAX_WORDS = 8

# "X anser att ...", "Kommunen vill dock framhålla att ..." -> keep what follows "att".
_FRAMING = re.compile(
    r"^.{0,80}?\b(?:anser|menar|bedömer|påpekar|konstaterar|befarar|framhåller|understryker|betonar|noterar|"
    r"poängterar|uppmärksammar|vill(?: [a-zåäö]+){0,2} uppmärksamma|"
    r"påminner om|tillstyrker|instämmer i|välkomnar|håller med om|visar|ser (?:en )?risk(?:er)?(?: med| i)?|ser|tror|"
    r"vill(?: [a-zåäö]+){0,3} (?:påpeka|framhålla|understryka|betona|lyfta|påminna om)|"
    r"delar (?:[a-zåäö:]+ )?(?:bild|bedömning|farhågor)\w*(?: [a-zåäö]+)?? (?:av|om)|"
    r"(?:ställer sig|är) (?:positiv|positivt|tveksam|tveksamt)(?: till)?)\s+att\s+",
    re.IGNORECASE,
)
# The second half of a sentence split before "men" ("men att det inte löser problemet").
_BARE_ATT = re.compile(r"^men\s+att\s+", re.IGNORECASE)
_CUT = re.compile(
    r",| och att | eftersom | vilket | så att | men | då | samt | – | — |;|: | utan att | om det inte ",
)
_LEADING = re.compile(
    r"^(?:men|dock|därför|också|även|dessutom|vidare|slutligen|samtidigt|emellertid|däremot|redan|"
    r"i dag|i grunden|helt enkelt)\s+",
    re.IGNORECASE,
)
_INNER = re.compile(
    r"\s+(?:dock|därför|också|även|dessutom|vidare|emellertid|däremot|helt enkelt)(?=\s|$)", re.IGNORECASE
)
_INVERTED = re.compile(r"^(\w+)\s+(det|den|detta|de|man|vi|kommunen|regionen|staten)\b", re.IGNORECASE)
# "Kommunen saknar en analys ..." -> "Det saknas en analys ..."
_SUBJECT_LACKS = re.compile(r"^[A-ZÅÄÖ][\w:-]*\s+(?:[\w:-]+\s+){0,3}?saknar\s+", re.UNICODE)
# In a clause after "att" the negation stands before the verb: "förslaget inte kan" -> "förslaget kan inte".
_SUBORDINATE_NEGATION = re.compile(r"^((?:\S+\s+){0,5}?\S+)\s+((?:ännu |heller |längre )?inte(?: längre)?)\s+(\S+)")
# Other sentence adverbs stand before the verb in such a clause too ("de ofta blir" -> "de blir ofta"),
# moved only when a finite verb follows.
_SUBORDINATE_ADVERB = re.compile(
    r"^((?:\S+\s+){0,5}?\S+)\s+(ofta|alltid|aldrig|redan|sällan|också|även|därmed|fortfarande)\s+"
    r"(är|blir|har|kan|ska|bör|måste|får|kommer|behöver|riskerar|saknar|saknas|leder|innebär|\w+ar)\b"
)
_FRONTED = frozenset("för om utan att vid när eftersom då med genom trots".split())
_FINITE = frozenset("är blir har kan ska bör måste får kommer behöver riskerar saknas krävs behövs finns".split())
_CLAUSE_STARTS = frozenset("som när eftersom vilket där".split())
# "om" starts a clause only before a question word or a pronoun ("informeras | om vilka ..."); else it
# is a preposition ("en fråga om lokal demokrati").
_AFTER_OM = frozenset("vem vad vilka vilken vilket hur var när det den de man någon".split())
_QUESTION_WORDS = frozenset("vem vad vilka vilken vilket hur var".split())
# fmt: off
_TRAILING = {
    "av", "för", "en", "ett", "att", "och", "som", "i", "på", "med", "till", "de", "den", "det", "om", "från",
    "när", "hur", "vid", "mot", "under", "eller", "är", "blir", "har", "kan", "ska", "bör", "inte", "så", "än",
    "mellan", "efter", "över", "utan", "hos", "genom", "ofta", "mycket", "både", "samma", "vilken", "vilka", "innebär",
}
# fmt: on


def clause(sentence: str) -> str:
    """The sentence reduced to a short main clause, first letter capitalised, no final stop."""
    return clause_and_cut(sentence)[0]


def clause_and_cut(sentence: str) -> tuple[str, bool]:
    """The short clause, and whether it had to be cut off mid-clause to stay short."""
    text = _INNER.sub("", sentence.strip().rstrip(".!?…").strip())
    framed = _FRAMING.match(text) or _BARE_ATT.match(text)
    if framed:
        text = _SUBORDINATE_NEGATION.sub(r"\1 \3 \2", text[framed.end() :], count=1)
        text = _SUBORDINATE_ADVERB.sub(r"\1 \3 \2", text, count=1)
    cut = _CUT.search(text)
    if cut and cut.start() > 10:
        text = text[: cut.start()]
    stripped = _strip_leading(text.strip())
    text = _SUBJECT_LACKS.sub("det saknas ", stripped)
    tokens = text.split()
    truncated = len(tokens) > MAX_WORDS
    if truncated:
        # Prefer ending where a subordinate clause starts ("en ny uppgift | som enligt ...").
        bounds = [i for i in range(3, MAX_WORDS + 1) if _clause_starts(tokens, i)]
        truncated = not bounds
        tokens = tokens[: bounds[-1]] if bounds else tokens[:MAX_WORDS]
    while len(tokens) > 2 and tokens[-1].lower().strip(",.") in _TRAILING:
        tokens.pop()
    text = " ".join(tokens).strip(" ,;:–-")
    return (text[:1].upper() + text[1:] if text else text), truncated


def _clause_starts(tokens: list[str], i: int) -> bool:
    word, before = tokens[i].lower(), tokens[i - 1].lower()
    if word == "om":
        return i + 1 < len(tokens) and tokens[i + 1].lower() in _AFTER_OM
    return word in _CLAUSE_STARTS and before not in _QUESTION_WORDS


def _strip_leading(text: str) -> str:
    """ "Dessutom blir det svårt" -> "Det blir svårt"; an adverb before a verb and a noun subject
    stays ("Samtidigt kan samma överträdelse ..." would otherwise become a question)."""
    stripped = _LEADING.sub("", text)
    if stripped == text:
        return text
    inverted = _INVERTED.sub(r"\2 \1", stripped, count=1)
    if inverted != stripped:
        return inverted
    first = stripped.split(maxsplit=1)[0].lower() if stripped.split() else ""
    return text if first in _FINITE else stripped


def label_penalty(label: str, organisation_words: frozenset[str]) -> float:
    """Higher for labels that read badly: about the body itself, a stance, too short or too long."""
    tokens = words(label)
    if not tokens:
        return 10.0
    penalty = 0.0
    if tokens[0] in SELF_REFERENCES or tokens[0] in organisation_words:
        penalty += 0.3
    if any(t in STANCE_WORDS for t in tokens):
        penalty += 0.2
    if len(tokens) < 3:
        penalty += 0.15
    if len(content_words(label)) < 2:
        penalty += 0.3
    if tokens[0] in _FRONTED:  # "För en skolenhet med ...", "Om X remitterar ...": no main clause yet
        penalty += 0.25
    penalty += 0.02 * abs(len(tokens) - 5)
    return penalty


def choose_label(candidates: list[tuple[str, float]], organisation_words: frozenset[str]) -> str:
    """Best label among (sentence, centrality) pairs of one theme."""
    best, best_score = "", float("-inf")
    for sentence, central in sorted(candidates, key=lambda c: -c[1])[:6]:
        label, truncated = clause_and_cut(sentence)
        score = central - label_penalty(label, organisation_words) - (0.3 if truncated else 0.0)
        if label and score > best_score:
            best, best_score = label, score
    return best or "Övrigt"
