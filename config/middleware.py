"""Request-level guards that must hold the same with DEBUG on (``make run``) as in production."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig


class TooLargeFormPostMiddleware:
    """A form-encoded POST over DATA_UPLOAD_MAX_MEMORY_SIZE gets the Swedish 413 (JSON for autosave)
    before anything reads it. Django would raise RequestDataTooBig on reading, which production turns
    into the same answer through handler400, but DEBUG into a technical page autosave cannot read.
    Multipart posts are left to Django: their file parts do not count against that limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if (
            request.method == "POST"
            and limit is not None
            and request.content_type == "application/x-www-form-urlencoded"
            and _content_length(request) > limit
        ):
            from remiss.views import error_400

            return error_400(request, RequestDataTooBig())
        return self.get_response(request)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
