"""Maintenance mode and feature flags: the platform, or one area of it, answers 503.

With `Platform.MaintenanceMode` on, the whole platform answers 503. Exempt are the health
checks (load balancers must keep probing them), the public status page of open incidents,
the metrics, the Django admin (staff switch the mode off there) and requests by platform
staff, whether they come with an admin session cookie or with a bearer token. Everyone
else gets the API's one error shape with status 503 and `Retry-After`.

With an area's flag off (`Features.<Area>.Enabled`, doggy.choices.FeatureArea), the API
views of that area answer 503 `feature_disabled` with `Retry-After`, for everyone: a view
belongs to an area by its `feature_area` class attribute. Switching a flag is
`doggy.services.feature_flag_set`; `plan migrate --flags-off` uses it for the window of
a phase's deployment. The admin hides the area's screens (FeatureAreaAdminMixin).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.settings import api_settings

from .choices import FeatureArea
from .core.permissions import PermissionName, actor_may
from .selectors import platform_switches

# The request attribute holding the PlatformSwitches read by MaintenanceModeMiddleware.
SWITCHES_ATTR = "platform_switches"
EXEMPT_PREFIXES = ("/api/v1/health/", "/api/v1/status/", "/admin/", "/metrics")
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


def _unavailable(code: str, message: str) -> JsonResponse:
    response = JsonResponse({"error": {"code": code, "message": message, "fields": {}}}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def view_feature_area(view_func) -> str | None:
    """The feature area a view belongs to: `feature_area` on its (DRF) class or itself."""
    cls = getattr(view_func, "cls", None) or getattr(view_func, "view_class", None)
    return getattr(cls, "feature_area", None) or getattr(view_func, "feature_area", None)


class FeatureFlagMiddleware:
    """Answers 503 `feature_disabled` for the views of an area whose flag is off."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        area = view_feature_area(view_func)
        if area is None:
            return None
        # Read with maintenance mode by MaintenanceModeMiddleware (not on its exempt paths).
        switches = getattr(request, SWITCHES_ATTR, None) or platform_switches()
        if switches.feature_enabled(area):
            return None
        label = FeatureArea(area).label
        return _unavailable(
            "feature_disabled", f"{label} is switched off for a moment; try again later."
        )


class MaintenanceModeMiddleware:
    """Answers 503 for every non-exempt route while maintenance mode is on.

    Place it after `AuthenticationMiddleware`, so admin sessions are recognised.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(EXEMPT_PREFIXES):
            return self.get_response(request)
        switches = platform_switches()
        setattr(request, SWITCHES_ATTR, switches)
        if switches.maintenance and not request_is_by_staff(request):
            return _unavailable(
                "maintenance", "The platform is down for maintenance; try again later."
            )
        return self.get_response(request)
