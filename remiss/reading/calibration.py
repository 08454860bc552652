"""Confidence that means something: a suggestion's confidence is the share of suggestions made by
the same rule that were right on labelled answers the rules had not been tuned on when they were
read (the first read of the calib and held-out splits of tests/data/reading/labels.json), shrunk
towards a prior for the kind of wording when the rule was seen only a few times. A suggestion
given 0.9 should be right about 9 times in 10.

``benchmarks/read_answers.py --calibrate`` prints such a table (for the calib split, read with the
rules as they are now) to paste here; nothing is fitted at run time.

A rule is how the proposal was reached (its own words named it, a heading or a list put it in
scope, a blanket statement covered it, …) and, after the "/", how explicit the wording was (a stance
verb, an attitude, a reservation, a doubt, a recommendation to consider)."""

from __future__ import annotations

# Below this the staff screen asks ("Vilket ställningstagande?") instead of suggesting.
ASK_BELOW = 0.6

# Prior share right per kind of wording, and how many decisions it weighs as.
PRIOR = {
    "verb": 0.85,
    "no_view": 0.85,
    "against": 0.75,
    "attitude": 0.7,
    "reservation": 0.7,
    "conditional": 0.75,
    "reserved_commented": 0.55,
    "doubt": 0.55,
    "consider": 0.45,
    "exception": 0.4,
}
PRIOR_WEIGHT = 3
# Reference levels that are weaker evidence than the wording alone suggests.
LEVEL_FACTOR = {"whole": 0.7, "keyword": 0.9, "mixed": 0.9}

# rule -> (decisions, share right), measured on the first read of the calib and the seven held-out
# splits: each read by the rules as they stood before those answers were seen. A decision is one
# statement applied to its proposals, so a blanket over twenty proposals counts once.
MEASURED: dict[str, tuple[int, float]] = {
    "blanket/attitude": (3, 0.6),
    "blanket/no_view": (3, 1.0),
    "blanket/reservation": (1, 0.0),
    "blanket/verb": (5, 0.943),
    "exception/exception": (1, 0.0),
    "heading/against": (1, 1.0),
    "heading/attitude": (2, 1.0),
    "heading/conditional": (1, 1.0),
    "heading/doubt": (3, 0.778),
    "heading/no_view": (1, 1.0),
    "heading/reservation": (3, 0.667),
    "heading/verb": (3, 1.0),
    "keyword/attitude": (2, 1.0),
    "keyword/consider": (2, 0.0),
    "keyword/doubt": (2, 1.0),
    "keyword/no_view": (1, 1.0),
    "keyword/reservation": (2, 0.667),
    "keyword/verb": (8, 1.0),
    "mixed/against": (1, 0.0),
    "mixed/doubt": (1, 0.0),
    "named/against": (1, 1.0),
    "named/attitude": (8, 0.969),
    "named/conditional": (1, 1.0),
    "named/doubt": (1, 1.0),
    "named/reservation": (1, 1.0),
    "named/verb": (26, 0.828),
    "rest/no_view": (11, 0.947),
    "scope/doubt": (1, 0.0),
    "scope/verb": (2, 1.0),
    "whole/attitude": (2, 0.5),
    "whole/doubt": (1, 0.5),
}


def shrunk(rule: str, decisions: int, share: float) -> float:
    wording = rule.split("/", 1)[-1]
    level = rule.split("/", 1)[0]
    prior = PRIOR.get(wording, 0.6) * LEVEL_FACTOR.get(level, 1.0)
    return round((decisions * share + PRIOR_WEIGHT * prior) / (decisions + PRIOR_WEIGHT), 2)


def confidence(rule: str) -> float:
    decisions, share = MEASURED.get(rule, (0, 0.0))
    return shrunk(rule, decisions, share)


def should_ask(stance: str, confidence_value: float, addressed: bool) -> bool:
    """Ask when there is a suggestion below the threshold, or text on the proposal but no stance."""
    return (bool(stance) and confidence_value < ASK_BELOW) or (addressed and not stance)
