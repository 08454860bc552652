"""Ministry staff: register an answer that came as a document, confirm its reading, see the file."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.documents import DocumentRegisterForm, MoveParagraphForm, ReadingForm
from remiss.models import ReceivedDocument
from remiss.services import document_reading
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
    """A paragraph escaped, each evidence sentence in it marked (escaped first: no user HTML)."""
    html = escape(text)
    for sentence in sorted({e for e in evidence if e}, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(escape(word)) for word in sentence.split())
        html = re.sub(pattern, lambda m: f"<mark>{m.group(0)}</mark>", html, count=1)
    return mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (escaped above)


def _paragraph_rows(reading: dict, proposals: list) -> list[dict]:
    """The document's paragraphs with where each landed, for the move forms (furniture headings
    left out; other furniture is listed apart, so text set aside by mistake can be moved back)."""
    by_key = {str(p.pk): p for p in proposals}
    evidence = [row.get("evidence", "") for row in reading.get("proposals", {}).values()]
    rows = []
    for index, paragraph in enumerate(reading.get("paragraphs", [])):
        if paragraph["place"] == document_reading.FURNITURE and paragraph.get("heading"):
            continue
        placed = [by_key[key] for key in paragraph.get("keys", []) if key in by_key]
        read = [by_key[key] for key in paragraph.get("read_keys", []) if key in by_key]
        sections = {p.section_id for p in placed + read}
        choose = len(placed) > 1 or len(read) > 1  # text a section's proposals shared, when read
        rows.append(
            {
                "index": index,
                "html": _highlighted(paragraph["text"], evidence),
                "heading": paragraph.get("heading", False),
                "place": paragraph["place"],
                "value": f"proposal:{placed[0].pk}" if len(placed) == 1 else paragraph["place"],
                "label": document_reading.place_label(paragraph["place"]),
                "proposals": placed,
                "shared": len(placed) > 1,
                "candidates": [p for p in proposals if p.section_id in sections] if choose else [],
                "moved": paragraph.get("moved", False),
                "number": sum(1 for row in rows if not row["heading"]) + 1,  # as staff count: text only
            }
        )
    return rows


def _place_choices(proposals: list) -> list[tuple[str, str]]:
    places = [(place, document_reading.place_label(place)) for place in document_reading.TEXT_PLACES]
    places.append((document_reading.FURNITURE, document_reading.place_label(document_reading.FURNITURE)))
    return places + [(f"proposal:{p.pk}", _("Förslag %(label)s") % {"label": p.label}) for p in proposals]


@login_required
def document_review(request, pk: int, received_pk: int):
    remiss, received = _received(request, pk, received_pk)
    proposals = list(remiss.proposals.select_related("section").order_by("section__position", "position", "pk"))
    data = request.POST if request.method == "POST" else None
    reading = services.reading_of(received)
    form = ReadingForm(data, proposals=proposals, reading=reading)
    if received.submission_id is None and request.method == "POST" and form.is_valid():
        try:
            services.confirm_document_answer(received=received, by=request.user, choices=form.choices(), **form.texts())
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Läsningen är bekräftad. Svaret från %(org)s räknas nu som inkommet.")
                % {"org": received.response.recipient.organisation},
            )
            return redirect("ministry:progress", pk=remiss.pk)
    rows = _paragraph_rows(reading, proposals)
    context = {
        "remiss": remiss,
        "received": received,
        "form": form,
        "paragraphs": [row for row in rows if row["place"] != document_reading.FURNITURE],
        "set_aside": [row for row in rows if row["place"] == document_reading.FURNITURE],
        "unplaced": sum(1 for row in rows if row["place"] == document_reading.UNPLACED and not row["heading"]),
        "place_choices": _place_choices(proposals),
    }
    return render(request, "remiss/ministry/document_review.html", context)


@login_required
@require_POST
def document_move(request, pk: int, received_pk: int):
    """Move one paragraph of the document to another place; back to the review screen at it."""
    remiss, received = _received(request, pk, received_pk)
    form = MoveParagraphForm(request.POST, proposal_keys=[str(p.pk) for p in remiss.proposals.all()])
    anchor = ""
    if not form.is_valid():
        messages.error(request, _("Välj vilket stycke som ska flyttas och vart."))
    else:
        index, place, keys = form.move()
        anchor = f"#stycke-{index}"
        try:
            services.move_document_paragraph(
                received=received, by=request.user, index=index, place=place, keys=keys, stances=form.stances()
            )
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Stycket är flyttat. Texterna till höger följer med; valda ställningstaganden står kvar.")
            )
    url = reverse("ministry:document_review", args=[remiss.pk, received.pk])
    return redirect(url + anchor)


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
