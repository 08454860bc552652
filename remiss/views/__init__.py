"""Views of the domain, one module per actor; the site-wide pages live here."""

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


def start(request):
    """A summary for each kind of user: the ministry's remisser, the organisation's open invitations
    and tasks, or (signed out) the open remisser."""
    from remiss import permissions
    from remiss.services import dashboard

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
def error_403(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
