"""Ministry staff: register an answer that came as a document, confirm its reading, see the file."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.documents import DocumentRegisterForm, ReadingForm
from remiss.models import ReceivedDocument
from remiss.services import documents as services
from remiss.uploads import safe_filename


def _received(request, pk: int, received_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    received = get_object_or_404(
        ReceivedDocument.objects.select_related("response__recipient__organisation"),
        pk=received_pk,
        response__recipient__remiss=remiss,
    )
    return remiss, received


@login_required
def document_register(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = DocumentRegisterForm(request.POST or None, request.FILES or None, remiss=remiss)
    if request.method == "POST" and form.is_valid():
        try:
            received = services.register_document_answer(
                remiss=remiss, by=request.user, **form.cleaned_data_for_service()
            )
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.info(request, _("Dokumentet är registrerat. Granska förslagen och bekräfta läsningen."))
            return redirect("ministry:document_review", pk=remiss.pk, received_pk=received.pk)
    pending = ReceivedDocument.objects.filter(response__recipient__remiss=remiss, submission=None).select_related(
        "response__recipient__organisation"
    )
    return render(
        request, "remiss/ministry/document_register.html", {"remiss": remiss, "form": form, "pending": pending}
    )


def _highlighted(text: str, evidence: list[str]) -> str:
    """The document text as paragraphs, each evidence sentence marked (escaped first: no user HTML)."""
    html = escape(text)
    for sentence in sorted({e for e in evidence if e}, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(escape(word)) for word in sentence.split())
        html = re.sub(pattern, lambda m: f"<mark>{m.group(0)}</mark>", html, count=1)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html) if p.strip()]
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308 (escaped above)


@login_required
def document_review(request, pk: int, received_pk: int):
    remiss, received = _received(request, pk, received_pk)
    proposals = list(remiss.proposals.select_related("section"))
    data = request.POST if request.method == "POST" else None
    form = ReadingForm(data, proposals=proposals, reading=received.reading)
    if received.submission_id is None and request.method == "POST" and form.is_valid():
        try:
            services.confirm_document_answer(
                received=received,
                by=request.user,
                choices=form.choices(),
                general_comments=form.cleaned_data["general_comments"],
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Läsningen är bekräftad. Svaret från %(org)s räknas nu som inkommet.")
                % {"org": received.response.recipient.organisation},
            )
            return redirect("ministry:progress", pk=remiss.pk)
    evidence = [row.get("evidence", "") for row in received.reading.get("proposals", {}).values()]
    context = {
        "remiss": remiss,
        "received": received,
        "form": form,
        "document_html": _highlighted(received.text, evidence),
    }
    return render(request, "remiss/ministry/document_review.html", context)


@login_required
@require_POST
def document_discard(request, pk: int, received_pk: int):
    remiss, received = _received(request, pk, received_pk)
    try:
        services.discard_document_answer(received=received, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Registreringen är borttagen."))
    return redirect("ministry:document_register", pk=remiss.pk)


def serve_original(received: ReceivedDocument) -> FileResponse:
    response = FileResponse(
        received.file.open("rb"),
        as_attachment=received.kind != "pdf",
        filename=safe_filename(received.original_name, fallback="svar"),
        content_type=received.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def document_original(request, pk: int, received_pk: int):
    _remiss, received = _received(request, pk, received_pk)
    return serve_original(received)
