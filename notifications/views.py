"""A person's choices for e-mail: shown on the profile page, saved here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import delivery
from .forms import NotificationPreferencesForm


@login_required
@require_POST
def preferences(request):
    form = NotificationPreferencesForm(request.POST, current=delivery.preferences(request.user))
    if form.is_valid():
        delivery.set_preferences(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Dina val för e-post har sparats."))
    else:
        messages.error(request, _("Valen kunde inte sparas. Välj ett av alternativen för varje slags meddelande."))
    return redirect("accounts:profile")
