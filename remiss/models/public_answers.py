"""An answer from someone not on the remisslista (an organisation or a private person), given on the
public "Lämna synpunkter" page. It counts only once its sender confirmed it by e-mail and the
ministry screened and published it (``services.public_answers``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .remisser import Recipient, Remiss


def public_answer_path(instance: PublicAnswer, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"public_answers/{instance.remiss_id}/{uuid.uuid4().hex}.{extension}"


class SenderKind(models.TextChoices):
    ORGANISATION = "organisation", _("En organisation")
    PERSON = "person", _("Privatperson")


class PublicAnswerStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Väntar på bekräftelse via e-post")
    PENDING = "pending", _("Väntar på granskning")
    PUBLISHED = "published", _("Publicerat")
    REJECTED = "rejected", _("Avvisat")


class PublicAnswer(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="public_answers")
    sender_kind = models.CharField(_("avsändare"), max_length=20, choices=SenderKind.choices)
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"))
    publish_name = models.BooleanField(_("namnet får publiceras"), default=False)
    general_comments = models.TextField(_("synpunkter"), blank=True)
    answers = models.JSONField(_("ställningstaganden"), default=dict, blank=True)
    file = models.FileField(_("fil"), upload_to=public_answer_path, blank=True)
    original_name = models.CharField(_("filnamn"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicAnswerStatus.choices, default=PublicAnswerStatus.UNCONFIRMED
    )
    token_hash = models.CharField(max_length=64, blank=True)  # sha256 of the signed link; '' once used
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftat"), null=True, blank=True)
    screened_at = models.DateTimeField(_("granskat"), null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipient = models.ForeignKey(Recipient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("synpunkt från allmänheten")
        verbose_name_plural = _("synpunkter från allmänheten")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.public_name} – {self.remiss.reference}"

    @property
    def public_name(self) -> str:
        """The name shown publicly: a private person's only with their consent (GDPR)."""
        if self.sender_kind == SenderKind.PERSON and not self.publish_name:
            return str(_("Privatperson"))
        return self.name
