"""Error codes of provider verification (plan 038): credentials and background checks.

Part of the API contract like `accounts.errors.AccountsErrorCode`: add new codes, never
rename or reuse one.
"""

from __future__ import annotations

from enum import Enum


class CredentialErrorCode(Enum):
    INVALID = "invalid"
    PERMISSION_DENIED = "permission_denied"
    CREDENTIAL_NOT_FOUND = "credential_not_found"
    CREDENTIAL_FILE_INVALID = "credential_file_invalid"
    CREDENTIAL_INVALID_TRANSITION = "credential_invalid_transition"
    CREDENTIAL_OWN_REVIEW = "credential_own_review"
    CREDENTIAL_NOT_A_PROVIDER = "credential_not_a_provider"
    BACKGROUND_CHECK_INVALID_TRANSITION = "background_check_invalid_transition"
