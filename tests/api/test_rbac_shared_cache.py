"""The RBAC permission set in the shared cache: computed once, retired by every change."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.choices import PermissionName, RoleName
from accounts.models import Permission, Role, RolePermission, User, UserRole
from accounts.selectors import (
    _RBAC_ENTRY_PREFIX,
    _RBAC_VERSION_KEY,
    user_permission_names,
)
from accounts.services.rbac import (
    permission_create,
    permission_delete,
    role_permission_grant,
    role_permission_revoke,
    user_role_grant,
    user_role_revoke,
)
from tests.accounts.factories import UserFactory
from tests.callers import bearer_client

USERS_URL = "/api/v1/admin/users/"

OWNER_NAMES = frozenset(
    {
        PermissionName.USERS_VIEW,
        PermissionName.SERVICES_BOOK,
        PermissionName.MESSAGING_ACCESS,
        PermissionName.AI_ACCESS,
    }
)


def _fresh(user: User) -> User:
    """The user as the next request (on any process) loads it: no per-object cache."""
    return User.objects.get(pk=user.pk)


def test_the_next_request_reads_the_set_from_the_shared_cache(owner):
    # given
    assert user_permission_names(user=_fresh(owner)) == OWNER_NAMES
    user = _fresh(owner)

    # when
    with CaptureQueriesContext(connection) as queries:
        names = user_permission_names(user=user)

    # then
    assert names == OWNER_NAMES
    assert len(queries) == 0


def test_a_revocation_is_seen_by_the_next_request_on_any_process(owner, rbac_admin):
    # given: the set is cached
    assert PermissionName.SERVICES_BOOK in user_permission_names(user=_fresh(owner))
    assignment = UserRole.objects.get(user=owner)

    # when: revoked and committed
    with _committing():
        user_role_revoke(actor=rbac_admin, user_role=assignment)

    # then
    assert user_permission_names(user=_fresh(owner)) == frozenset()


def test_a_revocation_is_seen_through_the_api(owner, rbac_admin, rbac):
    # given: a manager (level 5) whose permission set the first request cached
    manager = owner
    with _committing():
        user_role_grant(actor=rbac_admin, user=manager, role=rbac["Manager"])
    client = bearer_client(manager)
    assert client.get(USERS_URL).status_code == 200
    assert client.get(USERS_URL).status_code == 200

    # when
    with _committing():
        user_role_revoke(
            actor=rbac_admin, user_role=UserRole.objects.get(user=manager, role=rbac["Manager"])
        )

    # then
    assert client.get(USERS_URL).status_code == 403


def test_a_set_a_racing_reader_cached_before_the_commit_is_retired_by_it(owner, rbac_admin):
    # given: a revocation in flight, and another process that read the old rows under
    # the version of the first invalidation and cached them
    assignment = UserRole.objects.get(user=owner)
    with _committing():
        user_role_revoke(actor=rbac_admin, user_role=assignment)
        cache.set(
            f"{_RBAC_ENTRY_PREFIX}{owner.pk}",
            {
                "version": cache.get(_RBAC_VERSION_KEY),
                "names": sorted(OWNER_NAMES),
                "valid_until": None,
            },
        )

    # then: the commit replaced the version again
    assert user_permission_names(user=_fresh(owner)) == frozenset()


def test_a_rolled_back_grant_never_reaches_the_cache(owner, rbac_admin, rbac):
    # given
    assert PermissionName.SYSTEM_ADMIN not in user_permission_names(user=_fresh(owner))

    # when: granted, read inside the transaction, rolled back
    seen = {}

    def grant_then_fail():
        with transaction.atomic():
            user_role_grant(actor=rbac_admin, user=owner, role=rbac["KycReviewer"])
            seen["inside"] = user_permission_names(user=_fresh(owner))
            raise _Rollback

    with pytest.raises(_Rollback):
        grant_then_fail()

    # then
    assert PermissionName.KYC_REVIEW in seen["inside"]
    assert PermissionName.KYC_REVIEW not in user_permission_names(user=_fresh(owner))


def test_an_expiring_assignment_leaves_the_cached_set_when_it_expires(
    owner, rbac_admin, rbac, clock
):
    # given: a role that expires in a minute, its permissions cached
    UserRole.objects.create(
        user=owner,
        role=rbac["KycReviewer"],
        assigned_by=rbac_admin,
        expires_at=clock() + datetime.timedelta(minutes=1),
    )
    assert PermissionName.KYC_REVIEW in user_permission_names(user=_fresh(owner))

    # when
    clock.advance(minutes=1, seconds=1)

    # then
    assert user_permission_names(user=_fresh(owner)) == OWNER_NAMES


def _grant_role(rbac_admin, owner, rbac):
    user_role_grant(actor=rbac_admin, user=owner, role=rbac["KycReviewer"])


def _revoke_role(rbac_admin, owner, rbac):
    user_role_revoke(actor=rbac_admin, user_role=UserRole.objects.get(user=owner))


def _grant_permission(rbac_admin, owner, rbac):
    role_permission_grant(
        actor=rbac_admin,
        role=rbac[RoleName.PET_OWNER],
        permission=Permission.objects.get(name=PermissionName.USERS_MANAGE),
    )


def _revoke_permission(rbac_admin, owner, rbac):
    role_permission_revoke(
        actor=rbac_admin,
        role_permission=RolePermission.objects.get(
            role=rbac[RoleName.PET_OWNER], permission__name=PermissionName.AI_ACCESS
        ),
    )


@pytest.mark.parametrize(
    "change",
    [_grant_role, _revoke_role, _grant_permission, _revoke_permission],
    ids=lambda f: f.__name__.lstrip("_"),
)
def test_every_rbac_change_retires_the_cached_sets(owner, rbac_admin, rbac, change):
    # given
    before = user_permission_names(user=_fresh(owner))

    # when
    with _committing():
        change(rbac_admin, owner, rbac)

    # then: what the database says now, not what was cached
    after = user_permission_names(user=_fresh(owner))
    cache.clear()
    assert after == user_permission_names(user=_fresh(owner))
    assert after != before


def test_deleting_a_permission_retires_the_cached_sets(owner, rbac_admin, rbac):
    # given: a custom permission granted to the owner's role, in the cached set
    permission = permission_create(actor=rbac_admin, name="reports.export", category="Reports")
    with _committing():
        role_permission_grant(
            actor=_superuser(), role=rbac[RoleName.PET_OWNER], permission=permission
        )
    assert "reports.export" in user_permission_names(user=_fresh(owner))

    # when
    with _committing():
        permission_delete(actor=rbac_admin, permission=permission)

    # then
    assert user_permission_names(user=_fresh(owner)) == OWNER_NAMES


def _superuser() -> User:
    return UserFactory(email="root@example.com", is_superuser=True, is_staff=True)


@pytest.fixture(autouse=True)
def _manager_role(rbac):
    """A role below the admin's level that may list users (users.manage)."""
    role = Role.objects.create(name="Manager", normalized_name="MANAGER", level=5)
    RolePermission.objects.create(
        role=role, permission=Permission.objects.get(name=PermissionName.USERS_MANAGE)
    )
    rbac["Manager"] = role


class _Rollback(Exception):
    pass


class _committing:
    """Runs the block's post-commit callbacks at its end, as a commit would."""

    def __enter__(self):
        from django.test import TestCase

        self._capture = TestCase.captureOnCommitCallbacks(execute=True)
        return self._capture.__enter__()

    def __exit__(self, *exc):
        return self._capture.__exit__(*exc)
