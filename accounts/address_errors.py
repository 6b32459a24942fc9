"""Error codes of the address book (plan 016).

Part of the API contract like `accounts.errors.AccountsErrorCode`: add new codes, never
rename or reuse one.
"""

from __future__ import annotations

from enum import Enum


class AddressErrorCode(Enum):
    INVALID = "invalid"
    ADDRESS_NOT_FOUND = "address_not_found"
    ADDRESS_IN_USE = "address_in_use"
    PERMISSION_DENIED = "permission_denied"
