"""The API's rate limit per client: django-ninja's cache-based throttle, keyed by the client address
the rest of the project trusts (``accounts.net.client_ip``), with the rate from settings."""

from __future__ import annotations

from django.conf import settings
from ninja.throttling import SimpleRateThrottle

from accounts.net import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    scope = "opendata_api"

    def get_rate(self):
        return settings.OPENDATA_API_RATE

    def allow_request(self, request):
        self.rate = self.get_rate()  # read per request, so a changed setting applies at once
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "unknown"}
