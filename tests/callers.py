"""The callers of every test: one fixture per kind of caller, on real bearer sessions.

The names say what each caller is, so that no test has to guess:

- `anonymous`: no credentials (the fixture is None).
- `owner`, `other_owner`: pet owners (the `PetOwner` role); `other_owner` is a stranger
  to `owner`'s objects.
- `provider_user`: the User of a service provider (the `ServiceProvider` role);
  `provider_profile` is that user's `ServiceProvider` row (not yet KYC-verified), and
  `listed_provider` the same row once approved and listed (what searches show).
- `kyc_reviewer`: staff who review KYC cases (`kyc.review` and nothing else).
- `rbac_admin`: a user holding the `Admin` role; not a Django superuser.
- `superuser`: a Django superuser (admin-site staff), with no RBAC role: `actor_may`
  lets superusers through every RBAC check.

Roles come from `system_rbac()` (plus the `KycReviewer` role), so the tests pass with
and without the seed migrations. `bearer_client(user)` signs a user in through the
session service and sends `Authorization: Bearer`, as the mobile and web clients do;
the `client_for` fixture is the same function. Loaded for every test by tests/conftest.py.
"""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.choices import AccountStatus, PermissionName, RoleName
from accounts.models import Role, User
from accounts.services.sessions import user_session_create
from tests.accounts.factories import (
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    system_rbac,
)

KYC_REVIEWER_ROLE = "KycReviewer"


def make_user(rbac: dict[str, Role], role_name: str | None, **fields) -> User:
    """An active user holding `role_name` (None: no role)."""
    fields.setdefault("account_status", AccountStatus.ACTIVE)
    user = UserFactory(**fields)
    if role_name is not None:
        UserRoleFactory(user=user, role=rbac[role_name], assigned_by=user)
    return user


def bearer_client(user: User | None, **session_kwargs) -> APIClient:
    """An API client signed in as `user` through a fresh session (None: anonymous).

    The issued tokens are on `client.issued` (None for anonymous).
    """
    client = APIClient()
    client.issued = None
    if user is not None:
        issued = user_session_create(user=user, **session_kwargs)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.access_token}")
        client.issued = issued
    return client


@pytest.fixture
def client_for():
    """`bearer_client`, for tests that take it as a fixture."""
    return bearer_client


@pytest.fixture
def rbac(db) -> dict[str, Role]:
    """The system roles with their seed permissions, and the `KycReviewer` role."""
    roles = system_rbac()
    reviewer = RoleFactory(name=KYC_REVIEWER_ROLE, level=5, is_system_role=False)
    RolePermissionFactory(
        role=reviewer,
        permission=PermissionFactory(name=PermissionName.KYC_REVIEW, category="Verification"),
    )
    roles[KYC_REVIEWER_ROLE] = reviewer
    return roles


@pytest.fixture
def anonymous():
    return None


@pytest.fixture
def owner(rbac) -> User:
    return make_user(
        rbac, RoleName.PET_OWNER, email="owner@example.com", first_name="Penny", last_name="Owner"
    )


@pytest.fixture
def other_owner(rbac) -> User:
    return make_user(
        rbac,
        RoleName.PET_OWNER,
        email="other-owner@example.com",
        first_name="Oscar",
        last_name="Other",
    )


@pytest.fixture
def provider_user(rbac) -> User:
    """A provider's User, with its `ServiceProvider` row (`provider_profile`)."""
    user = make_user(
        rbac,
        RoleName.SERVICE_PROVIDER,
        email="provider@example.com",
        first_name="Paula",
        last_name="Provider",
    )
    ServiceProviderFactory(user=user, business_name="Happy Paws")
    return user


@pytest.fixture
def provider_profile(provider_user):
    """The `ServiceProvider` row of `provider_user`: not verified, not listed."""
    return provider_user.service_provider


@pytest.fixture
def kyc_reviewer(rbac) -> User:
    return make_user(rbac, KYC_REVIEWER_ROLE, email="reviewer@example.com")


@pytest.fixture
def rbac_admin(rbac) -> User:
    return make_user(rbac, RoleName.ADMIN, email="admin@example.com")


@pytest.fixture
def superuser(db) -> User:
    return UserFactory(email="superuser@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def listed_provider(provider_profile):
    """`provider_profile` once KYC-approved and listed: based in central London, 20 km
    radius, slug `happy-paws` (what public searches show)."""
    from decimal import Decimal

    from django.utils import timezone

    from accounts.choices import KycStatus
    from tests.accounts.factories_addresses import AddressFactory

    base = AddressFactory(user=provider_profile.user, is_default=True, label="Work")
    provider_profile.slug = "happy-paws"
    provider_profile.base_address = base
    provider_profile.service_radius_km = Decimal("20.00")
    provider_profile.is_verified = True
    provider_profile.verification_status = KycStatus.APPROVED
    provider_profile.verified_at = timezone.now()
    provider_profile.is_active = True
    provider_profile.save()
    return provider_profile
