"""The deadline rules, in one module.

- A deadline is a date in Europe/Stockholm, ending at its time (``deadline_time``) or else at the very
  end of the day (``end_of_day``; the stored fields are read by ``Remiss.deadline_at`` and
  ``Recipient.deadline_at``).
- A recipient's extension replaces the remiss's deadline for that recipient only, when it is later.
- After the deadline an answer is refused or accepted as late, as the remiss's ``late_policy`` says
  (``submission_timing``); a submitted answer can be corrected only before it (``can_correct``).
- The remiss as a whole ends at ``last_deadline``: its own deadline or the latest extension.
- A new deadline must lie in the future (``is_in_future``).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max
from django.utils import timezone

from remiss.models import LatePolicy, Recipient, Remiss
from remiss.models.remisser import end_of_day

__all__ = [
    "ON_TIME",
    "LATE",
    "REFUSED",
    "end_of_day",
    "is_in_future",
    "days_left",
    "last_deadline",
    "submission_timing",
    "can_correct",
]

ON_TIME, LATE, REFUSED = "on_time", "late", "refused"


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def is_in_future(date: dt.date, time: dt.time | None = None, now: dt.datetime | None = None) -> bool:
    """Whether a deadline on ``date`` (at ``time``, else end of day) has not passed yet."""
    return end_of_day(date, time) > _now(now)


def days_left(deadline_at: dt.datetime | None, now: dt.datetime | None = None) -> int | None:
    """Calendar days from today to the deadline day, in Europe/Stockholm (0 = today, negative = passed)."""
    if deadline_at is None:
        return None
    today = timezone.localdate(_now(now))
    return (timezone.localtime(deadline_at).date() - today).days


def last_deadline(remiss: Remiss) -> dt.datetime | None:
    """The latest moment any recipient may answer: the deadline or the latest extension."""
    if not remiss.deadline_at:
        return None
    extended = remiss.recipients.aggregate(latest=Max("extended_deadline"))["latest"]
    if extended and extended > remiss.deadline:
        return end_of_day(extended, remiss.deadline_time)
    return remiss.deadline_at


def submission_timing(recipient: Recipient, now: dt.datetime | None = None) -> str:
    """ON_TIME up to the recipient's deadline (extension included); after it LATE if the remiss
    accepts late answers, else REFUSED."""
    if not recipient.deadline_passed(now):
        return ON_TIME
    return REFUSED if recipient.remiss.late_policy == LatePolicy.REFUSE else LATE


def can_correct(recipient: Recipient, now: dt.datetime | None = None) -> bool:
    """A submitted (or declined) answer may be reopened for correction until the recipient's deadline."""
    return not recipient.deadline_passed(now)
