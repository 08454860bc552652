"""Second-factor pages: set up an authenticator app, verify at sign-in, see new recovery codes."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts import mfa
from accounts.forms import OneTimeCodeForm


def _next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse("start")


def _to(name: str, next_url: str):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


def _qr_svg(text: str) -> str:
    """The QR code as inline SVG, drawn on the server (no script, no external image)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="mfa-qr" ', 1))


@login_required
def setup(request):
    if mfa.totp_device(request.user) is not None:
        if not mfa.is_verified(request):
            return _to("accounts:mfa_verify", _next_url(request))
        return _manage(request)
    device = mfa.pending_totp_device(request.user)
    form = OneTimeCodeForm(request.POST or None, help_text=_("Sex siffror från appen."))
    if request.method == "POST" and form.is_valid():
        codes = mfa.confirm_setup(request, device, form.cleaned_data["code"].replace(" ", ""))
        if codes is not None:
            request.session[mfa.RECOVERY_CODES_SESSION_KEY] = codes
            return _to("accounts:mfa_recovery_codes", _next_url(request))
        form.add_error("code", _("Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen."))
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "next": _next_url(request),
        "required": mfa.role_requires_mfa(request.user, request.all_memberships),
    }
    return render(request, "accounts/mfa_setup.html", context)


def _manage(request):
    """A verified user with an app: make new recovery codes."""
    if request.method == "POST" and request.POST.get("action") == "recovery_codes":
        request.session[mfa.RECOVERY_CODES_SESSION_KEY] = mfa.new_recovery_codes(request.user)
        mfa.audit.record("auth.mfa_recovery_codes_renewed", actor=request.user, request=request)
        return redirect("accounts:mfa_recovery_codes")
    return render(request, "accounts/mfa_manage.html", {"remaining": mfa.recovery_codes_left(request.user)})


@login_required
def verify(request):
    next_url = _next_url(request)
    if mfa.is_verified(request):
        return redirect(next_url)
    if mfa.totp_device(request.user) is None and not mfa.has_recovery_codes(request.user):
        return _to("accounts:mfa_setup", next_url)
    form = OneTimeCodeForm(
        request.POST or None, help_text=_("Sex siffror från autentiseringsappen, eller en av dina reservkoder.")
    )
    if request.method == "POST" and form.is_valid():
        try:
            if mfa.verify(request, form.cleaned_data["code"]):
                return redirect(next_url)
            form.add_error("code", _("Koden stämmer inte. Försök igen med en ny kod."))
        except mfa.Throttled:
            form.add_error("code", _("För många felaktiga koder i rad. Vänta en stund och försök sedan igen."))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": next_url})


@login_required
def recovery_codes(request):
    codes = request.session.pop(mfa.RECOVERY_CODES_SESSION_KEY, None)
    if codes is None:
        messages.info(
            request, _("Reservkoderna visas bara en gång. Du kan skapa nya på sidan för tvåstegsverifiering.")
        )
        return redirect(_next_url(request))
    return render(request, "accounts/mfa_recovery_codes.html", {"codes": codes, "next": _next_url(request)})
