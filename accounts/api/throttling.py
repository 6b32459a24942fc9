"""A cheap first layer in front of the sign-in routes (the real control is the lockout).

DRF's stock throttles identify anonymous clients by the raw X-Forwarded-For header when
`NUM_PROXIES` is unset, so a client could pick a new identity per request (RELIABILITY.md
F9). This one uses `doggy.core.request_context.client_ip`, which trusts X-Forwarded-For only
as far as `DOGGY_TRUSTED_PROXY_COUNT` allows. Rates are read per request, so a settings
change (or a test's override) applies at once.
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

from doggy.core.request_context import client_ip


class ClientIpScopedRateThrottle(ScopedRateThrottle):
    """`ScopedRateThrottle` keyed on the trusted client IP (and scope), never on XFF."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request._request if hasattr(request, "_request") else request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
