"""Assigning a part of an answer to a colleague (an internal mini-remiss), and marking it done."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from remiss import notify, workflow
from remiss.models import Assignment, Proposal, Response, Section
from remiss.selectors.assigned import colleagues
from remiss.services.errors import ResponseError


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
