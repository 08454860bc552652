"""Answers that arrived as documents: register (store the file, read it, suggest stances) and
confirm (staff accept or correct each suggestion; only then does it count, as a submission made
through ``workflow.submit_received_document``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, OrganisationKind, User
from core.errors import ApplicationError
from remiss import workflow
from remiss.models import Answer, ReceivedDocument, Recipient, Remiss, Response, ResponseStatus, Stance
from remiss.reading import ReadingError, extract_text
from remiss.uploads import safe_filename

from . import document_reading

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
REPORT_ID = re.compile(r"\b(SOU|Ds)\s?(\d{4}:\d{1,3})\b")
MINISTRY_REFERENCE = re.compile(r"\b(?:Fi|Ju|S|U|N|M|A|I|Ku|UD|Fö|LI|KN)\d{4}/\d{3,6}(?:/[A-ZÅÄÖ]{1,6})?\b")
MAX_TEXT = 50_000  # a document's general views can be long; the form says so rather than cutting


class DocumentAnswerError(ApplicationError):
    """A refused registration or confirmation; ``str(error)`` is a Swedish message. ``field`` names
    the form field it belongs to, when one does."""

    def __init__(self, message: str, field: str | None = None):
        self.field = field
        super().__init__(message)


def _mentions_other_remiss(text: str, remiss: Remiss) -> str:
    """The first case number or report id in ``text`` that belongs to another remiss, when the text
    names no id of this one; else ''."""
    own = {remiss.reference.replace(" ", "").lower()}
    own |= {str(report.get("id", "")).replace(" ", "").lower() for report in remiss.reports or []}
    found = [m.group(0) for m in MINISTRY_REFERENCE.finditer(text)]
    found += [f"{m.group(1)} {m.group(2)}" for m in REPORT_ID.finditer(text)]
    if not found or any(item.replace(" ", "").lower() in own for item in found):
        return ""
    return found[0]


def _sender(remiss: Remiss, recipient: Recipient | None, new_sender: str, new_sender_kind: str) -> Recipient:
    if recipient is not None:
        if recipient.remiss_id != remiss.pk:
            raise DocumentAnswerError(_("Remissinstansen finns inte på den här remissens remisslista."), "recipient")
        return recipient
    name = " ".join((new_sender or "").split())
    if not name:
        raise DocumentAnswerError(_("Välj en remissinstans eller skriv avsändarens namn."), "recipient")
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        kinds = {OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.AGENCY}
        kind = new_sender_kind if new_sender_kind in kinds else OrganisationKind.OTHER
        organisation = Organisation.objects.create(name=name[:200], kind=kind)
    if organisation.is_ministry:
        raise DocumentAnswerError(_("Avsändaren kan inte vara ett departement."), "new_sender")
    # Not an invitation: the sender answered on its own, so no invitation e-mail is sent.
    recipient, _created = Recipient.objects.get_or_create(remiss=remiss, organisation=organisation)
    return recipient


def check_upload_size(upload: UploadedFile) -> bytes:
    if upload.size > settings.REMISS_MAX_UPLOAD_BYTES:
        raise DocumentAnswerError(
            _("Filen är %(size)s. Största tillåtna storlek är %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.REMISS_MAX_UPLOAD_BYTES)},
            "file",
        )
    upload.seek(0)
    return upload.read()


def reading_of(received: ReceivedDocument) -> dict:
    """The stored reading; one stored before paragraphs were kept is read again from the stored text
    (the suggestions may then differ slightly: the reader has changed since)."""
    if "paragraphs" in (received.reading or {}):
        return received.reading
    return document_reading.reading_for(received.text, received.response.recipient.remiss)


@transaction.atomic
def register_document_answer(
    *,
    remiss: Remiss,
    by: User,
    upload: UploadedFile,
    received_on: dt.date,
    recipient: Recipient | None = None,
    new_sender: str = "",
    new_sender_kind: str = "",
    sender_reference: str = "",
    other_remiss_confirmed: bool = False,
) -> ReceivedDocument:
    """Store the file and the reader's suggestions. Nothing counts until ``confirm_document_answer``."""
    if not remiss.accepts_answers:
        raise DocumentAnswerError(_("Svar kan bara registreras på en publicerad eller stängd remiss."))
    if received_on > timezone.localdate():
        raise DocumentAnswerError(_("Datumet då svaret kom in kan inte ligga i framtiden."), "received_on")
    data = check_upload_size(upload)
    name = safe_filename(upload.name or "", fallback="svar")
    try:
        document = extract_text(data, name)
    except ReadingError as error:
        raise DocumentAnswerError(str(error), "file") from None
    other = _mentions_other_remiss(document.text, remiss)
    if other and not other_remiss_confirmed:
        raise DocumentAnswerError(
            _(
                "Dokumentet verkar gälla en annan remiss: det hänvisar till %(other)s men inte till %(ref)s. "
                "Kontrollera att du registrerar det på rätt remiss, eller kryssa i att det ändå gäller den här."
            )
            % {"other": other, "ref": remiss.reference},
            "file",
        )
    sender = _sender(remiss, recipient, new_sender, new_sender_kind)
    response, _created = Response.objects.get_or_create(recipient=sender)
    if response.status != ResponseStatus.NOT_STARTED or response.received_documents.filter(submission=None).exists():
        raise DocumentAnswerError(
            _("%(org)s har redan ett svar (i tjänsten eller som dokument som väntar på bekräftelse).")
            % {"org": sender.organisation},
            "recipient",
        )
    received = ReceivedDocument(
        response=response,
        original_name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        kind=document.kind,
        text=document.text,
        reading=document_reading.reading_for(document.text, remiss),
        received_on=received_on,
        sender_reference=(sender_reference or "").strip()[:100],
        registered_by=by,
    )
    received.file.save(name, ContentFile(data), save=False)
    try:
        received.save()
    except Exception:
        received.file.delete(save=False)  # nothing stored half
        raise
    audit.record(
        "received_document.registered",
        actor=by,
        organisation=remiss.ministry,
        obj=received,
        data={"remiss": remiss.pk, "sender": sender.organisation_id, "sha256": received.sha256},
    )
    return received


def _received_at(received_on: dt.date) -> dt.datetime:
    if received_on >= timezone.localdate():
        return timezone.now()
    return dt.datetime.combine(received_on, dt.time(12, 0), tzinfo=STOCKHOLM)


@transaction.atomic
def move_document_paragraph(
    *,
    received: ReceivedDocument,
    by: User,
    index: int,
    place: str,
    keys: list[str],
    stances: dict[str, str] | None = None,
) -> None:
    """Staff put a paragraph of the document elsewhere (another proposal, the summary, the general
    views …); the texts each place collects follow, and the stances staff had already chosen stay.
    Only before the reading is confirmed."""
    received = ReceivedDocument.objects.select_for_update().get(pk=received.pk)
    if received.submission_id is not None:
        raise DocumentAnswerError(_("Läsningen av dokumentet är redan bekräftad."))
    try:
        received.reading = document_reading.move_paragraph(reading_of(received), index, place, keys, stances)
    except ValueError as error:
        raise DocumentAnswerError(str(error)) from None
    received.save(update_fields=["reading"])


def _text(value: str, label: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise DocumentAnswerError(
            _("%(label)s är för lång (%(length)s tecken, högst %(limit)s).")
            % {"label": label, "length": len(value), "limit": MAX_TEXT}
        )
    return value


@transaction.atomic
def confirm_document_answer(
    *,
    received: ReceivedDocument,
    by: User,
    choices: dict[int, tuple[str, str]],
    summary: str | None = None,
    general_comments: str | None = None,
    consequences: str | None = None,
):
    """Staff's reading becomes the sender's answer: the stance staff confirmed and the body's text
    per proposal (no stance where none was chosen: "ej besvarad"), the summary, the general views and
    the consequences — on the remiss's consequence questions where the text names one, else in the
    general views under a heading. Texts left out (None) are taken from the stored reading. Then a
    submission dated when the document came in. Returns the Submission."""
    received = (
        ReceivedDocument.objects.select_for_update().select_related("response__recipient__remiss").get(pk=received.pk)
    )
    if received.submission_id is not None:
        raise DocumentAnswerError(_("Läsningen av dokumentet är redan bekräftad."))
    response = received.response
    remiss = response.recipient.remiss
    reading = reading_of(received)
    valid = {choice.value for choice in Stance} | {""}
    proposals = list(remiss.proposals.values_list("pk", flat=True))
    for pk in proposals:
        stance, comment = choices.get(pk, ("", ""))
        if stance not in valid:
            raise DocumentAnswerError(_("Okänt ställningstagande."))
        Answer.objects.update_or_create(
            response=response,
            proposal_id=pk,
            defaults={"stance": stance, "comment": _text(comment, _("Kommentaren")), "updated_by": by},
        )
    summary = reading.get("summary", "") if summary is None else summary
    general = reading.get("general_views", "") if general_comments is None else general_comments
    consequence_text = reading.get("consequences", "") if consequences is None else consequences
    answers, rest = document_reading.consequence_answers(consequence_text, list(remiss.consequence_questions or []))
    general = "\n\n".join(part for part in (general.strip(), rest) if part)
    response.summary = _text(summary, _("Sammanfattningen"))
    response.general_comments = _text(general, _("De generella synpunkterna"))
    response.consequences = {key: _text(value, _("Konsekvenssvaret")) for key, value in answers.items()}
    response.save(update_fields=["summary", "general_comments", "consequences", "updated_at"])
    try:
        submission = workflow.submit_received_document(
            response=response, by=by, received_at=_received_at(received.received_on)
        )
    except workflow.WorkflowError as error:
        raise DocumentAnswerError(str(error)) from None
    received.submission = submission
    received.confirmed_by = by
    received.confirmed_at = timezone.now()
    received.save(update_fields=["submission", "confirmed_by", "confirmed_at"])
    return submission


@transaction.atomic
def discard_document_answer(*, received: ReceivedDocument, by: User) -> None:
    """Remove a registration that was never confirmed (wrong file, wrong remiss)."""
    received = ReceivedDocument.objects.select_for_update().get(pk=received.pk)
    if received.submission_id is not None:
        raise DocumentAnswerError(_("Ett bekräftat svar kan inte tas bort."))
    audit.record(
        "received_document.discarded",
        actor=by,
        organisation=received.response.recipient.remiss.ministry,
        data={"name": received.original_name, "sha256": received.sha256},
    )
    file = received.file
    received.delete()
    transaction.on_commit(lambda: file.delete(save=False))
