"""Reads for following a remiss: each recipient's progress and the stance counts of submitted answers.

Ministry staff never see draft content: a response that has never been submitted or declined is
only "påbörjat" or "ej påbörjat". Once an answer has come in, its newest submission decides the
status and the stances (read from that submission's frozen snapshot) — also while the organisation
has reopened the answer to correct it ("rättelse pågår", shown to the ministry only): the submitted
version stays valid until a corrected one replaces it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from remiss import permissions, selectors
from remiss.models import (
    Answer,
    InvitationStatus,
    Proposal,
    Recipient,
    Remiss,
    RemissStatus,
    ResponseStatus,
    Stance,
    Submission,
)

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
CORRECTING_NOTE = _("rättelse pågår")


@dataclass
class RecipientProgress:
    recipient: Recipient
    state: str
    submission: Submission | None = None
    correcting: bool = False  # a submitted answer has been reopened for correction

    @property
    def organisation(self):
        return self.recipient.organisation

    @property
    def label(self) -> str:
        """The status for the ministry, with the correction note."""
        label = str(PROGRESS_LABELS[self.state])
        return f"{label} ({CORRECTING_NOTE})" if self.correcting else label

    @property
    def public_label(self) -> str:
        return str(PUBLIC_LABELS[self.state])

    @property
    def deadline(self) -> dt.date | None:
        return self.recipient.effective_deadline

    @property
    def submitted_at(self) -> dt.datetime | None:
        return self.submission.submitted_at if self.submission else None

    @property
    def publication(self):
        """The ministry's publication choice for the newest submission (None: the original)."""
        from remiss.permissions import publication_of

        return publication_of(self.submission) if self.submission else None

    @property
    def invitation_label(self) -> str:
        """Delivery of the invitation e-mail, e.g. "Inbjudan misslyckades (1 av 3 adresser)"."""
        recipient = self.recipient
        if not recipient.invitation_status:
            if recipient.remiss.status == RemissStatus.DRAFT:
                return ""
            return str(_("Inbjudan inte skickad ännu"))
        label = recipient.get_invitation_status_display()
        if recipient.invitation_status == InvitationStatus.NO_RECIPIENTS:
            return str(_("Ingen mottagare (inga medlemmar, ingen funktionsbrevlåda)"))
        if recipient.invitation_status == InvitationStatus.SENT:
            return ngettext(
                "%(label)s (%(count)d adress)", "%(label)s (%(count)d adresser)", recipient.invitation_sent_count
            ) % {"label": label, "count": recipient.invitation_sent_count}
        failed = len(recipient.invitation_failed_addresses)
        if recipient.invitation_status == InvitationStatus.FAILED:
            total = failed + recipient.invitation_sent_count
            return ngettext(
                "%(label)s (%(failed)d av %(total)d adress, försök %(attempts)d)",
                "%(label)s (%(failed)d av %(total)d adresser, försök %(attempts)d)",
                total,
            ) % {
                "label": label,
                "failed": failed,
                "total": total,
                "attempts": recipient.invitation_attempts,
            }
        return str(label)


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
    """The newest submission of each response of the remiss (``remiss.selectors``), by response id."""
    return selectors.newest_submissions(remiss, "publication")


_FROM_SUBMISSION = {selectors.ANSWERED: SUBMITTED, selectors.LATE: LATE, selectors.DECLINED: DECLINED}


def _state(status: str | None, submission: Submission | None) -> str:
    if submission is not None:
        return _FROM_SUBMISSION[selectors.submission_state(submission)]
    if status == ResponseStatus.DECLINED:
        return DECLINED
    if status == ResponseStatus.SUBMITTED:
        return SUBMITTED
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
        status = response.status if response else None
        submission = newest.get(response.pk) if response else None
        correcting = submission is not None and status not in ResponseStatus.FINAL
        rows.append(RecipientProgress(recipient, _state(status, submission), submission, correcting))
    return rows


def state_counts(rows: list[RecipientProgress]) -> list[tuple[str, str, int]]:
    counter = Counter(row.state for row in rows)
    return [(state, str(label), counter.get(state, 0)) for state, label in PROGRESS_LABELS.items()]


def stance_counts(remiss: Remiss) -> list[ProposalCounts]:
    """Per proposal, the stances of submitted (not declined) answers, from the newest submission's
    snapshot — also for an answer reopened for correction. Draft content is never read."""
    proposals = list(remiss.proposals.select_related("section"))
    result = {p.pk: ProposalCounts(proposal=p) for p in proposals}
    newest = newest_submissions(remiss)
    for submission in newest.values():
        if submission.declined:
            continue
        if submission.snapshot.get("answers"):
            stances = {a.get("proposal_id"): a.get("stance", "") for a in submission.snapshot["answers"]}
            _count(result, stances)
    # Answers marked submitted without a snapshot (data from before snapshots existed): the live rows
    # are the submitted ones, since the response is frozen while submitted.
    submitted = (
        permissions.responses_visible_to_ministry(remiss)
        .filter(status=ResponseStatus.SUBMITTED)
        .values_list("id", flat=True)
    )
    for response_id in submitted:
        submission = newest.get(response_id)
        if submission is not None and (submission.declined or submission.snapshot.get("answers")):
            continue  # counted above, or declined
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
