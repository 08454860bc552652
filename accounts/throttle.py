"""Rate limits: per-client request budgets, sign-in failures per client address (beside django-axes' per-account
limit) and password reset requests.

Password reset requests are counted in the audit log, which records them anyway: no extra store, and
the count is the same on every web process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import audit
from .models import AuditEvent
from .net import client_ip

RESET_ACTION = "auth.password_reset_requested"
WINDOW = dt.timedelta(hours=1)


def _email_digest(email: str) -> str:
    # The address typed may not be anyone's: keep a digest, not the address, in the log.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def password_reset_throttled(request: HttpRequest, email: str) -> bool:
    recent = AuditEvent.objects.filter(action=RESET_ACTION, created_at__gte=timezone.now() - WINDOW)
    limit = settings.PASSWORD_RESET_RATE
    ip = client_ip(request)
    by_ip = recent.filter(ip_address=ip).count() if ip else 0
    by_email = recent.filter(data__email_sha256=_email_digest(email)).count()
    return by_ip >= limit or by_email >= limit


def record_password_reset(request: HttpRequest, email: str) -> None:
    audit.record(RESET_ACTION, request=request, data={"email_sha256": _email_digest(email)})


# --- Per-client request budgets (anonymous POSTs, the receipt check, sign-in failures) -------------
#
# Sliding-window counters in the cache (Redis in production, so the count is shared by every web
# process; the database cache on the embedded default). A rate is "COUNT/PERIOD" with the period in
# seconds or with a unit: "300/10m", "20/m", "30/15m", "1000/h".

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        count, _sep, period = text.strip().partition("/")
        period = period or "m"
        number, unit = (period[:-1], period[-1]) if period[-1] in _UNITS else (period, "s")
        return cls(int(count), int(number or 1) * _UNITS[unit])


def _used(scope: str, client: str, rate: Rate, *, count: bool = True) -> int:
    """Count one request (``count``) and return how many this client has made in the last period.

    A sliding-window estimate: this window's count plus the previous window's, weighted by how much of
    it still lies within the last period. Plain fixed windows let a client spend two budgets across a
    window boundary (and reset a lock-out at it)."""
    now = time.time()
    window = int(now // rate.seconds)
    key = f"rl:{settings.RATE_LIMIT_NAMESPACE}:{scope}:{client}:"
    current = _incr(key + str(window), 2 * rate.seconds + 5) if count else cache.get(key + str(window)) or 0
    previous = cache.get(key + str(window - 1)) or 0
    overlap = 1 - (now % rate.seconds) / rate.seconds
    return current + int(previous * overlap)


def _incr(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def over_budget(request: HttpRequest, scope: str, rate_text: str) -> bool:
    """Count this request against the client's budget ``rate_text`` for ``scope``; True when past it
    (the first refusal in a window is written to the audit log, not every one of a flood)."""
    rate = Rate.parse(rate_text)
    client = client_ip(request) or "unknown"
    if _used(scope, client, rate) <= rate.count:
        return False
    if cache.add(f"rl:{settings.RATE_LIMIT_NAMESPACE}:{scope}:{client}:audited", 1, rate.seconds):
        audit.record("throttle.rejected", request=request, data={"scope": scope})
    return True


def too_many_requests(request: HttpRequest, *, locked_out: bool = False) -> HttpResponse:
    template = "accounts/locked_out.html" if locked_out else "429.html"
    response = render(request, template, status=429)
    response["Retry-After"] = "60"
    return response


def rate_limit(scope: str, rate_setting: str, *, methods: tuple[str, ...] = ("POST",), anonymous_only: bool = True):
    """Decorator: at most ``settings.<rate_setting>`` requests per client address for this view, else a
    Swedish 429 page. Counts ``methods`` only, and only anonymous requests unless told otherwise.

        @rate_limit("receipt_check", "RECEIPT_CHECK_RATE")
        def verify(request, code): ...
    """

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            counted = request.method in methods and not (anonymous_only and request.user.is_authenticated)
            if counted and over_budget(request, scope, getattr(settings, rate_setting)):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class AnonymousPostRateLimitMiddleware:
    """Every POST from a client that is not signed in (sign-in, password reset, receipt check, any
    public form) counts against ``ANONYMOUS_POST_RATE`` per client address; past it, a Swedish 429.

    Also turns a sign-in refused because the client address has too many failures (see
    ``ClientLockoutBackend``) into the 429 lock-out page. Comes after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.user.is_authenticated:
            if over_budget(request, "anonymous_post", settings.ANONYMOUS_POST_RATE):
                return too_many_requests(request)
        response = self.get_response(request)
        if getattr(request, CLIENT_LOCKED_OUT, False):
            return too_many_requests(request, locked_out=True)
        return response


# --- Sign-in failures per client address, beside django-axes' per-account limit --------------------

CLIENT_LOCKED_OUT = "remiss_client_locked_out"


def record_signin_failure(request: HttpRequest | None) -> None:
    if request is not None and (client := client_ip(request)):
        _used("signin_failure", client, Rate.parse(settings.SIGNIN_FAILURE_RATE))


def client_locked_out(request: HttpRequest | None) -> bool:
    client = client_ip(request) if request is not None else None
    if not client:
        return False
    rate = Rate.parse(settings.SIGNIN_FAILURE_RATE)
    return _used("signin_failure", client, rate, count=False) >= rate.count


class ClientLockoutBackend:
    """Before ModelBackend in AUTHENTICATION_BACKENDS: refuses every sign-in (right password or not) from a client
    address that has had ``SIGNIN_FAILURE_RATE`` failures, whichever accounts it tried. Covers every
    sign-in form, the Django admin's included. It has no ``get_user``: it never signs anyone in, so
    sessions and the test client's force_login use the backend that did."""

    def authenticate(self, request, **credentials):
        if client_locked_out(request):
            setattr(request, CLIENT_LOCKED_OUT, True)
            audit.record("auth.client_locked_out", request=request)
            raise PermissionDenied
        return None
