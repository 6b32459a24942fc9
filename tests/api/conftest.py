"""Fixtures of the API tests: the seeded RBAC, one user per caller kind, bearer clients."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.choices import AccountStatus, PermissionName, RoleName
from accounts.models import Permission, Role, RolePermission, UserRole
from accounts.services.sessions import user_session_create
from tests.accounts.factories import ServiceProviderFactory, UserFactory

# The seed of accounts/0005 (SCHEMA.md 2.2), repeated here so that the tests also run
# with --nomigrations: role name -> (level, permission names).
SEED_ROLES = {
    RoleName.USER: (1, (PermissionName.USERS_VIEW,)),
    RoleName.PET_OWNER: (
        2,
        (
            PermissionName.USERS_VIEW,
            PermissionName.SERVICES_BOOK,
            PermissionName.MESSAGING_ACCESS,
            PermissionName.AI_ACCESS,
        ),
    ),
    RoleName.SERVICE_PROVIDER: (
        2,
        (
            PermissionName.USERS_VIEW,
            PermissionName.SERVICES_PROVIDE,
            PermissionName.MESSAGING_ACCESS,
            PermissionName.CALENDAR_MANAGE,
            PermissionName.AI_ACCESS,
        ),
    ),
    RoleName.ADMIN: (
        10,
        (
            PermissionName.USERS_VIEW,
            PermissionName.USERS_MANAGE,
            PermissionName.KYC_REVIEW,
            PermissionName.SYSTEM_ADMIN,
        ),
    ),
    # Not seeded by the plan: staff who review KYC cases and nothing else.
    "KycReviewer": (5, (PermissionName.KYC_REVIEW,)),
}


@pytest.fixture(autouse=True)
def _empty_cache():
    # Settings and throttle counters live in Django's cache, which outlives each test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _file_scanner(settings, monkeypatch):
    settings.DOGGY_FILE_SCANNER = "doggy.scanning.trust_uploads"
    # A test's transaction never commits: run after-commit work (the scan) at once, as a
    # request in autocommit would see it. tests/doggy/test_files.py tests the deferral.
    monkeypatch.setattr("doggy.core.tasks.on_commit", lambda func, using=None: func())


@pytest.fixture
def rbac(db) -> dict[str, Role]:
    """The seeded roles (and the KycReviewer role), whether or not migrations ran."""
    roles = {}
    for name, (level, permission_names) in SEED_ROLES.items():
        role, _ = Role.objects.get_or_create(
            normalized_name=name.upper(),
            defaults={"name": name, "level": level, "is_system_role": name != "KycReviewer"},
        )
        for permission_name in permission_names:
            permission, _ = Permission.objects.get_or_create(
                name=permission_name, defaults={"category": "Seed", "is_system_permission": True}
            )
            RolePermission.objects.get_or_create(role=role, permission=permission)
        roles[name] = role
    return roles


def make_user(rbac, role_name: str | None, **kwargs):
    user = UserFactory(account_status=kwargs.pop("account_status", AccountStatus.ACTIVE), **kwargs)
    if role_name is not None:
        UserRole.objects.create(user=user, role=rbac[role_name], assigned_by=user)
    return user


@pytest.fixture
def pet_owner(rbac):
    return make_user(rbac, RoleName.PET_OWNER, email="owner@example.com")


@pytest.fixture
def other_pet_owner(rbac):
    return make_user(rbac, RoleName.PET_OWNER, email="other-owner@example.com")


@pytest.fixture
def provider(rbac):
    user = make_user(rbac, RoleName.SERVICE_PROVIDER, email="provider@example.com")
    ServiceProviderFactory(user=user, business_name="Happy Paws")
    return user


@pytest.fixture
def other_provider(rbac):
    user = make_user(rbac, RoleName.SERVICE_PROVIDER, email="other-provider@example.com")
    ServiceProviderFactory(user=user, business_name="Wag Walkers")
    return user


@pytest.fixture
def kyc_reviewer(rbac):
    return make_user(rbac, "KycReviewer", email="reviewer@example.com")


@pytest.fixture
def admin_user(rbac):
    return make_user(rbac, RoleName.ADMIN, email="admin@example.com")


def bearer_client(user, **session_kwargs) -> APIClient:
    """An API client signed in as `user` through a fresh session."""
    issued = user_session_create(user=user, **session_kwargs)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.access_token}")
    client.issued = issued
    return client


@pytest.fixture
def client_for():
    return bearer_client


class Clock:
    """A settable `timezone.now()` for the services under test."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        import datetime

        self.now += datetime.timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    from django.utils import timezone

    frozen = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", frozen)
    return frozen


@pytest.fixture
def setting(db):
    """Set a platform setting for the test: `setting("Security.MaxFailedLogins", 3)`."""
    from doggy.choices import SettingDataType
    from tests.doggy.factories import SystemSettingFactory

    def make(key: str, value):
        if isinstance(value, bool):
            data_type, raw = SettingDataType.BOOLEAN, "true" if value else "false"
        elif isinstance(value, int):
            data_type, raw = SettingDataType.INTEGER, str(value)
        elif isinstance(value, (list, dict)):
            import json

            data_type, raw = SettingDataType.JSON, json.dumps(value)
        else:
            data_type, raw = SettingDataType.STRING, str(value)
        return SystemSettingFactory(
            setting_key=key, setting_value=raw, data_type=data_type, category="Test"
        )

    return make
