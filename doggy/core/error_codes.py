"""Stable error codes of the platform: settings, stored files and the API kernel.

The values are part of the API contract (`{"error": {"code": …}}`): clients switch on
them, so a value never changes once released; add new members instead.
"""

from __future__ import annotations

from enum import Enum


class PlatformErrorCode(Enum):
    PERMISSION_DENIED = "permission_denied"
    INVALID = "invalid"

    SETTING_NOT_FOUND = "setting_not_found"
    SETTING_INVALID = "setting_invalid"
    SETTING_EXISTS = "setting_exists"
    SETTING_NOT_EDITABLE = "setting_not_editable"

    FILE_INVALID = "file_invalid"
    FILE_EMPTY = "file_empty"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE_NOT_ALLOWED = "file_type_not_allowed"
    FILE_NOT_FOUND = "file_not_found"

    INCIDENT_NOT_FOUND = "incident_not_found"
    INCIDENT_RESOLVED = "incident_resolved"

    # Answers of the API itself, before or around any service: a path that matches no
    # route, a body over the limits, an unexpected crash (docs/api/errors.md).
    BAD_REQUEST = "bad_request"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    REQUEST_TOO_LARGE = "request_too_large"
    JSON_TOO_DEEP = "json_too_deep"
    SERVER_ERROR = "server_error"
