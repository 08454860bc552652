"""Measure readings against hand labels (tests/data/reading/labels.json): stances per proposal,
where paragraphs land, how much of the text is placed, and how well the confidence is calibrated.
Used by ``benchmarks/read_answers.py`` and the tests; no Django beyond what extraction needs."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .contract import FURNITURE, UNPLACED, Reading
from .text import Block, sentences

NO_STANCE = "-"  # the body writes about the proposal but takes no stance
CONFIDENCE_BINS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


@dataclass
class Tally:
    stances: int = 0  # labelled stances
    stances_right: int = 0
    unaddressed: int = 0  # proposals the answer does not address
    stance_on_unaddressed: int = 0
    opposes_where_supports: int = 0
    sentences: int = 0
    sentences_placed: int = 0
    places: int = 0
    places_right: int = 0
    # rule, confidence, right, decision (answer and evidence: one blanket covering 20 proposals is one decision)
    suggestions: list[tuple[str, float, bool, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict:
        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 3) if whole else None

        return {
            "stances": self.stances,
            "stance_accuracy": share(self.stances_right, self.stances),
            "unaddressed": self.unaddressed,
            "stance_on_unaddressed": self.stance_on_unaddressed,
            "opposes_where_supports": self.opposes_where_supports,
            "sentences": self.sentences,
            "sentences_placed": share(self.sentences_placed, self.sentences),
            "placements": self.places,
            "placement_accuracy": share(self.places_right, self.places),
        }


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def score(name: str, reading: Reading, label: dict) -> Tally:
    tally = Tally()
    _score_stances(name, reading, label["stances"], tally)
    _score_places(name, reading, label.get("places", {}), tally)
    for paragraph in reading.paragraphs:
        if paragraph.heading or paragraph.place == FURNITURE:
            continue
        count = len(sentences(Block(paragraph.text)))
        tally.sentences += count
        tally.sentences_placed += count if paragraph.place != UNPLACED else 0
    return tally


def _score_stances(name: str, reading: Reading, stances: dict[str, str], tally: Tally) -> None:
    for proposal in reading.proposals:
        expected = stances.get(proposal.label, "")
        got = proposal.stance
        if got:
            decision = f"{name}|{proposal.rule}|{proposal.evidence}"
            tally.suggestions.append((proposal.rule, proposal.confidence, got == expected, decision))
        if expected in ("", NO_STANCE):
            tally.unaddressed += expected == ""
            tally.stance_on_unaddressed += bool(got) and expected == ""
            if got:
                tally.errors.append(f"{name} {proposal.label}: labelled {expected or 'not addressed'}, suggested {got}")
            continue
        tally.stances += 1
        tally.stances_right += got == expected
        tally.opposes_where_supports += got == "opposes" and expected in ("supports", "partly")
        if got != expected:
            tally.errors.append(
                f"{name} {proposal.label}: labelled {expected}, suggested {got or '–'} ({proposal.rule})"
            )


def _score_places(name: str, reading: Reading, places: dict[str, str], tally: Tally) -> None:
    labels = {proposal.key: proposal.label for proposal in reading.proposals}
    for snippet, expected in places.items():
        paragraph = next((p for p in reading.paragraphs if snippet in p.text), None)
        tally.places += 1
        if paragraph is None:
            tally.errors.append(f"{name}: no paragraph holds {snippet!r}")
            continue
        if paragraph.place == "proposal":
            got = [f"proposal:{labels[key]}" for key in paragraph.keys]
        else:
            got = [paragraph.place]
        right = expected in got
        tally.places_right += right
        if not right:
            tally.errors.append(f"{name}: {snippet!r} placed in {got[:3]}, labelled {expected}")


def calibration_rows(suggestions: list[tuple[str, float, bool, str]]) -> dict[str, tuple[int, float]]:
    """Per rule and per reference level (the part before "/"): decisions and share right. A
    decision is one statement applied to its proposals (its share right counts once), so a blanket
    statement over twenty proposals weighs as one piece of evidence, not twenty."""
    decisions: dict[str, list[bool]] = defaultdict(list)
    rules: dict[str, str] = {}
    for rule, _confidence, right, decision in suggestions:
        decisions[decision].append(right)
        rules[decision] = rule
    groups: dict[str, list[float]] = defaultdict(list)
    for decision, rights in decisions.items():
        share = sum(rights) / len(rights)
        groups[rules[decision]].append(share)
        groups[rules[decision].split("/", 1)[0]].append(share)
    return {rule: (len(shares), round(sum(shares) / len(shares), 3)) for rule, shares in sorted(groups.items())}


def confidence_bins(suggestions: list[tuple[str, float, bool, str]]) -> list[tuple[str, int, float | None]]:
    rows = []
    for low, high in CONFIDENCE_BINS:
        rights = [right for _rule, confidence, right, _decision in suggestions if low <= confidence < high]
        rows.append(
            (f"{low:.1f}–{min(high, 1.0):.1f}", len(rights), round(sum(rights) / len(rights), 2) if rights else None)
        )
    return rows


def docx_from_text(text: str) -> bytes:
    """A .docx of a plain-text answer as a word processor would hold it: a short line standing
    alone without a full stop is a heading, "- " starts a bulleted item, short lines (letterhead,
    signatures) stay paragraphs of their own and the wrapped lines of a paragraph join up."""
    import io
    import re

    import docx

    document = docx.Document()
    for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in part.split("\n") if line.strip()]
        if lines and _title_like(lines[0]) and (len(lines) == 1 or lines[1][:1].isupper()):
            document.add_heading(lines.pop(0), level=2)
        for kind, paragraph in _paragraphs(lines):
            document.add_paragraph(paragraph, style="List Bullet" if kind == "list" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    result: list[tuple[str, list[str]]] = []
    for line in lines:
        previous = result[-1][1][-1] if result else ""
        if line.startswith("- "):
            result.append(("list", [line[2:]]))
        elif (
            result
            and not previous.endswith((".", "!", "?", ":"))
            and (len(previous.split()) >= 6 or line[:1].islower())
        ):
            result[-1][1].append(line)
        else:
            result.append(("text", [line]))
    return [(kind, " ".join(parts)) for kind, parts in result]


def _title_like(line: str) -> bool:
    return len(line.split()) <= 12 and line[-1] not in ".:;,!?" and line[:1].isupper()
