"""Per-request account state: session limits and the active organisation."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .models import Membership

ACTIVE_ORG_SESSION_KEY = "active_organisation_id"


class SessionLimitsMiddleware:
    """Ends a session that has lasted longer than SESSION_ABSOLUTE_SECONDS since sign-in.

    The idle limit is SESSION_COOKIE_AGE, refreshed at most once a minute by real requests.
    A POST that arrives after the limit is signed out and then handled as an anonymous request,
    exactly like one whose session expired while idle: the view decides what to keep (the answer
    form keeps the posted text, so signing in again brings it back; autosave answers 401).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.get("auth_started", now)
            if now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                if request.headers.get("HX-Request"):
                    from django.http import HttpResponse

                    return HttpResponse(_("Din session har gått ut. Logga in igen."), status=401)
                if request.method == "POST":
                    return self.get_response(request)
                messages.info(request, _("Din session har gått ut. Logga in igen för att fortsätta."))
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
            if now - request.session.get("last_seen", 0) > 60:
                request.session["last_seen"] = now
        return self.get_response(request)


def memberships_for(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user, organisation__is_active=True).select_related("organisation"))


def active_membership(request) -> Membership | None:
    memberships = request.all_memberships
    if not memberships:
        return None
    wanted = request.session.get(ACTIVE_ORG_SESSION_KEY)
    for membership in memberships:
        if membership.organisation_id == wanted:
            return membership
    return memberships[0]


class ActiveOrganisationMiddleware:
    """Sets ``request.membership`` and ``request.organisation`` (one query, signed-in users only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.all_memberships = memberships_for(request.user)
        request.membership = active_membership(request)
        request.organisation = request.membership.organisation if request.membership else None
        return self.get_response(request)
