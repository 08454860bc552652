"""Invitations, change notices and reminders to the remisslista; closing remisser at the deadline.

Thin tasks: take ids, re-fetch, call the services. Idempotent: ``Recipient.invited_at`` is set once,
at the first attempt, and the outcome per address is stored on the recipient (``invitation_status``);
the sweep retries failed addresses a limited number of times. A reminder is recorded in the audit
log before the next run looks for it.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs
from notifications.mail import render_message, send_one
from notifications.members import send_to_members
from remiss.models import Recipient, Remiss, RemissStatus
from remiss.selectors.claims import claim_context
from remiss.selectors.invitations import INVITATION_TEMPLATE, email_context, invitation_subject
from remiss.services import reminders
from remiss.services import remisser as services

logger = logging.getLogger(__name__)

__all__ = [
    "send_invitations",
    "retry_invitation",
    "invitation_sweep",
    "notify_remiss_changed",
    "notify_extension",
    "send_deadline_reminders",
    "close_expired_remisser",
]


def _context(remiss: Remiss, recipient: Recipient | None = None) -> dict:
    return email_context(remiss, recipient)


def _invite(recipient: Recipient, only: list[str] | None = None):
    """The invitation to the members, and to the registry address (with a claim link while the
    organisation has no administrator)."""
    remiss, organisation = recipient.remiss, recipient.organisation
    subject = invitation_subject(remiss)
    context = _context(remiss, recipient)
    result = send_to_members(organisation, subject, INVITATION_TEMPLATE, context, only=only, include_registry=False)
    registry = organisation.registry_email
    if registry and registry not in result.sent + result.failed and (only is None or registry in only):
        body = render_message(
            INVITATION_TEMPLATE,
            {**context, "organisation": organisation, "to_registry": True, **claim_context(recipient)},
        )
        send_one(registry, subject, body, result)
    reminders.record_invitation(
        recipient=recipient, sent=result.sent, failed=result.failed, error="; ".join(result.errors)
    )
    return result


@shared_task(name="remiss.send_invitations", soft_time_limit=600, time_limit=660, ignore_result=True)
def send_invitations(remiss_id: int) -> dict:
    """Invite every recipient not yet invited. One failing address does not stop the rest."""
    ids = list(
        Recipient.objects.filter(
            remiss_id=remiss_id, invited_at__isnull=True, remiss__status=RemissStatus.PUBLISHED
        ).values_list("pk", flat=True)
    )
    invited, failed = 0, 0
    for recipient_id in ids:
        with transaction.atomic():
            recipient = reminders.mark_invited(recipient_id=recipient_id)
            if recipient is None:
                continue
            result = _invite(recipient)
        invited += 1
        failed += len(result.failed)
    return {"invited": invited, "failed_addresses": failed}


@shared_task(name="remiss.retry_invitation", soft_time_limit=300, time_limit=330)
def retry_invitation(recipient_id: int) -> dict:
    """Send the invitation again to the addresses that failed last time (if attempts are left)."""
    with transaction.atomic():
        recipient = reminders.claim_invitation_retry(recipient_id=recipient_id)
        if recipient is None:
            return {"retried": False}
        result = _invite(recipient, only=list(recipient.invitation_failed_addresses))
    return {"retried": True, "sent": len(result.sent), "failed": len(result.failed)}


@shared_task(name="remiss.invitation_sweep")
def invitation_sweep() -> dict:
    """Re-enqueue invitations for published remisser with recipients not yet invited (lost jobs), and
    retry invitations that failed (up to ``MAX_INVITATION_ATTEMPTS`` attempts in all)."""
    remiss_ids = list(
        Remiss.objects.filter(status=RemissStatus.PUBLISHED, recipients__invited_at__isnull=True)
        .values_list("pk", flat=True)
        .distinct()
    )
    for remiss_id in remiss_ids:
        jobs.send("remiss.send_invitations", remiss_id)
    retries = reminders.recipients_to_retry()
    for recipient_id in retries:
        jobs.send("remiss.retry_invitation", recipient_id)
    return {"remisser": remiss_ids, "retried": retries}


@shared_task(name="remiss.notify_remiss_changed", ignore_result=True)
def notify_remiss_changed(remiss_id: int, description: str) -> int:
    remiss = Remiss.objects.filter(pk=remiss_id, status=RemissStatus.PUBLISHED).select_related("ministry").first()
    if remiss is None:
        return 0
    count = 0
    for recipient in remiss.recipients.filter(invited_at__isnull=False).select_related("organisation"):
        send_to_members(
            recipient.organisation,
            _("Ändring i remissen %(ref)s") % {"ref": remiss.reference},
            "remiss/email/changed.txt",
            {**_context(remiss, recipient), "description": description},
        )
        count += 1
    return count


@shared_task(name="remiss.notify_extension", ignore_result=True)
def notify_extension(recipient_id: int) -> bool:
    recipient = Recipient.objects.filter(pk=recipient_id).select_related("remiss__ministry", "organisation").first()
    if recipient is None or not recipient.remiss.accepts_answers:
        return False
    send_to_members(
        recipient.organisation,
        _("Ny svarsdag för remissen %(ref)s") % {"ref": recipient.remiss.reference},
        "remiss/email/extension.txt",
        _context(recipient.remiss, recipient),
    )
    return True


@shared_task(name="remiss.send_deadline_reminders", soft_time_limit=600, time_limit=660)
def send_deadline_reminders(today: str | None = None) -> int:
    """Remind recipients that have neither submitted nor declined, 14 and 3 days before their deadline.
    ``today`` (ISO date) is for tests and catching up; default is today in Europe/Stockholm."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    sent = 0
    for recipient, days in reminders.recipients_to_remind(day):
        with transaction.atomic():
            if reminders.reminder_sent(recipient, days):
                continue
            reminders.record_reminder(recipient=recipient, days=days)
            send_to_members(
                recipient.organisation,
                _("Påminnelse: remissvar om %(ref)s senast %(date)s")
                % {"ref": recipient.remiss.reference, "date": recipient.deadline_at.date().isoformat()},
                "remiss/email/reminder.txt",
                {**_context(recipient.remiss, recipient), "days": days},
            )
        sent += 1
    return sent


@shared_task(name="remiss.close_expired_remisser")
def close_expired_remisser() -> list[int]:
    return services.close_expired_remisser()
