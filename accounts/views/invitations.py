"""Pages behind invitation links: claiming an organisation (from its registry address) and
activating an invited account. Anonymous by nature: the link is the credential, single-use."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts import audit
from accounts.forms import ActivationForm, ClaimForm
from accounts.mfa import mfa_exempt
from accounts.middleware import ACTIVE_ORG_SESSION_KEY
from accounts.models import InvitationKind, Membership
from accounts.services import invitations
from core.errors import ApplicationError

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _page(request, template: str, context: dict, status: int = 200):
    return render(request, f"accounts/invitation/{template}", context, status=status)


@mfa_exempt
def invitation(request, token: str):
    item = invitations.find(token)
    reason = invitations.problem(item)
    if reason:
        audit.record(
            "invitation.refused",
            actor=request.user,
            organisation=item.organisation if item else None,
            obj=item,
            request=request,
            data={"reason": reason[:200]},
        )
        return _page(request, "refused.html", {"reason": reason}, status=404 if item is None else 410)
    if request.user.is_authenticated:
        if Membership.objects.filter(user=request.user, organisation=item.organisation).exists():
            return redirect("start")
        return _page(request, "signed_in.html", {"invitation": item}, status=409)
    if item.kind == InvitationKind.CLAIM:
        return _claim(request, item)
    return _activate(request, item)


def _claim(request, claim):
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.start_claim(claim=claim, request=request, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.field, str(error))
        else:
            # the same page whether or not the address already had an account (no account oracle)
            return _page(request, "check_email.html", {"email": form.cleaned_data["email"]})
    context = {"form": form, "organisation": claim.organisation, "claim": claim}
    return _page(request, "claim.html", context, status=400 if form.errors else 200)


def _activate(request, item):
    initial = {"full_name": item.full_name, "title": item.title}
    form = ActivationForm(request.POST or None, initial=initial, email=item.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitations.activate(
                invitation=item,
                full_name=data["full_name"],
                title=data["title"],
                password=data["password1"],
                request=request,
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend=BACKEND)
            request.session[ACTIVE_ORG_SESSION_KEY] = item.organisation_id
            messages.success(
                request,
                _("Välkommen! Ditt konto för %(org)s är klart.") % {"org": item.organisation.name},
            )
            target = item.next_path
            if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
                target = "start"
            return redirect(target or "start")
    context = {"form": form, "invitation": item, "organisation": item.organisation}
    return _page(request, "activate.html", context, status=400 if form.errors else 200)
