"""A remissvar that arrived outside the service (e-mail, post) and was registered by ministry staff.

The file is kept as it came; the reader's suggestions are kept beside it; only when staff confirm
a reading does it become a Submission of the sender's Response, like any answer (``workflow``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .responses import Response, Submission


def received_document_path(instance: ReceivedDocument, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"received/{instance.response_id}/{uuid.uuid4().hex}.{extension}"


class ReceivedDocument(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="received_documents")
    file = models.FileField(_("fil"), upload_to=received_document_path)
    original_name = models.CharField(_("filnamn"), max_length=255)
    size = models.PositiveBigIntegerField(_("storlek"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    kind = models.CharField(_("filtyp"), max_length=10)
    text = models.TextField(_("text"), blank=True)
    reading = models.JSONField(_("förslag till läsning"), default=dict, blank=True)
    received_on = models.DateField(_("inkom"))
    sender_reference = models.CharField(_("avsändarens diarienummer"), max_length=100, blank=True)
    registered_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="received_document"
    )

    class Meta:
        verbose_name = _("inkommet dokument")
        verbose_name_plural = _("inkomna dokument")
        ordering = ["-registered_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.response})"

    @property
    def content_type(self) -> str:
        return {
            "pdf": "application/pdf",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "txt": "text/plain; charset=utf-8",
        }.get(self.kind, "application/octet-stream")
