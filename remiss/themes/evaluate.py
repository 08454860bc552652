"""Scoring predicted themes against hand-labelled ones, as ThemeFinder's evaluations do:
match themes, then F1 per answer, averaged over answers.

Matching: one-to-one Hungarian assignment (scipy) that maximises the Jaccard overlap of the
themes' answer sets; a pair with Jaccard below ``MIN_JACCARD`` stays unmatched. An unmatched
predicted theme counts as a wrong theme on each of its answers; an unmatched gold theme as a
missed one. Per answer: F1 of its predicted theme set (after matching) against its gold set;
an answer with neither scores 1.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from .engine import DEFAULT_SETTINGS, Settings, find_themes
from .model import ExistingTheme, Theme

MIN_JACCARD = 0.1


@dataclass
class LabelledSet:
    """One proposal's answers with their gold themes (tests/data/themes/*.json)."""

    name: str
    split: str
    data: dict[str, Any]

    @property
    def answers(self) -> list[dict[str, Any]]:
        return self.data["answers"]

    def gold(self) -> dict[str, set]:
        """Gold theme key -> set of answer ids."""
        result: dict[str, set] = {key: set() for key in self.data["themes"]}
        for answer in self.answers:
            for key in answer["gold"]:
                result[key].add(answer["id"])
        return result

    def input(self) -> dict[str, Any]:
        """The contract input: gold labels removed."""
        answers = [{k: v for k, v in a.items() if k != "gold"} for a in self.answers]
        return {"remiss": self.data["remiss"], "proposal": self.data["proposal"], "answers": answers}


def load_labelled(directory: Path) -> list[LabelledSet]:
    return [
        LabelledSet(path.stem, (data := json.loads(path.read_text(encoding="utf-8")))["split"], data)
        for path in sorted(directory.glob("*.json"))
    ]


def match(predicted: list[set], gold: list[set], min_jaccard: float = MIN_JACCARD) -> dict[int, int]:
    """Predicted theme index -> gold theme index."""
    if not predicted or not gold:
        return {}
    overlap = np.array([[_jaccard(p, g) for g in gold] for p in predicted])
    rows, cols = linear_sum_assignment(-overlap)
    return {int(r): int(c) for r, c in zip(rows, cols, strict=True) if overlap[r, c] >= min_jaccard}


def answer_f1(predicted: list[set], gold: list[set], answer_ids: list) -> float:
    """Mean over answers of the F1 of predicted vs gold theme sets, after matching."""
    if not answer_ids:
        return 1.0
    mapping = match(predicted, gold)
    total = 0.0
    for answer in answer_ids:
        mine = {("gold", mapping[k]) if k in mapping else ("extra", k) for k, p in enumerate(predicted) if answer in p}
        truth = {("gold", k) for k, g in enumerate(gold) if answer in g}
        if not mine and not truth:
            total += 1.0
            continue
        total += 2 * len(mine & truth) / (len(mine) + len(truth))
    return total / len(answer_ids)


def score(labelled: LabelledSet, themes: list[Theme]) -> float:
    return answer_f1(
        [set(t.answers) for t in themes], list(labelled.gold().values()), [a["id"] for a in labelled.answers]
    )


def evaluate(sets: list[LabelledSet], settings: Settings = DEFAULT_SETTINGS) -> dict[str, float]:
    """F1 per labelled set."""
    result = {}
    for labelled in sets:
        data = labelled.input()
        proposal = dict(data["proposal"], remiss=data["remiss"])
        result[labelled.name] = score(labelled, find_themes(proposal, data["answers"], settings=settings))
    return result


def evaluate_incremental(
    sets: list[LabelledSet], settings: Settings = DEFAULT_SETTINGS, later: float = 1 / 3, seed: int = 1
) -> dict[str, float]:
    """F1 per labelled set when a share of the answers (``later``, drawn at random) arrives after
    staff confirmed the themes of the others: the second run keeps those themes and places the
    late answers into them or into new themes."""
    result = {}
    for labelled in sets:
        data = labelled.input()
        proposal = dict(data["proposal"], remiss=data["remiss"])
        answers = list(data["answers"])
        random.Random(seed).shuffle(answers)
        cut = round(len(answers) * (1 - later))
        first = find_themes(proposal, answers[:cut], settings=settings)
        confirmed = [ExistingTheme.from_theme(theme) for theme in first]
        result[labelled.name] = score(labelled, find_themes(proposal, answers, existing=confirmed, settings=settings))
    return result


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0
