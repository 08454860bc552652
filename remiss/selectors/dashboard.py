"""What the start page shows each kind of user: a short, read-only summary with links onward."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.http import HttpRequest

from remiss import permissions, selectors
from remiss.models import Remiss, RemissStatus
from remiss.selectors import assigned, inbox

SHOWN = 6


def ministry_remisser(request: HttpRequest) -> QuerySet[Remiss]:
    """The ministry's current remisser, open ones first by deadline, with how many have answered.
    "Answered" counts submissions and declines only: never a draft."""
    return (
        permissions.remisser_for_staff(request)
        .exclude(status=RemissStatus.ARCHIVED)
        .annotate(
            recipient_count=Count("recipients", distinct=True),
            answered_count=Count(
                "recipients",
                filter=selectors.answered_filter("recipients__"),
                distinct=True,
            ),
        )
        .annotate(
            rank=Case(
                When(status=RemissStatus.PUBLISHED, then=Value(0)),
                When(status=RemissStatus.DRAFT, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "deadline", "-created_at")[:SHOWN]
    )


def respondent_summary(request: HttpRequest) -> dict:
    """Open invitations of the active organisation (nearest deadline first) and the user's open tasks."""
    rows = inbox.inbox_rows(request.organisation)
    open_rows = [
        row
        for row in rows
        if row["remiss"].status == RemissStatus.PUBLISHED and (row["response"] is None or not row["response"].is_final)
    ]
    tasks = assigned.my_assignments(request.user, request.organisation).filter(done_at__isnull=True)
    return {"open_rows": open_rows[:SHOWN], "open_count": len(open_rows), "tasks": tasks[:SHOWN]}


def public_open_remisser() -> QuerySet[Remiss]:
    return (
        permissions.public_remisser()
        .filter(status=RemissStatus.PUBLISHED)
        .select_related("ministry")
        .order_by("deadline", "-published_at")[:SHOWN]
    )
