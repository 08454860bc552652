"""The stance one sentence of a Swedish remissvar takes, from the phrases such answers use.

``classify(sentence)`` returns a ``Cue`` (stance, strength, the matched phrase) or None. Strong cues
are explicit verbs (tillstyrker, avstyrker, ställer sig bakom, instämmer, välkomnar); weak ones are
attitudes (ser positivt på, har inget att invända). Negation flips a cue ("kan inte tillstyrka",
"ställer sig inte bakom"); reservations make support partial ("tillstyrker delvis", "med
reservation", "i princip positiv …, men … risk"). Pure functions over the answer model's codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from remiss.models.responses import Stance

from .text import normalise, own_part
from .wordings import (
    AFFIRMED_ACTION,  # noqa: F401  (read by the modules that take the kinds from here)
    AGAINST,
    ATTITUDE,
    CONDITIONAL,
    CONDITIONAL_KIND,
    CONSIDER,
    CONSIDER_KIND,
    DEMAND,
    DOUBT,
    EACH,
    EVALUATIVE,
    GOOD_BASIS,
    KEEP,
    NEGATED_ACTION,
    NONE,
    NOT_WITHOUT,
    RESERVATION_KIND,
    RESERVED,
    STANDING,
    VERB,
    WANTS_CHANGES,
    W,
    not_a_stance,
)

SUPPORTS, PARTLY, OPPOSES, NO_VIEW = (s.value for s in (Stance.SUPPORTS, Stance.PARTLY, Stance.OPPOSES, Stance.NO_VIEW))


@dataclass(frozen=True)
class Cue:
    stance: str
    strength: float  # 0..1: how explicit the wording is
    phrase: str
    kind: str = VERB
    base: str = ""  # the stance before a reservation made it partial ("" when none did)
    # the reservation concerns particular proposals taken up elsewhere ("med de synpunkter som
    # framgår nedan", "i huvudsak"): a blanket statement stays plain support for the others
    forward: bool = False


NEG = r"(?:inte|ej|icke|aldrig)"
OBJECT = r"(?:förslag|utredning|delegation|betänkand|promemori|inriktning|bedömning|rekommendation|slutsats|ambition|intention|tanke|idé|ändring|detta|det|dessa|denna|den)"

# Order matters: the first pattern that matches decides. Opposition and "no view" come before
# support so that "kan inte ställa sig bakom" never reads as "ställa sig bakom".
SUBJECT = r"(?:förslag\w*|rekommendation\w*|bedömning\w*|ändring\w*|bestämmelse\w*|inriktning\w*|initiativ\w*|reform\w*|modell\w*|lösning\w*|en sådan \w+|detta|det)"
# "det är angeläget att …" takes no stance; "förslaget är angeläget" does.
POSITIVE_SUBJECT = SUBJECT.replace("|detta|det)", ")")
PATTERNS: list[tuple[str, float, str, re.Pattern]] = [
    (OPPOSES, 1.0, VERB, re.compile(r"\bavstyrk\w*")),
    (
        OPPOSES,
        1.0,
        VERB,
        re.compile(rf"\b(?:kan|vill|kommer) {W}{{0,2}}{NEG} {W}{{0,2}}(?:ställa sig|ställa oss|ställa mig|stå) bakom"),
    ),
    (OPPOSES, 1.0, VERB, re.compile(rf"\bställer sig {W}{{0,2}}{NEG} bakom")),
    (
        OPPOSES,
        1.0,
        VERB,
        re.compile(
            rf"\b(?:kan|vill) {W}{{0,2}}{NEG} {W}{{0,1}}(?:tillstyrka|stödja|stöda|acceptera|godta|ställa sig positiv)"
        ),
    ),
    (
        OPPOSES,
        1.0,
        AGAINST,
        re.compile(r"\bmotsätter (?:sig|oss|mig|vi oss)\b|\bvänder sig (?:starkt )?mot\b|\btar avstånd från\b"),
    ),
    (
        OPPOSES,
        0.9,
        AGAINST,
        re.compile(rf"\b(?:är|ställer sig) {W}{{0,2}}(?:negativ[at]?|emot) (?:till )?(?:{OBJECT}|att\b)"),
    ),
    (OPPOSES, 0.9, VERB, re.compile(r"\bavråder (?:\w+ )?(?:från|ifrån)\b")),
    (OPPOSES, 0.8, AGAINST, re.compile(r"\bvarnar (?:\w+ )?för\b|\bvill (?:\w+ ){0,2}varna för\b")),
    (OPPOSES, 0.8, AGAINST, re.compile(r"\bser (?:\w+ ){0,3}?som (?:olämplig|orimlig|omotiverad|felaktig)\w*")),
    (OPPOSES, 0.9, AGAINST, re.compile(r"\bser (?:mycket |starkt )?negativt på")),
    (
        OPPOSES,
        0.9,
        AGAINST,
        re.compile(
            rf"\b(?:anser|menar|bedömer) {W}{{0,3}}att {W}{{1,8}}?(?:inte|ej) (?:bör|ska|skall) (?:genomföras|införas|antas|beslutas|läggas)"
        ),
    ),
    (
        OPPOSES,
        0.9,
        AGAINST,
        re.compile(
            r"\bförslag\w* (?:\w+ ){0,6}?(?:bör|ska|skall) (?:därför |alltså |heller )?(?:inte|ej) (?:genomföras|införas|antas|beslutas)"
        ),
    ),
    (
        OPPOSES,
        0.8,
        AGAINST,
        re.compile(
            rf"\b(?:anser|menar|bedömer|ser) {W}{{0,2}}(?:inte|ej) att {W}{{0,6}}(?:bör|ska|skall|behöver|är lämpligt"
            r"|(?:är|vore) (?:rätt|en lämplig|lämplig\w*|rimlig\w*|ändamålsenlig\w*|motiverad\w*|nödvändig\w*|bra))\b"
        ),
    ),
    (
        OPPOSES,
        0.8,
        AGAINST,
        re.compile(
            rf"\b{SUBJECT} (?:är|vore|framstår som) {W}{{0,1}}(?:inte|ej) (?:\w+ )?(?:lämplig|ändamålsenlig|motiverad|rimlig|önskvärd|nödvändig|befogad)\w*"
            rf"|\b(?:det är|är det|vore det) (?:inte|ej) (?:lämpligt|ändamålsenligt|motiverat|rimligt) att\b"
            rf"|\b{SUBJECT} (?:är|vore|framstår som) {W}{{0,1}}(?:olämplig|omotiverad|orimlig)\w*"
        ),
    ),
    (OPPOSES, 0.7, AGAINST, re.compile(r"\b(?:svårligen|inte|knappast) kan förenas med\b")),
    (
        OPPOSES,
        0.7,
        KEEP,
        re.compile(
            r"\b(?:bör|ska|skall|måste) (?:även fortsättningsvis |fortsatt |i stället |därför )?"
            r"(?:finnas kvar|behållas|ligga kvar|vara kvar|inte tas bort)\b"
            r"|\b(?:även|också) fortsättningsvis (?:bör|ska|skall|måste) (?:\w+ )?\w+as av\b"
            r"|\b(?:bör|ska|skall|måste) (?:även|också) fortsättningsvis (?:\w+ )?\w+as av\b"
        ),
    ),
    (OPPOSES, 0.9, AGAINST, re.compile(r"\bavvisar\b")),
    (
        OPPOSES,
        0.8,
        AGAINST,
        re.compile(r"\b(?:förslag\w*|bestämmelsen|ändringen) (?:bör|ska|skall) (?:därför )?utgå\b"),
    ),
    (
        OPPOSES,
        0.6,
        DOUBT,
        re.compile(rf"\bifrågasätter {W}{{0,2}}(?:behovet|nödvändigheten|lämpligheten|rimligheten|syftet)\b"),
    ),
    *STANDING,
    (
        NO_VIEW,
        1.0,
        NONE,
        re.compile(
            r"\b(?:har|lämnar|finns) (?:\w+ )?(?:därför |i övrigt |heller |för övrigt )?inga (?:särskilda |ytterligare |andra )?(?:synpunkter|kommentarer|yttranden)"
            r"|\b(?:inte|ej) (?:har|lämnar|ha|lämna|avge|avger) (?:några )?(?:synpunkter|kommentarer)"
        ),
    ),
    (
        NO_VIEW,
        1.0,
        NONE,
        re.compile(
            r"\bavstår (?:därför |i övrigt |härmed )?(?:från )?att (?:yttra sig|lämna synpunkter|lämna yttrande|kommentera|ta ställning)"
        ),
    ),
    (NO_VIEW, 0.9, NONE, re.compile(r"\b(?:har|lämnar) (?:inget|ingenting) att (?:tillägga|yttra|kommentera)")),
    (NO_VIEW, 0.9, NONE, re.compile(r"\blämnar (?:\w+ ){0,3}?utan (?:kommentar|kommentarer|synpunkter|yttrande)\b")),
    (NO_VIEW, 0.9, NONE, re.compile(r"\b(?:inte|ej) (?:att )?yttra sig\b")),
    (
        NO_VIEW,
        0.9,
        NONE,
        re.compile(
            r"\binga (?:särskilda |ytterligare )?(?:synpunkter|kommentarer)\b|\bkommenterar (?:inte|ej)\b|\btar (?:inte|ej) ställning\b"
        ),
    ),
    (SUPPORTS, 1.0, VERB, re.compile(r"\btillstyrk\w*")),
    (SUPPORTS, 1.0, VERB, re.compile(rf"\bställer sig {W}{{0,3}}bakom|\b(?:kan|vill) (?:\w+ )?ställa sig bakom")),
    (
        OPPOSES,
        0.7,
        AGAINST,
        re.compile(
            r"\bser (?:inte|inget|inte något|ingen|inga|inte någon|inte några) (?:något |någon |några )?(?:behov|behovet|skäl|anledning) (?:av|till|för|att)\b"
        ),
    ),
    (SUPPORTS, 1.0, VERB, re.compile(rf"\bstår {W}{{0,1}}bakom {W}{{0,2}}{OBJECT}")),
    (SUPPORTS, 1.0, VERB, re.compile(r"\binstämmer\b")),
    (SUPPORTS, 1.0, VERB, re.compile(r"\bbiträder\b|\bbiträds\b")),
    (SUPPORTS, 0.8, VERB, re.compile(r"\bkan (?:\w+ )?acceptera\b|\baccepterar\b")),
    *GOOD_BASIS,
    (
        SUPPORTS,
        0.7,
        EVALUATIVE,
        re.compile(
            r"\b(?:anser|menar|bedömer) (?:\w+ ){0,2}?att (?:\w+ ){1,10}?(?:är|vore) (?:\w+ (?:och )?)?"
            r"(?:rimlig|bra|lämplig|nödvändig|motiverad|välkommen|angelägen|väl avvägd|ambitiös|genomarbetad|gedigen)\w*\b"
        ),
    ),
    (SUPPORTS, 0.9, VERB, re.compile(r"\bansluter (?:sig|vi oss|oss) (?:\w+ )?till\b|\bgodtar\b|\bkan godta\b")),
    (SUPPORTS, 1.0, VERB, re.compile(r"\bvälkomnar\b")),
    (SUPPORTS, 1.0, VERB, re.compile(r"\bbifaller\b|\bbifalls\b")),
    (SUPPORTS, 0.9, VERB, re.compile(rf"\b(?:stödjer|stöder) {W}{{0,3}}{OBJECT}")),
    (SUPPORTS, 0.9, VERB, re.compile(rf"\bdelar {W}{{0,3}}(?:bedömning|uppfattning|slutsats|syn|analys|åsikt)")),
    (
        SUPPORTS,
        0.9,
        VERB,
        re.compile(
            rf"\b(?:anser|menar|bedömer) {W}{{0,3}}att {W}{{0,3}}förslag\w* (?:bör|ska|skall) (?:genomföras|införas|antas|beslutas|realiseras)"
        ),
    ),
    (
        PARTLY,
        0.6,
        DOUBT,
        re.compile(
            rf"\b(?:är|ställer sig|förhåller sig) {W}{{0,2}}(?:kritisk|tveksam)(?:a|t|ma)?\b|\btveksamt (?:om|huruvida)\b"
        ),
    ),
    (
        PARTLY,
        0.5,
        DOUBT,
        re.compile(
            r"\bifrågasätter\b|\bbefarar\b|\bär (?:oroad|bekymrad|orolig)\b|\bser (?:\w+ )?med (?:oro|viss oro|farhågor) på\b|\bser (?:(?!inga\b|inte\b|ingen\b)\w+ ){0,2}(?:risker|en risk|farhågor)\b"
        ),
    ),
    (PARTLY, 0.5, DOUBT, re.compile(r"\b(?:både )?(?:fördelar och (?:nackdelar|risker)|för- och nackdelar)\b")),
    (PARTLY, 0.6, DOUBT, re.compile(r"\bhar (?:dock |vissa |en del |flera )?invändningar mot\b")),
    (PARTLY, 0.5, DOUBT, re.compile(r"\bser (?!inga\b|inte\b)(?:\w+ )?svårigheter med\b")),
    *RESERVED,
    (
        PARTLY,
        0.5,
        RESERVATION_KIND,
        re.compile(rf"\b(?:anser|menar|bedömer|vill) (?:\w+ )?dock (?:{W}){{0,8}}?(?:måste|behöver|krävs)\b"),
    ),
    (
        PARTLY,
        0.5,
        DOUBT,
        re.compile(rf"\bställer sig {W}{{0,1}}frågande\b|\bhar (?:\w+ )?svårt att se (?:behovet|nyttan|hur)\b"),
    ),
    (
        PARTLY,
        0.5,
        RESERVATION_KIND,
        re.compile(
            r"\bser (?:ett |ett stort |vissa )?behov av (?:förtydligande|förtydliganden|ändring|ändringar|komplettering|kompletteringar|justering)\w*"
        ),
    ),
    (SUPPORTS, 0.7, ATTITUDE, re.compile(rf"\bser {W}{{0,2}}positivt på")),
    (
        SUPPORTS,
        0.7,
        ATTITUDE,
        re.compile(
            rf"\b(?:är|ställer sig|förhåller sig) {W}{{0,2}}positiv[at]?(?: (?:till|inställd)|(?! att\b| med\b)\b)"
        ),
    ),
    (
        SUPPORTS,
        0.7,
        EVALUATIVE,
        re.compile(
            rf"\b{POSITIVE_SUBJECT}(?: (?!att\b)\S+){{0,8}}? (?:är|vore|framstår som) {W}{{0,2}}(?:bra|välkom\w+|nödvändig\w*|angelägen|angeläget|rimlig\w*|ändamålsenlig\w*"
            r"|positiv\w*|efterlängtad\w*|klok\w*|lovvärd\w*|väl avvägd\w*|välmotiverad\w*|motiverad\w*|viktig\w*|ett steg i rätt riktning)"
        ),
    ),
    (
        SUPPORTS,
        0.6,
        EVALUATIVE,
        re.compile(r"\b(?:det är|är det|vore) (?:\w+ )?(?:positivt|bra|välkommet|glädjande) (?:att|med|om)\b"),
    ),
    (SUPPORTS, 0.6, EVALUATIVE, re.compile(r"\bdet positiva i\b|\bpositivt med\b")),
    (
        SUPPORTS,
        0.9,
        VERB,
        re.compile(r"\b(?:har|finns) (?:\w+ ){0,2}?(?:inget|ingenting) att (?:invända|erinra|anmärka)"),
    ),
    (
        SUPPORTS,
        0.8,
        VERB,
        re.compile(
            r"^(?:ingen erinran|inget att erinra|inga invändningar|ingen invändning)\b"
            r"|\b(?:ingen erinran|inget att erinra|inga invändningar|ingen invändning)$"
        ),
    ),
    (
        SUPPORTS,
        0.6,
        ATTITUDE,
        re.compile(r"\b(?:har|finns) (?:ingen|inga) (?:invändning|invändningar|erinran|erinringar)\b|\butan erinran\b"),
    ),
    (SUPPORTS, 0.5, ATTITUDE, re.compile(rf"\bser {W}{{0,6}}(?:det )?(?:logiska|rimliga) i\b|\bser fram emot\b")),
    (SUPPORTS, 0.6, ATTITUDE, re.compile(r"\bser (?:inga|inte några) (?:hinder|problem) (?:för|med|i)\b")),
    (
        SUPPORTS,
        0.6,
        ATTITUDE,
        re.compile(r"\bser (?:\w+ ){0,2}?som (?:självklart|naturligt|angeläget|nödvändigt|positivt|välkommet) att\b"),
    ),
    (SUPPORTS, 0.6, ATTITUDE, re.compile(r"\bser (?:ett |ett stort |ett tydligt |stora )?värde i\b")),
    (
        SUPPORTS,
        0.6,
        ATTITUDE,
        re.compile(
            r"\bär (?:\w+ )?(?:beredd|berett|beredda) att (?:ta|åta|följa|genomföra|utföra)|\båtar (?:sig|oss)\b"
        ),
    ),
    # "har länge efterfrågat ett krav på förarbevis": asked for what is now proposed
    (
        SUPPORTS,
        0.7,
        ATTITUDE,
        re.compile(r"\bhar (?:\w+ ){0,2}?(?:efterfrågat|efterlyst|förespråkat|verkat för|föreslagit)\b"),
    ),
    # "bör senareläggas", "efterfrågar en längre bevarandetid": the proposal, but changed
    (
        PARTLY,
        0.5,
        RESERVATION_KIND,
        re.compile(
            r"\b(?:bör|behöver|måste) (?:därför |dock |i stället )?(?:senareläggas|skjutas upp|tidigareläggas|flyttas fram)\b"
            r"|\b(?:efterfrågar|efterlyser|förordar|önskar) (?:\w+ )?(?:en |ett )?(?:längre|kortare|högre|lägre|större|mindre|fler|mer|striktare|senare|tidigare)\b"
            r"|\b(?:måste|behöver) dock\b"
            r"|\bär (?:dock |däremot )?(?:alltför|för) (?:lång|kort|hög|låg|snäv|generös|omfattande|begränsad|kostsam)\w*\b"
        ),
    ),
    # last: a support verb in the same sentence decides first
    (
        OPPOSES,
        0.7,
        NEGATED_ACTION,
        re.compile(
            r"\b(?:anser|menar|bedömer) (?:\w+ ){0,2}?att (?:\w+ ){1,6}?(?:(?:inte|ej) (?:bör|ska|skall)|(?:bör|ska|skall) (?:inte|ej))"
            r" (?:få |heller )?(?!vara\b|ha\b|behöva\b|kunna\b|bli\b)[a-zåäöé]{4,}\b"
        ),
    ),
]

RESERVATION = re.compile(
    r"\bdelvis\b|\bmed (?:en |vissa |viss |några )?(?:reservation|förbehåll|invändning|undantag)\w*|\bi (?:huvudsak|princip|stort sett|vissa delar)\b"
    r"|\bmed undantag\b|\bmed tillägg\b|\bmed (?:de |följande |nedanstående )?(?:synpunkter|påpekanden|kommentarer)\b|\bmed reservation\b"
)
FORWARD = re.compile(
    r"\bnedan\b|\bnedanstående\b|\bi det följande\b|\bföljande\b|\bsom framgår\b|\bsom utvecklas\b|\bsom lämnas\b"
)
# "tillstyrker i huvudsak förslagen": about the whole, the exceptions are taken up elsewhere.
MAINLY = re.compile(
    r"i (?:huvudsak|stort sett|allt väsentligt|princip)|med (?:ett|ett enda|några|vissa|följande) undantag|med (?:de |följande |nedanstående )?(?:synpunkter|påpekanden|kommentarer)"
)
# "motsätter oss inte att …": accepts it
NOT_AGAINST = re.compile(r"\bmotsätter (?:sig|oss|mig|vi oss) (?:\w+ )?(?:inte|ej)\b")
CONTRAST = re.compile(r"\bmen\b|\bdock\b|\bsamtidigt\b|\bäven om\b")
CONCERN = re.compile(
    r"\brisk\w*|\boro\w*|\bfarhåg\w*|\btveksam\w*|\binvändning\w*|\bproblem\w*|\bbrist\w*|\bsaknas\b|\bsaknar\b|\botillräcklig\w*|\bföredragit\b|\bhellre\b"
    r"|\b(?:en del|vissa|några|ett antal|flera) (?:synpunkter|påpekanden)\b"
    r"|\bmåste\b|\bkrävs\b|\bbehöver (?:\w+ )?(?:förtydligas|kompletteras|utredas|analyseras|ses över)|\bbör (?:\w+ )?(?:förtydligas|kompletteras|utredas|ses över|förfinas)"
)
# After a strong verb only a real reservation makes support partial ("men vill betona" does not).
STRONG_CONCERN = re.compile(
    r"\brisk\w*|\bmåste\b|\bkrävs\b|\bkräver (?:ytterligare|mer|särskild\w*|utökade) (?:resurser|medel|finansiering|arbete|analys\w*|utredning)|\bsaknas\b|\binte i (?:sin |dess )?nuvarande\b|\bbehöver (?:\w+ )?(?:förtydligas|kompletteras|utredas|ändras)"
    r"|\binvändning\w*|\bfarhåg\w*|\boro\w*|\bbör (?:\w+ ){0,2}(?:utredas|övervägas|ses över|analyseras)\b"
)
# "… vill dock framhålla att myndigheten behöver tillföras medel": the body's own funding, a remark
OWN_FUNDING = re.compile(
    r"\b(?:myndigheten|verket|kommunen|regionen|vi|oss|\w+s verksamhet) (?:\w+ ){0,2}?(?:behöver|måste|bör) (?:\w+ )?tillföras (?:\w+ )?(?:medel|resurser|finansiering)\b"
)
# Negations that do not negate ("inte minst", "inte bara").
FALSE_NEGATION = re.compile(r"\b(?:inte|ej) (?:minst|bara|enbart|endast|heller bara)\b")
NEGATED_BEFORE = re.compile(rf"\b{NEG} (?:{W}){{0,1}}$")
NEGATED_AFTER = re.compile(rf"^ (?:\w+ )?{NEG}\b")
NOT_FULLY = re.compile(r"^ (?:inte|ej) (?:helt|fullt|fullt ut|i alla delar|alla)\b")
# A table cell or a line that is only a verdict: "2.1 – Krav på förarbevis – Positiv."
VERDICT = re.compile(
    r"(?:^|\s[–—|]\s+)(positivt?|negativt?|ingen synpunkt|inga synpunkter|ingen kommentar|inga kommentarer)\s*(?:[.,;:]|$)",
    re.I,
)
VERDICTS = {"positiv": (SUPPORTS, ATTITUDE), "negativ": (OPPOSES, AGAINST)}


def _verdict(sentence: str) -> Cue | None:
    match = VERDICT.search(sentence)
    if match is None:
        return None
    word = match.group(1).lower()
    stance, kind = VERDICTS.get(word.rstrip("t"), (NO_VIEW, NONE))
    return _apply_reservation(Cue(stance, 0.7, word, kind), normalise(sentence[match.start(1) :]))


def classify(sentence: str) -> Cue | None:
    if verdict := _verdict(sentence):
        return verdict
    text = own_part(sentence)
    if not text:
        return None
    cleaned = FALSE_NEGATION.sub(" ", text)
    if match := NOT_AGAINST.search(cleaned):
        return _apply_reservation(Cue(SUPPORTS, 0.6, match.group(0), ATTITUDE), cleaned)
    for stance, strength, kind, pattern in PATTERNS:
        match = pattern.search(cleaned)
        if match is None:
            continue
        if not_a_stance(stance, kind, match.group(0), cleaned[: match.start()], cleaned[match.end() :]):
            continue
        stance = _apply_negation(stance, cleaned, match)
        if kind == RESERVATION_KIND and OWN_FUNDING.search(cleaned):
            return None
        if stance == OPPOSES and NOT_WITHOUT.search(cleaned):
            return Cue(PARTLY, 0.8, match.group(0), CONDITIONAL_KIND, SUPPORTS)
        if stance == OPPOSES and _also_supports(cleaned, match):
            return Cue(PARTLY, 0.5, match.group(0), RESERVATION_KIND)  # never plain opposition to what it supports
        return _apply_reservation(Cue(stance, strength, match.group(0), kind), cleaned)
    if match := WANTS_CHANGES.search(cleaned):
        return Cue(PARTLY, 0.7, match.group(0), RESERVATION_KIND)
    if match := CONSIDER.search(cleaned):
        if not re.search(r"\bbör (?:\w+ )?(?:genomföras|införas)\b", cleaned):
            if re.search(r"\bdock\b", cleaned):  # "… bör dock utredas vidare": a reservation
                return Cue(PARTLY, 0.5, match.group(0), RESERVATION_KIND)
            return Cue(PARTLY, 0.4, match.group(0), CONSIDER_KIND)
    return None


SUPPORT_VERB = re.compile(r"\btillstyrk\w*|\bställer sig (?:\w+ )?bakom|\bvälkomnar\b")
# "ställer sig bakom syftet men avstyrker förslaget": support of the aim, not of the proposal
AIM = re.compile(
    r"^ (?:\w+ ){0,2}?(?:syfte\w*|ambition\w*|intention\w*|mål\w*|målsättning\w*|avsikt\w*|strävan|inriktning\w*|grundtanke\w*|tanke\w*)\b"
)


def _also_supports(text: str, match: re.Match) -> bool:
    """The same sentence also supports something, un-negated ("tillstyrker X och avstyrker Y")."""
    for other in SUPPORT_VERB.finditer(text):
        if other.start() == match.start():
            continue
        before, after = text[: other.start()], text[other.end() :]
        if AIM.match(after):
            continue
        if not (
            NEGATED_BEFORE.search(before) or NEGATED_AFTER.search(after) or re.search(rf"\b{NEG}\b", other.group(0))
        ):
            return True
    return False


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
    """Support with a reservation, a condition or an exception in the same sentence is partial."""
    if cue.stance != SUPPORTS:
        return cue
    after = text.split(cue.phrase, 1)[-1]
    if CONDITIONAL.search(text) or NOT_WITHOUT.search(after):
        return Cue(PARTLY, max(cue.strength, 0.8), cue.phrase, CONDITIONAL_KIND, SUPPORTS)
    if match := RESERVATION.search(text):
        forward = bool(FORWARD.search(text[match.start() :]) or MAINLY.match(match.group(0)))
        forward = forward and not EACH.search(text[match.start() :])
        return Cue(PARTLY, max(cue.strength, 0.8), cue.phrase, RESERVATION_KIND, SUPPORTS, forward)
    if WANTS_CHANGES.search(text):
        return Cue(PARTLY, 0.7, cue.phrase, RESERVATION_KIND, SUPPORTS)
    contrast = CONTRAST.search(after)
    concern = STRONG_CONCERN if cue.strength >= 1.0 else CONCERN
    if contrast and (concern.search(after[contrast.start() :]) or DEMAND.search(after[contrast.start() :])):
        return Cue(PARTLY, 0.6, cue.phrase, RESERVATION_KIND, SUPPORTS)
    return cue
