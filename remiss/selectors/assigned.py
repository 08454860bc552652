"""A respondent's tasks, and the colleagues a part of an answer can be assigned to."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import Organisation, User
from remiss.models import Assignment

# Who may be given a part of an answer: people who may edit it.
EDITING_ROLES = Q(memberships__is_drafter=True) | Q(memberships__is_approver=True) | Q(memberships__is_org_admin=True)


def my_assignments(user: User, organisation: Organisation | None) -> QuerySet[Assignment]:
    if organisation is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(assignee=user, response__recipient__organisation=organisation)
        .select_related("response__recipient__remiss", "section", "proposal__section", "assigned_by")
        .order_by("done_at", "due_date", "id")
    )


def colleagues(organisation: Organisation) -> QuerySet[User]:
    """Colleagues a task may be given to: active members who may edit the answer."""
    return (
        User.objects.filter(EDITING_ROLES, memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("full_name")
    )
