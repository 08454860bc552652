"""Stored notifications and each person's choice per kind of e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """What a person may be told by e-mail. The last two cannot be turned off."""

    TASK_ASSIGNED = "task_assigned", _("En uppgift har fördelats till mig")
    REVIEW_REQUESTED = "review_requested", _("Ett yttrande väntar på min granskning")
    CHANGES_REQUESTED = "changes_requested", _("Granskaren har begärt ändringar")
    APPROVED = "approved", _("Ett yttrande är godkänt och väntar på beslut")
    COMPILATION = "compilation", _("En sammanställning jag startat är klar eller misslyckades")
    RECEIPT = "receipt", _("Kvittens när yttrandet har skickats in")
    DEADLINE = "deadline", _("Påminnelse före sista svarsdag")


ALWAYS_SENT = (NotificationKind.RECEIPT, NotificationKind.DEADLINE)


class Frequency(models.TextChoices):
    NOW = "now", _("Direkt")
    DAILY = "daily", _("En sammanfattning per dag")
    NEVER = "never", _("Aldrig")


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("typ"), max_length=30, choices=NotificationKind.choices)
    frequency = models.CharField(_("när"), max_length=10, choices=Frequency.choices, default=Frequency.NOW)

    class Meta:
        db_table = "accounts_notificationpreference"  # the table the model had in the accounts app
        verbose_name = _("aviseringsval")
        verbose_name_plural = _("aviseringsval")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} – {self.get_frequency_display()}"


class Notification(models.Model):
    """One e-mail to one person, immediately or in the next daily digest; its delivery is recorded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("mottagare")
    )
    kind = models.CharField(_("typ"), max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(_("ämne"), max_length=300)
    body = models.TextField(_("text"))
    url = models.CharField(_("länk"), max_length=500, blank=True)
    digest = models.BooleanField(_("i daglig sammanfattning"), default=False)
    created_at = models.DateTimeField(_("skapad"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    error = models.CharField(_("fel vid utskick"), max_length=300, blank=True)

    class Meta:
        db_table = "accounts_notification"  # the table the model had in the accounts app
        verbose_name = _("avisering")
        verbose_name_plural = _("aviseringar")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "digest"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.user}"
