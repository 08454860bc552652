"""Respondents: the inbox of invited remisser and the tasks assigned to me."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.models import Assignment
from remiss.selectors import assigned
from remiss.selectors.inbox import inbox_rows, invited_recipients
from remiss.services import assignments, responses


@login_required
def inbox(request):
    """Read-only (no state change on GET): an invitation without a response row is shown as not
    started, and the row is created by ``start`` (POST)."""
    rows = inbox_rows(request.organisation)
    tasks = assigned.my_assignments(request.user, request.organisation).filter(done_at__isnull=True)
    return render(request, "remiss/respondent/inbox.html", {"rows": rows, "tasks": tasks})


@login_required
@require_POST
def start(request, recipient_pk):
    recipient = invited_recipients(request.organisation).filter(pk=recipient_pk).first()
    if recipient is None:
        permissions.deny(request, "recipient", not_found=True)
    try:
        response = responses.start_response(recipient=recipient, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("respondent:inbox")
    return redirect("respondent:form", pk=response.pk)


@login_required
def my_tasks(request):
    tasks = assigned.my_assignments(request.user, request.organisation)
    return render(request, "remiss/respondent/tasks.html", {"tasks": tasks})


@login_required
@require_POST
def task_done(request, pk):
    assignment = (
        Assignment.objects.filter(pk=pk, response__in=permissions.responses_for_organisation(request))
        .select_related("response__recipient")
        .first()
    )
    if assignment is None:
        permissions.deny(request, "assignment", not_found=True)
    try:
        assignments.mark_assignment_done(assignment=assignment, by=request.user)
        messages.success(request, _("Uppgiften är markerad som klar."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("respondent:tasks")
