"""Reads: what a page, a task or an export shows, computed from the models and never written.

Each module answers one kind of question and returns model instances, querysets or small typed
objects (dataclasses); nothing here changes the database. The answers-that-came-in reads every
module shares are exported here (``selectors.newest_submissions(remiss)``).

- ``submissions``: the newest submission of a response, answered / declined / late.
- ``progress``: the ministry's follow-up of a remiss (statuses, stance counts, CSV rows).
- ``readiness``: what an approver sees before submitting (warnings, what happens next, a preview).
- ``dashboard``: the start page of each kind of user.
- ``inbox``, ``assignments``: a respondent's invitations and tasks.
- ``reach``, ``invitations``, ``claims``: who an invitation reaches, what it says, its claim link.
- ``duplicates``: answers with (nearly) the same text, grouped.
"""

from .submissions import (
    ANSWERED,
    DECLINED,
    LATE,
    answered_filter,
    newest_by_recipient,
    newest_submission,
    newest_submissions,
    public_answer_recipients,
    submission_state,
)

__all__ = [
    "ANSWERED",
    "DECLINED",
    "LATE",
    "answered_filter",
    "newest_by_recipient",
    "newest_submission",
    "newest_submissions",
    "public_answer_recipients",
    "submission_state",
]
