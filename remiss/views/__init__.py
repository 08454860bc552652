"""Views of the domain, one module per actor; the site-wide pages live here."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from remiss.selectors import dashboard

TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def start(request):
    """A summary for each kind of user: the ministry's remisser, the organisation's open invitations
    and tasks, or (signed out) the open remisser."""
    from remiss import permissions

    context = {}
    if permissions.staff_membership(request):
        context["ministry_remisser"] = dashboard.ministry_remisser(request)
    elif getattr(request, "membership", None):
        context.update(dashboard.respondent_summary(request))
    else:
        context["open_remisser"] = dashboard.public_open_remisser()
    return render(request, "start.html", context)


def accessibility(request):
    return render(request, "accessibility.html")


@requires_csrf_token
def error_400(request, exception=None):
    """Swedish 400, and 413 for a post over DATA_UPLOAD_MAX_MEMORY_SIZE or with too many fields. A
    script that asks for JSON (autosave) gets ``{"ok": false, "error": ...}`` it can show."""
    too_large = isinstance(exception, TOO_LARGE)
    status = 413 if too_large else 400
    limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    if "application/json" in request.headers.get("Accept", ""):
        if too_large:
            error = _("Texten är för stor för att sparas (högst %(limit)s). Korta den eller dela upp den.") % {
                "limit": limit
            }
        else:
            error = _("Förfrågan kunde inte behandlas.")
        return JsonResponse({"ok": False, "error": error, "too_large": too_large}, status=status)
    return render(request, "413.html" if too_large else "400.html", {"limit": limit}, status=status)


@requires_csrf_token
def error_403(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
