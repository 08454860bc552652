"""What the public web gets of a submitted answer (GDPR).

A submitted remissvar is an allmän handling, but publishing it on the web is a processing of
personal data. Ministry staff may therefore replace the published copy with a redacted PDF, or
withhold the answer from web publication with a reason. The original submission and its PDF stay
untouched: the ministry still reads it, and the receipt's checksum is still checked against it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .responses import Submission


def redacted_path(instance: Publication, filename: str) -> str:
    return f"publications/{instance.submission_id}/{uuid.uuid4().hex}.pdf"


class Publication(models.Model):
    """The publication copy of one submission. No row means: the original is published as it is."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="publication")
    redacted_pdf = models.FileField(_("maskerad kopia"), upload_to=redacted_path, blank=True)
    redacted_name = models.CharField(_("filnamn"), max_length=255, blank=True)
    redacted_size = models.PositiveBigIntegerField(_("storlek"), default=0)
    withheld = models.BooleanField(_("publiceras inte på webben"), default=False)
    withheld_reason = models.CharField(_("skäl"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("publiceringskopia")
        verbose_name_plural = _("publiceringskopior")

    def __str__(self) -> str:
        return f"{self.submission} ({self.state_label})"

    @property
    def is_redacted(self) -> bool:
        return bool(self.redacted_pdf) and not self.withheld

    @property
    def state_label(self) -> str:
        if self.withheld:
            return str(_("Publiceras inte på webben"))
        if self.redacted_pdf:
            return str(_("Maskerad kopia publiceras"))
        return str(_("Originalet publiceras"))
