"""RBAC: permission resolution, role grants (Level, MaxUsers), roles and permissions."""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections
from django.utils import timezone
from rest_framework.test import APIRequestFactory

from accounts.errors import AccountsErrorCode
from accounts.models import Permission, Role, RolePermission, User, UserRole
from accounts.selectors import (
    role_list,
    user_effective_roles,
    user_has_permission,
    user_max_role_level,
    user_permission_names,
)
from accounts.services import (
    permission_create,
    permission_delete,
    rbac,
    role_create,
    role_delete,
    role_permission_grant,
    role_permission_revoke,
    role_update,
    user_role_grant,
    user_role_revoke,
)
from audit.models import AuditLog
from doggy.api.permissions import HasRbacPermission
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tests.accounts.factories import (
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    UserFactory,
    UserRoleFactory,
    system_rbac,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    return system_rbac()


@pytest.fixture
def admin(roles):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["Admin"])
    return member


@pytest.fixture
def manager(roles):
    """Holds users.manage through a level-5 role: grants only below level 5."""
    role = RoleFactory(name="Support", level=5)
    RolePermissionFactory(role=role, permission=Permission.objects.get(name="users.manage"))
    member = UserFactory()
    UserRoleFactory(user=member, role=role)
    return member


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


# --- Permission resolution ------------------------------------------------------------


def test_rbac_backend_answers_plan_names_per_role(roles):
    # Given a pet owner and a provider
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])
    provider = UserFactory()
    UserRoleFactory(user=provider, role=roles["ServiceProvider"])

    # Then only the pet owner may book services
    assert owner.has_perm("services.book") is True
    assert provider.has_perm("services.book") is False
    assert provider.has_perm("services.provide") is True


def test_user_permission_names_runs_one_query_then_none(roles, django_assert_num_queries):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["PetOwner"])
    member = _fresh(member)

    with django_assert_num_queries(1):
        names = user_permission_names(user=member)
    with django_assert_num_queries(0):
        again = user_permission_names(user=member)

    assert names == frozenset({"users.view", "services.book", "messaging.access", "ai.access"})
    assert again is names


@pytest.mark.parametrize(
    ("_case", "is_active", "expires_in"),
    [
        ("expired", True, datetime.timedelta(seconds=-1)),
        ("inactive", False, None),
    ],
)
def test_ineffective_assignment_grants_nothing(roles, _case, is_active, expires_in):
    expires_at = timezone.now() + expires_in if expires_in is not None else None
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["PetOwner"], is_active=is_active, expires_at=expires_at)

    assert user_permission_names(user=_fresh(member)) == frozenset()
    assert _fresh(member).has_perm("services.book") is False
    assert list(user_effective_roles(user=member)) == []
    assert user_max_role_level(user=member) == 0


def test_unexpired_assignment_grants_its_permissions(roles):
    member = UserFactory()
    UserRoleFactory(
        user=member,
        role=roles["PetOwner"],
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )

    assert user_has_permission(user=_fresh(member), name="services.book") is True


def test_inactive_user_has_no_permissions(roles):
    member = UserFactory(account_status="Suspended")
    UserRoleFactory(user=member, role=roles["Admin"])

    assert _fresh(member).has_perm("users.manage") is False


def test_max_role_level_is_highest_effective_level(roles):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["User"])
    UserRoleFactory(user=member, role=roles["PetOwner"])
    UserRoleFactory(
        user=member,
        role=roles["Admin"],
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    assert user_max_role_level(user=member) == 2
    assert [r.name for r in user_effective_roles(user=member)] == ["PetOwner", "User"]
    assert user_max_role_level(user=UserFactory()) == 0


# --- Granting roles -------------------------------------------------------------------


def test_grant_assigns_role_audits_and_refreshes_permissions(roles, admin):
    # Given a user whose permissions were already read in this request
    member = _fresh(UserFactory())
    assert member.has_perm("services.book") is False

    # When an admin grants PetOwner
    user_role = user_role_grant(actor=admin, user=member, role=roles["PetOwner"], notes="Hi")

    # Then the assignment exists, is attributed to the admin and works at once
    assert user_role.user_id == member.pk
    assert user_role.role_id == roles["PetOwner"].pk
    assert user_role.assigned_by_id == admin.pk
    assert user_role.is_active is True
    assert user_role.notes == "Hi"
    assert member.has_perm("services.book") is True
    log = AuditLog.objects.get(action="RoleAssigned", entity_id=str(user_role.pk))
    assert log.user_id == admin.pk
    assert log.entity_type == "accounts.UserRole"
    assert log.old_values is None
    assert log.new_values["role_name"] == "PetOwner"
    assert log.new_values["assigned_by"] == admin.pk


@pytest.mark.parametrize(
    ("_case", "level", "allowed"),
    [("below", 4, True), ("equal", 5, False), ("above", 6, False)],
)
def test_grant_respects_level_of_the_actor(manager, _case, level, allowed):
    role = RoleFactory(name=f"Level{level}", level=level)
    member = UserFactory()

    if allowed:
        user_role_grant(actor=manager, user=member, role=role)
        assert UserRole.objects.filter(user=member, role=role, is_active=True).count() == 1
        return
    with pytest.raises(PermissionDeniedError) as exc:
        user_role_grant(actor=manager, user=member, role=role)
    assert exc.value.code == AccountsErrorCode.ROLE_LEVEL_TOO_HIGH.value
    assert not UserRole.objects.filter(user=member).exists()
    assert not AuditLog.objects.filter(action="RoleAssigned").exists()


def test_superuser_grants_any_level(roles):
    root = UserFactory(is_superuser=True, is_staff=True)
    member = UserFactory()

    user_role_grant(actor=root, user=member, role=roles["Admin"])

    assert _fresh(member).has_perm("system.admin") is True


def test_grant_without_users_manage_is_refused(roles):
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])
    member = UserFactory()

    with pytest.raises(PermissionDeniedError) as exc:
        user_role_grant(actor=owner, user=member, role=roles["User"])

    assert exc.value.code == AccountsErrorCode.PERMISSION_DENIED.value
    assert not UserRole.objects.filter(user=member).exists()
    assert AuditLog.objects.count() == 0


def test_grant_refused_when_role_is_full(admin):
    role = RoleFactory(name="Moderator", level=3, max_users=2)
    UserRoleFactory(role=role)
    UserRoleFactory(role=role)
    member = UserFactory()

    with pytest.raises(ConflictError) as exc:
        user_role_grant(actor=admin, user=member, role=role)

    assert exc.value.code == AccountsErrorCode.ROLE_MAX_USERS_REACHED.value
    assert exc.value.status_code == 409
    assert UserRole.objects.filter(role=role).count() == 2
    assert not AuditLog.objects.filter(action="RoleAssigned").exists()


def test_max_users_counts_only_effective_assignments(admin):
    role = RoleFactory(name="Moderator", level=3, max_users=1)
    UserRoleFactory(role=role, is_active=False)
    UserRoleFactory(role=role, expires_at=timezone.now() - datetime.timedelta(days=1))
    member = UserFactory()

    user_role_grant(actor=admin, user=member, role=role)

    assert UserRole.objects.effective().filter(role=role).count() == 1


def test_grant_reactivates_an_ended_assignment(roles, admin):
    member = UserFactory()
    old = UserRoleFactory(
        user=member, role=roles["PetOwner"], is_active=False, notes="old", assigned_by=member
    )
    expires_at = timezone.now() + datetime.timedelta(days=30)

    user_role = user_role_grant(
        actor=admin, user=member, role=roles["PetOwner"], expires_at=expires_at
    )

    assert user_role.pk == old.pk
    assert UserRole.objects.filter(user=member, role=roles["PetOwner"]).count() == 1
    old.refresh_from_db()
    assert old.is_active is True
    assert old.expires_at == expires_at
    assert old.notes is None
    assert old.assigned_by_id == admin.pk
    log = AuditLog.objects.get(action="RoleAssigned")
    assert log.old_values["is_active"] is False
    assert log.new_values["is_active"] is True


def test_grant_of_a_held_role_conflicts(roles, admin):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["PetOwner"])

    with pytest.raises(ConflictError) as exc:
        user_role_grant(actor=admin, user=member, role=roles["PetOwner"])

    assert exc.value.code == AccountsErrorCode.ROLE_ALREADY_ASSIGNED.value
    assert not AuditLog.objects.exists()


def test_grant_with_past_expiry_is_refused(roles, admin):
    member = UserFactory()

    with pytest.raises(ApplicationError) as exc:
        user_role_grant(
            actor=admin,
            user=member,
            role=roles["PetOwner"],
            expires_at=timezone.now() - datetime.timedelta(minutes=1),
        )

    assert exc.value.code == "invalid"
    assert list(exc.value.fields) == ["expires_at"]
    assert not UserRole.objects.filter(user=member).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_grants_never_exceed_max_users(admin, monkeypatch):
    # Row locks serialize the grants on PostgreSQL and SQL Server; SQLite's in-memory test
    # database shares one connection cache, so this runs on PostgreSQL only.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    role = RoleFactory(name="Moderator", level=3, max_users=1)
    count = rbac.role_active_assignment_count

    def slow_count(**kwargs):
        # Widen the window between counting and inserting, where an unlocked grant races.
        result = count(**kwargs)
        time.sleep(0.2)
        return result

    monkeypatch.setattr(rbac, "role_active_assignment_count", slow_count)
    members = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def grant(member):
        try:
            barrier.wait()
            user_role_grant(actor=User.objects.get(pk=admin.pk), user=member, role=role)
            outcomes.append("granted")
        except ConflictError as exc:
            outcomes.append(exc.code)
        finally:
            # Persistent connections (CONN_MAX_AGE) outlive the thread: close its own.
            connections.close_all()

    threads = [threading.Thread(target=grant, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["granted", AccountsErrorCode.ROLE_MAX_USERS_REACHED.value]
    assert UserRole.objects.filter(role=role, is_active=True).count() == 1


# --- Revoking roles -------------------------------------------------------------------


def test_revoke_removes_permission_on_the_next_request(roles, admin):
    member = UserFactory()
    user_role = UserRoleFactory(user=member, role=roles["PetOwner"])
    assert _fresh(member).has_perm("services.book") is True

    revoked = user_role_revoke(actor=admin, user_role=user_role, reason="Left the platform")

    assert revoked.is_active is False
    assert UserRole.objects.get(pk=user_role.pk).is_active is False
    assert _fresh(member).has_perm("services.book") is False
    log = AuditLog.objects.get(action="RoleRevoked")
    assert log.user_id == admin.pk
    assert log.old_values == {"is_active": True}
    assert log.new_values["reason"] == "Left the platform"


def test_revoke_clears_the_cache_of_the_held_user_object(roles, admin):
    member = _fresh(UserFactory())
    user_role = UserRoleFactory(user=member, role=roles["PetOwner"])
    assert member.has_perm("services.book") is True

    user_role_revoke(actor=admin, user_role=user_role)

    assert member.has_perm("services.book") is False


def test_revoke_of_a_role_at_the_actor_level_is_refused(roles, manager):
    member = UserFactory()
    role = RoleFactory(name="Peer", level=5)
    user_role = UserRoleFactory(user=member, role=role)

    with pytest.raises(PermissionDeniedError) as exc:
        user_role_revoke(actor=manager, user_role=user_role)

    assert exc.value.code == AccountsErrorCode.ROLE_LEVEL_TOO_HIGH.value
    assert UserRole.objects.get(pk=user_role.pk).is_active is True
    assert not AuditLog.objects.exists()


def test_revoke_twice_conflicts(roles, admin):
    user_role = UserRoleFactory(role=roles["PetOwner"], is_active=False)

    with pytest.raises(ConflictError) as exc:
        user_role_revoke(actor=admin, user_role=user_role)

    assert exc.value.code == AccountsErrorCode.ROLE_ASSIGNMENT_INACTIVE.value
    assert not AuditLog.objects.exists()


# --- Roles ----------------------------------------------------------------------------


def test_role_create_below_own_level(admin):
    role = role_create(actor=admin, name="Groomer Lead", level=3, description="Leads")

    assert role.normalized_name == "GROOMER LEAD"
    assert role.is_system_role is False
    log = AuditLog.objects.get(action="Create", entity_type="accounts.Role")
    assert log.new_values["level"] == 3


@pytest.mark.parametrize(
    ("_case", "kwargs", "error", "code"),
    [
        (
            "at own level",
            {"name": "Boss", "level": 10},
            PermissionDeniedError,
            "role_level_too_high",
        ),
        ("duplicate name", {"name": "petowner", "level": 2}, ApplicationError, "role_name_taken"),
        ("blank name", {"name": "  ", "level": 2}, ApplicationError, "invalid"),
        ("level zero", {"name": "Zero", "level": 0}, ApplicationError, "invalid"),
    ],
)
def test_role_create_refusals(admin, _case, kwargs, error, code):
    count = Role.objects.count()

    with pytest.raises(error) as exc:
        role_create(actor=admin, **kwargs)

    assert exc.value.code == code
    assert Role.objects.count() == count
    assert not AuditLog.objects.exists()


def test_role_create_needs_system_admin(manager):
    with pytest.raises(PermissionDeniedError):
        role_create(actor=manager, name="Groomer Lead", level=1)

    assert not Role.objects.filter(name="Groomer Lead").exists()


def test_role_update_changes_and_audits(admin):
    role = RoleFactory(name="Walker", level=2)

    role_update(actor=admin, role=role, name="Dog Walker", max_users=50)

    role.refresh_from_db()
    assert (role.name, role.normalized_name, role.max_users) == ("Dog Walker", "DOG WALKER", 50)
    log = AuditLog.objects.get(action="Update")
    assert log.old_values == {"name": "Walker", "max_users": None}
    assert log.new_values == {"name": "Dog Walker", "max_users": 50}


def test_system_role_cannot_be_renamed(roles, admin):
    with pytest.raises(ConflictError) as exc:
        role_update(actor=admin, role=roles["PetOwner"], name="Owner")

    assert exc.value.code == "system_role_protected"
    assert Role.objects.get(pk=roles["PetOwner"].pk).name == "PetOwner"
    assert not AuditLog.objects.exists()


def test_system_role_cannot_be_deleted(roles, admin):
    with pytest.raises(ConflictError) as exc:
        role_delete(actor=admin, role=roles["User"])

    assert exc.value.code == "system_role_protected"
    assert Role.objects.filter(pk=roles["User"].pk).exists()
    assert not AuditLog.objects.exists()


def test_role_in_use_cannot_be_deleted(admin):
    role = RoleFactory(name="Walker", level=2)
    UserRoleFactory(role=role)

    with pytest.raises(ConflictError) as exc:
        role_delete(actor=admin, role=role)

    assert exc.value.code == "role_in_use"
    assert Role.objects.filter(pk=role.pk).exists()


def test_role_delete_removes_custom_role(admin):
    role = RoleFactory(name="Walker", level=2)
    UserRoleFactory(role=role, is_active=False)
    role_id = role.pk

    role_delete(actor=admin, role=role)

    assert not Role.objects.filter(pk=role_id).exists()
    assert not UserRole.objects.filter(role_id=role_id).exists()
    log = AuditLog.objects.get(action="Delete")
    assert (log.entity_type, log.entity_id) == ("accounts.Role", str(role_id))
    assert log.old_values["name"] == "Walker"


def test_role_list_is_scoped(roles, admin):
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])

    everything = {r.name for r in role_list(actor=admin)}
    own = [r.name for r in role_list(actor=owner)]

    assert everything == {"User", "PetOwner", "ServiceProvider", "Admin"}
    assert own == ["PetOwner"]
    admin_row = next(r for r in role_list(actor=admin) if r.name == "Admin")
    assert admin_row.active_user_count == 1


# --- Permissions ----------------------------------------------------------------------


def test_role_permission_grant_records_granter(roles, admin):
    role = RoleFactory(name="Auditor", level=3)
    permission = Permission.objects.get(name="users.view")

    role_permission = role_permission_grant(actor=admin, role=role, permission=permission)

    assert role_permission.granted_by_id == admin.pk
    log = AuditLog.objects.get(action="PermissionGranted")
    assert log.new_values["permission_name"] == "users.view"
    assert log.new_values["role_name"] == "Auditor"


def test_role_permission_grant_refusals(roles, admin):
    role = RoleFactory(name="Auditor", level=3)
    held = Permission.objects.get(name="users.view")
    not_held = Permission.objects.get(name="services.book")
    RolePermissionFactory(role=role, permission=held)

    with pytest.raises(ConflictError) as duplicate:
        role_permission_grant(actor=admin, role=role, permission=held)
    with pytest.raises(PermissionDeniedError) as escalation:
        role_permission_grant(actor=admin, role=role, permission=not_held)
    with pytest.raises(PermissionDeniedError) as too_high:
        role_permission_grant(actor=admin, role=roles["Admin"], permission=held)

    assert duplicate.value.code == "role_permission_exists"
    assert escalation.value.code == "permission_denied"
    assert too_high.value.code == "role_level_too_high"
    assert RolePermission.objects.filter(role=role).count() == 1
    assert not AuditLog.objects.exists()


def test_role_permission_revoke_deletes_the_grant(roles, admin):
    role = RoleFactory(name="Auditor", level=3)
    grant = RolePermissionFactory(role=role, permission=Permission.objects.get(name="users.view"))
    member = UserFactory()
    UserRoleFactory(user=member, role=role)
    assert _fresh(member).has_perm("users.view") is True

    role_permission_revoke(actor=admin, role_permission=grant)

    assert not RolePermission.objects.filter(pk=grant.pk).exists()
    assert _fresh(member).has_perm("users.view") is False
    log = AuditLog.objects.get(action="PermissionRevoked")
    assert log.old_values["permission_name"] == "users.view"


def test_permission_create_and_delete(admin):
    permission = permission_create(actor=admin, name="reports.export", category="Reports")
    RolePermissionFactory(role=RoleFactory(name="Analyst", level=2), permission=permission)

    permission_delete(actor=admin, permission=permission)

    assert not Permission.objects.filter(name="reports.export").exists()
    assert not RolePermission.objects.filter(permission_id=permission.pk).exists()
    assert list(AuditLog.objects.order_by("timestamp").values_list("action", flat=True)) == [
        "Create",
        "Delete",
    ]


def test_system_permission_cannot_be_deleted(roles, admin):
    permission = Permission.objects.get(name="services.book")

    with pytest.raises(ConflictError) as exc:
        permission_delete(actor=admin, permission=permission)

    assert exc.value.code == "system_permission_protected"
    assert Permission.objects.filter(name="services.book").exists()
    assert RolePermission.objects.filter(permission=permission).count() == 1
    assert not AuditLog.objects.exists()


def test_permission_create_rejects_bad_names(admin):
    PermissionFactory(name="reports.export")

    with pytest.raises(ApplicationError) as bad:
        permission_create(actor=admin, name="Reports Export", category="Reports")
    with pytest.raises(ApplicationError) as taken:
        permission_create(actor=admin, name="reports.export", category="Reports")

    assert bad.value.code == "invalid"
    assert taken.value.code == "permission_name_taken"
    assert not AuditLog.objects.exists()


# --- The DRF permission class ---------------------------------------------------------


def _request_as(user):
    request = APIRequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize(
    ("_case", "who", "allowed"),
    [
        ("anonymous", "anonymous", False),
        ("pet owner", "owner", False),
        ("admin role", "admin", True),
        ("suspended admin", "suspended_admin", False),
        ("superuser", "root", True),
    ],
)
def test_has_rbac_permission_matrix(roles, admin, _case, who, allowed):
    suspended_admin = UserFactory(account_status="Suspended")
    UserRoleFactory(user=suspended_admin, role=roles["Admin"])
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])
    people = {
        "anonymous": AnonymousUser(),
        "owner": owner,
        "admin": admin,
        "suspended_admin": suspended_admin,
        "root": UserFactory(is_superuser=True, is_staff=True),
    }
    request = _request_as(_fresh(people[who]) if who != "anonymous" else people[who])

    for permission in (
        HasRbacPermission.for_("kyc.review")(),
        HasRbacPermission("kyc.review")(),
    ):
        assert permission.has_permission(request, view=None) is allowed
        assert permission.has_object_permission(request, None, object()) is allowed


def test_has_rbac_permission_requires_every_name(roles):
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])
    request = _request_as(_fresh(owner))

    assert HasRbacPermission.for_("services.book", "ai.access")().has_permission(request, None)
    assert not HasRbacPermission.for_("services.book", "kyc.review")().has_permission(request, None)
    # A class that names nothing refuses rather than allowing everyone.
    assert not HasRbacPermission().has_permission(request, None)
    with pytest.raises(ValueError, match="at least one"):
        HasRbacPermission.for_()


def test_has_rbac_permission_uses_one_query_per_request(roles, django_assert_num_queries):
    owner = UserFactory()
    UserRoleFactory(user=owner, role=roles["PetOwner"])
    request = _request_as(_fresh(owner))
    permission = HasRbacPermission.for_("services.book", "messaging.access")()

    with django_assert_num_queries(1):
        assert permission.has_permission(request, None) is True
        assert permission.has_permission(request, None) is True
