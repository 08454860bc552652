"""The API's rate limit per client: the project's per-client budget (``accounts.throttle``, a
fixed window in the shared cache, keyed by ``accounts.net.client_ip``) as a django-ninja throttle,
so the API answers 429 with its own Swedish JSON message."""

from __future__ import annotations

from django.conf import settings
from ninja.throttling import BaseThrottle

from accounts.throttle import Rate, over_budget

SCOPE = "opendata_api"


class ClientRateThrottle(BaseThrottle):
    def allow_request(self, request) -> bool:
        self.seconds = Rate.parse(settings.OPENDATA_API_RATE).seconds
        return not over_budget(request, SCOPE, settings.OPENDATA_API_RATE)

    def wait(self) -> float:
        return float(getattr(self, "seconds", 60))
