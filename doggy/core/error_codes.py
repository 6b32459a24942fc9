"""Stable error codes of the platform services (settings and stored files).

The values are part of the API contract (`{"error": {"code": …}}`): clients switch on
them, so a value never changes once released; add new members instead.
"""

from __future__ import annotations

from enum import Enum


class PlatformErrorCode(Enum):
    PERMISSION_DENIED = "permission_denied"

    SETTING_NOT_FOUND = "setting_not_found"
    SETTING_INVALID = "setting_invalid"
    SETTING_EXISTS = "setting_exists"
    SETTING_NOT_EDITABLE = "setting_not_editable"

    FILE_INVALID = "file_invalid"
    FILE_EMPTY = "file_empty"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE_NOT_ALLOWED = "file_type_not_allowed"
    FILE_NOT_FOUND = "file_not_found"
