"""Reads of the accounts app that other apps and the API use."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from audit.services import entity_type_of
from doggy.core.errors import NotFoundError, PermissionDeniedError
from doggy.core.permissions import actor_may
from doggy.core.prepared import SENTINEL_TIME, Param, PreparedList, Related

from .choices import SYSTEM_USER_ID, AccountStatus, KycStatus, PermissionName
from .errors import AccountsErrorCode, field_error
from .models import KycVerification, LoginAttempt, Permission, Role, User, UserRole

_PERM_CACHE_ATTR = "_rbac_permission_names"

# `users.view` is not enough to list every account: the seed grants it to every role
# (User, PetOwner, ServiceProvider), so the directory of all users is for managers only.
USER_DIRECTORY_PERMISSIONS = (PermissionName.USERS_MANAGE,)
ROLE_DIRECTORY_PERMISSIONS = (PermissionName.USERS_MANAGE, PermissionName.SYSTEM_ADMIN)
# Each ordering is backed by an index (the unique Email, IX_Users_LastSeen).
USER_LIST_ORDERINGS = ("email", "-email", "-last_seen_at")
KYC_QUEUE_STATUSES = (KycStatus.PENDING, KycStatus.IN_REVIEW)


def user_permission_names(*, user: User) -> frozenset[str]:
    """The plan's permission names the user holds now, via active, unexpired UserRoles.

    Cached at two levels. On the user object, for the rest of the request (a request has
    its own user object). In the shared cache, per user, for the next requests on any
    process: an entry counts only while it carries the current RBAC version, which every
    service that changes roles, role permissions or role assignments replaces (at once
    and again after commit, see `rbac_permission_cache_invalidate`), and only until the
    first of its assignments expires. Services that change a user's roles also call
    `user_permission_cache_clear` on the instance they hold.
    """
    cached = getattr(user, _PERM_CACHE_ATTR, None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        names: frozenset[str] = frozenset()
    else:
        names = _shared_permission_names(user)
    setattr(user, _PERM_CACHE_ATTR, names)
    return names


def user_permission_cache_clear(*, user: User) -> None:
    user.__dict__.pop(_PERM_CACHE_ATTR, None)


# --- The shared RBAC cache -------------------------------------------------------------

RBAC_CACHE_ALIAS = "default"
# Bounds how long an entry lives in the cache; the version makes it stale at once.
RBAC_CACHE_SECONDS = 300
_RBAC_VERSION_KEY = "doggy:rbac:version"
_RBAC_ENTRY_PREFIX = "doggy:rbac:v1:user:"
# On the connection: the post-commit callbacks of this transaction's invalidations.
_RBAC_PENDING_ATTR = "_doggy_pending_rbac_invalidations"


def _rbac_cache():
    return caches[RBAC_CACHE_ALIAS]


def _rbac_connection():
    return transaction.get_connection(router.db_for_write(UserRole))


def _rbac_write_pending() -> bool:
    """Whether this connection's open transaction changed roles (not yet committed).

    Such a transaction reads permissions from the database and never publishes them: a
    rollback would leave no post-commit invalidation to retire them. Same mechanism as
    the settings cache (`doggy.selectors._pending_write`).
    """
    connection = _rbac_connection()
    pending = connection.__dict__.get(_RBAC_PENDING_ATTR)
    if not pending:
        return False
    if not connection.in_atomic_block:
        pending.clear()
        return False
    queued = getattr(connection, "run_on_commit", ())
    alive = [cb for cb in pending if any(entry[1] is cb for entry in queued)]
    pending[:] = alive
    return bool(alive)


def _rbac_version_bump() -> None:
    _rbac_cache().set(_RBAC_VERSION_KEY, uuid.uuid4().hex, None)


def rbac_permission_cache_invalidate() -> None:
    """Call in every service that changes roles, role permissions or role assignments.

    Replaces the RBAC version at once, so the next read anywhere recomputes, and again
    after commit, because a reader elsewhere may have cached the old permissions under
    the new version before the commit. Until then this connection bypasses the cache.
    """
    _rbac_version_bump()
    connection = _rbac_connection()
    if not connection.in_atomic_block:
        return

    def release() -> None:
        _rbac_version_bump()
        pending = connection.__dict__.get(_RBAC_PENDING_ATTR) or []
        if release in pending:
            pending.remove(release)

    connection.__dict__.setdefault(_RBAC_PENDING_ATTR, []).append(release)
    # robust: a cache outage after commit must not turn a committed change into an error.
    transaction.on_commit(release, using=connection.alias, robust=True)


def _permission_names_from_db(user: User, now) -> tuple[frozenset[str], Any]:
    """(names, the first expiry among the assignments granting them, or None)."""
    rows = (
        UserRole.objects.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            user_id=user.pk,
            is_active=True,
        )
        .values_list("role__role_permissions__permission__name", "expires_at")
        .distinct()
    )
    names, expiries = set(), []
    for name, expires_at in rows:
        if expires_at is not None:
            expiries.append(expires_at)
        if name is not None:
            names.add(name)
    return frozenset(names), min(expiries, default=None)


def _shared_permission_names(user: User) -> frozenset[str]:
    now = timezone.now()
    if _rbac_write_pending():
        return _permission_names_from_db(user, now)[0]
    cache = _rbac_cache()
    entry_key = f"{_RBAC_ENTRY_PREFIX}{user.pk}"
    found = cache.get_many([_RBAC_VERSION_KEY, entry_key])
    version = found.get(_RBAC_VERSION_KEY)
    entry = found.get(entry_key)
    if (
        version is not None
        and isinstance(entry, Mapping)
        and entry.get("version") == version
        and (entry["valid_until"] is None or now < entry["valid_until"])
    ):
        return frozenset(entry["names"])
    if version is None:
        # First read since the cache was emptied: start a version (a racing writer's wins).
        cache.add(_RBAC_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_RBAC_VERSION_KEY)
    names, valid_until = _permission_names_from_db(user, now)
    if version is not None:
        cache.set(
            entry_key,
            {"version": version, "names": sorted(names), "valid_until": valid_until},
            RBAC_CACHE_SECONDS,
        )
    return names


def user_has_permission(*, user: User, name: str) -> bool:
    return name in user_permission_names(user=user)


# --- Roles ------------------------------------------------------------------------------


def _effective_assignment_q(prefix: str = "", now=None) -> Q:
    """The filter of effective assignments, spelled through the relation `prefix`."""
    now = now or timezone.now()
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


def user_effective_roles(*, user: User) -> QuerySet[Role]:
    """The roles `user` holds now (active, unexpired assignments), by level, highest first."""
    return Role.objects.filter(
        _effective_assignment_q("user_roles__"), user_roles__user_id=user.pk
    ).order_by("-level", "normalized_name")


def user_max_role_level(*, user: User) -> int:
    """The highest `Level` among the user's effective roles; 0 when they hold none."""
    if user.pk is None:
        return 0
    level = (
        UserRole.objects.effective()
        .filter(user_id=user.pk)
        .aggregate(level=Max("role__level"))["level"]
    )
    return level or 0


def role_active_assignment_count(*, role: Role) -> int:
    """How many effective assignments `role` has; compared with `Roles.MaxUsers`."""
    return UserRole.objects.effective().filter(role=role).count()


def role_list(*, actor: User) -> QuerySet[Role]:
    """All roles, with their active assignment counts, for role and user managers.

    Other callers see only the roles they hold themselves.
    """
    roles = Role.objects.annotate(
        active_user_count=Count("user_roles", filter=_effective_assignment_q("user_roles__"))
    ).order_by("-level", "normalized_name")
    if actor_may(actor, *ROLE_DIRECTORY_PERMISSIONS):
        return roles
    if actor is None or not actor.is_authenticated:
        return roles.none()
    return roles.filter(pk__in=user_effective_roles(user=actor).values("pk"))


def role_list_with_permissions(*, actor: User) -> QuerySet[Role]:
    """`role_list` with each role's permissions prefetched (one more query), by name."""
    return role_list(actor=actor).prefetch_related(
        Prefetch("permissions", queryset=Permission.objects.order_by("name"))
    )


def permission_list(*, actor: User) -> QuerySet[Permission]:
    """Every permission name, for the callers that may see every role (user managers)."""
    if actor_may(actor, *ROLE_DIRECTORY_PERMISSIONS):
        return Permission.objects.order_by("name")
    return Permission.objects.none()


# --- Users ------------------------------------------------------------------------------


def _users_with_roles() -> QuerySet[User]:
    """Users with their effective assignments (and roles) prefetched in one more query.

    Each user gets `effective_user_roles`, a list of `UserRole` with `role` loaded.
    """
    return User.objects.prefetch_related(*_effective_roles_prefetch())


def _effective_roles_prefetch() -> list[Prefetch]:
    return [
        Prefetch(
            "user_roles",
            queryset=UserRole.objects.effective().select_related("role").order_by("-role__level"),
            to_attr="effective_user_roles",
        )
    ]


# The plain directory (no filter), compiled once per process (performance.md), with the
# roles in effect at the request's time.
_PLAIN_USER_LIST = PreparedList(
    lambda now: User.objects.exclude(pk=SYSTEM_USER_ID).order_by("email", "id"),
    related=[
        Related(
            lambda now: (
                UserRole.objects.effective(now).select_related("role").order_by("-role__level")
            ),
            fk="user",
            to_attr="effective_user_roles",
        )
    ],
    now=Param(SENTINEL_TIME, field=UserRole._meta.get_field("expires_at")),
)


def user_list(*, actor: User, filters: Mapping[str, Any] | None = None) -> QuerySet[User]:
    """Every account but the system user, for user managers (users.manage or superuser).

    Two queries whatever the page size: the users, then their effective roles.

    Filters: `account_status` (one of AccountStatus), `role` (role name), `search`
    (email, first or last name, case-insensitive), `is_active`, `ordering`.
    """
    if not actor_may(actor, *USER_DIRECTORY_PERMISSIONS):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "You may not list user accounts."
        )
    if not filters:
        return _PLAIN_USER_LIST.bind(now=timezone.now())
    filters = dict(filters or {})
    # The system user (D6) is an attribution placeholder, not an account to manage.
    users = _users_with_roles().exclude(pk=SYSTEM_USER_ID)
    if status := filters.get("account_status"):
        if status not in AccountStatus.values:
            raise field_error("account_status", f"{status} is not an account status.")
        users = users.filter(account_status=status)
    if (is_active := filters.get("is_active")) is not None:
        users = users.filter(is_active=bool(is_active))
    if role := filters.get("role"):
        users = users.filter(
            pk__in=UserRole.objects.effective()
            .filter(role__normalized_name=str(role).upper())
            .values("user_id")
        )
    if search := (filters.get("search") or "").strip():
        users = users.filter(
            Q(email__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
        )
    ordering = filters.get("ordering") or "email"
    if ordering not in USER_LIST_ORDERINGS:
        raise field_error("ordering", f"Ordering by {ordering} is not supported.")
    return users.order_by(ordering, "id")


def user_get(*, actor: User, user_id: str) -> User:
    """One account: the caller's own, or any for user managers; otherwise 404.

    A caller without the permission learns nothing about whether the id exists.
    """
    is_self = actor is not None and actor.is_authenticated and str(actor.pk) == str(user_id)
    if not is_self and not actor_may(actor, *USER_DIRECTORY_PERMISSIONS):
        raise NotFoundError(AccountsErrorCode.USER_NOT_FOUND, "No such user.")
    try:
        return _users_with_roles().get(pk=str(user_id))
    except User.DoesNotExist:
        raise NotFoundError(AccountsErrorCode.USER_NOT_FOUND, "No such user.") from None


# --- KYC --------------------------------------------------------------------------------


def kyc_actor_is_reviewer(*, actor: User | None) -> bool:
    return actor_may(actor, PermissionName.KYC_REVIEW)


def kyc_review_queue(*, actor: User, status: str | None = None) -> QuerySet[KycVerification]:
    """Cases waiting for a reviewer, oldest submission first (`IX_Kyc_Status_Submitted`).

    Pending and InReview by default, or the one `status` given. A reviewer never sees
    their own case here, since they may not review it.
    """
    if not kyc_actor_is_reviewer(actor=actor):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "Reviewing KYC cases needs kyc.review."
        )
    if status is not None and status not in KycStatus.values:
        raise field_error("status", f"{status} is not a KYC status.")
    statuses = [status] if status is not None else list(KYC_QUEUE_STATUSES)
    return (
        KycVerification.objects.filter(status__in=statuses)
        .exclude(user_id=actor.pk)
        .select_related("user", "service_provider", "reviewed_by")
        .order_by("submitted_at", "id")
    )


def kyc_verification_list_for_user(*, actor: User) -> QuerySet[KycVerification]:
    """The caller's own KYC cases, newest first, with their documents."""
    return (
        KycVerification.objects.visible_to(actor)
        .select_related("service_provider")
        .prefetch_related("documents")
        .order_by("-created_at", "id")
    )


def kyc_verification_get(*, actor: User, verification_id: Any) -> KycVerification:
    """One KYC case, for its owner or a reviewer; anyone else gets a 404."""
    not_found = NotFoundError(AccountsErrorCode.KYC_NOT_FOUND, "No such KYC verification.")
    if actor is None or not actor.is_authenticated:
        raise not_found
    try:
        verification = (
            KycVerification.objects.select_related("user", "service_provider", "reviewed_by")
            .prefetch_related("documents", "events")
            .get(pk=verification_id)
        )
    except (KycVerification.DoesNotExist, ValidationError, ValueError):
        raise not_found from None
    if verification.user_id != actor.pk and not kyc_actor_is_reviewer(actor=actor):
        raise not_found
    return verification


# --- Audit search -----------------------------------------------------------------------

# At most this many failed sign-ins of one email are looked up (SQL Server takes at most
# 2,100 parameters a statement); the newest first.
AUDIT_EMAIL_ATTEMPTS_MAX = 1000


def audit_entities_for_email(*, actor: User | None, email: str) -> dict[str, Any]:
    """How the audit log names the person with `email`, for readers of the log.

    Rows about a person do not all carry their user id: `LoginFailed` rows name the
    sign-in attempt (and exist for unknown emails too), `AccountLocked` rows name the
    account. Returns `{"user_id": id or None, "entities": {entity type: [ids]}}`, found
    through the unique email index and `IX_LoginAttempts_Email_Time`; empty for callers
    without system.admin.
    """
    found: dict[str, Any] = {"user_id": None, "entities": {}}
    email = (email or "").strip().lower()
    if not email or not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        return found
    user_id = User.objects.filter(email=email).values_list("pk", flat=True).first()
    if user_id is not None:
        found["user_id"] = str(user_id)
        found["entities"][entity_type_of(User)] = [str(user_id)]
    attempts = (
        LoginAttempt.objects.filter(email=email, success=False)
        .order_by("-attempted_at")
        .values_list("pk", flat=True)[:AUDIT_EMAIL_ATTEMPTS_MAX]
    )
    attempt_ids = [str(pk) for pk in attempts]
    if attempt_ids:
        found["entities"][entity_type_of(LoginAttempt)] = attempt_ids
    return found
