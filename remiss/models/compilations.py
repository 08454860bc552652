"""Remissammanställningar: compiled PDFs (and spreadsheets) of submitted answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .remisser import Remiss


class CompilationStatus(models.TextChoices):
    QUEUED = "queued", _("I kö")
    RUNNING = "running", _("Pågår")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Misslyckades")
    CANCELLED = "cancelled", _("Avbruten")


def compilation_path(instance: Compilation, filename: str) -> str:
    """No longer used by the model (``pipeline.finish`` names the files); kept only because migration
    0001 imports it as the fields' old ``upload_to``. Delete once that migration no longer refers to it."""
    return f"compilations/{instance.remiss_id}/{filename}"


class Compilation(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="compilations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    params = models.JSONField(_("urval"), default=dict)
    status = models.CharField(max_length=20, choices=CompilationStatus.choices, default=CompilationStatus.QUEUED)
    step = models.CharField(_("steg"), max_length=200, blank=True)
    progress = models.PositiveSmallIntegerField(_("andel klar (%)"), default=0)
    error = models.TextField(blank=True)
    # ``attempts`` only ever grows: it numbers every run of the pipeline and is the token each task
    # carries, so a task left over from an earlier (cancelled, failed, retried) run is never current.
    attempts = models.PositiveIntegerField(default=0)
    # Since the last start or retry: runs begun (capped by REMISS_COMPILATION_MAX_ATTEMPTS) and times
    # sent to the workers (capped by REMISS_COMPILATION_MAX_SENDS, for a row that never starts).
    run_attempts = models.PositiveIntegerField(default=0)
    sends = models.PositiveIntegerField(default=0)
    chunks_total = models.PositiveIntegerField(_("delar att rita"), default=0)
    chunks_done = models.PositiveIntegerField(_("delar ritade"), default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="compilations/", blank=True)
    xlsx = models.FileField(upload_to="compilations/", blank=True)
    csv = models.FileField(upload_to="compilations/", blank=True)
    docx = models.FileField(upload_to="compilations/", blank=True)
    page_count = models.PositiveIntegerField(default=0)
    included = models.ManyToManyField("remiss.Submission", related_name="compilations", blank=True)

    class Meta:
        verbose_name = _("remissammanställning")
        verbose_name_plural = _("remissammanställningar")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.remiss.reference} {self.created_at:%Y-%m-%d %H:%M}"


class DraftEdit(models.Model):
    """Ministry staff's own version of the drafted "Remissinstanserna" paragraph for one proposal,
    and "Departementets kommentar". Kept across compilations; ``generated_hash`` remembers which
    generated text it was edited from, so a later compilation can say the answers have changed."""

    proposal = models.OneToOneField("remiss.Proposal", on_delete=models.CASCADE, related_name="draft_edit")
    text = models.TextField(_("text"), blank=True)
    comment = models.TextField(_("departementets kommentar"), blank=True)
    generated_hash = models.CharField(max_length=64, blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    edited_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("redigerad text")
        verbose_name_plural = _("redigerade texter")

    def __str__(self) -> str:
        return f"{self.proposal}"
