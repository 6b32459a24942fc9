"""Error codes of the accounts app, and the helpers that raise them.

Services raise `doggy.core.errors.ApplicationError` subclasses carrying one of these codes;
the API renders them as `{"error": {"code", "message", "fields"}}`. The codes are part of
the API contract: add new ones, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from doggy.core.errors import ApplicationError


class AccountsErrorCode(Enum):
    # Input that fails a field or model rule.
    INVALID = "invalid"
    # A change lost to a concurrent write on a unique column; reload and retry.
    CONFLICT = "conflict"
    # Users and account status.
    EMAIL_TAKEN = "email_taken"
    PASSWORD_INVALID = "password_invalid"  # noqa: S105 - an error code, not a secret
    PERMISSION_DENIED = "permission_denied"
    SELF_ACTION_FORBIDDEN = "self_action_forbidden"
    SYSTEM_USER_PROTECTED = "system_user_protected"
    SUPERUSER_PROTECTED = "superuser_protected"
    ACCOUNT_INVALID_TRANSITION = "account_invalid_transition"
    USER_NOT_FOUND = "user_not_found"
    # RBAC.
    ROLE_NOT_FOUND = "role_not_found"
    ROLE_NOT_SELF_ASSIGNABLE = "role_not_self_assignable"
    ROLE_LEVEL_TOO_HIGH = "role_level_too_high"
    ROLE_MAX_USERS_REACHED = "role_max_users_reached"
    ROLE_ALREADY_ASSIGNED = "role_already_assigned"
    ROLE_ASSIGNMENT_INACTIVE = "role_assignment_inactive"
    ROLE_NAME_TAKEN = "role_name_taken"
    ROLE_IN_USE = "role_in_use"
    SYSTEM_ROLE_PROTECTED = "system_role_protected"
    PERMISSION_NAME_TAKEN = "permission_name_taken"
    ROLE_PERMISSION_EXISTS = "role_permission_exists"
    SYSTEM_PERMISSION_PROTECTED = "system_permission_protected"
    # KYC.
    KYC_CASE_OPEN = "kyc_case_open"
    KYC_MAX_ATTEMPTS = "kyc_max_attempts"
    KYC_INVALID_TRANSITION = "kyc_invalid_transition"
    KYC_DOCUMENTS_LOCKED = "kyc_documents_locked"
    KYC_DOCUMENTS_MISSING = "kyc_documents_missing"
    KYC_FILE_INVALID = "kyc_file_invalid"
    KYC_OWN_CASE = "kyc_own_case"
    KYC_NOT_FOUND = "kyc_not_found"


def field_error(
    field: str, message: str, *, code: AccountsErrorCode = AccountsErrorCode.INVALID
) -> ApplicationError:
    """A 400 error that points at one input field."""
    return ApplicationError(code, message, fields={field: [message]})


def validation_error(exc: ValidationError) -> ApplicationError:
    """Django's `ValidationError` from `full_clean()` as an `ApplicationError` with fields."""
    if hasattr(exc, "error_dict"):
        fields = {
            ("non_field_errors" if name == NON_FIELD_ERRORS else name): [str(m) for m in msgs]
            for name, msgs in exc.message_dict.items()
        }
    else:
        fields = {"non_field_errors": [str(m) for m in exc.messages]}
    first = next(iter(fields.values()))[0] if fields else "Invalid input."
    return ApplicationError(AccountsErrorCode.INVALID, first, fields=fields)
