"""Fixtures of the pets tests: the owner's dogs and the users they are shared with.

The callers themselves (`owner`, `other_owner`, …) are tests/callers.py's.
"""

from __future__ import annotations

import pytest

from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory


@pytest.fixture
def dog(owner):
    return DogProfileFactory(owner=owner, name="Rex")


@pytest.fixture
def other_dog(other_owner):
    return DogProfileFactory(owner=other_owner, name="Bella")


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
