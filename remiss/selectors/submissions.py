"""Reads of what has come in, with one meaning each ("reads in one place").

- **The newest submission** of a response is the one with the highest ``number``, whatever the
  state of its PDF: what the organisation submitted is fixed in the snapshot at the moment it
  submits, so the progress page, the sammanställning, the dashboard and the respondent's own pages
  agree while a PDF renders. Only the public pages need the rendered file: they pick the newest
  among the submissions the public may see (``permissions.public_submissions``) with the same rule.
- **Answered** (inkommit): a recipient whose response has at least one submission, declines included.
- **Late** (för sent): the newest submission came in after the recipient's deadline
  (``Submission.is_late``, decided once by ``remiss.deadlines`` when it was frozen).
"""

from __future__ import annotations

from django.db.models import Q

from remiss.models import PublicAnswer, PublicAnswerStatus, Remiss, Response, Submission

ANSWERED, DECLINED, LATE = "answered", "declined", "late"


def newest_submissions(remiss: Remiss, *related: str) -> dict[int, Submission]:
    """The newest submission of each response to ``remiss``, by response id."""
    qs = Submission.objects.filter(response__recipient__remiss=remiss)
    return (qs.select_related(*related) if related else qs).newest_per_response()


def public_answer_recipients(remiss: Remiss) -> set[int]:
    """Recipients that answered through "Lämna synpunkter" (screened and published): the "Övriga"."""
    return set(
        PublicAnswer.objects.filter(remiss=remiss, status=PublicAnswerStatus.PUBLISHED).values_list(
            "recipient_id", flat=True
        )
    )


def newest_by_recipient(remiss: Remiss) -> dict[int, Submission]:
    """The same newest submissions, by recipient id."""
    return {s.response.recipient_id: s for s in newest_submissions(remiss, "response").values()}


def newest_submission(response: Response) -> Submission | None:
    return response.submissions.select_related("receipt").order_by("-number").first()


def answered_filter(prefix: str = "") -> Q:
    """Recipients (reached through ``prefix``, e.g. ``"recipients__"``) that have answered."""
    return Q(**{f"{prefix}response__submissions__isnull": False})


def submission_state(submission: Submission) -> str:
    """ANSWERED, DECLINED or LATE (a late decline is a decline)."""
    if submission.declined:
        return DECLINED
    return LATE if submission.is_late else ANSWERED
