"""Stances relative to a proposal's own wording: "anser att bevarandetiden inte bör förlängas" is
against a proposal that lengthens it, "anser att en ersättning måste införas" against one that says
it should not be. Such a statement counts only on the proposals whose wording it turns round."""

from __future__ import annotations

import re

from .stance import AFFIRMED_ACTION, OPPOSES, Cue, normalise


def negates_proposal(phrase: str, proposal_text: str) -> bool:
    """The verb a negated "bör inte …" phrase ends with is the proposal's own ("förlängas" and
    "förlängs", "kamerabevaka")."""
    verb = phrase.split()[-1]
    root = re.sub(r"(?:as|es|s|a)$", "", verb)
    return len(root) >= 3 and re.search(rf"\b{re.escape(root)}", proposal_text.lower()) is not None


AFFIRMED = re.compile(
    r"\b(?:anser|menar|bedömer) (?:\w+ ){0,2}?att (?:\w+ ){1,6}?(?:bör|ska|skall|måste|behöver) (?:\w+ )?[a-zåäö]{4,}as\b"
)


def affirmed(sentence: str) -> Cue | None:
    """ "anser att en statlig ersättning måste införas": no stance by itself, against a proposal that
    says it should not be (``affirms_against``); read only where no other cue is."""
    match = AFFIRMED.search(normalise(sentence))
    return Cue(OPPOSES, 0.7, match.group(0), AFFIRMED_ACTION) if match else None


def affirms_against(phrase: str, proposal_text: str) -> bool:
    """The proposal says not to do what the phrase says must be done ("bör inte införas")."""
    root = re.sub(r"(?:as|s)$", "", phrase.split()[-1])
    return re.search(rf"\b(?:inte|ej) (?:\w+ ){{0,2}}{re.escape(root)}", proposal_text.lower()) is not None
