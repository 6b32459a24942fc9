"""Project middleware."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
