"""A remiss, its documents, its sections and proposals, and its remisslista."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class RemissStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")
    CLOSED = "closed", _("Stängd")
    ARCHIVED = "archived", _("Arkiverad")

    # A published remiss takes answers, and so does a closed one (late answers, by its late policy).
    ANSWERABLE = enum.nonmember(("published", "closed"))
    # What the public may see: every remiss that has been published.
    PUBLIC = enum.nonmember(("published", "closed", "archived"))


class LatePolicy(models.TextChoices):
    REFUSE = "refuse", _("Ta inte emot svar efter sista svarsdag")
    ACCEPT_MARKED = "accept", _("Ta emot svar som kommer in för sent och markera dem")


class Publicity(models.TextChoices):
    IMMEDIATE = "immediate", _("Direkt när de skickas in")
    AFTER_DEADLINE = "after_deadline", _("Efter sista svarsdag")


class ConsequenceQuestion(models.TextChoices):
    ECONOMIC = "economic", _("Ekonomiska konsekvenser")
    CHILDREN = "children", _("Konsekvenser för barn")
    GENDER = "gender", _("Konsekvenser för jämställdheten")
    MUNICIPAL = "municipal", _("Konsekvenser för den kommunala självstyrelsen")
    ENVIRONMENT = "environment", _("Konsekvenser för miljön")
    BUSINESS = "business", _("Konsekvenser för företag")


LAST_MOMENT = dt.time(23, 59, 59, 999999)


def deadline_has_passed(deadline_at: dt.datetime | None, now: dt.datetime | None = None) -> bool:
    """After the moment (None: no deadline, never passed). The moment itself is still on time."""
    return deadline_at is not None and (now or timezone.now()) > deadline_at


def end_of_day(date: dt.date, time: dt.time | None = None) -> dt.datetime:
    """The last aware moment a deadline allows: the given time, or the very end of the day (Europe/Stockholm).

    "Now <= end_of_day(d)" is the same as "now < the start of the next day": an answer submitted at
    23:59:59.5 is on time, one at 00:00:00 the next day is late.
    """
    return dt.datetime.combine(date, time or LAST_MOMENT, tzinfo=STOCKHOLM)


class RemissQuerySet(models.QuerySet):
    def public(self) -> RemissQuerySet:
        return self.filter(status__in=RemissStatus.PUBLIC)

    def answerable(self) -> RemissQuerySet:
        return self.filter(status__in=RemissStatus.ANSWERABLE)


class Remiss(models.Model):
    ministry = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="remisser", verbose_name=_("departement")
    )
    title = models.CharField(_("rubrik"), max_length=500)
    reference = models.CharField(_("diarienummer"), max_length=100)
    reports = models.JSONField(
        _("betänkanden"), default=list, blank=True, help_text=_("Lista av {id, title, kind}, t.ex. SOU 2018:47.")
    )
    missive = models.TextField(_("missiv"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RemissStatus.choices, default=RemissStatus.DRAFT)
    deadline = models.DateField(_("sista svarsdag"), null=True, blank=True)
    deadline_time = models.TimeField(_("klockslag"), null=True, blank=True)
    consequence_questions = models.JSONField(_("konsekvensfrågor"), default=list, blank=True)
    late_policy = models.CharField(
        _("svar som kommer in för sent"), max_length=20, choices=LatePolicy.choices, default=LatePolicy.ACCEPT_MARKED
    )
    publicity = models.CharField(
        _("svaren blir offentliga"), max_length=20, choices=Publicity.choices, default=Publicity.IMMEDIATE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    closed_at = models.DateTimeField(_("stängd"), null=True, blank=True)

    objects = RemissQuerySet.as_manager()

    # What the ministry edits on the remiss's own form (the rest is set by the service: status, dates).
    EDITABLE_FIELDS = (
        "title",
        "reference",
        "reports",
        "missive",
        "deadline",
        "deadline_time",
        "consequence_questions",
        "late_policy",
        "publicity",
    )

    class Meta:
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            # Diarienummer are compared case-insensitively (Fi2018/1 and fi2018/1 are the same case).
            models.UniqueConstraint(Lower("reference"), "ministry", name="remiss_unique_reference_per_ministry")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def deadline_at(self) -> dt.datetime | None:
        return end_of_day(self.deadline, self.deadline_time) if self.deadline else None

    @property
    def accepts_answers(self) -> bool:
        return self.status in RemissStatus.ANSWERABLE

    @property
    def is_public(self) -> bool:
        return self.status in RemissStatus.PUBLIC

    def deadline_passed(self, now: dt.datetime | None = None) -> bool:
        return deadline_has_passed(self.deadline_at, now)

    def consequence_labels(self) -> list[tuple[str, str]]:
        labels = dict(ConsequenceQuestion.choices)
        return [(key, labels.get(key, key)) for key in self.consequence_questions]


def document_path(instance: Document, filename: str) -> str:
    return f"documents/{instance.remiss_id}/{uuid.uuid4().hex}.pdf"


class Document(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=document_path)
    original_name = models.CharField(_("filnamn"), max_length=255)
    size = models.PositiveBigIntegerField(_("storlek"), default=0)
    position = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("avsnitt"), max_length=30, blank=True)
    title = models.CharField(_("rubrik"), max_length=500)
    approximate = models.BooleanField(_("ungefärlig gruppering"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class ProposalKind(models.TextChoices):
    PROPOSAL = "förslag", _("Förslag")
    RECOMMENDATION = "rekommendation", _("Rekommendation")
    ASSESSMENT = "bedömning", _("Bedömning")


class Proposal(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="proposals")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("typ"), max_length=20, choices=ProposalKind.choices, default=ProposalKind.PROPOSAL)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(default=0, help_text=_("Ordning inom avsnittet."))

    class Meta:
        verbose_name = _("förslag")
        verbose_name_plural = _("förslag")
        ordering = ["section__position", "section_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.label} {self.text[:60]}"

    @property
    def label(self) -> str:
        """Display number such as '7.1.1 (2)': the section number and the item's place in it."""
        return f"{self.section.number} ({self.position + 1})".strip()


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("Inbjudan skickad")
    FAILED = "failed", _("Inbjudan misslyckades")
    NO_RECIPIENTS = "no_recipients", _("Ingen mottagare (inga medlemmar)")


class Recipient(models.Model):
    remiss = models.ForeignKey(Remiss, on_delete=models.CASCADE, related_name="recipients")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("remissinstans")
    )
    extended_deadline = models.DateField(_("förlängd svarsdag"), null=True, blank=True)
    extension_reason = models.CharField(_("skäl för förlängning"), max_length=500, blank=True)
    invited_at = models.DateTimeField(_("inbjuden"), null=True, blank=True)
    # Delivery of the invitation e-mail: the outcome of the latest attempt, per address.
    invitation_status = models.CharField(
        _("inbjudan"), max_length=20, choices=InvitationStatus.choices, blank=True, default=""
    )
    invitation_attempts = models.PositiveSmallIntegerField(_("försök att skicka inbjudan"), default=0)
    invitation_sent_count = models.PositiveIntegerField(_("inbjudningar skickade"), default=0)
    invitation_failed_addresses = models.JSONField(_("adresser som inte gick att nå"), default=list, blank=True)
    invitation_error = models.CharField(_("fel vid utskick"), max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("remissinstans")
        verbose_name_plural = _("remisslista")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["remiss", "organisation"], name="recipient_unique")]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def has_extension(self) -> bool:
        """An extension that still gives this recipient more time than the remiss's own deadline."""
        deadline = self.remiss.deadline
        return bool(self.extended_deadline and (deadline is None or self.extended_deadline > deadline))

    @property
    def extension_is_moot(self) -> bool:
        """An extension that the remiss's (later moved) deadline has overtaken: it no longer matters."""
        return bool(self.extended_deadline and not self.has_extension)

    @property
    def effective_deadline(self) -> dt.date | None:
        """The later of the remiss's deadline and this recipient's extension."""
        return self.extended_deadline if self.has_extension else self.remiss.deadline

    @property
    def deadline_at(self) -> dt.datetime | None:
        deadline = self.effective_deadline
        return end_of_day(deadline, self.remiss.deadline_time) if deadline else None

    def deadline_passed(self, now: dt.datetime | None = None) -> bool:
        """After this recipient's deadline (its extension included)."""
        return deadline_has_passed(self.deadline_at, now)
