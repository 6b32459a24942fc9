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

Read-only fields over columns that may be blank (a provider's `website`) are documented as
"a URI or the empty string", which is what they hold, instead of `format: uri` alone.
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

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(field, schema)
        # drf-spectacular adds the "" branch for fields with allow_blank; a read-only field
        # of a ModelSerializer has no allow_blank, yet shows what a blank=True column holds.
        constrained = {"format", "pattern", "minLength"} & set(schema)
        if constrained and schema.get("type") == "string" and _read_only_over_blank_column(field):
            outer = {"readOnly", "writeOnly", "nullable", "deprecated", "description", "title"}
            inner = {key: schema.pop(key) for key in list(schema) if key not in outer}
            schema["oneOf"] = [inner, {"type": "string", "maxLength": 0}]


def _read_only_over_blank_column(field) -> bool:
    """A read-only serializer field whose model field may hold the empty string."""
    if not field.read_only or not isinstance(field, serializers.CharField):
        return False
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source:
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False
