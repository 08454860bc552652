"""The public answers of a remiss, read through the shared public-visibility rules.

Everything here starts from ``remiss.permissions.public_submissions`` (published remiss, publicity
rule, rendered submissions) and ``publication_of`` (the ministry's redacted copy or withholding), so
drafts, unpublished remisser and withheld answers never reach a public page, the search or the API.

A redacted answer is published as the ministry's redacted PDF; its frozen snapshot still holds the
unredacted text. Open-data views therefore show a redacted answer's stances but none of its free
text (summary, comments, signatories): the text is the redacted PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404

from opendata.stances import category_key
from remiss import permissions
from remiss.models import Proposal, ReceivedDocument, Remiss, Submission


@dataclass
class PublicAnswer:
    submission: Submission
    web: object | None  # remiss.models.Publication or None (original published as it is)
    is_newest: bool = True

    @property
    def organisation(self):
        return self.submission.response.recipient.organisation

    @property
    def withheld(self) -> bool:
        return bool(self.web is not None and self.web.withheld)

    @property
    def redacted(self) -> bool:
        return bool(self.web is not None and not self.web.withheld and self.web.redacted_pdf)

    @property
    def snapshot(self) -> dict:
        return self.submission.snapshot or {}

    @property
    def came_as_document(self) -> bool:
        """Registered by the ministry from a file that came by e-mail or post."""
        return self.snapshot.get("source") == "document"

    @property
    def original(self):
        """The file the answer came as, when the public may have it (``permissions.original_file_is_public``)."""
        if not self.came_as_document or not permissions.original_file_is_public(self.submission):
            return None
        return ReceivedDocument.objects.filter(submission=self.submission).only("pk", "original_name").first()

    def stances(self) -> dict[int, tuple[str, str]]:
        """proposal id → (category key, comment); the comment is empty for a redacted answer."""
        if self.submission.declined:
            return {}
        return {
            a["proposal_id"]: (category_key(a.get("stance", "")), "" if self.redacted else a.get("comment", ""))
            for a in self.snapshot.get("answers", [])
        }


def _submissions(remiss: Remiss):
    return permissions.public_submissions(remiss).select_related(
        "response__recipient__organisation", "receipt", "publication"
    )


def public_answers(remiss: Remiss) -> list[PublicAnswer]:
    """The newest public submission of each response, withheld ones left out, by organisation name."""
    newest = _submissions(remiss).newest_per_response()
    answers = [PublicAnswer(s, permissions.publication_of(s)) for s in newest.values()]
    return sorted((a for a in answers if not a.withheld), key=lambda a: a.organisation.name)


def get_public_answer(remiss: Remiss, submission_pk: int) -> PublicAnswer:
    """One public submission (withheld ones too: the caller shows the reason); 404 otherwise."""
    submission = _submissions(remiss).filter(pk=submission_pk).first()
    if submission is None:
        raise Http404("submission")
    newest = _submissions(remiss).filter(response_id=submission.response_id).values_list("pk", flat=True).first()
    return PublicAnswer(submission, permissions.publication_of(submission), is_newest=newest == submission.pk)


@dataclass
class Said:
    answer: PublicAnswer
    comment: str


@dataclass
class ProposalSummary:
    proposal: Proposal
    counts: dict[str, int]
    said: dict[str, list[Said]] = field(default_factory=dict)
    categories: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def groups(self) -> list[tuple[object, list[Said]]]:
        """(category, who) in category order, empty categories left out."""
        return [(c, self.said[c.key]) for c in self.categories if self.said[c.key]]


def proposal_summaries(remiss: Remiss, answers: list[PublicAnswer], categories: list) -> list[ProposalSummary]:
    """Per proposal: how many public answers fall in each of ``categories``, and who said what."""
    keys = [c.key for c in categories]
    summaries = []
    stances = [(answer, answer.stances()) for answer in answers if not answer.submission.declined]
    for proposal in Proposal.objects.filter(remiss=remiss).select_related("section"):
        row = ProposalSummary(proposal, {key: 0 for key in keys}, {key: [] for key in keys}, categories)
        for answer, by_proposal in stances:
            key, comment = by_proposal.get(proposal.pk, (category_key(""), ""))
            if key in row.counts:
                row.counts[key] += 1
                row.said[key].append(Said(answer, comment))
        summaries.append(row)
    return summaries


def newest_public_answer(remiss: Remiss, response) -> PublicAnswer | None:
    """The newest public submission of one response, None when there is none or it is withheld."""
    submission = _submissions(remiss).filter(response=response).first()
    if submission is None:
        return None
    answer = PublicAnswer(submission, permissions.publication_of(submission))
    return None if answer.withheld else answer
