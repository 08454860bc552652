"""Claim links in the invitation to a registry address: valid until the remiss's last
deadline plus 30 days, leading to the organisation's answer once the first account exists."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.services import invitations
from remiss.deadlines import last_deadline
from remiss.models import Recipient, Response

CLAIM_DAYS_AFTER_DEADLINE = 30


def claim_expiry(recipient: Recipient) -> dt.datetime:
    latest = last_deadline(recipient.remiss) or timezone.now()
    return max(latest, recipient.deadline_at or latest) + dt.timedelta(days=CLAIM_DAYS_AFTER_DEADLINE)


def claim_context(recipient: Recipient) -> dict:
    """A new claim link for the invitation to the registry address, while the organisation has no
    administrator; otherwise nothing (the members are invited themselves)."""
    organisation = recipient.organisation
    if not organisation.registry_email or invitations.has_administrator(organisation):
        return {}
    response = Response.objects.filter(recipient=recipient).first()
    next_path = reverse("respondent:form", args=[response.pk]) if response else reverse("respondent:inbox")
    claim, token = invitations.create_claim(
        organisation=organisation, expires_at=claim_expiry(recipient), next_path=next_path
    )
    return {
        "claim_url": settings.SITE_URL + reverse("accounts:invitation", args=[token]),
        "claim_expires": timezone.localtime(claim.expires_at),
    }
