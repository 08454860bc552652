"""Assignments: a drafter hands a section or a proposal to a colleague (an internal mini-remiss),
and the colleague marks it done. Errors are ``ResponseError`` with a Swedish message."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, User
from remiss import notify, workflow
from remiss.models import Assignment, Proposal, Response, Section
from remiss.services.errors import ResponseError


def my_assignments(user: User, organisation: Organisation | None) -> QuerySet[Assignment]:
    if organisation is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(assignee=user, response__recipient__organisation=organisation)
        .select_related("response__recipient__remiss", "section", "proposal__section", "assigned_by")
        .order_by("done_at", "due_date", "id")
    )


EDITING_ROLES = Q(memberships__is_drafter=True) | Q(memberships__is_approver=True) | Q(memberships__is_org_admin=True)


def colleagues(organisation: Organisation) -> QuerySet[User]:
    """Colleagues a task may be given to: active members who may edit the answer."""
    return (
        User.objects.filter(EDITING_ROLES, memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("full_name")
    )


@transaction.atomic
def assign(
    *,
    response: Response,
    by: User,
    assignee: User,
    section: Section | None = None,
    proposal: Proposal | None = None,
    due_date: dt.date | None = None,
    note: str = "",
) -> Assignment:
    membership = workflow.membership_of(by, response)
    if membership is None or not (membership.is_drafter or membership.is_org_admin):
        raise ResponseError(_("Bara handläggare kan fördela uppgifter."))
    if not colleagues(response.recipient.organisation).filter(pk=assignee.pk).exists():
        raise ResponseError(_("Uppgifter kan bara ges till kolleger i samma organisation som får skriva i svaret."))
    remiss_id = response.recipient.remiss_id
    if (section is None) == (proposal is None):
        raise ResponseError(_("Välj ett avsnitt eller ett förslag."))
    if (section and section.remiss_id != remiss_id) or (proposal and proposal.remiss_id != remiss_id):
        raise ResponseError(_("Avsnittet eller förslaget hör inte till den här remissen."))
    if response.is_final:
        raise ResponseError(_("Yttrandet är redan inskickat."))
    assignment = Assignment.objects.create(
        response=response,
        section=section,
        proposal=proposal,
        assignee=assignee,
        assigned_by=by,
        due_date=due_date,
        note=note[:2000],
    )
    audit.record(
        "assignment.created",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"assignment": assignment.pk, "assignee": assignee.pk},
    )
    notify.task_assigned(assignment)
    return assignment


@transaction.atomic
def mark_assignment_done(*, assignment: Assignment, by: User) -> Assignment:
    response = assignment.response
    membership = workflow.membership_of(by, response)
    if membership is None or not (assignment.assignee_id == by.pk or membership.is_drafter):
        raise ResponseError(_("Bara den som fått uppgiften eller en handläggare kan markera den som klar."))
    if assignment.done_at is None:
        assignment.done_at = timezone.now()
        assignment.save(update_fields=["done_at"])
        audit.record(
            "assignment.done",
            actor=by,
            organisation=response.recipient.organisation,
            obj=response,
            data={"assignment": assignment.pk},
        )
    return assignment
