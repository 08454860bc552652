"""Kinds of wording and the further phrase tables of ``stance`` (found on real remissvar):
blanket evaluations of the report's proposals ("utredningens förslag ger en god grund för …"),
reservations stated on their own ("har dock ett antal påpekanden"), a condition in the sentence
after a support ("Men det förutsätter …"), and support only of the aim ("positivt till strävan
att …"), which is no stance on a proposal."""

from __future__ import annotations

import re

from remiss.models.responses import Stance

SUPPORTS, PARTLY = Stance.SUPPORTS.value, Stance.PARTLY.value

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
