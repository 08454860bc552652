"""The respondent's inbox: one row per invitation, with days left and who is working on it."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Organisation
from remiss.deadlines import days_left
from remiss.models import Assignment, Recipient, RemissStatus, Response


def invited_recipients(organisation: Organisation | None) -> QuerySet[Recipient]:
    """The organisation's invitations to published (or closed/archived) remisser; none for ministries."""
    if organisation is None or organisation.is_ministry:
        return Recipient.objects.none()
    return Recipient.objects.filter(organisation=organisation, remiss__status__in=RemissStatus.PUBLIC)


def inbox_rows(organisation: Organisation | None, now: dt.datetime | None = None) -> list[dict]:
    """One row per invitation: the remiss, its response (None until someone starts; reading the
    inbox never creates one), days left, and who is working on it (last editor, open assignees).
    Four queries whatever the number of remisser."""
    now = now or timezone.now()
    recipients = list(
        invited_recipients(organisation)
        .select_related("remiss__ministry", "organisation")
        .order_by("remiss__deadline", "remiss__title", "pk")
    )
    responses = {
        r.recipient_id: r for r in Response.objects.filter(recipient__in=recipients).select_related("updated_by")
    }
    assignees: dict[int, list[str]] = {}
    for a in (
        Assignment.objects.filter(response__in=list(responses.values()), done_at__isnull=True)
        .select_related("assignee")
        .order_by("due_date", "id")
    ):
        names = assignees.setdefault(a.response_id, [])
        if a.assignee.get_full_name() not in names:
            names.append(a.assignee.get_full_name())
    rows = []
    for recipient in recipients:
        response = responses.get(recipient.pk)
        deadline_at = recipient.deadline_at
        rows.append(
            {
                "recipient": recipient,
                "remiss": recipient.remiss,
                "response": response,
                "deadline_at": deadline_at,
                "days_left": days_left(deadline_at, now),
                "assignees": assignees.get(response.pk, []) if response else [],
            }
        )
    return rows
