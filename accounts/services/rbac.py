"""RBAC writes: role assignments, roles, permissions and their grants (SCHEMA.md 2.2, I-14).

Rules enforced here rather than in the database:
- a role counts only while its assignment is active and unexpired;
- nobody but a superuser grants, revokes or edits a role at or above their own highest
  level, so privileges only flow downwards;
- a role's effective assignments never exceed `MaxUsers`; the count is taken under a
  row lock on the role, so concurrent grants queue up behind each other;
- system roles and permissions cannot be deleted, and system roles cannot be renamed.

Permission lookups are cached per user object for one request
(`accounts.selectors.user_permission_names`), so a grant or revoke takes effect on the
caller's next request; the services also clear the cache on the instance they hold.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ConflictError, PermissionDeniedError
from doggy.core.permissions import actor_may
from doggy.core.updates import model_update

from ..choices import SYSTEM_USER_ID, PermissionName
from ..errors import AccountsErrorCode, field_error, validation_error
from ..models import Permission, Role, RolePermission, User, UserRole
from ..selectors import (
    rbac_permission_cache_invalidate,
    role_active_assignment_count,
    user_max_role_level,
    user_permission_cache_clear,
)

USER_ROLE_AUDIT_FIELDS = ("user", "role", "assigned_by", "is_active", "expires_at", "notes")
ROLE_AUDIT_FIELDS = ("name", "description", "level", "max_users", "is_system_role")
ROLE_EDITABLE_FIELDS = ("name", "description", "level", "max_users")
PERMISSION_AUDIT_FIELDS = ("name", "description", "category", "is_system_permission")

# Dotted lower-case names like the seed's `users.view` or `calendar.manage`.
_PERMISSION_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


def _require_permission(actor: User | None, name: str, what: str) -> None:
    if not actor_may(actor, name):
        raise PermissionDeniedError(AccountsErrorCode.PERMISSION_DENIED, f"{what} needs {name}.")


def _level_ceiling(actor: User) -> int | None:
    """I-14: the level every role `actor` grants, revokes or edits must stay below; None
    for a superuser, who is not limited."""
    return None if actor.is_superuser else user_max_role_level(user=actor)


def _require_level_above(actor: User, level: int, what: str) -> None:
    """I-14: only a superuser acts on a role at or above the actor's own highest level."""
    own = _level_ceiling(actor)
    if own is not None and level >= own:
        raise PermissionDeniedError(
            AccountsErrorCode.ROLE_LEVEL_TOO_HIGH,
            f"{what} is limited to roles below your own level ({own}).",
        )


def _lock_role(role: Role) -> None:
    role.refresh_from_db(from_queryset=Role.objects.select_for_update())


def _full_clean(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise validation_error(exc) from None


# --- Role assignments -------------------------------------------------------------------


def roles_grantable_by(*, actor: User | None) -> QuerySet[Role]:
    """The roles `actor` may hand out, by level then name: none without users.manage,
    every role for a superuser, otherwise those below the actor's own highest level.

    The admin offers only these. `MaxUsers` is not looked at here: a full role is still
    offered, and `user_role_grant` refuses it with a message that says why.
    """
    if not actor_may(actor, PermissionName.USERS_MANAGE):
        return Role.objects.none()
    roles = Role.objects.order_by("level", "normalized_name")
    ceiling = _level_ceiling(actor)
    return roles if ceiling is None else roles.filter(level__lt=ceiling)


def role_assignment_add(
    *,
    user: User,
    role: Role,
    assigned_by: User,
    expires_at: datetime.datetime | None = None,
    notes: str | None = None,
) -> UserRole:
    """Give `user` the role `role`, enforcing `MaxUsers`; no check of who is asking.

    The building block of `user_role_grant` and of self sign-up (where the user is their
    own assigner, D6). Locks the role row, so call inside a transaction. An inactive or
    expired assignment of the same pair is reactivated rather than duplicated.
    """
    _lock_role(role)
    existing = UserRole.objects.select_for_update().filter(user=user, role=role).first()
    if existing is not None and existing.is_effective():
        raise ConflictError(
            AccountsErrorCode.ROLE_ALREADY_ASSIGNED, f"The user already has the role {role}."
        )
    if role.max_users is not None and role_active_assignment_count(role=role) >= role.max_users:
        raise ConflictError(
            AccountsErrorCode.ROLE_MAX_USERS_REACHED,
            f"The role {role} already has its maximum of {role.max_users} users.",
        )
    values = {
        "assigned_by": assigned_by,
        "is_active": True,
        "expires_at": expires_at,
        "notes": notes,
        "assigned_at": timezone.now(),
    }
    if existing is None:
        user_role = UserRole(user=user, role=role, **values)
        old = None
    else:
        user_role = existing
        old = model_snapshot(user_role, USER_ROLE_AUDIT_FIELDS)
        for name, value in values.items():
            setattr(user_role, name, value)
    # The (user, role) pair was looked up under lock above.
    _full_clean(user_role, validate_unique=False, validate_constraints=False)
    if existing is None:
        user_role.save(force_insert=True)
    else:
        user_role.save(update_fields=list(values))
    audit_log_record(
        actor=assigned_by,
        action=AuditAction.ROLE_ASSIGNED,
        target=user_role,
        old=old,
        new={**model_snapshot(user_role, USER_ROLE_AUDIT_FIELDS), "role_name": role.name},
    )
    rbac_permission_cache_invalidate()
    user_permission_cache_clear(user=user)
    return user_role


@transaction.atomic
def user_role_grant(
    *,
    actor: User,
    user: User,
    role: Role,
    expires_at: datetime.datetime | None = None,
    notes: str | None = None,
) -> UserRole:
    """Assign `role` to `user` on behalf of `actor` (a superuser, or users.manage holder).

    Refused when the role's level is at or above the actor's highest level, when the role
    is full (`MaxUsers`), when the user already holds it, or when `expires_at` has passed.
    """
    _require_permission(actor, PermissionName.USERS_MANAGE, "Assigning roles")
    if str(user.pk) == SYSTEM_USER_ID:
        raise PermissionDeniedError(
            AccountsErrorCode.SYSTEM_USER_PROTECTED, "The system user holds no roles."
        )
    if expires_at is not None:
        if timezone.is_naive(expires_at):
            raise field_error("expires_at", "Give the expiry with a time zone.")
        if expires_at <= timezone.now():
            raise field_error("expires_at", "The expiry must lie in the future.")
    _lock_role(role)
    _require_level_above(actor, role.level, "Assigning roles")
    return role_assignment_add(
        user=user, role=role, assigned_by=actor, expires_at=expires_at, notes=notes
    )


@transaction.atomic
def user_role_revoke(*, actor: User, user_role: UserRole, reason: str | None = None) -> UserRole:
    """End an assignment (`IsActive = 0`); the row stays as the record of the grant.

    The user loses the role's permissions from their next request on.
    """
    _require_permission(actor, PermissionName.USERS_MANAGE, "Revoking roles")
    # refresh_from_db() drops cached relations; keep the caller's user object so its
    # permission cache can be cleared below.
    held_user = user_role.user if UserRole.user.is_cached(user_role) else None
    user_role.refresh_from_db(from_queryset=UserRole.objects.select_for_update())
    if held_user is not None and held_user.pk == user_role.user_id:
        user_role.user = held_user
    role = Role.objects.get(pk=user_role.role_id)
    _require_level_above(actor, role.level, "Revoking roles")
    if not user_role.is_active:
        raise ConflictError(
            AccountsErrorCode.ROLE_ASSIGNMENT_INACTIVE, "This role assignment is already revoked."
        )
    old = model_snapshot(user_role, ("is_active",))
    user_role.is_active = False
    user_role.save(update_fields=["is_active"])
    audit_log_record(
        actor=actor,
        action=AuditAction.ROLE_REVOKED,
        target=user_role,
        old=old,
        new={
            "is_active": False,
            "user": user_role.user_id,
            "role": role.pk,
            "role_name": role.name,
            "reason": reason,
        },
    )
    rbac_permission_cache_invalidate()
    if held_user is not None:
        user_permission_cache_clear(user=held_user)
    return user_role


# --- Roles ------------------------------------------------------------------------------


def _role_name_taken(name: str, *, exclude_pk: int | None = None) -> bool:
    roles = Role.objects.filter(normalized_name=name.upper())
    if exclude_pk is not None:
        roles = roles.exclude(pk=exclude_pk)
    return roles.exists()


def _clean_role_name(name: str | None, *, exclude_pk: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise field_error("name", "A role needs a name.")
    if _role_name_taken(name, exclude_pk=exclude_pk):
        raise field_error(
            "name", f"A role named {name} already exists.", code=AccountsErrorCode.ROLE_NAME_TAKEN
        )
    return name


@transaction.atomic
def role_create(
    *,
    actor: User,
    name: str,
    level: int = 1,
    description: str = "",
    max_users: int | None = None,
) -> Role:
    """Create a (non-system) role below the actor's own level (system.admin holders)."""
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Managing roles")
    _require_level_above(actor, level, "Creating roles")
    role = Role(
        name=_clean_role_name(name),
        level=level,
        description=description or "",
        max_users=max_users,
        is_system_role=False,
    )
    _full_clean(role)
    role.save()
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=role,
        new=model_snapshot(role, ROLE_AUDIT_FIELDS),
    )
    return role


@transaction.atomic
def role_update(*, actor: User, role: Role, **fields: Any) -> Role:
    """Change a role's name, description, level or user cap (system.admin holders).

    System roles keep their names. The actor must stand above both the role's current
    and its new level.
    """
    unknown = set(fields) - set(ROLE_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"role_update() got unexpected fields: {sorted(unknown)}")
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Managing roles")
    _lock_role(role)
    _require_level_above(actor, role.level, "Editing roles")
    if "level" in fields:
        _require_level_above(actor, fields["level"], "Raising roles")
    changed = {name: value for name, value in fields.items() if getattr(role, name) != value}
    if not changed:
        return role
    if "name" in changed:
        if role.is_system_role:
            raise ConflictError(
                AccountsErrorCode.SYSTEM_ROLE_PROTECTED, "System roles cannot be renamed."
            )
        changed["name"] = _clean_role_name(changed["name"], exclude_pk=role.pk)
    model_update(
        role,
        actor=actor,
        changes=changed,
        allowed=ROLE_EDITABLE_FIELDS,
        validation_error=validation_error,
        conflict_error=lambda exc: ConflictError(
            AccountsErrorCode.ROLE_NAME_TAKEN, "A role with this name already exists."
        ),
    )
    return role


@transaction.atomic
def role_delete(*, actor: User, role: Role) -> None:
    """Delete a custom role nobody currently holds (system.admin holders).

    Its ended assignments and its permission grants go with it (CASCADE).
    """
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Managing roles")
    _lock_role(role)
    if role.is_system_role:
        raise ConflictError(
            AccountsErrorCode.SYSTEM_ROLE_PROTECTED, "System roles cannot be deleted."
        )
    _require_level_above(actor, role.level, "Deleting roles")
    if role_active_assignment_count(role=role):
        raise ConflictError(
            AccountsErrorCode.ROLE_IN_USE, "Revoke the role from its users before deleting it."
        )
    old = model_snapshot(role, ROLE_AUDIT_FIELDS)
    entity_id = role.pk
    role.delete()
    rbac_permission_cache_invalidate()
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        entity_type=Role._meta.label,
        entity_id=entity_id,
        old=old,
    )


# --- Permissions and their grants to roles ----------------------------------------------


@transaction.atomic
def role_permission_grant(*, actor: User, role: Role, permission: Permission) -> RolePermission:
    """Grant `permission` to `role` (system.admin holders, below their own level).

    A non-superuser grants only permissions they hold themselves, so nobody hands out
    more than they have.
    """
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Granting permissions")
    _lock_role(role)
    _require_level_above(actor, role.level, "Granting permissions")
    if not actor_may(actor, permission.name):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "You may grant only permissions you hold."
        )
    if RolePermission.objects.filter(role=role, permission=permission).exists():
        raise ConflictError(
            AccountsErrorCode.ROLE_PERMISSION_EXISTS, f"{role} already has {permission}."
        )
    role_permission = RolePermission(role=role, permission=permission, granted_by=actor)
    try:
        with transaction.atomic():
            role_permission.save(force_insert=True)
    except IntegrityError:
        raise ConflictError(
            AccountsErrorCode.ROLE_PERMISSION_EXISTS, f"{role} already has {permission}."
        ) from None
    audit_log_record(
        actor=actor,
        action=AuditAction.PERMISSION_GRANTED,
        target=role_permission,
        new={
            "role": role.pk,
            "role_name": role.name,
            "permission": permission.pk,
            "permission_name": permission.name,
            "granted_by": actor.pk,
        },
    )
    rbac_permission_cache_invalidate()
    user_permission_cache_clear(user=actor)
    return role_permission


@transaction.atomic
def role_permission_revoke(*, actor: User, role_permission: RolePermission) -> None:
    """Take a permission away from a role (system.admin holders, below their own level)."""
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Revoking permissions")
    role = Role.objects.select_for_update().get(pk=role_permission.role_id)
    _require_level_above(actor, role.level, "Revoking permissions")
    permission = Permission.objects.get(pk=role_permission.permission_id)
    old = {
        "role": role.pk,
        "role_name": role.name,
        "permission": permission.pk,
        "permission_name": permission.name,
        "granted_by": role_permission.granted_by_id,
    }
    entity_id = role_permission.pk
    RolePermission.objects.filter(pk=role_permission.pk).delete()
    audit_log_record(
        actor=actor,
        action=AuditAction.PERMISSION_REVOKED,
        entity_type=RolePermission._meta.label,
        entity_id=entity_id,
        old=old,
    )
    rbac_permission_cache_invalidate()
    user_permission_cache_clear(user=actor)


@transaction.atomic
def permission_create(
    *, actor: User, name: str, category: str, description: str | None = None
) -> Permission:
    """Add a (non-system) permission name such as `reports.export` (system.admin holders)."""
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Managing permissions")
    name = (name or "").strip()
    if not _PERMISSION_NAME_RE.match(name):
        raise field_error("name", "Use a dotted lower-case name such as reports.export.")
    if Permission.objects.filter(name=name).exists():
        raise field_error(
            "name",
            f"The permission {name} already exists.",
            code=AccountsErrorCode.PERMISSION_NAME_TAKEN,
        )
    permission = Permission(name=name, category=(category or "").strip(), description=description)
    _full_clean(permission, validate_unique=False)
    permission.save()
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=permission,
        new=model_snapshot(permission, PERMISSION_AUDIT_FIELDS),
    )
    return permission


@transaction.atomic
def permission_delete(*, actor: User, permission: Permission) -> None:
    """Delete a custom permission and its grants; system permissions stay (I-14)."""
    _require_permission(actor, PermissionName.SYSTEM_ADMIN, "Managing permissions")
    permission.refresh_from_db(from_queryset=Permission.objects.select_for_update())
    if permission.is_system_permission:
        raise ConflictError(
            AccountsErrorCode.SYSTEM_PERMISSION_PROTECTED, "System permissions cannot be deleted."
        )
    old = {
        **model_snapshot(permission, PERMISSION_AUDIT_FIELDS),
        "roles": sorted(permission.role_permissions.values_list("role_id", flat=True)),
    }
    entity_id = permission.pk
    permission.delete()
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        entity_type=Permission._meta.label,
        entity_id=entity_id,
        old=old,
    )
    rbac_permission_cache_invalidate()
    user_permission_cache_clear(user=actor)


__all__ = [
    "permission_create",
    "permission_delete",
    "role_assignment_add",
    "role_create",
    "role_delete",
    "role_permission_grant",
    "role_permission_revoke",
    "role_update",
    "roles_grantable_by",
    "user_role_grant",
    "user_role_revoke",
]
