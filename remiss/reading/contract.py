"""What a reading returns: per proposal a suggested stance with its evidence, a calibrated
confidence and the body's own text on it; the document's summary, general views and consequences;
and every paragraph with the place it landed in, so a person can move it."""

from __future__ import annotations

from dataclasses import dataclass, field

# Places a paragraph can land in.
SUMMARY, GENERAL, CONSEQUENCES, PROPOSAL, UNPLACED, FURNITURE = (
    "summary",
    "general_views",
    "consequences",
    "proposal",
    "unplaced",
    "furniture",
)


@dataclass
class Paragraph:
    text: str
    place: str
    keys: list[str] = field(default_factory=list)  # the proposals it is placed on (place == PROPOSAL)
    heading: bool = False

    def as_dict(self, labels: dict[str, str]) -> dict:
        data = {"text": self.text, "place": self.place, "heading": self.heading}
        if self.place == PROPOSAL:
            data["proposals"] = [labels[key] for key in self.keys]
            data["place"] = f"{PROPOSAL}:{labels[self.keys[0]]}" if len(self.keys) == 1 else PROPOSAL
        return data


@dataclass
class ProposalReading:
    key: str
    section: str
    label: str
    stance: str = ""  # "" when the reader suggests none (shown as null in as_dict)
    commented: bool = False
    confidence: float = 0.0
    evidence: str = ""
    addressed: bool = False
    comment: str = ""
    shared_with: list[str] = field(default_factory=list)  # other proposals the comment text also went to
    rule: str = ""  # how the stance was found; the calibration's row
    ask: bool = False

    @property
    def shared_with_section(self) -> bool:
        return bool(self.shared_with)

    def as_dict(self) -> dict:
        return {
            "section": self.section,
            "proposal": self.label,
            "stance": self.stance or None,
            "commented": self.commented,
            "addressed": self.addressed,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "ask": self.ask,
            "rule": self.rule,
            "comment": self.comment,
            "shared_with_section": self.shared_with_section,
            "shared_with": self.shared_with,
        }


@dataclass
class Reading:
    general: str | None
    general_evidence: str
    proposals: list[ProposalReading]
    whole_document: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)

    def _joined(self, place: str) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.place == place and not p.heading)

    @property
    def summary(self) -> str:
        return self._joined(SUMMARY)

    @property
    def general_views(self) -> str:
        return self._joined(GENERAL)

    @property
    def consequences(self) -> str:
        return self._joined(CONSEQUENCES)

    @property
    def unplaced(self) -> str:
        return self._joined(UNPLACED)

    def as_dict(self) -> dict:
        labels = {proposal.key: proposal.label for proposal in self.proposals}
        return {
            "general": self.general,
            "general_evidence": self.general_evidence,
            "whole_document": self.whole_document,
            "summary": self.summary,
            "general_views": self.general_views,
            "consequences": self.consequences,
            "unplaced": self.unplaced,
            "proposals": [proposal.as_dict() for proposal in self.proposals],
            "paragraphs": [paragraph.as_dict(labels) for paragraph in self.paragraphs],
        }

    def by_key(self) -> dict[str, ProposalReading]:
        return {proposal.key: proposal for proposal in self.proposals}
