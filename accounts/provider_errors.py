"""Error codes of provider profiles (plan 012) and the address book (plan 016).

Part of the API contract like `accounts.errors.AccountsErrorCode`: add new codes, never
rename or reuse one.
"""

from __future__ import annotations

from enum import Enum


class ProviderErrorCode(Enum):
    INVALID = "invalid"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_PROFILE_MISSING = "provider_profile_missing"
    PROVIDER_PROFILE_EXISTS = "provider_profile_exists"
    PROVIDER_SLUG_TAKEN = "provider_slug_taken"
    PERMISSION_DENIED = "permission_denied"


class AddressErrorCode(Enum):
    INVALID = "invalid"
    ADDRESS_NOT_FOUND = "address_not_found"
    ADDRESS_IN_USE = "address_in_use"
    PERMISSION_DENIED = "permission_denied"
