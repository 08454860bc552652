"""The client's address and the sign-in name, the same for throttling (django-axes) and the audit log."""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest | None) -> str | None:
    """REMOTE_ADDR, or with ``TRUSTED_PROXY_COUNT`` = n the address the outermost of our n proxies saw.

    Only the entries our own proxies appended to X-Forwarded-For are trusted; anything to the left of
    them was written by the client and is ignored.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            candidate = hops[-count]
            try:
                return str(ip_address(candidate))
            except ValueError:
                return remote
    return remote


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The e-mail address as the account knows it: trimmed and lower-case."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    value = (credentials or {}).get(field) or request.POST.get(field)
    return value.strip().lower() if isinstance(value, str) else value
