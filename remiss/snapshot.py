"""The frozen content of a submitted response (``Submission.snapshot``).

Submitting copies the response into this plain structure, so the answer PDF, the public page and
the sammanställning read one fixed version, whatever is edited later: ``build_snapshot`` copies the
text, ``freeze_attachments`` the attached files. ``remiss.workflow`` calls both when it freezes an
answer (and the test factories call ``build_snapshot``); readers never touch the live rows.
"""

from __future__ import annotations

from typing import TypedDict


class SnapshotOrganisation(TypedDict):
    id: int
    name: str
    kind: str  # OrganisationKind value
    county: str


class SnapshotRemiss(TypedDict):
    id: int
    reference: str
    title: str
    ministry: str


class SnapshotAnswer(TypedDict):
    proposal_id: int
    label: str  # e.g. "7.1.1 (2)"
    section_id: int
    section_number: str
    section_title: str
    kind: str  # ProposalKind value
    text: str  # the proposal's text
    stance: str  # Stance value, "" = ej besvarad
    stance_label: str
    comment: str


class SnapshotConsequence(TypedDict):
    key: str
    label: str
    text: str


class SnapshotPerson(TypedDict):
    name: str
    title: str


class SnapshotAttachment(TypedDict):
    title: str
    original_name: str
    size: int


class Snapshot(TypedDict):
    organisation: SnapshotOrganisation
    remiss: SnapshotRemiss
    number: int  # submission version, 1 for the first
    submitted_at: str  # ISO 8601, aware
    is_late: bool
    declined: bool
    declined_reason: str
    summary: str
    general_comments: str
    consequences: list[SnapshotConsequence]
    answers: list[SnapshotAnswer]  # in the remiss's proposal order, every proposal present
    decided_by: str
    decision_date: str  # ISO date or ""
    minute_ref: str
    signatories: list[SnapshotPerson]  # in signing order
    our_reference: str  # the organisation's own diarienummer ("Vår beteckning"); absent before 2026-11
    presenter: str  # föredragande
    also_participated: str  # "I den slutliga handläggningen har även deltagit"
    attachments: list[SnapshotAttachment]


def build_snapshot(
    response,
    *,
    number: int | None = None,
    submitted_at=None,
    is_late: bool = False,
    declined: bool | None = None,
) -> Snapshot:
    """Copy ``response`` into the frozen structure above: every proposal of the remiss in order,
    "ej besvarad" (empty stance) where no answer was given. Reads: a handful of queries, not one
    per proposal."""
    from django.db.models import Max
    from django.utils import timezone

    from .models import Proposal, ResponseStatus, Stance

    recipient = response.recipient
    remiss = recipient.remiss
    organisation = recipient.organisation
    if number is None:
        number = (response.submissions.aggregate(n=Max("number"))["n"] or 0) + 1
    submitted_at = submitted_at or timezone.now()
    if declined is None:
        declined = response.status == ResponseStatus.DECLINED
    answers = {a.proposal_id: a for a in response.answers.all()}
    stance_labels = dict(Stance.choices)
    snapshot_answers: list[SnapshotAnswer] = []
    for proposal in Proposal.objects.filter(remiss=remiss).select_related("section"):
        answer = answers.get(proposal.pk)
        stance = answer.stance if answer else ""
        snapshot_answers.append(
            SnapshotAnswer(
                proposal_id=proposal.pk,
                label=proposal.label,
                section_id=proposal.section_id,
                section_number=proposal.section.number,
                section_title=proposal.section.title,
                kind=proposal.kind,
                text=proposal.text,
                stance=stance,
                stance_label=str(stance_labels.get(stance, "")) if stance else "",
                comment=answer.comment if answer else "",
            )
        )
    consequences = [
        SnapshotConsequence(key=key, label=str(label), text=(response.consequences or {}).get(key, ""))
        for key, label in remiss.consequence_labels()
    ]
    return Snapshot(
        organisation=SnapshotOrganisation(
            id=organisation.pk, name=organisation.name, kind=organisation.kind, county=organisation.county
        ),
        remiss=SnapshotRemiss(
            id=remiss.pk, reference=remiss.reference, title=remiss.title, ministry=remiss.ministry.name
        ),
        number=number,
        submitted_at=submitted_at.isoformat(),
        is_late=is_late,
        declined=bool(declined),
        declined_reason=response.declined_reason,
        summary=response.summary,
        general_comments=response.general_comments,
        consequences=consequences,
        answers=snapshot_answers,
        decided_by=response.decided_by,
        decision_date=response.decision_date.isoformat() if response.decision_date else "",
        minute_ref=response.minute_ref,
        signatories=[
            SnapshotPerson(name=s.name, title=s.title) for s in response.signatories.order_by("position", "id")
        ],
        our_reference=response.our_reference,
        presenter=response.presenter,
        also_participated=response.also_participated,
        attachments=[
            SnapshotAttachment(title=a.title, original_name=a.original_name, size=a.size)
            for a in response.attachments.all()
        ],
    )


def freeze_attachments(response, submission) -> list:
    """Copy the response's attachments into the submission: the file under a new generated name,
    with title, original name, size and SHA-256, so later edits of the draft change nothing."""
    import hashlib

    from django.core.files.base import ContentFile

    from .models.responses import SubmissionAttachment

    frozen = []
    for position, attachment in enumerate(response.attachments.order_by("uploaded_at", "id")):
        item = SubmissionAttachment(
            submission=submission,
            title=attachment.title,
            original_name=attachment.original_name,
            size=attachment.size,
            position=position,
        )
        if attachment.file and attachment.file.storage.exists(attachment.file.name):
            with attachment.file.open("rb") as source:
                data = source.read()
            item.size = len(data)
            item.sha256 = hashlib.sha256(data).hexdigest()
            item.file.save(attachment.original_name or "bilaga.pdf", ContentFile(data), save=False)
        item.save()
        frozen.append(item)
    return frozen
