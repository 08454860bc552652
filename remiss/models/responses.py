"""A recipient's answer (yttrande): text, per-proposal answers, workflow history and submissions.

Status changes happen only in ``remiss.workflow``; this module holds the data.
"""

from __future__ import annotations

import enum
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .remisser import Proposal, Recipient, Section


class ResponseStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ej påbörjat")
    DRAFT = "draft", _("Utkast")
    IN_REVIEW = "in_review", _("Under granskning")
    CHANGES_REQUESTED = "changes_requested", _("Ändringar begärda")
    APPROVED = "approved", _("Godkänt")
    SUBMITTED = "submitted", _("Inskickat")
    DECLINED = "declined", _("Avstått")

    # The organisation is done: it has submitted an answer or declined to give one.
    FINAL = enum.nonmember(("submitted", "declined"))


class Stance(models.TextChoices):
    """A stance on one proposal. The empty value means "ej besvarad" and is kept distinct."""

    SUPPORTS = "supports", _("Tillstyrker")
    PARTLY = "partly", _("Tillstyrker delvis")
    OPPOSES = "opposes", _("Avstyrker")
    NO_VIEW = "no_view", _("Inga synpunkter")


NOT_ANSWERED_LABEL = _("Ej besvarad")
MAX_TEXT_LENGTH = 50_000
MAX_SIGNATORIES = 20  # a sane upper bound: real yttranden carry one to a handful


class Response(models.Model):
    recipient = models.OneToOneField(Recipient, on_delete=models.CASCADE, related_name="response")
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.NOT_STARTED
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    general_comments = models.TextField(_("generella synpunkter"), blank=True)
    consequences = models.JSONField(_("konsekvenser"), default=dict, blank=True)
    decided_by = models.CharField(_("beslutsinstans"), max_length=200, blank=True)
    decision_date = models.DateField(_("beslutsdatum"), null=True, blank=True)
    minute_ref = models.CharField(_("paragraf (§)"), max_length=50, blank=True)
    our_reference = models.CharField(_("vår beteckning"), max_length=100, blank=True)
    presenter = models.CharField(_("föredragande"), max_length=200, blank=True)
    also_participated = models.CharField(
        _("i den slutliga handläggningen har även deltagit"), max_length=500, blank=True
    )
    declined_reason = models.TextField(_("skäl att avstå"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("yttrande")
        verbose_name_plural = _("yttranden")

    def __str__(self) -> str:
        return f"{self.recipient.organisation} – {self.recipient.remiss.reference}"

    @property
    def organisation(self):
        return self.recipient.organisation

    @property
    def remiss(self):
        return self.recipient.remiss

    @property
    def is_final(self) -> bool:
        """Submitted or declined: the organisation is done (it may still reopen before the deadline)."""
        return self.status in ResponseStatus.FINAL


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    stance = models.CharField(_("ställningstagande"), max_length=20, choices=Stance.choices, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("ställningstagande")
        verbose_name_plural = _("ställningstaganden")
        constraints = [models.UniqueConstraint(fields=["response", "proposal"], name="answer_unique")]

    def __str__(self) -> str:
        return f"{self.proposal.label}: {self.get_stance_display() or NOT_ANSWERED_LABEL}"

    @property
    def is_answered(self) -> bool:
        return bool(self.stance)


class Signatory(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.response_id}/{uuid.uuid4().hex}.pdf"


class Attachment(models.Model):
    """A bilaga: a PDF attached to a response, checked by content and size on upload."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=attachment_path)
    original_name = models.CharField(_("filnamn"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class Transition(models.Model):
    """One workflow step: who moved the response from which status to which, and why."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=ResponseStatus.choices)
    to_status = models.CharField(max_length=20, choices=ResponseStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("meddelande"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Revision(models.Model):
    """A saved version of one text field of a response, for history and diffs.

    ``field`` is e.g. ``summary``, ``general_comments``, ``consequence:economic`` or ``answer:<proposal id>``.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="revisions")
    field = models.CharField(max_length=100)
    stance = models.CharField(max_length=20, blank=True)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versioner")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["response", "field", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.field} v{self.version}"


class Assignment(models.Model):
    """An internal request to a colleague to write a section or a proposal (a 'mini-remiss')."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="assignments")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("tilldelad")
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    due_date = models.DateField(_("klart senast"), null=True, blank=True)
    note = models.TextField(_("meddelande"), blank=True)
    done_at = models.DateTimeField(_("klar"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uppgift")
        verbose_name_plural = _("uppgifter")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        target = self.section or self.proposal
        return f"{target} → {self.assignee}"


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Väntar på PDF")
    RENDERING = "rendering", _("PDF skapas")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Misslyckades")


def submission_path(instance: Submission, filename: str) -> str:
    return f"submissions/{instance.response_id}/{uuid.uuid4().hex}.pdf"


class SubmissionQuerySet(models.QuerySet):
    def newest_per_response(self) -> dict[int, Submission]:
        """The newest (highest-numbered) of these submissions for each response, by response id.

        The number decides, whatever the state of the PDF: what was submitted is fixed in the snapshot
        the moment it is submitted. Filter first (e.g. to what the public may see) to get the newest of
        those."""
        return {submission.response_id: submission for submission in self.order_by("response_id", "number")}


class Submission(models.Model):
    """One submitted version of a response: a frozen snapshot and its PDF. The newest is shown."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(_("inskickad"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_late = models.BooleanField(_("inkommen för sent"), default=False)
    declined = models.BooleanField(_("avstår"), default=False)
    status = models.CharField(max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING)
    pdf = models.FileField(upload_to=submission_path, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When the render task last reached the broker; empty while it has not (the broker was down):
    # then the sweep sends it again within a minute.
    queued_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inskickad version")
        verbose_name_plural = _("inskickade versioner")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["response", "number"], name="submission_unique_number")]

    def __str__(self) -> str:
        return f"{self.response} v{self.number}"

    def attachment_files(self) -> list[SubmissionAttachment]:
        """The frozen bilagor that carry a file (a copy can be missing if the draft's file was lost).
        Uses ``prefetch_related("attachments")`` when the caller did that."""
        return [attachment for attachment in self.attachments.all() if attachment.file]


class Receipt(models.Model):
    """Kvittens: proof that exactly these PDF bytes were received at this time."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="receipt")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    issued_at = models.DateTimeField(_("utfärdad"))

    class Meta:
        verbose_name = _("kvittens")
        verbose_name_plural = _("kvittenser")

    def __str__(self) -> str:
        return f"{self.code} {self.sha256[:12]}"


def submission_attachment_path(instance: SubmissionAttachment, filename: str) -> str:
    return f"submissions/{instance.submission.response_id}/attachments/{uuid.uuid4().hex}.pdf"


class SubmissionAttachment(models.Model):
    """A bilaga as it was submitted: a copy of the file, frozen with its submission. Removing or
    replacing the draft's attachment later changes nothing here; every version keeps its own."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=submission_attachment_path, blank=True)
    original_name = models.CharField(_("filnamn"), max_length=255)
    size = models.PositiveBigIntegerField(_("storlek"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("inskickad bilaga")
        verbose_name_plural = _("inskickade bilagor")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title
