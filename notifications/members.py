"""Mail to an organisation: its active members' addresses and its registry mailbox (funktionsbrevlåda)."""

from __future__ import annotations

from typing import Any

from accounts.models import Membership, Organisation

from .mail import SendResult, render_message, send_one


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
