"""Fixtures of these tests: the six API callers (tests/scheduling/callers.py)."""

from tests.scheduling.callers import (  # noqa: F401 - fixtures are found by name
    admin_user_fixture,
    callers_fixture,
    kyc_reviewer_fixture,
    other_pet_owner_fixture,
    pet_owner_fixture,
    provider_fixture,
    provider_user_fixture,
    rbac_fixture,
)
