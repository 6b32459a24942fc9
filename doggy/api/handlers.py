"""Django's error views, answering in the API's one error shape under /api/.

DRF views turn their own exceptions into `{"error": {…}}` (doggy.api.exceptions). What
Django answers before or around a view (a path that matches no route, a refused host, a
body Django will not read, an unhandled exception) goes through `handler400/403/404/500`
instead (doggy.urls): under /api/ these answer in JSON, elsewhere (the admin) they are
Django's own HTML pages. With DEBUG on Django shows its technical pages without asking
the handlers; `doggy.middleware.ApiErrorMiddleware` turns those into the same JSON.
"""

from __future__ import annotations

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.urls import get_urlconf, is_valid_path
from django.views import defaults

from doggy.core.error_codes import PlatformErrorCode

API_PREFIX = "/api/"

_CODES = {
    400: PlatformErrorCode.BAD_REQUEST,
    403: PlatformErrorCode.PERMISSION_DENIED,
    404: PlatformErrorCode.NOT_FOUND,
    405: PlatformErrorCode.METHOD_NOT_ALLOWED,
    413: PlatformErrorCode.REQUEST_TOO_LARGE,
    500: PlatformErrorCode.SERVER_ERROR,
}
_MESSAGES = {
    400: "The request could not be understood.",
    403: "You do not have permission to perform this action.",
    405: "This method is not allowed here.",
    500: "An unexpected error occurred; it has been logged.",
}


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def error_response(status: int, code: PlatformErrorCode, message: str) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code.value, "message": message, "fields": {}}}, status=status
    )


def _not_found_message(request: HttpRequest) -> str:
    message = "No API route matches this path."
    path = request.path_info
    # APPEND_SLASH does not redirect under /api/ (a redirect turns a POST into a GET and
    # drops its body); the answer names the route instead.
    if not path.endswith("/") and is_valid_path(f"{path}/", get_urlconf()):
        message += f" Did you mean {request.path}/ (with the trailing slash)?"
    return message


def api_error_for_status(request: HttpRequest, status: int) -> JsonResponse:
    """The JSON answer for `status` when nothing more specific is known."""
    if status == 404:
        return error_response(404, PlatformErrorCode.NOT_FOUND, _not_found_message(request))
    if status == 413:
        return _too_large()
    default = PlatformErrorCode.SERVER_ERROR if status >= 500 else PlatformErrorCode.BAD_REQUEST
    message = _MESSAGES.get(status) or f"{_phrase(status)}."
    return error_response(status, _CODES.get(status, default), message)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _too_large() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error_response(
        413, PlatformErrorCode.REQUEST_TOO_LARGE, f"The request body is larger than {limit} bytes."
    )


def bad_request(request: HttpRequest, exception: Exception):
    if not is_api_request(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return _too_large()
    return api_error_for_status(request, 400)


def permission_denied(request: HttpRequest, exception: Exception):
    if not is_api_request(request):
        return defaults.permission_denied(request, exception)
    return api_error_for_status(request, 403)


def page_not_found(request: HttpRequest, exception: Exception):
    if not is_api_request(request):
        return defaults.page_not_found(request, exception)
    return api_error_for_status(request, 404)


def server_error(request: HttpRequest):
    if not is_api_request(request):
        return defaults.server_error(request)
    return api_error_for_status(request, 500)
