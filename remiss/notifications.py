"""E-mail to an organisation's members: one message per address, failures logged, never fatal.

Every feature sends mail through ``send_to_members`` (ruff bans ``send_mail``), so one bad address
never stops the rest and every failure is in the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import Membership, Organisation

logger = logging.getLogger(__name__)


@dataclass
class SendResult:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def member_addresses(
    organisation: Organisation, roles: list[str] | None = None, *, include_registry: bool = True
) -> list[str]:
    """Active members' addresses (optionally only those holding one of ``roles``, e.g. ``["is_approver"]``)
    and the organisation's registry address (funktionsbrevlåda), without duplicates."""
    memberships = Membership.objects.filter(organisation=organisation, user__is_active=True).select_related("user")
    addresses: list[str] = []
    for membership in memberships:
        if roles and not any(getattr(membership, role, False) for role in roles):
            continue
        addresses.append(membership.user.email)
    if organisation.registry_email and not roles and include_registry:
        addresses.append(organisation.registry_email)
    seen: set[str] = set()
    return [a for a in addresses if a and not (a.lower() in seen or seen.add(a.lower()))]


def render_message(template: str, context: dict[str, Any]) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, {"site_url": settings.SITE_URL, **context})


def send_one(address: str, subject: str, body: str, result: SendResult, *, html: str | None = None) -> bool:
    """Send one message; a failure is logged and noted in ``result``, never raised."""
    subject = " ".join(str(subject).split())
    try:
        message = EmailMultiAlternatives(subject=subject, body=body, to=[address])
        if html:
            message.attach_alternative(html, "text/html")
        message.send()
    except Exception as error:
        logger.exception("mail to %s failed: %s", address, subject)
        result.failed.append(address)
        result.errors.append(f"{type(error).__name__}: {error}"[:200])
        return False
    result.sent.append(address)
    return True


def send_to_members(
    organisation: Organisation,
    subject: str,
    template: str,
    context: dict[str, Any],
    *,
    roles: list[str] | None = None,
    only: list[str] | None = None,
    include_registry: bool = True,
) -> SendResult:
    """Render ``template`` (plain text) and send it to every member of ``organisation``, one message per
    address. A failing address is logged and skipped; the rest are still sent. ``only`` limits the
    sending to those of the members' addresses (a retry of the ones that failed)."""
    result = SendResult()
    body = render_message(template, {"organisation": organisation, **context})
    addresses = member_addresses(organisation, roles, include_registry=include_registry)
    if only is not None:
        wanted = {a.lower() for a in only}
        addresses = [a for a in addresses if a.lower() in wanted]
    for address in addresses:
        send_one(address, subject, body, result)
    return result
