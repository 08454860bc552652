"""Respondents: receipts of submitted answers, and checking a receipt code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from accounts import throttle
from remiss import permissions, selectors
from remiss.forms.responses import (
    VerifyForm,
)
from remiss.models import Receipt, SubmissionStatus
from remiss.uploads import HashingUploadHandler, ReadableFileNameHandler, answer_download_name, serve_file


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
