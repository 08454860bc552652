"""Turns a refusal that no view caught into a message on the page the user came from."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from core.errors import ApplicationError


class ApplicationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, ApplicationError):
            return None
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"ok": False, "error": exception.message}, status=400)
        for message in exception.messages():
            messages.error(request, message)
        back = request.headers.get("Referer", "")
        safe = url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure())
        here = request.build_absolute_uri()
        return redirect(back if back and safe and back != here else "start")
