"""Multi-factor sign-in (TOTP through django-otp, recovery codes as django-otp's static device).

Who must use a second factor is decided here and nowhere else:

- ministry staff, approvers and organisation administrators (any active membership with the role),
- Django admin users (``is_staff`` / ``is_superuser``),
- anyone who has set up a device although not required to (optional for everyone else).

``MFARequiredMiddleware`` keeps such a user, once signed in with a password but not yet verified, on
the pages listed in ``EXEMPT_URL_NAMES`` (setup, verification, sign-out). A new page that an
unverified user must reach (e.g. claiming an invitation) is added to that list or decorated with
``@mfa_exempt``.

Federated sign-in (OpenID Connect, docs/decisions/0005-sign-in.md) plugs in through
``mark_verified_by_identity_provider``: an identity provider that asserts a second factor satisfies the
requirement for that session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit

# URL names an unverified user who must use a second factor may still reach.
EXEMPT_URL_NAMES = frozenset(
    {
        "accounts:logout",
        "accounts:mfa_setup",
        "accounts:mfa_verify",
        "accounts:mfa_recovery_codes",
        "accessibility",
    }
)
# Session key set when an external identity provider vouched for a second factor (OIDC ``amr``/``acr``).
IDP_MFA_SESSION_KEY = "mfa_by_identity_provider"
RECOVERY_CODES_SESSION_KEY = "mfa_new_recovery_codes"
RECOVERY_CODE_COUNT = 10


def mfa_exempt(view: Callable) -> Callable:
    """Mark a view as reachable before the second factor (for pages such as accepting an invitation)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.mfa_exempt = True
    return wrapped


def role_requires_mfa(user, memberships: Iterable | None = None) -> bool:
    """True for Django admin users and for ministry staff, approvers and organisation administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    if memberships is None:
        memberships = user.memberships.filter(organisation__is_active=True)
    return any(m.is_ministry_staff or m.is_approver or m.is_org_admin for m in memberships)


def is_verified(request: HttpRequest) -> bool:
    user = request.user
    if getattr(user, "is_verified", None) and user.is_verified():
        return True
    return bool(request.session.get(IDP_MFA_SESSION_KEY))


def needs_second_factor(request: HttpRequest) -> bool:
    """Signed in with a password, must use a second factor, and has not yet in this session."""
    user = request.user
    if not user.is_authenticated or is_verified(request):
        return False
    return role_requires_mfa(user, getattr(request, "all_memberships", None)) or user_has_device(user)


def mark_verified_by_identity_provider(request: HttpRequest, *, provider: str) -> None:
    """For a federated sign-in whose identity provider asserted a second factor (see ADR 0005)."""
    request.session[IDP_MFA_SESSION_KEY] = provider
    audit.record(
        "auth.mfa_verified", actor=request.user, request=request, data={"method": "oidc", "provider": provider}
    )


class MFARequiredMiddleware:
    """Sends a user who still owes a second factor to verification (or setup, when there is no device).

    Must come after AuthenticationMiddleware, django-otp's OTPMiddleware and ActiveOrganisationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "mfa_exempt", False):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_URL_NAMES:
            return None
        if not needs_second_factor(request):
            return None
        target = "accounts:mfa_verify" if user_has_device(request.user) else "accounts:mfa_setup"
        if request.headers.get("HX-Request") or request.headers.get("Accept", "").startswith("application/json"):
            return HttpResponse(_("Du behöver verifiera inloggningen med din andra faktor."), status=401)
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


# --- Devices ---------------------------------------------------------------------------------------


def totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed device shown on the setup page; the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=False)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def has_recovery_codes(user) -> bool:
    return StaticToken.objects.filter(device__user=user).exists()


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Reservkoder"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_setup(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a first code; on success the session is verified and the new recovery
    codes are returned."""
    if not device.verify_token(token):
        audit.record("auth.mfa_failed", actor=request.user, request=request, data={"method": "totp", "step": "setup"})
        return None
    TOTPDevice.objects.filter(user=request.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(request.user)
    _login(request, device)
    audit.record("auth.mfa_setup", actor=request.user, request=request, data={"method": "totp"})
    return codes


class Throttled(Exception):
    """Too many wrong codes in a row: wait before the next try."""


def verify(request: HttpRequest, token: str) -> bool:
    """Check a TOTP code or a recovery code; record the outcome in the audit log."""
    token = "".join(token.split()).lower()
    if token.isdigit():
        device, method = totp_device(request.user), "totp"
    else:
        device, method = StaticDevice.objects.filter(user=request.user).first(), "recovery_code"
    if device is None:
        audit.record("auth.mfa_failed", actor=request.user, request=request, data={"method": method})
        return False
    outcome = _check_locked(device, token)
    if outcome == "throttled":
        audit.record("auth.mfa_throttled", actor=request.user, request=request, data={"method": method})
        raise Throttled
    if outcome == "failed":
        audit.record("auth.mfa_failed", actor=request.user, request=request, data={"method": method})
        return False
    _login(request, device)
    if method == "recovery_code":
        remaining = device.token_set.count()
        audit.record("auth.mfa_recovery_used", actor=request.user, request=request, data={"remaining": remaining})
    else:
        audit.record("auth.mfa_verified", actor=request.user, request=request, data={"method": method})
    return True


@transaction.atomic
def _check_locked(device, token: str) -> str:
    """The back-off check and the code check on the device row locked, so codes sent in parallel are
    counted one after the other: N wrong codes count N. Returns "ok", "failed" or "throttled"."""
    device = type(device).objects.select_for_update().get(pk=device.pk)
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        return "throttled"
    return "ok" if device.verify_token(token) else "failed"


def _login(request: HttpRequest, device) -> None:
    request.session.cycle_key()
    otp_login(request, device)
