"""What the answer form and the review page show of one response, read in a fixed number of queries
whatever the remiss's size."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max

from remiss.fieldkeys import response_field_keys
from remiss.models import Answer, Assignment, Attachment, Proposal, Response, Section


@dataclass(frozen=True)
class ProposalItem:
    proposal: Proposal
    answer: Answer | None
    assignments: tuple[Assignment, ...]

    @property
    def answered(self) -> bool:
        return bool(self.answer and self.answer.stance)


@dataclass(frozen=True)
class SectionBlock:
    section: Section
    items: tuple[ProposalItem, ...]
    assignments: tuple[Assignment, ...]

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.answered)


@dataclass(frozen=True)
class AnswerFormData:
    proposals: list[Proposal]
    answers: dict[int, Answer]  # by proposal id
    sections: tuple[SectionBlock, ...]
    assignments: list[Assignment]
    attachments: list[Attachment]
    text_versions: dict[str, int]  # each response-level text field's version (see text_field_versions)

    @property
    def answered(self) -> int:
        return sum(1 for answer in self.answers.values() if answer.stance)

    @property
    def total(self) -> int:
        return len(self.proposals)

    @property
    def next_unanswered(self) -> Proposal | None:
        return next((p for p in self.proposals if not (self.answers.get(p.pk) and self.answers[p.pk].stance)), None)


def answer_form_data(response: Response) -> AnswerFormData:
    proposals = list(
        Proposal.objects.filter(remiss_id=response.recipient.remiss_id)
        .select_related("section")
        .order_by("section__position", "section_id", "position", "id")
    )
    answers = {a.proposal_id: a for a in response.answers.select_related("updated_by")}
    assignments = list(
        response.assignments.select_related("assignee", "section", "proposal__section").order_by("done_at", "due_date")
    )
    by_proposal: dict[int, list[Assignment]] = {}
    by_section: dict[int, list[Assignment]] = {}
    for assignment in assignments:
        if assignment.proposal_id:
            by_proposal.setdefault(assignment.proposal_id, []).append(assignment)
        elif assignment.section_id:
            by_section.setdefault(assignment.section_id, []).append(assignment)
    grouped: list[tuple[Section, list[ProposalItem]]] = []
    for proposal in proposals:
        if not grouped or grouped[-1][0].pk != proposal.section_id:
            grouped.append((proposal.section, []))
        grouped[-1][1].append(ProposalItem(proposal, answers.get(proposal.pk), tuple(by_proposal.get(proposal.pk, ()))))
    sections = tuple(
        SectionBlock(section, tuple(items), tuple(by_section.get(section.pk, ()))) for section, items in grouped
    )
    return AnswerFormData(
        proposals=proposals,
        answers=answers,
        sections=sections,
        assignments=assignments,
        attachments=list(response.attachments.all()),
        text_versions=text_field_versions(response),
    )


def text_field_versions(response: Response) -> dict[str, int]:
    """Each response-level text field's own version: the version of its latest revision (0 if never
    saved). The page sends it back with the field, so a save detects a colleague's change to that
    field, whatever happened to the other fields meanwhile. One query."""
    keys = response_field_keys(response)
    versions = dict.fromkeys(keys, 0)
    rows = response.revisions.filter(field__in=keys).values("field").annotate(latest=Max("version"))
    versions.update({row["field"]: row["latest"] for row in rows})
    return versions
