"""The callers of the Phase 2 API tests, and an API client authenticated as one of them.

Six callers: anonymous, a pet owner, another pet owner, a verified provider, a KYC
reviewer and an admin (superuser). Roles come from `system_rbac()`, so the tests pass
with and without the RBAC seed migration. Import the `*_fixture` functions into a conftest or
a test module to use them; each registers the fixture named without the suffix.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from tests.accounts.factories import (
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    UserFactory,
    UserRoleFactory,
    system_rbac,
)
from tests.accounts.factories_addresses import AddressFactory
from tests.scheduling.factories import ListedProviderFactory

CALLERS = ("anonymous", "pet_owner", "other_pet_owner", "provider", "kyc_reviewer", "admin")


def client_for(user: User | None) -> APIClient:
    """An API client acting as `user` (None: anonymous).

    The user is loaded afresh, so that the RBAC permission cache (kept on the user
    object) starts empty, as it does on every real request.
    """
    client = APIClient()
    if user is not None:
        client.force_authenticate(User.objects.get(pk=user.pk))
    return client


def with_role(rbac, role_name: str, **user_fields) -> User:
    user = UserFactory(**user_fields)
    UserRoleFactory(user=user, role=rbac[role_name])
    return user


@pytest.fixture(name="rbac")
def rbac_fixture(db):
    return system_rbac()


@pytest.fixture(name="pet_owner")
def pet_owner_fixture(rbac):
    return with_role(rbac, "PetOwner", first_name="Penny", last_name="Owner")


@pytest.fixture(name="other_pet_owner")
def other_pet_owner_fixture(rbac):
    return with_role(rbac, "PetOwner", first_name="Oscar", last_name="Other")


@pytest.fixture(name="provider_user")
def provider_user_fixture(rbac):
    return with_role(rbac, "ServiceProvider", first_name="Paula", last_name="Provider")


@pytest.fixture(name="provider")
def provider_fixture(provider_user):
    """The provider caller's profile: listed, based in central London, 20 km radius."""
    base = AddressFactory(user=provider_user, is_default=True, label="Work")
    return ListedProviderFactory(
        user=provider_user,
        business_name="Happy Paws",
        slug="happy-paws",
        base_address=base,
        service_radius_km=Decimal("20.00"),
    )


@pytest.fixture(name="kyc_reviewer")
def kyc_reviewer_fixture(rbac):
    """Staff who review KYC cases: `kyc.review` and `users.view`, not a superuser."""
    role = RoleFactory(name="KycReviewer", level=5)
    for name, category in (("kyc.review", "Verification"), ("users.view", "User Management")):
        RolePermissionFactory(role=role, permission=PermissionFactory(name=name, category=category))
    reviewer = UserFactory(is_staff=True)
    UserRoleFactory(user=reviewer, role=role)
    return reviewer


@pytest.fixture(name="admin_user")
def admin_user_fixture(rbac):
    return with_role(rbac, "Admin", is_staff=True, is_superuser=True)


@pytest.fixture(name="callers")
def callers_fixture(pet_owner, other_pet_owner, provider, kyc_reviewer, admin_user):
    return {
        "anonymous": None,
        "pet_owner": pet_owner,
        "other_pet_owner": other_pet_owner,
        "provider": provider.user,
        "kyc_reviewer": kyc_reviewer,
        "admin": admin_user,
    }
