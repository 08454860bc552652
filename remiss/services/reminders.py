"""Invitations and reminders as the tasks send them: what is due, and recording what went out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts import audit
from accounts.models import AuditEvent
from remiss.models import (
    InvitationStatus,
    Recipient,
    RemissStatus,
    ResponseStatus,
)
from remiss.services.remisser import MAX_INVITATION_ATTEMPTS

REMINDER_DAYS = (14, 3)


@transaction.atomic
def mark_invited(*, recipient_id: int) -> Recipient | None:
    """Claim a recipient's first invitation: set ``invited_at`` once (the time of the first attempt).
    Returns the locked recipient if it still needs an invitation, else None. The outcome of sending
    is stored by ``record_invitation``."""
    recipient = (
        Recipient.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("remiss", "organisation")
        .filter(pk=recipient_id, invited_at__isnull=True, remiss__status=RemissStatus.PUBLISHED)
        .first()
    )
    if recipient is None:
        return None
    recipient.invited_at = timezone.now()
    recipient.save(update_fields=["invited_at"])
    return recipient


def _retryable_invitations():
    """Recipients of published remisser whose invitation failed, with attempts left."""
    return Recipient.objects.filter(
        remiss__status=RemissStatus.PUBLISHED,
        invitation_status=InvitationStatus.FAILED,
        invitation_attempts__lt=MAX_INVITATION_ATTEMPTS,
    )


@transaction.atomic
def claim_invitation_retry(*, recipient_id: int) -> Recipient | None:
    """Lock a recipient whose invitation failed and may be tried again; None if not (any more)."""
    return (
        _retryable_invitations()
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("remiss", "organisation")
        .filter(pk=recipient_id)
        .first()
    )


def recipients_to_retry() -> list[int]:
    """The ids the sweep queues a retry for."""
    return list(_retryable_invitations().values_list("pk", flat=True))


def record_invitation(*, recipient: Recipient, sent: Sequence[str], failed: Sequence[str], error: str = "") -> None:
    """Store the outcome of one attempt to send the invitation: per address, failed ones kept for a retry."""
    recipient.invitation_attempts += 1
    recipient.invitation_sent_count += len(sent)
    recipient.invitation_failed_addresses = list(failed)
    recipient.invitation_error = error[:500] if failed else ""
    if failed:
        recipient.invitation_status = InvitationStatus.FAILED
    elif recipient.invitation_sent_count:
        recipient.invitation_status = InvitationStatus.SENT
    else:
        recipient.invitation_status = InvitationStatus.NO_RECIPIENTS
    recipient.save(
        update_fields=[
            "invitation_attempts",
            "invitation_sent_count",
            "invitation_failed_addresses",
            "invitation_error",
            "invitation_status",
        ]
    )
    if failed:
        audit.record(
            "recipient.invitation_failed",
            organisation=recipient.remiss.ministry,
            obj=recipient,
            data={
                "remiss": recipient.remiss_id,
                "attempt": recipient.invitation_attempts,
                "failed": len(failed),
                "sent": len(sent),
                "final": recipient.invitation_attempts >= MAX_INVITATION_ATTEMPTS,
            },
            actor_label="system",
        )


def reminder_due(recipient: Recipient, today: dt.date) -> int | None:
    """The reminder (days before the deadline) this recipient should get today, if any."""
    deadline = recipient.effective_deadline
    if not deadline or not recipient.invited_at:
        return None
    days_left = (deadline - today).days
    if days_left < 0:
        return None
    invited = timezone.localdate(recipient.invited_at)
    for days in sorted(REMINDER_DAYS):
        if days_left <= days:
            if (deadline - invited).days <= days or reminder_sent(recipient, days):
                return None
            return days
    return None


def reminder_sent(recipient: Recipient, days: int) -> bool:
    return AuditEvent.objects.filter(
        action="recipient.reminded", object_type="remiss.recipient", object_id=str(recipient.pk), data__days=days
    ).exists()


def recipients_to_remind(today: dt.date) -> list[tuple[Recipient, int]]:
    """Recipients who have neither submitted nor declined and are due a reminder: of published
    remisser, and of closed ones when the recipient has an extension that is still running."""
    running = Q(remiss__status=RemissStatus.PUBLISHED) | Q(
        remiss__status=RemissStatus.CLOSED, extended_deadline__gte=today
    )
    candidates = (
        Recipient.objects.filter(running, invited_at__isnull=False)
        .exclude(response__status__in=ResponseStatus.FINAL)
        .exclude(response__submissions__isnull=False)  # answered once; a correction is under way
        .select_related("remiss__ministry", "organisation")
        .distinct()
    )
    due = []
    for recipient in candidates:
        days = reminder_due(recipient, today)
        if days is not None:
            due.append((recipient, days))
    return due


def record_reminder(*, recipient: Recipient, days: int) -> None:
    audit.record(
        "recipient.reminded",
        organisation=recipient.remiss.ministry,
        obj=recipient,
        data={"days": days, "remiss": recipient.remiss_id},
        actor_label="system",
    )
