"""From what the walk found to the reading: per proposal the stance its own statements take (a
reservation in another statement on it makes support partial), else what a general statement that
covers it says, else none; its comment text from the paragraphs placed on it; a confidence from
the calibration table."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import calibration
from .contract import PROPOSAL, Paragraph, ProposalReading, Reading
from .stance import (
    AGAINST,
    ATTITUDE,
    CONDITIONAL_KIND,
    CONSIDER_KIND,
    DOUBT,
    EVALUATIVE,
    KEEP,
    NONE,
    OPPOSES,
    PARTLY,
    RESERVATION_KIND,
    SUPPORTS,
    Cue,
)
from .structure import ProposalRef, Structure

RANK_EXPLICIT, RANK_TEXT, RANK_KEYWORD, RANK_BLANKET, RANK_WHOLE = 5, 4, 3, 2, 1


@dataclass
class Finding:
    cue: Cue
    rank: int
    reference: str  # heading | named | keyword | scope | exception (how the proposal was reached)
    evidence: str

    @property
    def stance(self) -> str:
        return self.cue.stance

    @property
    def strength(self) -> float:
        return self.cue.strength


@dataclass
class General:
    cue: Cue
    sentence: str
    coverage: str  # "all" | "rest" | "" (covers nothing by itself)
    excluded: set[str] = field(default_factory=set)


@dataclass
class Suggestion:
    stance: str
    rule: str
    evidence: str


def wording(cue: Cue) -> str:
    """The calibration's second coordinate: how explicit the wording was."""
    if cue.kind in (RESERVATION_KIND, CONDITIONAL_KIND, DOUBT, CONSIDER_KIND, AGAINST, "exception"):
        return cue.kind
    if cue.kind == KEEP:
        return AGAINST
    if cue.kind in (ATTITUDE, EVALUATIVE):
        return "attitude"
    return "no_view" if cue.kind == NONE else "verb"


def _own(findings: list[Finding]) -> Suggestion | None:
    """The proposal's own statements: the most explicit wins; support next to a reservation, a
    condition or a doubt on the same proposal is partial."""
    if not findings:
        return None
    ranked = sorted(findings, key=lambda item: (-item.rank, -item.strength))
    best = ranked[0]
    reference = "heading" if best.reference == "heading" else best.reference
    if best.stance == OPPOSES and (softened := _softened(best, ranked[1:])):
        return softened
    if best.stance == SUPPORTS:
        for other in ranked[1:]:
            serious = other.cue.kind not in (CONSIDER_KIND,) and other.strength >= 0.5
            if other.stance in (PARTLY, OPPOSES) and serious and other.rank >= best.rank - 1:
                return Suggestion(PARTLY, f"mixed/{wording(other.cue)}", f"{best.evidence} … {other.evidence}")
    return Suggestion(best.stance, f"{reference}/{wording(best.cue)}", best.evidence)


def _softened(best: Finding, others: list[Finding]) -> Suggestion | None:
    """Opposition beside support of the same proposal is partial (never plain opposition to what
    the body supports) — but an evaluation beside an explicit "avstyrker" does not soften it; a weak
    argument against beside a doubt is partial too."""
    explicit = best.strength >= 1.0 and best.cue.kind == "verb"
    near = [f for f in others if f.rank >= best.rank - 1]
    support = next((f for f in near if f.stance == SUPPORTS and not (explicit and f.cue.kind == EVALUATIVE)), None)
    if support is not None:
        return Suggestion(PARTLY, "mixed/against", f"{support.evidence} … {best.evidence}")
    doubt = next((f for f in near if f.stance == PARTLY and f.cue.kind != CONSIDER_KIND), None)
    if doubt is not None and best.strength < 0.9:
        return Suggestion(PARTLY, f"mixed/{wording(doubt.cue)}", f"{doubt.evidence} … {best.evidence}")
    return None


def _covered(general: General, commented: bool) -> Suggestion:
    """A blanket statement's stance for a proposal it covers. Its own reservation pointing ahead
    ("med de synpunkter som framgår nedan") does not make proposals without comments partial."""
    cue = general.cue
    level = "blanket" if general.coverage == "all" else "rest"
    if cue.forward and cue.base:
        if commented:
            return Suggestion(PARTLY, f"{level}/reserved_commented", general.sentence)
        return Suggestion(cue.base, f"{level}/{wording(Cue(cue.base, 1.0, cue.phrase))}", general.sentence)
    return Suggestion(cue.stance, f"{level}/{wording(cue)}", general.sentence)


def suggest(
    key: str,
    own: list[Finding],
    commented: bool,
    generals: list[General],
    whole: General | None,
) -> Suggestion | None:
    blanket = next((g for g in generals if g.coverage == "all" and key not in g.excluded), None)
    rest = next((g for g in generals if g.coverage == "rest" and key not in g.excluded), None)
    mine = _own(own)
    if mine and blanket and blanket.cue.stance == SUPPORTS and all(f.cue.kind == CONSIDER_KIND for f in own):
        return _covered(blanket, commented=False)  # "tillstyrker alla förslag" and "bör övervägas" on one
    if mine:
        return mine
    if blanket:
        return _covered(blanket, commented)
    if rest and not commented:
        return _covered(rest, commented)
    if whole is not None:
        return Suggestion(whole.cue.stance, f"whole/{wording(whole.cue)}", whole.sentence)
    return None


def _proposal_reading(
    proposal: ProposalRef, texts: list[Paragraph], stated: bool, suggestion: Suggestion | None, labels: dict
) -> ProposalReading:
    reading = ProposalReading(key=proposal.key, section=proposal.section, label=proposal.label)
    reading.comment = "\n\n".join(p.text for p in texts)
    others = dict.fromkeys(key for p in texts for key in p.keys if key != proposal.key)
    reading.shared_with = [labels[key] for key in others]
    if suggestion is not None:
        reading.stance, reading.rule, reading.evidence = suggestion.stance, suggestion.rule, suggestion.evidence
        reading.confidence = calibration.confidence(suggestion.rule)
    reading.commented = bool(texts) or stated or suggestion is not None
    reading.addressed = reading.commented
    reading.ask = calibration.should_ask(reading.stance, reading.confidence, reading.addressed)
    return reading


def combine(
    structure: Structure,
    findings: dict[str, list[Finding]],
    generals: list[General],
    paragraphs: list[Paragraph],
    referenced: bool,
) -> Reading:
    general = max(generals, key=lambda g: (bool(g.coverage), g.cue.strength), default=None)
    whole = general if general is not None and not referenced and not any(g.coverage for g in generals) else None
    placed: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.place == PROPOSAL:
            for key in paragraph.keys:
                placed.setdefault(key, []).append(paragraph)
    labels = {proposal.key: proposal.label for proposal in structure.proposals}
    proposals = []
    for proposal in structure.proposals:
        texts = [p for p in placed.get(proposal.key, []) if not p.heading]
        own = findings.get(proposal.key, [])
        suggestion = suggest(proposal.key, own, bool(texts) or bool(own), generals, whole)
        proposals.append(_proposal_reading(proposal, texts, bool(own), suggestion, labels))
    return Reading(
        general=general.cue.stance if general else None,
        general_evidence=general.sentence if general else "",
        proposals=proposals,
        whole_document=not referenced,
        paragraphs=paragraphs,
    )
