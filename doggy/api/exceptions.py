"""One error shape for the whole API: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from doggy.core.errors import ApplicationError

from .parsers import RequestTooLarge


def _flatten(detail) -> str:
    if isinstance(detail, list) and detail:
        return _flatten(detail[0])
    if isinstance(detail, dict) and detail:
        return _flatten(next(iter(detail.values())))
    return str(detail)


def exception_handler(exc, context):
    response = _error_response(exc, context)
    if response is not None and response.status_code == status.HTTP_401_UNAUTHORIZED:
        _add_bearer_challenge(response, context.get("request"))
    return response


def _add_bearer_challenge(response: Response, request) -> None:
    """Every 401 carries the challenge of the default authentication class.

    Also when the view authenticates nobody (the sign-in routes) or a service raised the
    401, which DRF itself would leave without `WWW-Authenticate`.
    """
    if response.has_header("WWW-Authenticate"):
        return
    for authentication_class in api_settings.DEFAULT_AUTHENTICATION_CLASSES:
        header = authentication_class().authenticate_header(request)
        if header:
            response["WWW-Authenticate"] = header
            return


def _error_response(exc, context):
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
