"""Kinds of wording and the further phrase tables of ``stance`` (found on real remissvar):
blanket evaluations of the report's proposals ("utredningens förslag ger en god grund för …"),
reservations stated on their own ("har dock ett antal påpekanden"), a condition in the sentence
after a support ("Men det förutsätter …"), and support only of the aim ("positivt till strävan
att …"), which is no stance on a proposal."""

from __future__ import annotations

import re

from remiss.models.responses import Stance

SUPPORTS, PARTLY = Stance.SUPPORTS.value, Stance.PARTLY.value
W = r"(?:[\wåäöéü-]+ )"  # one word and its space

# Kinds of wording, for calibration and for how a statement combines with others.
VERB, ATTITUDE, EVALUATIVE, AGAINST, DOUBT, CONSIDER_KIND, RESERVATION_KIND, CONDITIONAL_KIND, NONE = (
    "verb",
    "attitude",
    "evaluative",
    "against",
    "doubt",
    "consider",
    "reservation",
    "conditional",
    "no_view",
)
# "bestämmelsen ska finnas kvar": against a proposal that removes something, nothing otherwise
KEEP = "keep"
# "anser att bevarandetiden inte bör förlängas": against a proposal whose own verb it negates
NEGATED_ACTION = "negated_action"
# "anser att en statlig ersättning måste införas": against a proposal that says it should not be
AFFIRMED_ACTION = "affirmed_action"

# Before the other support patterns: an evaluation of the proposals as a basis.
GOOD_BASIS: list[tuple[str, float, str, re.Pattern]] = [
    (
        SUPPORTS,
        0.8,
        EVALUATIVE,
        re.compile(
            r"\b(?:förslag\w*|de|dessa) (?:\w+ ){0,2}?(?:ger|utgör|är|lägger) (?:en |ett )?(?:mycket |väldigt )?"
            r"(?:god|bra|stabil|gedigen|utmärkt|solid|rimlig)a? (?:grund|utgångspunkt|bas|underlag)\b"
        ),
    ),
]
# With the other reservations: one stated in a sentence of its own, and a condition after a support.
RESERVED: list[tuple[str, float, str, re.Pattern]] = [
    (
        PARTLY,
        0.5,
        RESERVATION_KIND,
        re.compile(
            r"\bhar (?:dock|däremot|emellertid|samtidigt) (?:ett antal|några|vissa|en del|flera|ett par) "
            r"(?:påpekanden|synpunkter|invändningar|kommentarer|förbehåll)\b"
        ),
    ),
    (
        PARTLY,
        0.5,
        DOUBT,
        re.compile(r"\b(?:föreligger|finns|råder) (?:\w+ )?oklarhet\w* (?:om|kring|kring hur|i fråga om)\b"),
    ),
    (
        PARTLY,
        0.6,
        CONDITIONAL_KIND,
        re.compile(r"^\W*(?:men|dock) (?:\w+ ){0,2}?förutsätter\b|\bförutsätter (?:dock|emellertid|samtidigt)\b"),
    ),
]
# "är positivt till strävan att …", "instämmer i utredningens problembeskrivning": the aim or the
# description of the problem, not what is proposed.
AIM_ONLY = re.compile(
    r"^ (?:till |på |i |med )?(?:\w+ )?(?:strävan\w*|syftet|syftena|ambitionen|ambitionerna|intentionen|intentionerna"
    r"|målsättningen|avsikten|problembeskrivning\w*|nulägesbeskrivning\w*|problemformulering\w*|verklighetsbeskrivning\w*)\b"
)


def aim_only(stance: str, kind: str, after: str) -> bool:
    """Support whose object is only the aim or the problem description."""
    return stance == SUPPORTS and kind in (VERB, ATTITUDE) and bool(AIM_ONLY.match(after))


OPPOSES, NO_VIEW = Stance.OPPOSES.value, Stance.NO_VIEW.value
# Before "no view": opposition stated as a standing ("vår avvisande hållning"), strong criticism,
# and declining to comment on the details because of it ("finner inte skäl att lägga synpunkter").
STANDING: list[tuple[str, float, str, re.Pattern]] = [
    (
        OPPOSES,
        0.8,
        AGAINST,
        re.compile(r"\b(?:vår|sin|dess|min|en|den) (?:\w+ )?(?:avvisande|negativa) (?:hållning|inställning)\b"),
    ),
    (
        OPPOSES,
        0.8,
        AGAINST,
        re.compile(
            r"\bär (?:\w+ )?(?:starkt|mycket|kraftigt|djupt) (?:kritisk|kritiska|negativ|negativa) (?:till|mot)\b"
        ),
    ),
    # "är en mer lämplig ledningsform för den föreslagna myndigheten": an alternative preferred
    (
        OPPOSES,
        0.6,
        AGAINST,
        re.compile(
            r"\b(?:är|vore) (?:en |ett )?(?:mer|mera|betydligt mer|bättre|lämpligare)(?: \w+){0,3}? (?:för|än) (?:den|det|de) föreslagna\b"
        ),
    ),
    # "bör avstå från att föreskriva om …", a list item "– avstå från att införa …"
    (
        OPPOSES,
        0.7,
        AGAINST,
        re.compile(
            r"(?:\bbör (?:\w+ ){0,5}?|^\W*)avstå (?:från |ifrån )?att (?:föreskriva|införa|genomföra|besluta|inrätta|reglera)\b"
        ),
    ),
    (
        NO_VIEW,
        0.9,
        NONE,
        re.compile(
            r"\b(?:finner|ser) (?:\w+ )?(?:inte|ej|inget|inga) (?:något |några )?(?:skäl|anledning) att (?:lägga|lämna|ha|avge)"
            r" (?:några )?(?:synpunkter|kommentarer)\b"
        ),
    ),
]
# "anser att rapporten … är stringent och bra": the quality of the report, not a proposal
REPORT_QUALITY = re.compile(
    r"\batt (?:\w+ )?(?:rapport\w*|betänkande\w*|utredning\w*|promemori\w*|underlag\w*|analys\w*|beskrivning\w*)\b"
)
# "men har ett antal synpunkter gällande respektive förslag": a reservation about each proposal
EACH = re.compile(r"\b(?:respektive|varje) (?:förslag|del|avsnitt)\b|\bvart och ett av förslagen\b")


# "SGI frågar om myndigheterna kan ställa sig bakom …": a question reported, not the body's stance
ASKED = re.compile(r"\bfrågar (?:\w+ ){0,3}?(?:om|huruvida)\b")


def not_a_stance(stance: str, kind: str, phrase: str, before: str, after: str) -> bool:
    """Support of the aim only, an evaluation of the report itself, or a question someone asks."""
    return (
        aim_only(stance, kind, after)
        or (kind == EVALUATIVE and bool(REPORT_QUALITY.search(phrase)))
        or bool(ASKED.search(before))
    )


# "anser att förslaget bör kompletteras": agrees with the direction, wants it changed.
WANTS_CHANGES = re.compile(
    rf"\b(?:anser|menar|bedömer|föreslår) {W}{{0,3}}att {W}{{0,3}}(?:förslag\w*|bestämmelse\w*|rekommendation\w*|regleringen|skrivningen|de|dessa|den|det) (?:\w+ ){{0,8}}?(?:bör|behöver|måste) (?:\w+ )?(?:kompletteras|förtydligas|ändras|justeras|omarbetas|bearbetas|arbetas om|preciseras|utredas|ses över|begränsas|utvidgas|förenklas)"
)
# "bör övervägas", "bör utredas vidare": asks for more thought; not support, at most partly.
CONSIDER = re.compile(
    r"\b(?:bör|behöver|borde|måste) (?:\w+ ){0,3}(?:övervägas|utredas|analyseras|belysas|ses över|prövas)(?: (?:vidare|ytterligare|närmare|noga))?\b"
    r"|\bbör (?:\w+ ){0,2}(?:överväga|utreda|analysera|se över)\b|\b(?:ytterligare|fördjupad|djupare) (?:analys|utredning|beredning)\b"
    r"|\b(?:bör|behöver|måste) (?:\w+ ){0,2}föregås av (?:en )?(?:\w+ )?(?:analys|utredning|prövning|utvärdering)\b"
)
CONDITIONAL = re.compile(
    r"\b(?:under (?:förutsättning|förutsättningen)|förutsatt|på (?:villkor|villkoret)|givet) att\b"
)
# "kan inte genomföras utan ökade anslag", "bör inte införas utan att …": a condition, not a refusal
NOT_WITHOUT = re.compile(
    r"\b(?:inte|ej) (?:\w+ ){0,2}?(?:genomföras|införas|ske|fungera|genomföra|införa|tillstyrkas)(?: \w+){0,2}? utan\b"
)
# "…, men anser att fristen bör vara sex månader", "men vill att även regionerna ska …": a demand
DEMAND = re.compile(
    r"^\W*(?:men|dock) (?:\w+ ){0,3}?(?:anser|menar|vill|föreslår|bedömer) (?:\w+ ){0,2}?att\b(?: \S+){0,14}? (?:bör|ska|skall|måste|behöver|inte får|får inte)\b"
    r"|\binte (?:\w+ )?tillräckligt (?:långt|långtgående)\b|\bgår inte tillräckligt\b"
)
