"""Fixtures of the pets tests: the API's callers and their dogs."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.models import ServiceProvider
from accounts.services.sessions import user_session_create
from tests.accounts.factories import (
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    UserFactory,
    UserRoleFactory,
    system_rbac,
)
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory


def _member(role_name: str, **user_fields):
    roles = system_rbac()
    user = UserFactory(**user_fields)
    UserRoleFactory(user=user, role=roles[role_name], assigned_by=user)
    return user


@pytest.fixture
def pet_owner(db):
    return _member("PetOwner")


@pytest.fixture
def other_pet_owner(db):
    return _member("PetOwner")


@pytest.fixture
def provider(db):
    user = _member("ServiceProvider")
    ServiceProvider.objects.create(user=user, business_name="Happy Paws Walking")
    return user


@pytest.fixture
def kyc_reviewer(db):
    system_rbac()
    permission = PermissionFactory(name="kyc.review")
    role = RoleFactory(name="KycReviewer", level=5)
    RolePermissionFactory(role=role, permission=permission)
    user = UserFactory()
    UserRoleFactory(user=user, role=role, assigned_by=user)
    return user


@pytest.fixture
def platform_admin(db):
    return _member("Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def dog(pet_owner):
    return DogProfileFactory(owner=pet_owner, name="Rex")


@pytest.fixture
def other_dog(other_pet_owner):
    return DogProfileFactory(owner=other_pet_owner, name="Bella")


@pytest.fixture
def viewer(dog):
    """A user the dog is shared with, read-only."""
    grant = DogAccessGrantFactory(dog=dog, access_level="View")
    return grant.grantee


@pytest.fixture
def editor(dog):
    """A user the dog is shared with, with Edit access."""
    grant = DogAccessGrantFactory(dog=dog, access_level="Edit")
    return grant.grantee


@pytest.fixture
def client_for(db):
    """An API client signed in as `user` with a bearer token of a fresh session
    (anonymous for None), as a mobile or web client would be."""

    def make(user) -> APIClient:
        client = APIClient()
        if user is not None:
            issued = user_session_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.access_token}")
        return client

    return make
