"""Accounts: sign-up, profile edits and the account-status life cycle.

`AccountStatus` is the source of truth for `is_active` (SCHEMA.md I-19; `User.save()`
derives it). Suspended and deactivated accounts keep no active session. Users are never
hard-deleted: deactivation is the soft delete of D14.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.choices import AuditAction, Severity
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.core.permissions import actor_may
from doggy.core.updates import model_update

from ..choices import SYSTEM_USER_ID, AccountStatus, PermissionName, RoleName, SessionEndReason
from ..errors import AccountsErrorCode, field_error, validation_error
from ..models import Role, User, UserSession, UserSettings
from ..selectors import user_permission_cache_clear
from .analytics import analytics_event_record
from .rbac import role_assignment_add, user_role_grant
from .sessions import user_session_end, user_sessions_revoke

# The plan 001 profile columns a user (or a user manager) may edit.
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "profile_image_url",
    "date_of_birth",
    "gender",
    "time_zone",
    "preferred_language",
    "is_email_notifications_enabled",
    "is_sms_notifications_enabled",
)
# What the audit log keeps of an account; never the password hash or security stamps.
AUDITED_USER_FIELDS = (
    "email",
    *PROFILE_FIELDS,
    "account_status",
    "is_active",
    "email_confirmed",
    "is_staff",
    "is_superuser",
)
# Reasons staff give for revoking sessions are kept in the audit log up to this length.
STAFF_REASON_MAX_LENGTH = 500
# Roles a person may pick on self sign-up; anything else is granted by a user manager.
SELF_SIGNUP_ROLES = (RoleName.USER, RoleName.PET_OWNER, RoleName.SERVICE_PROVIDER)

# BCP-47 in the shape the apps send (`en`, `en-US`, `zh-Hant-TW`).
_LANGUAGE_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _require_user_manager_over(*, actor: User | None, user: User) -> None:
    """Refuse unless `actor` may change `user`'s account state (staff-only actions).

    Holders of users.manage (or superusers) may, except on themselves, on the system
    user, and (unless a superuser) on a superuser.
    """
    if not actor_may(actor, PermissionName.USERS_MANAGE):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "Managing accounts needs users.manage."
        )
    if str(actor.pk) == str(user.pk):
        raise PermissionDeniedError(
            AccountsErrorCode.SELF_ACTION_FORBIDDEN, "You may not do this to your own account."
        )
    if str(user.pk) == SYSTEM_USER_ID:
        raise PermissionDeniedError(
            AccountsErrorCode.SYSTEM_USER_PROTECTED, "The system user cannot be changed."
        )
    if user.is_superuser and not actor.is_superuser:
        raise PermissionDeniedError(
            AccountsErrorCode.SUPERUSER_PROTECTED, "Only a superuser may change a superuser."
        )


def _lock_user(user: User) -> None:
    """Reload `user` in place with its row locked for the rest of the transaction."""
    user.refresh_from_db(from_queryset=User.objects.select_for_update())


def _normalize_email(email: str) -> str:
    email = User.objects.normalize_email((email or "").strip()).lower()
    try:
        validate_email(email)
    except ValidationError:
        raise field_error("email", "Enter a valid email address.") from None
    return email


def _email_taken() -> ApplicationError:
    return field_error(
        "email", "An account with this email already exists.", code=AccountsErrorCode.EMAIL_TAKEN
    )


def _check_profile_rules(user: User, changed: dict[str, Any]) -> None:
    """Rules on profile values that the model's field validators do not cover."""
    dob = changed.get("date_of_birth")
    if isinstance(dob, datetime.date) and dob > timezone.now().date():
        raise field_error("date_of_birth", "The date of birth lies in the future.")
    language = changed.get("preferred_language")
    if language is not None and not _LANGUAGE_TAG_RE.match(str(language)):
        raise field_error("preferred_language", "Use a BCP-47 language tag such as en or en-US.")
    if changed.get("is_sms_notifications_enabled") and not user.phone_number_confirmed:
        # SMS goes only to a confirmed number (SCHEMA.md 2.1).
        raise field_error(
            "is_sms_notifications_enabled", "Confirm a phone number before enabling SMS."
        )


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str | None = None,
    last_name: str | None = None,
    role_name: str | None = RoleName.PET_OWNER,
    actor: User | None = None,
    account_status: str = AccountStatus.ACTIVE,
    email_confirmed: bool = False,
    **profile: Any,
) -> User:
    """Create an account with its `UserSettings` row and first role.

    Without `actor` this is a self sign-up: the role must be one of `SELF_SIGNUP_ROLES`
    and the user is recorded as its own assigner (SCHEMA.md D6). With `actor`, a user
    manager creates the account and the role goes through `user_role_grant`, so its
    Level rule applies. `password=None` leaves an unusable password (invitations,
    external logins). `profile` takes the other plan 001 columns.
    """
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"user_create() got unexpected profile fields: {sorted(unknown)}")
    if actor is not None and not actor_may(actor, PermissionName.USERS_MANAGE):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "Creating accounts needs users.manage."
        )
    email = _normalize_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise _email_taken()

    role = None
    if role_name:
        role = Role.objects.filter(normalized_name=role_name.upper()).first()
        if role is None:
            raise field_error(
                "role_name", f"There is no role {role_name}.", code=AccountsErrorCode.ROLE_NOT_FOUND
            )
        if actor is None and role.name not in SELF_SIGNUP_ROLES:
            raise field_error(
                "role_name",
                f"The role {role.name} cannot be chosen on sign-up.",
                code=AccountsErrorCode.ROLE_NOT_SELF_ASSIGNABLE,
            )

    user = User(
        email=email,
        first_name=first_name,
        last_name=last_name,
        account_status=account_status,
        email_confirmed=email_confirmed,
        **profile,
    )
    _check_profile_rules(user, profile)
    if password is None:
        user.set_unusable_password()
    else:
        try:
            validate_password(password, user=user)
        except ValidationError as exc:
            messages = [str(m) for m in exc.messages]
            raise ApplicationError(
                AccountsErrorCode.PASSWORD_INVALID, messages[0], fields={"password": messages}
            ) from None
        user.set_password(password)
    try:
        # The email was checked above; this skips a second uniqueness query.
        user.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise validation_error(exc) from None
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError:
        # A concurrent sign-up with the same email won the race.
        if User.objects.filter(email__iexact=email).exists():
            raise _email_taken() from None
        raise
    UserSettings.objects.create(user=user)
    audit_log_record(
        actor=actor or user,
        action=AuditAction.CREATE,
        target=user,
        new=model_snapshot(user, AUDITED_USER_FIELDS),
    )
    if role is not None:
        if actor is None:
            role_assignment_add(user=user, role=role, assigned_by=user)
        else:
            user_role_grant(actor=actor, user=user, role=role)
    if actor is None:
        # The settings row made above is cached on the user: no opt-in read.
        props = {"role": role.normalized_name.lower()} if role is not None else {}
        analytics_event_record(user=user, name="user_signed_up", properties=props)
    return user


@transaction.atomic
def user_update_profile(*, actor: User, user: User, **fields: Any) -> User:
    """Change plan 001 profile columns of `user` (the user themself or a user manager).

    Only the columns that actually change are saved and audited.
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"user_update_profile() got unexpected fields: {sorted(unknown)}")
    if str(actor.pk) != str(user.pk) and not actor_may(actor, PermissionName.USERS_MANAGE):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "You may edit only your own profile."
        )
    _lock_user(user)
    changed = {name: value for name, value in fields.items() if getattr(user, name) != value}
    if not changed:
        return user
    _check_profile_rules(user, changed)
    model_update(
        user,
        actor=actor,
        changes=changed,
        allowed=PROFILE_FIELDS,
        validation_error=validation_error,
        conflict_error=lambda exc: ConflictError(
            AccountsErrorCode.CONFLICT, "The change conflicts with another account."
        ),
    )
    return user


def _account_status_change(
    *,
    actor: User,
    user: User,
    to_status: str,
    allowed_from: tuple[str, ...],
    action: str,
    severity: str = Severity.INFO,
    extra_new: dict[str, Any] | None = None,
) -> User:
    """Move `user` (already locked) to `to_status`; revoke sessions when it deactivates.

    Call inside the caller's transaction after the actor checks.
    """
    if user.account_status not in allowed_from:
        raise ConflictError(
            AccountsErrorCode.ACCOUNT_INVALID_TRANSITION,
            f"An account that is {user.account_status} cannot become {to_status}.",
        )
    old = model_snapshot(user, ("account_status", "is_active"))
    user.account_status = to_status
    user.save(update_fields=["account_status"])  # save() derives is_active (I-19)
    revoked = 0
    if not user.is_active:
        revoked = user_sessions_revoke(user=user)
    user_permission_cache_clear(user=user)
    audit_log_record(
        actor=actor,
        action=action,
        target=user,
        old=old,
        new={
            **model_snapshot(user, ("account_status", "is_active")),
            "sessions_revoked": revoked,
            **(extra_new or {}),
        },
        severity=severity,
    )
    return user


@transaction.atomic
def user_suspend(*, actor: User, user: User, reason: str) -> User:
    """Suspend an Active or Pending account and end all its sessions (staff only)."""
    _require_user_manager_over(actor=actor, user=user)
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "Give a reason for the suspension.")
    _lock_user(user)
    return _account_status_change(
        actor=actor,
        user=user,
        to_status=AccountStatus.SUSPENDED,
        allowed_from=(AccountStatus.ACTIVE, AccountStatus.PENDING),
        action=AuditAction.ACCOUNT_SUSPENDED,
        severity=Severity.WARNING,
        extra_new={"reason": reason},
    )


@transaction.atomic
def user_reactivate(*, actor: User, user: User) -> User:
    """Bring a Suspended or Deactivated account back to Active (staff only)."""
    _require_user_manager_over(actor=actor, user=user)
    _lock_user(user)
    return _account_status_change(
        actor=actor,
        user=user,
        to_status=AccountStatus.ACTIVE,
        allowed_from=(AccountStatus.SUSPENDED, AccountStatus.DEACTIVATED),
        action=AuditAction.ACCOUNT_REACTIVATED,
    )


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    """Soft-delete an account (D14): Deactivated, inactive, every session ended.

    The user may close their own account; anyone else needs users.manage. Rows that
    reference the user stay; anonymizing personal data is a separate step.
    """
    if str(actor.pk) != str(user.pk):
        _require_user_manager_over(actor=actor, user=user)
    _lock_user(user)
    return _account_status_change(
        actor=actor,
        user=user,
        to_status=AccountStatus.DEACTIVATED,
        allowed_from=(AccountStatus.ACTIVE, AccountStatus.PENDING, AccountStatus.SUSPENDED),
        action=AuditAction.DELETE,
        severity=Severity.WARNING,
    )


@transaction.atomic
def user_lock(*, actor: User, user: User, until: datetime.datetime) -> User:
    """Lock sign-in until `until` (Identity's `LockoutEnd`; staff only).

    An explicit lock also turns `LockoutEnabled` on, since Identity ignores `LockoutEnd`
    without it. Existing sessions are left alone; suspension is the tool that ends them.
    """
    _require_user_manager_over(actor=actor, user=user)
    if timezone.is_naive(until):
        raise field_error("until", "Give the lock end with a time zone.")
    if until <= timezone.now():
        raise field_error("until", "The lock must end in the future.")
    _lock_user(user)
    fields = ("lockout_end", "lockout_enabled")
    old = model_snapshot(user, fields)
    user.lockout_end = until
    user.lockout_enabled = True
    user.save(update_fields=list(fields))
    audit_log_record(
        actor=actor,
        action=AuditAction.ACCOUNT_LOCKED,
        target=user,
        old=old,
        new=model_snapshot(user, fields),
        severity=Severity.WARNING,
    )
    return user


@transaction.atomic
def user_unlock(*, actor: User, user: User) -> User:
    """Clear a lockout and the failed-sign-in counter (staff only)."""
    _require_user_manager_over(actor=actor, user=user)
    _lock_user(user)
    fields = ("lockout_end", "access_failed_count")
    old = model_snapshot(user, fields)
    user.lockout_end = None
    user.access_failed_count = 0
    user.save(update_fields=list(fields))
    audit_log_record(
        actor=actor,
        action=AuditAction.ACCOUNT_UNLOCKED,
        target=user,
        old=old,
        new=model_snapshot(user, fields),
    )
    return user


def _require_self_or_manager_over(*, actor: User | None, user: User) -> None:
    if actor is not None and actor.is_authenticated and str(actor.pk) == str(user.pk):
        return
    _require_user_manager_over(actor=actor, user=user)


@transaction.atomic
def user_password_set(*, actor: User, user: User, password: str | None) -> int:
    """Staff set a user's password (None makes it unusable); every session of the user
    ends. Returns how many sessions ended. The caller has validated the password (the
    admin form runs Django's validators)."""
    _require_self_or_manager_over(actor=actor, user=user)
    _lock_user(user)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save(update_fields=["password"])
    ended = user_sessions_revoke(user=user)
    audit_log_record(
        actor=actor,
        action=AuditAction.PASSWORD_CHANGED,
        target=user,
        # Named without "password", a key the audit log masks.
        new={"via": "admin", "usable": user.has_usable_password(), "sessions_ended": ended},
    )
    return ended


def _staff_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "Give a reason; it is kept in the audit log.")
    if len(reason) > STAFF_REASON_MAX_LENGTH:
        raise field_error(
            "reason", f"Keep the reason to {STAFF_REASON_MAX_LENGTH} characters or fewer."
        )
    return reason


@transaction.atomic
def user_sessions_staff_revoke(*, actor: User, user: User, reason: str) -> int:
    """Staff end every session of a user (a stolen device, a compromised account).

    `reason` is required and kept in the audit row, whose old values list the sessions
    (by token prefix) that were active.
    """
    _require_self_or_manager_over(actor=actor, user=user)
    reason = _staff_reason(reason)
    # Locked, so the sessions listed are exactly the sessions ended.
    active = list(
        UserSession.objects.select_for_update()
        .filter(user=user, is_active=True)
        .order_by("created_at", "id")
        .values_list("pk", "token_prefix")
    )
    ended = UserSession.objects.filter(pk__in=[pk for pk, _ in active], is_active=True).update(
        is_active=False, ended_at=timezone.now(), end_reason=SessionEndReason.REVOKED
    )
    if ended:
        audit_log_record(
            actor=actor,
            action=AuditAction.SESSION_REVOKED,
            target=user,
            old={"active_sessions": [prefix for _, prefix in active]},
            new={"scope": "all", "sessions_ended": ended, "reason": reason},
            severity=Severity.WARNING,
        )
    return ended


@transaction.atomic
def user_session_staff_revoke(*, actor: User, session: UserSession, reason: str) -> bool:
    """Staff end one session of a user (a lost device). Returns False if it had already
    ended. `reason` is required and kept in the audit row with the session's old state."""
    owner = User.objects.get(pk=session.user_id)
    _require_self_or_manager_over(actor=actor, user=owner)
    reason = _staff_reason(reason)
    return user_session_end(
        actor=actor,
        session=session,
        reason=SessionEndReason.REVOKED,
        note=reason,
        severity=Severity.WARNING,
    )


__all__ = [
    "PROFILE_FIELDS",
    "SELF_SIGNUP_ROLES",
    "user_create",
    "user_deactivate",
    "user_lock",
    "user_password_set",
    "user_reactivate",
    "user_session_staff_revoke",
    "user_sessions_staff_revoke",
    "user_suspend",
    "user_unlock",
    "user_update_profile",
]
