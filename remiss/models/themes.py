"""Themes per proposal: the recurring arguments in the answers, found by ``remiss.themes`` and
curated by ministry staff.

A ``Theme`` belongs to one proposal; its ``ThemeMember`` rows are the responses that carry it, each
with the verbatim sentences of its newest submission that are the evidence. A confirmed theme is
kept as it is when the engine runs again (new answers may join it); unconfirmed themes are replaced.
``SpecialBody`` marks the bodies that carry particular weight on the remiss (särskilt berörda);
``ThemeAnalysis`` is the remiss's run state and whether the analysis is published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .remisser import Proposal, Remiss
from .responses import Response


class ThemePolarity(models.TextChoices):
    FOR = "for", _("för förslaget")
    AGAINST = "against", _("mot förslaget")
    MIXED = "mixed", _("blandat")


class Theme(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="themes")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="themes")
    label = models.CharField(_("rubrik"), max_length=300)
    position = models.PositiveIntegerField(default=0)
    key = models.BooleanField(_("viktigt tema"), default=False)
    confirmed = models.BooleanField(_("bekräftat"), default=False)
    polarity = models.CharField(
        _("riktning"), max_length=10, choices=ThemePolarity.choices, default=ThemePolarity.MIXED
    )
    key_quote = models.TextField(_("typcitat"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("teman")
        ordering = ["proposal_id", "position", "id"]

    def __str__(self) -> str:
        return self.label


class ThemeMember(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="members")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="theme_memberships")
    quotes = models.JSONField(_("citat"), default=list, blank=True)

    class Meta:
        verbose_name = _("svar i tema")
        verbose_name_plural = _("svar i teman")
        constraints = [models.UniqueConstraint(fields=["theme", "response"], name="theme_member_once")]
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.theme} – {self.response_id}"


class SpecialBody(models.Model):
    """A body that carries particular weight on the remiss (särskilt berörd), e.g. the supervising authority."""

    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="special_bodies")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("särskilt berörd remissinstans")
        verbose_name_plural = _("särskilt berörda remissinstanser")
        constraints = [models.UniqueConstraint(fields=["remiss", "organisation"], name="special_body_once")]

    def __str__(self) -> str:
        return str(self.organisation)


class ThemeRunStatus(models.TextChoices):
    IDLE = "idle", _("Inte körd")
    QUEUED = "queued", _("Väntar")
    RUNNING = "running", _("Pågår")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Misslyckades")


class ThemeAnalysis(models.Model):
    """Per remiss: the state of the latest theme run, and when the analysis was published."""

    remiss = models.OneToOneField(Remiss, on_delete=models.CASCADE, related_name="theme_analysis")
    status = models.CharField(max_length=10, choices=ThemeRunStatus.choices, default=ThemeRunStatus.IDLE)
    queued_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    seconds = models.FloatField(default=0)
    changed_at = models.DateTimeField(_("teman ändrade"), null=True, blank=True)
    published_at = models.DateTimeField(_("analysen publicerad"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("temaanalys")
        verbose_name_plural = _("temaanalyser")

    def __str__(self) -> str:
        return f"{self.remiss} ({self.get_status_display()})"
