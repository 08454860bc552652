"""The remiss as the reader needs it: sections with their numbers and titles, and proposals in order.

Built from the database (``from_remiss``), from an imported JSON file (``from_imported``) or from the
JSON bytes directly (``from_json``), so the reader itself needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProposalRef:
    key: str  # stable id: the Proposal's pk as text, or "section#position" without a database
    section: str
    label: str  # as Proposal.label: "7.1.1 (2)"
    text: str
    pk: int | None = None


@dataclass
class SectionRef:
    number: str
    title: str
    proposals: list[ProposalRef] = field(default_factory=list)

    @property
    def parts(self) -> tuple[int, ...]:
        return number_parts(self.number)


def number_parts(number: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in number.strip().split(".") if part)
    except ValueError:
        return ()


@dataclass
class Structure:
    sections: list[SectionRef]

    @property
    def proposals(self) -> list[ProposalRef]:
        return [proposal for section in self.sections for proposal in section.proposals]

    @classmethod
    def from_imported(cls, imported) -> Structure:
        sections = []
        for section in imported.sections:
            ref = SectionRef(number=section.number, title=section.title)
            for position, item in enumerate(section.items):
                ref.proposals.append(
                    ProposalRef(
                        key=f"{section.number}#{position}",
                        section=section.number,
                        label=f"{section.number} ({position + 1})".strip(),
                        text=item.text,
                    )
                )
            sections.append(ref)
        return cls(sections=sections)

    @classmethod
    def from_json(cls, data: bytes) -> Structure:
        from remiss.remiss_import import parse_remiss_json

        return cls.from_imported(parse_remiss_json(data))

    @classmethod
    def from_remiss(cls, remiss) -> Structure:
        by_section: dict[int, SectionRef] = {}
        for section in remiss.sections.order_by("position", "pk"):
            by_section[section.pk] = SectionRef(number=section.number, title=section.title)
        proposals = remiss.proposals.select_related("section").order_by("section__position", "position", "pk")
        for proposal in proposals:
            by_section[proposal.section_id].proposals.append(
                ProposalRef(
                    key=str(proposal.pk),
                    section=proposal.section.number,
                    label=proposal.label,
                    text=proposal.text,
                    pk=proposal.pk,
                )
            )
        return cls(sections=list(by_section.values()))
