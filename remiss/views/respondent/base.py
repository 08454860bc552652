"""What every respondent page shares: the member check and the saved-at label."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

STASH_KEY = "answer_stash"


def saved_label(moment) -> str:
    return _("Sparat %(time)s") % {"time": timezone.localtime(moment).strftime("%H:%M")}


def member_view(view):
    """Sign-in required. A full-form POST that arrives after the session ended is kept in the new
    (anonymous) session, so signing in again brings the user back to the form with their text."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST" and "response_version" in request.POST and "pk" in kwargs:
                request.session[STASH_KEY] = {"pk": kwargs["pk"], "data": request.POST.dict()}
                messages.info(request, _("Din session hade gått ut. Logga in igen – texten du skrev finns kvar."))
                return redirect_to_login(reverse("respondent:form", args=[kwargs["pk"]]))
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
