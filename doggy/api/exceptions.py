"""One error shape for the whole API: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

from doggy.error_codes import PlatformErrorCode
from doggy.errors import ApplicationError


class RequestTooLarge(exceptions.APIException):
    """The body is larger than `DATA_UPLOAD_MAX_MEMORY_SIZE` (413)."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = PlatformErrorCode.REQUEST_TOO_LARGE.value

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(f"The request body is larger than {limit} bytes.")


class JsonTooDeep(exceptions.ParseError):
    """The JSON body nests arrays and objects deeper than `DOGGY_JSON_MAX_DEPTH` (400)."""

    default_code = PlatformErrorCode.JSON_TOO_DEEP.value

    def __init__(self):
        limit = settings.DOGGY_JSON_MAX_DEPTH
        super().__init__(f"The JSON body is nested deeper than {limit} levels.")


def _flatten(detail) -> str:
    if isinstance(detail, list) and detail:
        return _flatten(detail[0])
    if isinstance(detail, dict) and detail:
        return _flatten(next(iter(detail.values())))
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        body = {"error": {"code": exc.code, "message": exc.message, "fields": exc.fields}}
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        # Django refuses to read a body over DATA_UPLOAD_MAX_MEMORY_SIZE (request.body,
        # JSON, form and multipart fields alike): the client sent too much, a 413.
        exc = RequestTooLarge()

    # Imported here: rest_framework.views reads DEFAULT_PARSER_CLASSES when it loads, and
    # that setting names doggy.api.parsers, which imports this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        fields = {
            k: [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in detail.items()
        }
        body = {
            "error": {
                "code": "invalid",
                "message": _flatten(exc.detail) or "Invalid input.",
                "fields": fields,
            }
        }
        response.data = body
        response.status_code = status.HTTP_400_BAD_REQUEST
        return response
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.APIException) and isinstance(exc.detail, exceptions.ErrorDetail):
        code = exc.detail.code or code
    response.data = {
        "error": {
            "code": code,
            "message": _flatten(response.data.get("detail", response.data))
            if isinstance(response.data, dict)
            else _flatten(response.data),
            "fields": {},
        }
    }
    return response
