"""The stance one sentence of a Swedish remissvar takes, from the phrases such answers use.

``classify(sentence)`` returns a ``Cue`` (stance, strength, the matched phrase) or None. Strong cues
are explicit verbs (tillstyrker, avstyrker, ställer sig bakom, instämmer, välkomnar); weak ones are
attitudes (ser positivt på, har inget att invända). Negation flips a cue ("kan inte tillstyrka",
"ställer sig inte bakom"); reservations make support partial ("tillstyrker delvis", "med
reservation", "i princip positiv …, men … risk"). Pure functions; no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPPORTS, PARTLY, OPPOSES, NO_VIEW = "supports", "partly", "opposes", "no_view"


@dataclass(frozen=True)
class Cue:
    stance: str
    strength: float  # 0..1: how explicit the wording is
    phrase: str


W = r"(?:[\wåäöéü-]+ )"  # one word and its space
NEG = r"(?:inte|ej|icke|aldrig)"
OBJECT = r"(?:förslag|utredning|delegation|betänkand|promemori|inriktning|bedömning|rekommendation|slutsats|ambition|intention|tanke|idé|ändring|detta|det|dessa|denna|den)"

# Order matters: the first pattern that matches decides. Opposition and "no view" come before
# support so that "kan inte ställa sig bakom" never reads as "ställa sig bakom".
PATTERNS: list[tuple[str, float, re.Pattern]] = [
    (OPPOSES, 1.0, re.compile(r"\bavstyrk\w*")),
    (
        OPPOSES,
        1.0,
        re.compile(rf"\b(?:kan|vill|kommer) {W}{{0,2}}{NEG} {W}{{0,2}}(?:ställa sig|ställa oss|ställa mig|stå) bakom"),
    ),
    (OPPOSES, 1.0, re.compile(rf"\bställer sig {W}{{0,2}}{NEG} bakom")),
    (
        OPPOSES,
        1.0,
        re.compile(
            rf"\b(?:kan|vill) {W}{{0,2}}{NEG} {W}{{0,1}}(?:tillstyrka|stödja|stöda|acceptera|godta|ställa sig positiv)"
        ),
    ),
    (OPPOSES, 1.0, re.compile(r"\bmotsätter (?:sig|vi oss)")),
    (OPPOSES, 0.9, re.compile(rf"\b(?:är|ställer sig) {W}{{0,2}}negativ[at]? till")),
    (OPPOSES, 0.9, re.compile(r"\bser (?:mycket |starkt )?negativt på")),
    (
        OPPOSES,
        0.9,
        re.compile(
            rf"\b(?:anser|menar|bedömer) {W}{{0,3}}att {W}{{0,3}}förslag\w* {W}{{0,3}}(?:inte|ej) (?:bör|ska|skall) (?:genomföras|införas|antas|beslutas|läggas)"
        ),
    ),
    (OPPOSES, 0.9, re.compile(r"\bförslag\w* (?:bör|ska|skall) (?:inte|ej) (?:genomföras|införas|antas|beslutas)")),
    (OPPOSES, 0.9, re.compile(rf"\bavvisar {W}{{0,3}}{OBJECT}")),
    (
        NO_VIEW,
        1.0,
        re.compile(
            r"\b(?:har|lämnar|finns) (?:därför |i övrigt )?inga (?:särskilda )?(?:synpunkter|kommentarer|yttranden)"
        ),
    ),
    (NO_VIEW, 1.0, re.compile(r"\bavstår (?:från )?att (?:yttra sig|lämna synpunkter|lämna yttrande|kommentera)")),
    (NO_VIEW, 0.9, re.compile(r"\b(?:har|lämnar) (?:inget|ingenting) att (?:tillägga|yttra|kommentera)")),
    (NO_VIEW, 0.9, re.compile(r"^inga synpunkter\b")),
    (SUPPORTS, 1.0, re.compile(r"\btillstyrk\w*")),
    (SUPPORTS, 1.0, re.compile(rf"\bställer sig {W}{{0,2}}bakom")),
    (SUPPORTS, 1.0, re.compile(rf"\bstår {W}{{0,1}}bakom {W}{{0,2}}{OBJECT}")),
    (SUPPORTS, 1.0, re.compile(r"\binstämmer\b")),
    (SUPPORTS, 1.0, re.compile(r"\bvälkomnar\b")),
    (SUPPORTS, 1.0, re.compile(r"\bbifaller\b|\bbifalls\b")),
    (SUPPORTS, 0.9, re.compile(rf"\b(?:stödjer|stöder) {W}{{0,3}}{OBJECT}")),
    (SUPPORTS, 0.9, re.compile(rf"\bdelar {W}{{0,3}}(?:bedömning|uppfattning|slutsats|syn|analys|åsikt)")),
    (
        SUPPORTS,
        0.9,
        re.compile(
            rf"\b(?:anser|menar|bedömer) {W}{{0,3}}att {W}{{0,3}}förslag\w* (?:bör|ska|skall) (?:genomföras|införas|antas|beslutas|realiseras)"
        ),
    ),
    (SUPPORTS, 0.7, re.compile(rf"\bser {W}{{0,2}}positivt på")),
    (SUPPORTS, 0.7, re.compile(rf"\b(?:är|ställer sig|förhåller sig) {W}{{0,2}}positiv[at]? (?:till|inställd)")),
    (
        SUPPORTS,
        0.6,
        re.compile(r"\b(?:det är|är det|vore) (?:\w+ )?(?:positivt|bra|välkommet|glädjande) (?:att|med)\b"),
    ),
    (SUPPORTS, 0.6, re.compile(r"\bdet positiva i\b|\bpositivt med\b")),
    (SUPPORTS, 0.6, re.compile(r"\b(?:har|finns) (?:inget|ingenting) att (?:invända|erinra|anmärka)")),
    (
        SUPPORTS,
        0.6,
        re.compile(r"\b(?:har|finns) (?:ingen|inga) (?:invändning|invändningar|erinran|erinringar)\b|\butan erinran\b"),
    ),
    (SUPPORTS, 0.5, re.compile(rf"\bser {W}{{0,6}}(?:det )?(?:logiska|rimliga) i\b|\bser fram emot\b")),
]

# "anser att förslaget bör kompletteras": agrees with the direction, wants it changed.
WANTS_CHANGES = re.compile(
    rf"\b(?:anser|menar|bedömer|föreslår) {W}{{0,3}}att {W}{{0,3}}(?:förslag\w*|bestämmelse\w*|regleringen|skrivningen) (?:\w+ )?(?:bör|behöver|måste) (?:\w+ )?(?:kompletteras|förtydligas|ändras|justeras|omarbetas|preciseras|utredas|ses över|begränsas|utvidgas|förenklas)"
)
CRITICAL = re.compile(rf"\b(?:är|ställer sig) {W}{{0,2}}(?:kritisk|tveksam)[at]? till")
RESERVATION = re.compile(
    r"\bdelvis\b|\bmed (?:en |vissa |viss |några )?(?:reservation|förbehåll|invändning|undantag)\w*|\bi (?:huvudsak|princip|stort sett|vissa delar)\b"
    r"|\bunder (?:förutsättning|förutsättningen) att\b|\bmed undantag\b|\bmed tillägg\b|\bmed de (?:synpunkter|påpekanden)\b"
)
CONTRAST = re.compile(r"\bmen\b|\bdock\b|\bsamtidigt\b|\bäven om\b")
CONCERN = re.compile(
    r"\brisk\w*|\boro\w*|\bfarhåg\w*|\btveksam\w*|\binvändning\w*|\bproblem\w*|\bbrist\w*|\bsaknas\b|\botillräcklig\w*"
    r"|\bmåste\b|\bkrävs\b|\bbehöver (?:\w+ )?(?:förtydligas|kompletteras|utredas|analyseras|ses över)|\bbör (?:\w+ )?(?:förtydligas|kompletteras|utredas|ses över|förfinas)"
)
# Negations that do not negate ("inte minst", "inte bara").
FALSE_NEGATION = re.compile(r"\b(?:inte|ej) (?:minst|bara|enbart|endast|heller bara)\b")
NEGATED_BEFORE = re.compile(rf"\b{NEG} (?:{W}){{0,1}}$")
NEGATED_AFTER = re.compile(rf"^ (?:\w+ )?{NEG}\b")
NOT_FULLY = re.compile(r"^ (?:inte|ej) (?:helt|fullt|fullt ut|i alla delar|alla)\b")
# A sentence that reports what the report says, not the body's own view.
REPORTER = (
    r"(?:utredningen|utredaren|delegationen|\w+delegationen|kommittén|betänkandet|promemorian|regeringen|departementet)"
)
REPORT_VERB = r"(?:föreslår|anser|menar|bedömer|rekommenderar|lyfter|konstaterar|framhåller|pekar|beskriver|drar|betonar|poängterar|redovisar|skriver|förordar)"
REPORTING = re.compile(
    rf"^(?:\S+ ){{0,3}}?{REPORTER}(?: \S+){{0,2}}? {REPORT_VERB}\b|^(?:\S+ ){{0,24}}?{REPORT_VERB} (?:\w+ )?{REPORTER}\b"
)
QUOTED = re.compile(r"[”\"«][^”\"»]{0,400}[”\"»]")


def normalise(sentence: str) -> str:
    text = QUOTED.sub(" ", sentence.lower())
    text = re.sub(r"[^\wåäöéü§\- ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def own_part(sentence: str) -> str:
    """The part of a sentence that speaks for the body: after a leading reporting clause, if any."""
    text = normalise(sentence)
    if REPORTING.search(text):
        rest = sentence.split(",", 1)
        return normalise(rest[1]) if len(rest) == 2 else ""
    return text


def classify(sentence: str) -> Cue | None:
    text = own_part(sentence)
    if not text:
        return None
    cleaned = FALSE_NEGATION.sub(" ", text)
    for stance, strength, pattern in PATTERNS:
        match = pattern.search(cleaned)
        if match is None:
            continue
        stance = _apply_negation(stance, cleaned, match)
        return _apply_reservation(Cue(stance, strength, match.group(0)), cleaned)
    if WANTS_CHANGES.search(cleaned):
        return Cue(PARTLY, 0.7, WANTS_CHANGES.search(cleaned).group(0))
    if CRITICAL.search(cleaned):
        return Cue(PARTLY, 0.5, CRITICAL.search(cleaned).group(0))
    return None


def _apply_negation(stance: str, text: str, match: re.Match) -> str:
    before, after = text[: match.start()], text[match.end() :]
    if stance == SUPPORTS:
        if NOT_FULLY.search(after):
            return PARTLY
        if NEGATED_BEFORE.search(before) or NEGATED_AFTER.search(after) or re.search(rf"\b{NEG}\b", match.group(0)):
            return OPPOSES
    if stance == OPPOSES and match.group(0).startswith("avstyrk") and NEGATED_AFTER.search(after):
        return SUPPORTS  # "avstyrker inte"
    return stance


def _apply_reservation(cue: Cue, text: str) -> Cue:
    if cue.stance != SUPPORTS:
        return cue
    if RESERVATION.search(text):
        return Cue(PARTLY, max(cue.strength, 0.8), cue.phrase)
    if WANTS_CHANGES.search(text):
        return Cue(PARTLY, 0.7, cue.phrase)
    if cue.strength < 1.0 and CONTRAST.search(text) and CONCERN.search(text):
        return Cue(PARTLY, 0.6, cue.phrase)
    return cue
