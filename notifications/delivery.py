"""Each person's choice per kind, the Notification rows, sending them (plain text and HTML) and the
daily digest."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from accounts.models import User

from .mail import deliver
from .models import ALWAYS_SENT, Frequency, Notification, NotificationPreference

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass
class Message:
    """What the domain wants one person told: the kind decides whether it goes now, daily or never."""

    user: User
    kind: str
    subject: str
    body: str
    url: str


def frequency(user: User, kind: str) -> str:
    if kind in ALWAYS_SENT:
        return Frequency.NOW
    chosen = NotificationPreference.objects.filter(user=user, kind=kind).values_list("frequency", flat=True).first()
    return chosen or Frequency.NOW


def preferences(user: User) -> dict[str, str]:
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return chosen


def set_preferences(*, user: User, choices: dict[str, str]) -> None:
    for kind, value in choices.items():
        if kind in ALWAYS_SENT or value not in Frequency.values:
            continue
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"frequency": value})


def queue(messages: list[Message]) -> list[int]:
    """Store the messages; return the ids to send now (the rest wait for the digest or are dropped)."""
    now_ids = []
    for message in messages:
        how = frequency(message.user, message.kind)
        if how == Frequency.NEVER:
            continue
        notification = Notification.objects.create(
            user=message.user,
            kind=message.kind,
            subject=message.subject[:300],
            body=message.body,
            url=message.url[:500],
            digest=how == Frequency.DAILY,
        )
        if how == Frequency.NOW:
            now_ids.append(notification.pk)
    return now_ids


def _send(to: str, subject: str, body: str, items: list[Notification]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("remiss/email/notify/message.html", {"subject": subject, "items": items})
    deliver(to, subject, body, html=html)


def _record(items: list[Notification], error: Exception | None) -> None:
    now = timezone.now()
    for item in items:
        item.attempts += 1
        item.error = f"{type(error).__name__}: {error}"[:300] if error else ""
        item.sent_at = None if error else now
        item.save(update_fields=["attempts", "error", "sent_at"])


@transaction.atomic
def send(notification_id: int) -> bool | None:
    """Send one notification; True sent, None nothing to do, False failed (the task retries)."""
    item = (
        Notification.objects.select_for_update(skip_locked=True)
        .select_related("user")
        .filter(pk=notification_id, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .first()
    )
    if item is None or not item.user.is_active:
        return None
    try:
        _send(item.user.email, item.subject, item.body, [item])
    except Exception as error:
        logger.exception("notification %s to %s failed", item.pk, item.user.email)
        _record([item], error)
        return False
    _record([item], None)
    return True


def send_digests() -> int:
    """One e-mail per person with everything waiting for their daily digest."""
    sent = 0
    users = set(Notification.objects.filter(digest=True, sent_at__isnull=True).values_list("user_id", flat=True))
    for user in User.objects.filter(pk__in=users, is_active=True):
        with transaction.atomic():
            items = list(
                Notification.objects.select_for_update(skip_locked=True)
                .filter(user=user, digest=True, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
                .order_by("created_at")
            )
            if not items:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                subject = ngettext(
                    "Remiss: dagens sammanfattning (%(n)d händelse)",
                    "Remiss: dagens sammanfattning (%(n)d händelser)",
                    len(items),
                ) % {"n": len(items)}
                body = "\n\n".join(f"{i.subject}\n{'-' * len(i.subject)}\n{i.body.strip()}" for i in items)
            try:
                _send(user.email, subject, body, items)
            except Exception as error:
                logger.exception("digest to %s failed", user.email)
                _record(items, error)
                continue
            _record(items, None)
            sent += 1
    return sent
