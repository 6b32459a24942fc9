"""Project middleware."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware import common
from rest_framework.response import Response

from .api.handlers import api_error_for_status, is_api_request
from .core.request_context import (
    client_ip,
    correlation_id_for,
    reset_current_request,
    set_current_request,
)


class RequestContextMiddleware:
    """Binds the request to the current context and tags it with a correlation id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.correlation_id = correlation_id_for(request)
        request.client_ip = client_ip(request)
        token = set_current_request(request)
        try:
            response = self.get_response(request)
        finally:
            reset_current_request(token)
        response["X-Request-ID"] = request.correlation_id
        return response


class ApiErrorMiddleware:
    """Under /api/, no error leaves as an HTML page: it becomes the one JSON error shape.

    The error handlers (doggy.api.handlers) already answer in JSON; this catches what
    bypasses them: Django's technical 404/500 pages while DEBUG is on, the CSRF failure
    view, and any other plain HttpResponse error. Responses of DRF views are left alone
    (they are JSON, or whatever the client negotiated). Headers such as X-Request-ID,
    Allow or Retry-After are kept. Place it first, so that it sees every response.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not is_api_request(request)
            or isinstance(response, Response)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        replacement = api_error_for_status(request, response.status_code)
        for header, value in response.items():
            if header.lower() not in ("content-type", "content-length"):
                replacement[header] = value
        return replacement


class CommonMiddleware(common.CommonMiddleware):
    """Django's CommonMiddleware, except that APPEND_SLASH leaves /api/ alone.

    Redirecting `POST /api/v1/dogs` to `/api/v1/dogs/` would make clients re-send it as
    a GET without its body (and with DEBUG on Django raises instead); the API answers a
    JSON 404 naming the route with its slash (doggy.api.handlers).
    """

    def should_redirect_with_slash(self, request: HttpRequest) -> bool:
        if is_api_request(request):
            return False
        return super().should_redirect_with_slash(request)
