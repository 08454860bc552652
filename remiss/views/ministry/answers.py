"""Ministry staff: submitted answers, the ministry's copy and the web publication (redaction, withholding; GDPR)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.ministry import (
    RedactedCopyForm,
    WithholdForm,
)
from remiss.services import publication as publishing
from remiss.uploads import answer_download_name, max_upload_label, serve_file
from remiss.views.ministry.remisser import render_tab


@login_required
def answer_pdf(request, pk: int, submission_pk: int):
    """The original PDF of a submitted answer, for the ministry (whatever is published on the web)."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    if not submission.pdf:
        return render(request, "404.html", status=404)
    name = answer_download_name(
        submission.response.recipient.organisation.name, remiss.reference, version=submission.number
    )
    return serve_file(submission.pdf, name)


@login_required
def publication(request, pk: int, submission_pk: int):
    """Upload a redacted publication copy, or withhold the answer from the web with a reason."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    action = request.POST.get("action") if request.method == "POST" else None
    redact_form = RedactedCopyForm(
        request.POST if action == "redact" else None, request.FILES if action == "redact" else None, prefix="redact"
    )
    withhold_form = WithholdForm(request.POST if action == "withhold" else None, prefix="withhold")
    form = {"redact": redact_form, "withhold": withhold_form}.get(action)
    if form is not None and form.is_valid():
        try:
            if action == "redact":
                publishing.publish_redacted_copy(
                    submission=submission,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    all_versions=form.all_versions,
                )
                messages.success(request, _("Den maskerade kopian publiceras nu i stället för originalet."))
            else:
                publishing.withhold_publication(
                    submission=submission,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    all_versions=form.all_versions,
                )
                messages.success(request, _("Svaret publiceras inte längre på webben."))
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("ministry:publication", pk=remiss.pk, submission_pk=submission.pk)
    context = {
        "submission": submission,
        "organisation": submission.response.recipient.organisation,
        "current": permissions.publication_of(submission),
        "versions": _versions_with_publication(remiss, submission),
        "redact_form": redact_form,
        "withhold_form": withhold_form,
        "upload_limit": max_upload_label(),
    }
    return render_tab(request, remiss, "remiss/ministry/publication.html", context, status=200 if form is None else 400)


def _versions_with_publication(remiss, submission) -> list:
    """Every version of the answer the ministry can see, newest first, each with its web state."""
    versions = list(
        permissions.submissions_visible_to_ministry(remiss)
        .filter(response_id=submission.response_id)
        .select_related("publication")
        .order_by("-number")
    )
    for version in versions:
        version.web = permissions.publication_of(version)
    return versions


@login_required
@require_POST
def publication_reset(request, pk: int, submission_pk: int):
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    publishing.publish_original(submission=submission, by=request.user)
    messages.success(request, _("Originalet publiceras nu på webben."))
    return redirect("ministry:publication", pk=remiss.pk, submission_pk=submission.pk)


@login_required
def publication_copy(request, pk: int, submission_pk: int):
    """The redacted publication copy, for the ministry to check what the public gets."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    current = permissions.publication_of(submission)
    if current is None or not current.redacted_pdf:
        return render(request, "404.html", status=404)
    return serve_file(current.redacted_pdf, f"Publiceringskopia {current.redacted_name}")
