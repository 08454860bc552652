"""Views of the domain, one module per actor; the site-wide pages live here."""

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


def start(request):
    return render(request, "start.html")


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
