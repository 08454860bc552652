"""Reads for following a remiss: each recipient's progress and the stance counts of submitted answers.

Ministry staff never see draft content: a response that is neither submitted nor declined is only
"påbörjat" or "ej påbörjat". Stances are read from the newest submission's frozen snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from remiss.models import Answer, Proposal, Recipient, Remiss, ResponseStatus, Stance, Submission

NOT_STARTED, STARTED, SUBMITTED, LATE, DECLINED = "not_started", "started", "submitted", "late", "declined"
PROGRESS_LABELS = {
    NOT_STARTED: _("Ej påbörjat"),
    STARTED: _("Påbörjat"),
    SUBMITTED: _("Inskickat"),
    LATE: _("Inskickat för sent"),
    DECLINED: _("Avstått"),
}
# The public never learns who has started: only what came in.
PUBLIC_LABELS = {
    NOT_STARTED: _("Ej inkommet"),
    STARTED: _("Ej inkommet"),
    SUBMITTED: _("Inskickat"),
    LATE: _("Inskickat för sent"),
    DECLINED: _("Avstått"),
}


@dataclass
class RecipientProgress:
    recipient: Recipient
    state: str
    submission: Submission | None = None

    @property
    def organisation(self):
        return self.recipient.organisation

    @property
    def label(self) -> str:
        return str(PROGRESS_LABELS[self.state])

    @property
    def public_label(self) -> str:
        return str(PUBLIC_LABELS[self.state])

    @property
    def deadline(self) -> dt.date | None:
        return self.recipient.extended_deadline or self.recipient.remiss.deadline

    @property
    def submitted_at(self) -> dt.datetime | None:
        return self.submission.submitted_at if self.submission else None


@dataclass
class ProposalCounts:
    proposal: Proposal
    counts: dict[str, int] = field(default_factory=dict)
    not_answered: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.not_answered

    def rows(self) -> list[tuple[str, str, int]]:
        return [(value, str(label), self.counts.get(value, 0)) for value, label in Stance.choices]


def newest_submissions(remiss: Remiss) -> dict[int, Submission]:
    """The newest submission of each response of the remiss, by response id."""
    newest: dict[int, Submission] = {}
    for submission in Submission.objects.filter(response__recipient__remiss=remiss).order_by("response_id", "-number"):
        newest.setdefault(submission.response_id, submission)
    return newest


def _state(status: str | None, submission: Submission | None) -> str:
    if status == ResponseStatus.DECLINED:
        return DECLINED
    if status == ResponseStatus.SUBMITTED:
        return LATE if submission and submission.is_late else SUBMITTED
    if status in (None, ResponseStatus.NOT_STARTED):
        return NOT_STARTED
    return STARTED


def recipient_progress(remiss: Remiss, *, kind: str = "", county: str = "") -> list[RecipientProgress]:
    recipients = remiss.recipients.select_related("organisation", "response", "remiss")
    if kind:
        recipients = recipients.filter(organisation__kind=kind)
    if county:
        recipients = recipients.filter(organisation__county=county)
    newest = newest_submissions(remiss)
    rows = []
    for recipient in recipients:
        response = getattr(recipient, "response", None)
        submission = newest.get(response.pk) if response else None
        rows.append(RecipientProgress(recipient, _state(response.status if response else None, submission), submission))
    return rows


def state_counts(rows: list[RecipientProgress]) -> list[tuple[str, str, int]]:
    counter = Counter(row.state for row in rows)
    return [(state, str(label), counter.get(state, 0)) for state, label in PROGRESS_LABELS.items()]


def stance_counts(remiss: Remiss) -> list[ProposalCounts]:
    """Per proposal, the stances of submitted (not declined) answers, from the newest snapshot."""
    proposals = list(remiss.proposals.select_related("section"))
    result = {p.pk: ProposalCounts(proposal=p) for p in proposals}
    newest = newest_submissions(remiss)
    submitted = remiss.recipients.filter(response__status=ResponseStatus.SUBMITTED).values_list(
        "response__id", flat=True
    )
    without_snapshot = []
    for response_id in submitted:
        submission = newest.get(response_id)
        if submission is None or not submission.snapshot.get("answers"):
            without_snapshot.append(response_id)
            continue
        if submission.declined:
            continue
        stances = {a.get("proposal_id"): a.get("stance", "") for a in submission.snapshot.get("answers", [])}
        _count(result, stances)
    for response_id in without_snapshot:
        stances = dict(Answer.objects.filter(response_id=response_id).values_list("proposal_id", "stance"))
        _count(result, stances)
    return [result[p.pk] for p in proposals]


def _count(result: dict[int, ProposalCounts], stances: dict) -> None:
    for proposal_id, counts in result.items():
        stance = stances.get(proposal_id, "")
        if stance in Stance.values:
            counts.counts[stance] = counts.counts.get(stance, 0) + 1
        else:
            counts.not_answered += 1
