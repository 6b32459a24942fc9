"""The OpenAPI schema documents every status an operation can really answer.

Views declare their own success bodies and the errors their services raise (409, 402, a
domain 403 or 404). The errors that come from the framework around the view are the same
for every operation of a kind, so they are added here, in the one error shape, from what
the view is made of:

- 400 when the operation takes a body or query parameters (validation, a bad page number);
- 401 when a bearer token is read (an invalid or expired token is refused even on public
  routes) or the route needs a signed-in caller;
- 403 when a permission class beyond IsAuthenticated guards the route;
- 404 on routes with path parameters and on paginated lists (a page past the last);
- 413 and 415 on operations with a body (too large, an unsupported content type);
- 429 on throttled routes;
- 503 everywhere but the health check while maintenance mode is on (doggy.maintenance).

Blank-able URL fields are documented as "an absolute URL or the empty string", which is
what they hold, instead of `format: uri` alone.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers

from doggy.maintenance import EXEMPT_PREFIXES

from .serializers import ErrorSerializer

ERROR_DESCRIPTIONS = {
    400: "Invalid input: a body, filter or page number the API refuses.",
    401: "No valid bearer token: missing, expired, revoked or malformed.",
    403: "The caller lacks the permission or role this operation needs.",
    404: "Not found, or not visible to the caller; for lists, a page past the last.",
    413: "The request body is larger than the API accepts.",
    415: "The request body has a content type the operation does not accept.",
    429: "Too many requests from this client; retry after the Retry-After seconds.",
    503: "Maintenance mode: the platform is temporarily unavailable (see Retry-After).",
}
_PLAIN_PERMISSIONS = (permissions.AllowAny, permissions.IsAuthenticated)


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        for code in self._framework_error_statuses(operation):
            if str(code) not in responses:
                response = OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code])
                responses[str(code)] = self._get_response_for_code(response, str(code))
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _framework_error_statuses(self, operation) -> list[int]:
        view = self.view
        guards = view.get_permissions()
        needs_user = any(not isinstance(guard, permissions.AllowAny) for guard in guards)
        parameters = operation.get("parameters", [])
        has_body = "requestBody" in operation
        paginated = (
            self.method == "GET" and self._is_list_view() and self._get_paginator() is not None
        )
        codes = []
        if has_body or any(p["in"] == "query" for p in parameters):
            codes.append(400)
        if needs_user or view.get_authenticators():
            codes.append(401)
        if any(not isinstance(guard, _PLAIN_PERMISSIONS) for guard in guards):
            codes.append(403)
        if "{" in self.path or paginated:
            codes.append(404)
        if has_body:
            codes += [413, 415]
        if view.get_throttles():
            codes.append(429)
        if not self.path.startswith(EXEMPT_PREFIXES):
            codes.append(503)
        return codes

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if _url_may_be_blank(field) and schema.get("format") == "uri":
            url = {"type": "string", "format": "uri"}
            if "maxLength" in schema:
                url["maxLength"] = schema.pop("maxLength")
            schema.pop("type")
            schema.pop("format")
            schema.pop("minLength", None)
            schema["oneOf"] = [url, {"type": "string", "enum": [""]}]
        return schema


def _url_may_be_blank(field) -> bool:
    """A URL field that accepts "", or a read-only one over a model field that may hold ""."""
    if not isinstance(field, serializers.URLField):
        return False
    if field.allow_blank:
        return True
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if not field.read_only or model is None or "." in field.source:
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False
