"""Public pages (no sign-in): published remisser, their documents and the answers made public."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from remiss import permissions
from remiss.models import RemissStatus
from remiss.selectors import progress
from remiss.selectors import themes as theme_reads
from remiss.uploads import answer_download_name, serve_file

PER_PAGE = 20


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Sök på rubrik eller diarienummer"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Visa"),
        required=False,
        choices=[("", _("Alla remisser")), ("oppna", _("Öppna remisser")), ("stangda", _("Stängda remisser"))],
    )


def remiss_list(request):
    form = PublicSearchForm(request.GET or None)
    remisser = permissions.public_remisser().select_related("ministry").order_by("-published_at", "-pk")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            remisser = remisser.filter(Q(title__icontains=query) | Q(reference__icontains=query))
        if form.cleaned_data["status"] == "oppna":
            remisser = remisser.filter(status=RemissStatus.PUBLISHED)
        elif form.cleaned_data["status"] == "stangda":
            remisser = remisser.exclude(status=RemissStatus.PUBLISHED)
    page = Paginator(remisser, PER_PAGE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(request, "remiss/public/list.html", {"form": form, "page": page, "query": query.urlencode()})


def _answers(remiss):
    """The newest public submission of each response, ordered by organisation name."""
    newest = (
        permissions.public_submissions(remiss)
        .select_related("response__recipient__organisation", "receipt", "publication", "received_document")
        .prefetch_related("attachments")
        .newest_per_response()
    )
    unnamed = permissions.unnamed_private_senders(remiss)
    for submission in newest.values():
        submission.web = permissions.publication_of(submission)  # a redacted copy, withheld, or None
        submission.original = received_document_of(submission)
        submission.original_public = submission.original is not None and permissions.original_file_is_public(
            submission, unnamed
        )
        submission.web_attachments = _web_attachments(submission)
    return sorted(newest.values(), key=lambda s: s.response.recipient.organisation.name)


def remiss_detail(request, pk: int):
    remiss = permissions.get_public_remiss(request, pk)
    sections = remiss.sections.prefetch_related("proposals")
    return render(
        request,
        "remiss/public/detail.html",
        {
            "remiss": remiss,
            "documents": remiss.documents.all(),
            "sections": sections,
            "rows": progress.recipient_progress(remiss),
            "answers_public": permissions.answers_are_public(remiss),
            "answers": _answers(remiss),
            "analysis_published": theme_reads.is_published(remiss),
        },
    )


def document_download(request, pk: int, doc_pk: int):
    remiss = permissions.get_public_remiss(request, pk)
    document = get_object_or_404(remiss.documents, pk=doc_pk)
    return serve_file(document.file, document.original_name)


def _public_submission(request, pk: int, submission_pk: int):
    remiss = permissions.get_public_remiss(request, pk)
    submission = get_object_or_404(
        permissions.public_submissions(remiss).select_related("response__recipient__organisation"), pk=submission_pk
    )
    return remiss, submission


def answer_pdf(request, pk: int, submission_pk: int):
    """The published PDF: the ministry's redacted copy if there is one, else the original; nothing
    (with the reason) when the ministry withheld the answer from the web."""
    remiss, submission = _public_submission(request, pk, submission_pk)
    web = permissions.publication_of(submission)
    if web is not None and web.withheld:
        context = {"remiss": remiss, "submission": submission, "web": web}
        return render(request, "remiss/public/withheld.html", context, status=404)
    file = web.redacted_pdf if web is not None and web.redacted_pdf else submission.pdf
    if not file:
        return render(request, "404.html", status=404)
    name = answer_download_name(
        submission.response.recipient.organisation.name, remiss.reference, version=submission.number
    )
    return serve_file(file, name, inline=True)


def _attachments_on_web(submission) -> bool:
    """Submitted bilagor go on the web with the original answer only: not when the ministry withheld
    the answer or published a redacted copy of it (the attachments are not redacted)."""
    web = permissions.publication_of(submission)
    return web is None or not (web.withheld or web.redacted_pdf)


def _web_attachments(submission) -> list:
    return submission.attachment_files() if _attachments_on_web(submission) else []


def answer_attachment(request, pk: int, submission_pk: int, attachment_pk: int):
    """A submitted bilaga: for anyone when the answer is public on the web; for the owning
    ministry's staff from the moment it is submitted."""
    remiss = permissions.get_public_remiss(request, pk)
    submission = permissions.public_submissions(remiss).filter(pk=submission_pk).first()
    if submission is None or not _attachments_on_web(submission):
        staff = permissions.staff_membership(request)
        if staff is None or staff.organisation_id != remiss.ministry_id:
            permissions.deny(request, "submission attachment", not_found=True)
        submission = get_object_or_404(permissions.submissions_visible_to_ministry(remiss), pk=submission_pk)
    attachment = get_object_or_404(submission.attachments.exclude(file=""), pk=attachment_pk)
    return serve_file(attachment.file, attachment.original_name)


def received_document_of(submission):
    """The file an answer came in as, when it was registered from a document; else None."""
    from remiss.models import ReceivedDocument

    try:
        return submission.received_document
    except ReceivedDocument.DoesNotExist:
        return None


def answer_original(request, pk: int, submission_pk: int):
    """The original file of an answer that came as a document, as the public sees it (not when the
    ministry withheld the answer or published a redacted copy)."""
    from remiss.views.ministry.document_answers import serve_original

    _remiss, submission = _public_submission(request, pk, submission_pk)
    received = received_document_of(submission)
    if received is None or not permissions.original_file_is_public(submission):
        return render(request, "404.html", status=404)
    return serve_original(received)


def answer_receipt(request, pk: int, submission_pk: int):
    remiss, submission = _public_submission(request, pk, submission_pk)
    receipt = getattr(submission, "receipt", None)
    if receipt is None:
        return render(request, "404.html", status=404)
    context = {
        "remiss": remiss,
        "submission": submission,
        "receipt": receipt,
        "attachments": _web_attachments(submission),
    }
    return render(request, "remiss/public/receipt.html", {**context, "web": permissions.publication_of(submission)})
