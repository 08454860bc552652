"""Respondents: review, decision, preview, submission and declining."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from core.errors import ApplicationError
from remiss import permissions, selectors, workflow
from remiss.forms.responses import (
    DecisionForm,
    DeclineForm,
    MessageForm,
    SignatoryFormSet,
    SubmitConfirmForm,
)
from remiss.models import ResponseStatus
from remiss.models.responses import MAX_SIGNATORIES
from remiss.selectors import readiness
from remiss.selectors.answer_form import answer_form_data
from remiss.services import drafting, submissions


def _review_page(
    request, response, *, message_form=None, decision_form=None, signatories=None, decline_form=None, status=200
):
    membership = request.membership
    data = answer_form_data(response)
    actions = workflow.available_actions(response, membership)
    if decision_form is None:
        decision_form = DecisionForm(
            initial={
                "decided_by": response.decided_by,
                "decision_date": response.decision_date,
                "minute_ref": response.minute_ref,
                "our_reference": response.our_reference,
                "presenter": response.presenter,
                "also_participated": response.also_participated,
            }
        )
    if signatories is None:
        signatories = SignatoryFormSet(
            prefix="sig",
            initial=[{"name": s.name, "title": s.title} for s in response.signatories.order_by("position", "id")],
        )
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "deadline_at": response.recipient.deadline_at,
        "data": data,
        "actions": actions,
        "warnings": readiness.completeness_warnings(response) if "decide" in actions else [],
        "missing": workflow.missing_for_submission(response),
        "transitions": response.transitions.select_related("actor"),
        "message_form": message_form or MessageForm(),
        "decision_form": decision_form,
        "signatories": signatories,
        "max_signatories": MAX_SIGNATORIES,
        "decline_form": decline_form or DeclineForm(),
        "submissions": response.submissions.select_related("receipt"),
        "failed_submissions": submissions.failed_submissions(response),
        "can_retry": bool(membership and membership.is_approver),
    }
    return render(request, "remiss/respondent/review.html", context, status=status)


@login_required
def review(request, pk):
    response = permissions.get_response_for_member(request, pk)
    return _review_page(request, response)


@login_required
@require_POST
def transition(request, pk, action):
    response = permissions.get_response_for_member(request, pk)
    func = workflow.ACTIONS.get(action)
    if func is None:
        raise Http404(action)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _review_page(request, response, message_form=form, status=400)
    try:
        func(response=response, by=request.user, message=form.cleaned_data["message"])
    except ApplicationError as error:
        form.add_error("message", str(error))
        return _review_page(request, response, message_form=form, status=400)
    messages.success(
        request,
        _("Klart: yttrandet har nu status ”%(status)s”.")
        % {"status": type(response).objects.get(pk=response.pk).get_status_display()},
    )
    target = "respondent:form" if action == "reopen" else "respondent:review"
    return redirect(target, pk=response.pk)


@login_required
@require_POST
def decision(request, pk):
    response = permissions.get_response_for_member(request, pk, role=Role.APPROVER)
    form = DecisionForm(request.POST)
    signatories = SignatoryFormSet(request.POST, prefix="sig")
    if not (form.is_valid() and signatories.is_valid()):
        return _review_page(request, response, decision_form=form, signatories=signatories, status=400)
    try:
        drafting.record_decision(
            response=response,
            by=request.user,
            decided_by=form.cleaned_data["decided_by"],
            decision_date=form.cleaned_data["decision_date"],
            minute_ref=form.cleaned_data["minute_ref"],
            our_reference=form.cleaned_data["our_reference"],
            presenter=form.cleaned_data["presenter"],
            also_participated=form.cleaned_data["also_participated"],
            signatories=[(f.cleaned_data.get("name", ""), f.cleaned_data.get("title", "")) for f in signatories.forms],
        )
    except ApplicationError as error:
        form.add_error(None, str(error))
        return _review_page(request, response, decision_form=form, signatories=signatories, status=400)
    messages.success(request, _("Beslutet är registrerat."))
    return redirect("respondent:review", pk=response.pk)


def _submit_page(request, response, form, *, status=200, stale=False):
    warnings = readiness.completeness_warnings(response)
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "deadline_at": response.recipient.deadline_at,
        "form": form,
        "warnings": warnings,
        "missing": workflow.missing_for_submission(response),
        "can_submit": response.status == ResponseStatus.APPROVED,
        "outcome": readiness.what_happens(response),
        "stale": stale,
    }
    return render(request, "remiss/respondent/submit.html", context, status=status)


def _already_submitted(request, response):
    messages.info(request, _("Yttrandet är redan inskickat. Det skickades inte en gång till."))
    newest = selectors.newest_submission(response)
    if newest is None:
        return redirect("respondent:review", pk=response.pk)
    return redirect("respondent:receipt", pk=response.pk, number=newest.number)


@login_required
def submit(request, pk):
    """GET: the confirmation step (warnings, preview link, what happens). POST: submit, once."""
    response = permissions.get_response_for_member(request, pk, role=Role.APPROVER)
    if request.method != "POST":
        has_warnings = bool(readiness.completeness_warnings(response))
        form = SubmitConfirmForm(initial={"version": response.version}, has_warnings=has_warnings)
        return _submit_page(request, response, form)
    if response.is_final:
        return _already_submitted(request, response)
    form = SubmitConfirmForm(request.POST, has_warnings=bool(readiness.completeness_warnings(response)))
    if not form.is_valid():
        return _submit_page(request, response, form, status=400)
    if form.cleaned_data["version"] != response.version:
        form = SubmitConfirmForm(initial={"version": response.version}, has_warnings=form.has_warnings)
        return _submit_page(request, response, form, status=409, stale=True)
    try:
        submission = workflow.submit_response(response=response, by=request.user)
    except ApplicationError as error:
        response.refresh_from_db(fields=["status"])
        if response.is_final:  # a second click that waited for the first one's lock
            return _already_submitted(request, response)
        form.add_error(None, str(error))
        return _submit_page(request, response, form, status=400)
    messages.success(request, _("Yttrandet är inskickat. PDF och kvittens skapas nu."))
    return redirect("respondent:receipt", pk=response.pk, number=submission.number)


@login_required
def preview(request, pk):
    """The exact answer PDF as it would be submitted now, marked as a preview (members only)."""
    response = permissions.get_response_for_member(request, pk)
    data = readiness.preview_pdf(response)
    name = _("Förhandsgranskning %(org)s %(ref)s.pdf") % {
        "org": response.recipient.organisation.name,
        "ref": response.recipient.remiss.reference.replace("/", "-"),
    }
    reply = HttpResponse(data, content_type="application/pdf")
    reply["Content-Disposition"] = content_disposition_header(False, name)
    reply["Cache-Control"] = "no-store"
    return reply


@login_required
@require_POST
def decline(request, pk):
    response = permissions.get_response_for_member(request, pk, role=Role.APPROVER)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _review_page(request, response, decline_form=form, status=400)
    try:
        submission = workflow.decline_response(response=response, by=request.user, reason=form.cleaned_data["reason"])
    except ApplicationError as error:
        form.add_error("reason", str(error))
        return _review_page(request, response, decline_form=form, status=400)
    messages.success(request, _("Organisationen avstår från att yttra sig. Beskedet är inskickat."))
    return redirect("respondent:receipt", pk=response.pk, number=submission.number)


@login_required
@require_POST
def submission_retry(request, pk, number):
    """Try again to make the PDF of a submission whose rendering failed for good (approvers)."""
    response = permissions.get_response_for_member(request, pk, role=Role.APPROVER)
    submission = get_object_or_404(response.submissions, number=number)
    try:
        submissions.retry_render(submission=submission, by=request.user)
        messages.success(request, _("PDF:en och kvittensen skapas nu igen."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("respondent:review", pk=response.pk)
