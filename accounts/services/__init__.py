"""Writes of the accounts app, one module per topic, re-exported here.

`from accounts.services import user_create` and
`from accounts.services.users import user_create` name the same function.
"""

from .kyc import (
    kyc_approve,
    kyc_document_add,
    kyc_document_upload,
    kyc_reject,
    kyc_request_resubmission,
    kyc_review_start,
    kyc_verification_start,
    kyc_verification_submit,
)
from .preferences import user_settings_get_or_create, user_settings_update
from .rbac import (
    permission_create,
    permission_delete,
    role_assignment_add,
    role_create,
    role_delete,
    role_permission_grant,
    role_permission_revoke,
    role_update,
    user_role_grant,
    user_role_revoke,
)
from .sessions import user_sessions_revoke
from .users import (
    user_create,
    user_deactivate,
    user_lock,
    user_password_set,
    user_reactivate,
    user_session_staff_revoke,
    user_sessions_staff_revoke,
    user_suspend,
    user_unlock,
    user_update_profile,
)

# --- Further topic modules ---------------------------------------------------------------
# Re-export the public services of new modules (sign-in, addresses, providers, …) here,
# and add their names to __all__ below.

__all__ = [
    # kyc
    "kyc_approve",
    "kyc_document_add",
    "kyc_document_upload",
    "kyc_reject",
    "kyc_request_resubmission",
    "kyc_review_start",
    "kyc_verification_start",
    "kyc_verification_submit",
    # preferences
    "user_settings_get_or_create",
    "user_settings_update",
    # rbac
    "permission_create",
    "permission_delete",
    "role_assignment_add",
    "role_create",
    "role_delete",
    "role_permission_grant",
    "role_permission_revoke",
    "role_update",
    "user_role_grant",
    "user_role_revoke",
    # sessions
    "user_sessions_revoke",
    # users
    "user_create",
    "user_deactivate",
    "user_lock",
    "user_reactivate",
    "user_suspend",
    "user_password_set",
    "user_session_staff_revoke",
    "user_sessions_staff_revoke",
    "user_unlock",
    "user_update_profile",
]
