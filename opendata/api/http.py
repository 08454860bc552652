"""HTTP details of the API: ETag / conditional GET (Django's ConditionalGetMiddleware) and CORS.

Only paths under /api/ are touched. The API is read-only and public, so any origin may GET it;
credentials are never allowed cross-origin.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware

PREFIX = "/api/"
ALLOW_METHODS = "GET, HEAD, OPTIONS"


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOW_METHODS
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Accept"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    response["Access-Control-Max-Age"] = "86400"
    return response


class ApiHeadersMiddleware(ConditionalGetMiddleware):
    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            return _cors(HttpResponse(status=204))
        response = self.process_response(request, self.get_response(request))
        return _cors(response)
