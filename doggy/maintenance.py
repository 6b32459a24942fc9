"""Maintenance mode: with `Platform.MaintenanceMode` on, the platform answers 503.

Exempt are the health checks (load balancers must keep probing them), the metrics, the Django admin
(staff switch the mode off there) and requests by platform staff, whether they come with
an admin session cookie or with a bearer token. Everyone else gets the API's one error
shape with status 503 and `Retry-After`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.settings import api_settings

from .core.permissions import PermissionName, actor_may
from .selectors import setting_bool

MAINTENANCE_SETTING = "Platform.MaintenanceMode"
EXEMPT_PREFIXES = ("/api/v1/health/", "/admin/", "/metrics")
RETRY_AFTER_SECONDS = 300


def _bearer_user(request: HttpRequest):
    """The user the API's default authentication classes find on `request`, else None.

    The same classes the API authenticates with (a bearer token), so this module needs
    no import of the app that implements them. Never raises.
    """
    for authentication_class in api_settings.DEFAULT_AUTHENTICATION_CLASSES:
        try:
            result = authentication_class().authenticate(request)
        except AuthenticationFailed:
            return None
        if result:
            return result[0]
    return None


def request_is_by_staff(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and actor_may(user, PermissionName.SYSTEM_ADMIN):
        return True
    return actor_may(_bearer_user(request), PermissionName.SYSTEM_ADMIN)


class MaintenanceModeMiddleware:
    """Answers 503 for every non-exempt route while maintenance mode is on.

    Place it after `AuthenticationMiddleware`, so admin sessions are recognised.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not request.path.startswith(EXEMPT_PREFIXES)
            and setting_bool(MAINTENANCE_SETTING, False)
            and not request_is_by_staff(request)
        ):
            response = JsonResponse(
                {
                    "error": {
                        "code": "maintenance",
                        "message": "The platform is down for maintenance; try again later.",
                        "fields": {},
                    }
                },
                status=503,
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return self.get_response(request)
