"""Answers from anyone ("Lämna synpunkter"): submit (stored, e-mail confirmation link sent), confirm
(the signed single-use link; only its hash is stored), and the ministry's screening (publish: the
answer becomes a submission of a sender outside the remisslista, listed under "Övriga"; reject)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, OrganisationKind, User
from core.errors import ApplicationError
from notifications import mail
from remiss import workflow
from remiss.models import (
    Answer,
    PublicAnswer,
    PublicAnswerStatus,
    Recipient,
    Remiss,
    RemissStatus,
    Response,
    SenderKind,
    Stance,
)
from remiss.reading import ReadingError, extract_text
from remiss.services import documents
from remiss.uploads import safe_filename, validate_pdf

SALT = "remiss.public_answer"
LINK_MAX_AGE = 60 * 60 * 48  # seconds: the confirmation link works for two days
MAX_COMMENT = 10_000
UNCONFIRMED_KEEP_HOURS = 48  # an unconfirmed answer and its file are deleted after this (the link's life)
MAX_UNCONFIRMED_PER_ADDRESS = 3  # unconfirmed answers (and so confirmation mails) per address at a time


class PublicAnswerError(ApplicationError):
    """A refused step; ``str(error)`` is a Swedish message, ``field`` the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        self.field = field
        super().__init__(message)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_upload(upload) -> tuple[bytes, str]:
    """The file's bytes and safe name, or a Swedish refusal: size, then content (PDF/DOCX the reader can read)."""
    name = safe_filename(upload.name or "", fallback="synpunkter")
    if not name.lower().endswith((".pdf", ".docx")):
        raise PublicAnswerError(_("Ladda upp en PDF eller ett Word-dokument (.docx)."), "file")
    try:
        if name.lower().endswith(".pdf"):
            validate_pdf(upload)  # the same check as every other upload path: a real PDF, no active content
        data = documents.check_upload_size(upload)
        extract_text(data, name)
    except ValidationError as error:
        raise PublicAnswerError(" ".join(error.messages), "file") from None
    except (documents.DocumentAnswerError, ReadingError) as error:
        raise PublicAnswerError(str(error), "file") from None
    return data, name


@transaction.atomic
def submit_public_answer(*, remiss: Remiss, cleaned: dict, answers: dict[int, tuple[str, str]], upload=None):
    """Store an answer from the public page and mail its confirmation link. Returns the PublicAnswer."""
    if remiss.status != RemissStatus.PUBLISHED:
        raise PublicAnswerError(_("Remissen är inte öppen för synpunkter."))
    valid = {choice.value for choice in Stance} | {""}
    stored = {
        str(pk): {"stance": stance, "comment": (comment or "").strip()[:MAX_COMMENT]}
        for pk, (stance, comment) in answers.items()
        if stance in valid and (stance or (comment or "").strip())
    }
    general = (cleaned.get("general_comments") or "").strip()[:MAX_COMMENT]
    if upload is None and not stored and not general:
        raise PublicAnswerError(_("Skriv dina synpunkter, ta ställning till minst ett förslag eller ladda upp en fil."))
    _check_address_budget(cleaned["email"])
    answer = PublicAnswer(
        remiss=remiss,
        sender_kind=cleaned["sender_kind"],
        name=" ".join(cleaned["name"].split())[:200],
        email=cleaned["email"],
        publish_name=cleaned["sender_kind"] == SenderKind.ORGANISATION or bool(cleaned.get("publish_name")),
        general_comments=general,
        answers=stored,
    )
    if upload is not None:
        data, name = check_upload(upload)
        answer.original_name = name
        answer.file.save(name, ContentFile(data), save=False)
    answer.save()
    token = signing.dumps({"a": answer.pk, "n": secrets.token_urlsafe(16)}, salt=SALT)
    answer.token_hash = _digest(token)
    answer.save(update_fields=["token_hash"])
    transaction.on_commit(lambda: _send_confirmation(answer, token))
    return answer


def _check_address_budget(email: str) -> None:
    """At most a few unconfirmed answers per address, so the form cannot be used to mail an address
    again and again or to store file after file under it."""
    since = timezone.now() - dt.timedelta(hours=UNCONFIRMED_KEEP_HOURS)
    waiting = PublicAnswer.objects.filter(
        email__iexact=email, status=PublicAnswerStatus.UNCONFIRMED, created_at__gte=since
    ).count()
    if waiting >= MAX_UNCONFIRMED_PER_ADDRESS:
        raise PublicAnswerError(
            _(
                "Det finns redan synpunkter från den här adressen som inte är bekräftade. Bekräfta dem med "
                "länken i e-postmeddelandet, eller försök igen om två dygn."
            ),
            "email",
        )


def delete_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete answers nobody confirmed within the link's life, with their files. Returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(hours=UNCONFIRMED_KEEP_HOURS)
    stale = list(PublicAnswer.objects.filter(status=PublicAnswerStatus.UNCONFIRMED, created_at__lt=cutoff))
    for answer in stale:
        if answer.file:
            name, storage = answer.file.name, answer.file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    PublicAnswer.objects.filter(pk__in=[a.pk for a in stale]).delete()
    return len(stale)


def _send_confirmation(answer: PublicAnswer, token: str) -> None:
    """Through the project's mail path: a failed delivery is logged, never raised after the commit."""
    context = {
        "answer": answer,
        "remiss": answer.remiss,
        "url": settings.SITE_URL + reverse("public:answer_confirm", args=[token]),
        "hours": LINK_MAX_AGE // 3600,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Bekräfta dina synpunkter på %(ref)s") % {"ref": answer.remiss.reference}
    body = mail.render_message("remiss/email/public_answer_confirm.txt", context)
    mail.send_one(answer.email, subject, body)


@transaction.atomic
def confirm_public_answer(token: str) -> PublicAnswer:
    """The sender followed the link: the answer goes to the ministry's screening. Single use."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise PublicAnswerError(_("Länken har gått ut. Lämna dina synpunkter igen.")) from None
    except signing.BadSignature:
        raise PublicAnswerError(_("Länken är ogiltig. Kontrollera att du kopierat hela länken.")) from None
    answer = PublicAnswer.objects.select_for_update().filter(pk=payload.get("a")).first()
    if answer is None or not answer.token_hash or not secrets.compare_digest(answer.token_hash, _digest(token)):
        raise PublicAnswerError(_("Länken har redan använts. Dina synpunkter är redan bekräftade."))
    answer.token_hash = ""
    answer.status = PublicAnswerStatus.PENDING
    answer.confirmed_at = timezone.now()
    answer.save(update_fields=["token_hash", "status", "confirmed_at"])
    audit.record("public_answer.confirmed", organisation=answer.remiss.ministry, obj=answer)
    return answer


def _sender(answer: PublicAnswer) -> Recipient:
    """A recipient outside the remisslista (never invited), of kind "Organisation": listed under Övriga.

    The sender is never matched to a registered organisation by the name typed in the form: an answer
    that gives the name of a kommun is published as from "a sender who gives the name …", an
    organisation of its own with no code, kind or mailbox of the kommun's, so no map, API row or
    receipt makes it the kommun's. A private person without consent is "Privatperson (nr N)"."""
    if answer.sender_kind == SenderKind.PERSON and not answer.publish_name:
        name = _("Privatperson (nr %(n)s)") % {"n": answer.pk}
    else:
        name = answer.name
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is not None and organisation.is_registered_body:
        name = _("%(name)s (uppgiven avsändare, nr %(n)s)") % {"name": name, "n": answer.pk}
        organisation = None
    if organisation is None:
        organisation = Organisation.objects.create(name=name[:200], kind=OrganisationKind.OTHER)
    if Recipient.objects.filter(remiss=answer.remiss, organisation=organisation).exists():
        raise PublicAnswerError(
            _("%(name)s har redan ett svar eller finns på remisslistan. Avvisa eller kontakta avsändaren.")
            % {"name": name}
        )
    return Recipient.objects.create(remiss=answer.remiss, organisation=organisation)


@transaction.atomic
def publish_public_answer(*, answer: PublicAnswer, by: User):
    """Screened and accepted. A form answer becomes a submission now; an uploaded file is registered as
    a document answer whose reading staff then confirm (returns that ReceivedDocument), like any document."""
    answer = PublicAnswer.objects.select_for_update().select_related("remiss").get(pk=answer.pk)
    if answer.status != PublicAnswerStatus.PENDING:
        raise PublicAnswerError(_("Bara bekräftade synpunkter som väntar på granskning kan publiceras."))
    recipient = _sender(answer)
    response, _created = Response.objects.get_or_create(recipient=recipient)
    received = None
    if answer.file:
        with answer.file.open("rb") as handle:
            upload = File(handle, name=answer.original_name)
            try:
                received = documents.register_document_answer(
                    remiss=answer.remiss,
                    by=by,
                    upload=upload,
                    received_on=timezone.localdate(answer.confirmed_at),
                    recipient=recipient,
                    other_remiss_confirmed=True,
                )
            except documents.DocumentAnswerError as error:
                raise PublicAnswerError(str(error)) from None
    else:
        _store_answers(answer, response, by)
        try:
            workflow.submit_received_document(
                response=response, by=by, received_at=answer.confirmed_at, source="public"
            )
        except workflow.WorkflowError as error:
            raise PublicAnswerError(str(error)) from None
    _screened(answer, by, PublicAnswerStatus.PUBLISHED, recipient)
    return received


def _store_answers(answer: PublicAnswer, response: Response, by: User) -> None:
    for pk in answer.remiss.proposals.values_list("pk", flat=True):
        given = answer.answers.get(str(pk)) or {}
        Answer.objects.update_or_create(
            response=response,
            proposal_id=pk,
            defaults={"stance": given.get("stance", ""), "comment": given.get("comment", ""), "updated_by": by},
        )
    response.general_comments = answer.general_comments
    response.save(update_fields=["general_comments", "updated_at"])


@transaction.atomic
def reject_public_answer(*, answer: PublicAnswer, by: User) -> None:
    answer = PublicAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.status != PublicAnswerStatus.PENDING:
        raise PublicAnswerError(_("Bara bekräftade synpunkter som väntar på granskning kan avvisas."))
    _screened(answer, by, PublicAnswerStatus.REJECTED, None)


def _screened(answer: PublicAnswer, by: User, status: str, recipient: Recipient | None) -> None:
    answer.status = status
    answer.screened_by = by
    answer.screened_at = timezone.now()
    answer.recipient = recipient
    answer.save(update_fields=["status", "screened_by", "screened_at", "recipient"])
    audit.record(
        f"public_answer.{status}",
        actor=by,
        organisation=answer.remiss.ministry,
        obj=answer,
        data={"remiss": answer.remiss_id},
    )
