"""Views for respondents: inbox, the answer form with autosave, review and decision, history,
assignments, attachments, receipts, and the public receipt check.

Access goes through ``remiss.permissions`` (strangers and ministry staff get 404); changes go
through ``remiss.workflow`` and the services (drafting, assignments, inbox, submissions).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts import throttle
from accounts.models import Role
from core.errors import ApplicationError
from remiss import deadlines, permissions, selectors, workflow
from remiss.fieldkeys import FieldKey
from remiss.forms.responses import (
    AnswerForm,
    AssignmentForm,
    AttachmentForm,
    AutosaveForm,
    DecisionForm,
    DeclineForm,
    MessageForm,
    SignatoryFormSet,
    SubmitConfirmForm,
    VerifyForm,
)
from remiss.models import Assignment, Receipt, ResponseStatus, Revision, Stance, SubmissionStatus
from remiss.models.responses import MAX_SIGNATORIES
from remiss.services import assignments, drafting, readiness, submissions
from remiss.services import inbox as inbox_service
from remiss.uploads import HashingUploadHandler, ReadableFileNameHandler, answer_download_name, serve_file

STASH_KEY = "answer_stash"


def _saved_label(moment) -> str:
    return _("Sparat %(time)s") % {"time": timezone.localtime(moment).strftime("%H:%M")}


def member_view(view):
    """Sign-in required. A full-form POST that arrives after the session ended is kept in the new
    (anonymous) session, so signing in again brings the user back to the form with their text."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST" and "response_version" in request.POST and "pk" in kwargs:
                request.session[STASH_KEY] = {"pk": kwargs["pk"], "data": request.POST.dict()}
                messages.info(request, _("Din session hade gått ut. Logga in igen – texten du skrev finns kvar."))
                return redirect_to_login(reverse("respondent:form", args=[kwargs["pk"]]))
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


# --- Inbox and tasks ----------------------------------------------------------------------------


@login_required
def inbox(request):
    """Read-only (no state change on GET): an invitation without a response row is shown as not
    started, and the row is created by ``start`` (POST)."""
    rows = inbox_service.inbox_rows(request.organisation)
    tasks = assignments.my_assignments(request.user, request.organisation).filter(done_at__isnull=True)
    return render(request, "remiss/respondent/inbox.html", {"rows": rows, "tasks": tasks})


@login_required
@require_POST
def start(request, recipient_pk):
    recipient = inbox_service.invited_recipients(request.organisation).filter(pk=recipient_pk).first()
    if recipient is None:
        permissions.deny(request, "recipient", not_found=True)
    try:
        response = inbox_service.start_response(recipient=recipient, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("respondent:inbox")
    return redirect("respondent:form", pk=response.pk)


@login_required
def my_tasks(request):
    tasks = assignments.my_assignments(request.user, request.organisation)
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


# --- The answer form --------------------------------------------------------------------------------


def _form_page(request, response, form, data, *, conflicts=(), status=200):
    membership = request.membership
    editable = permissions.can_edit(response, membership)
    conflicts_by_field = {c.field: c for c in conflicts}
    for block in data["sections"]:
        for item in block["items"]:
            item["fields"] = form.proposal_fields(item["proposal"])
            item["field_key"] = FieldKey.answer(item["proposal"].pk)
            item["conflict"] = conflicts_by_field.get(item["field_key"].key)
    consequences = []
    for question in form.consequence_keys:
        part = FieldKey.consequence(question)
        consequences.append(
            {
                "field": form[part.form_name],
                "version": form[part.version_name],
                "key": part.key,
                "conflict": conflicts_by_field.get(part.key),
            }
        )
    assignment_form = None
    if membership and (membership.is_drafter or membership.is_org_admin) and not response.is_final:
        assignment_form = AssignmentForm(
            sections=[b["section"] for b in data["sections"]],
            proposals=data["proposals"],
            colleagues=assignments.colleagues(response.recipient.organisation),
        )
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "deadline_at": response.recipient.deadline_at,
        "days_left": deadlines.days_left(response.recipient.deadline_at),
        "form": form,
        "data": data,
        "editable": editable,
        "consequences": consequences,
        "conflicts": conflicts,
        "summary_conflict": conflicts_by_field.get("summary"),
        "general_conflict": conflicts_by_field.get("general_comments"),
        "summary_version": form["version-summary"],
        "general_version": form["version-general_comments"],
        "assignment_form": assignment_form,
        "attachment_form": AttachmentForm() if editable else None,
        "documents": list(response.recipient.remiss.documents.all()),
        "changes_request": readiness.latest_changes_request(response),
    }
    return render(request, "remiss/respondent/form.html", context, status=status)


def _form_kwargs(response, data) -> dict:
    return {
        "response": response,
        "proposals": data["proposals"],
        "answers": data["answers"],
        "text_versions": data["text_versions"],
    }


def _conflict_page(request, response, posted, conflicts):
    """After a save with conflicts: every part shows what is saved now, with its current version,
    except the conflicting parts, which keep the user's text and the version the user loaded, so
    pressing Spara again cannot overwrite a colleague's text unless the user chooses to."""
    response.refresh_from_db()
    data = drafting.form_data(response)
    kwargs = _form_kwargs(response, data)
    fresh = AnswerForm(**kwargs)
    values = {name: "" if value is None else str(value) for name, value in fresh.initial.items()}
    for conflict in conflicts:
        part = conflict.field_key
        name = part.form_name
        if part.is_answer:
            keep = [f"stance-{name}", f"comment-{name}", part.version_name]
        else:
            keep = [name, part.version_name]
        for field_name in keep:
            values[field_name] = posted.get(field_name, "")
        if not part.is_answer and not posted.get(part.version_name):
            values[part.version_name] = posted.get("response_version", "")
    form = AnswerForm(values, **kwargs)
    form.is_valid()
    return _form_page(request, response, form, data, conflicts=conflicts, status=409)


@member_view
def answer_form(request, pk):
    response = permissions.get_response_for_member(request, pk)
    data = drafting.form_data(response)
    kwargs = _form_kwargs(response, data)
    if request.method == "POST":
        if not permissions.can_edit(response, request.membership):
            permissions.deny(request, "response: not editable")
        form = AnswerForm(request.POST, **kwargs)
        if not form.is_valid():
            return _form_page(request, response, form, data)
        try:
            result = drafting.save_changes(
                response=response,
                by=request.user,
                response_version=form.cleaned_data["response_version"],
                texts=form.texts(),
                text_versions=form.text_versions(),
                answers=form.answers(),
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
            return _form_page(request, response, form, data)
        if result.conflicts:
            return _conflict_page(request, response, request.POST, result.conflicts)
        messages.success(request, _saved_label(result.saved_at) if result.saved else _("Inga ändringar att spara."))
        return redirect("respondent:form", pk=response.pk)
    stash = request.session.get(STASH_KEY)
    if stash and stash.get("pk") == response.pk:
        del request.session[STASH_KEY]
        form = AnswerForm(stash["data"], **kwargs)
        form.is_valid()
        messages.warning(
            request,
            _("Texten du skrev innan du loggades ut är återställd nedan men inte sparad. Kontrollera den och spara."),
        )
        return _form_page(request, response, form, data)
    return _form_page(request, response, AnswerForm(**kwargs), data)


@require_POST
def autosave(request, pk):
    """One field, from static/js/autosave.js. JSON: {ok, version, saved_label} or an error."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Din session har gått ut. Logga in igen – texten finns kvar här.")}, status=401)
    response = permissions.get_response_for_member(request, pk)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Ogiltiga uppgifter. Texten är inte sparad.")}, status=400)
    key, text, version = form.cleaned_data["field"], form.cleaned_data["text"], form.cleaned_data["version"]
    part = FieldKey.parse(key)
    try:
        if part is not None and part.is_answer:
            pid = part.proposal_id
            result = drafting.save_changes(
                response=response, by=request.user, answers={pid: (form.cleaned_data["stance"], text, version)}
            )
            new_version = result.answer_versions.get(pid, version)
        else:
            # The version this field was loaded at; other fields' versions play no part.
            result = drafting.save_changes(
                response=response, by=request.user, texts={key: text}, text_versions={key: version}
            )
            new_version = result.text_versions.get(key, version)
    except ApplicationError as error:
        return JsonResponse({"error": str(error)}, status=400)
    if result.conflicts:
        return JsonResponse(
            {"error": str(drafting.SaveConflict(result.conflicts)), "conflict": result.conflicts[0].as_json()}, status=409
        )
    response.refresh_from_db(fields=["status"])
    return JsonResponse(
        {
            "ok": True,
            "version": new_version,
            "saved_label": _saved_label(result.saved_at),
            "progress": readiness.answer_progress(response),
        }
    )


# --- Review, decision, submission ---------------------------------------------------------------


def _review_page(
    request, response, *, message_form=None, decision_form=None, signatories=None, decline_form=None, status=200
):
    membership = request.membership
    data = drafting.form_data(response)
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


# --- History ----------------------------------------------------------------------------------------


@login_required
def history(request, pk):
    response = permissions.get_response_for_member(request, pk)
    revisions = list(response.revisions.select_related("author").order_by("-created_at", "-id")[:300])
    proposals = {p.pk: p for p in response.recipient.remiss.proposals.select_related("section")}
    for revision in revisions:
        revision.label = drafting.field_label(response, revision.field, proposals)
    events = sorted(
        [("transition", t.created_at, t) for t in response.transitions.select_related("actor")]
        + [("revision", r.created_at, r) for r in revisions],
        key=lambda e: e[1],
        reverse=True,
    )
    return render(
        request,
        "remiss/respondent/history.html",
        {"response": response, "remiss": response.recipient.remiss, "events": events},
    )


@login_required
def revision_diff(request, pk, revision_pk):
    response = permissions.get_response_for_member(request, pk)
    revision = get_object_or_404(Revision.objects.select_related("author"), pk=revision_pk, response=response)
    previous = drafting.previous_revision(revision)
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "revision": revision,
        "previous": previous,
        "label": drafting.field_label(response, revision.field),
        "diff": drafting.diff_html(previous.text if previous else "", revision.text),
        "stance_changed": (previous.stance if previous else "") != revision.stance,
        "stance_labels": dict(Stance.choices),
    }
    return render(request, "remiss/respondent/diff.html", context)


# --- Assignments and attachments ------------------------------------------------------------------------


@login_required
@require_POST
def assign(request, pk):
    response = permissions.get_response_for_member(request, pk)
    data = drafting.form_data(response)
    form = AssignmentForm(
        request.POST,
        sections=[b["section"] for b in data["sections"]],
        proposals=data["proposals"],
        colleagues=assignments.colleagues(response.recipient.organisation),
    )
    if form.is_valid():
        try:
            assignments.assign(
                response=response,
                by=request.user,
                assignee=form.cleaned_data["assignee"],
                due_date=form.cleaned_data["due_date"],
                note=form.cleaned_data["note"],
                **form.target_kwargs(),
            )
            messages.success(
                request,
                _("Uppgiften är skickad till %(name)s.") % {"name": form.cleaned_data["assignee"].get_full_name()},
            )
            return redirect(reverse("respondent:form", args=[response.pk]) + "#uppgifter")
        except ApplicationError as error:
            form.add_error(None, str(error))
    return render(request, "remiss/respondent/assign.html", {"response": response, "form": form}, status=400)


@login_required
@require_POST
def attachment_add(request, pk):
    response = permissions.get_response_for_member(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            drafting.add_attachment(
                response=response, by=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
            messages.success(request, _("Bilagan är uppladdad."))
            return redirect(reverse("respondent:form", args=[response.pk]) + "#bilagor")
        except ApplicationError as error:
            form.add_error(None, str(error))
    return render(request, "remiss/respondent/attachment.html", {"response": response, "form": form}, status=400)


@login_required
def attachment_download(request, pk, attachment_pk):
    response = permissions.get_response_for_member(request, pk)
    attachment = get_object_or_404(response.attachments, pk=attachment_pk)
    return serve_file(attachment.file, attachment.original_name)


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    response = permissions.get_response_for_member(request, pk)
    attachment = get_object_or_404(response.attachments, pk=attachment_pk)
    try:
        drafting.remove_attachment(attachment=attachment, by=request.user)
        messages.success(request, _("Bilagan är borttagen."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect(reverse("respondent:form", args=[response.pk]) + "#bilagor")


# --- Receipts -----------------------------------------------------------------------------------


@login_required
def receipt(request, pk, number):
    response = permissions.get_response_for_member(request, pk)
    submission = get_object_or_404(response.submissions.select_related("submitted_by"), number=number)
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "submission": submission,
        "receipt": Receipt.objects.filter(submission=submission).first(),
        "newest": selectors.newest_submission(response),
        "done": submission.status == SubmissionStatus.DONE,
        "attachments": submission.attachment_files(),
    }
    return render(request, "remiss/respondent/receipt.html", context)


@login_required
def submission_pdf(request, pk, number):
    response = permissions.get_response_for_member(request, pk)
    submission = get_object_or_404(response.submissions, number=number, status=SubmissionStatus.DONE)
    org = response.recipient.organisation.name
    return serve_file(submission.pdf, answer_download_name(org, response.recipient.remiss.reference, version=number))


@login_required
def submission_attachment(request, pk, number, attachment_pk):
    """A bilaga as it was submitted with version ``number`` (members of the organisation)."""
    response = permissions.get_response_for_member(request, pk)
    submission = get_object_or_404(response.submissions, number=number)
    attachment = get_object_or_404(submission.attachments.exclude(file=""), pk=attachment_pk)
    return serve_file(attachment.file, attachment.original_name)


@csrf_exempt  # the upload handler must be set before CSRF reads the body; checked in _verify
@throttle.rate_limit("receipt_check", "RECEIPT_CHECK_RATE")
def verify(request, code):
    """Public: anyone may check whether a PDF is exactly the one this receipt was issued for. The file
    is hashed as it arrives and never parsed or stored."""
    request.upload_handlers = [ReadableFileNameHandler(request), HashingUploadHandler(request)]
    return _verify(request, code)


@csrf_protect
def _verify(request, code):
    receipt_obj = get_object_or_404(
        Receipt.objects.select_related(
            "submission__response__recipient__organisation", "submission__response__recipient__remiss__ministry"
        ),
        code=code,
    )
    form = VerifyForm()
    result = None
    status = 200
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            sha256 = form.cleaned_data["file"].sha256
            result = {"sha256": sha256, "match": sha256 == receipt_obj.sha256}
        else:
            status = 400
    return render(
        request,
        "remiss/respondent/verify.html",
        {"receipt": receipt_obj, "submission": receipt_obj.submission, "form": form, "result": result},
        status=status,
    )
