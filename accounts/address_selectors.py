"""Reads of the address book (plan 016): always the caller's own, active addresses."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from doggy.core.errors import NotFoundError

from .address_errors import AddressErrorCode
from .models import Address, User


def address_list(*, actor: User) -> QuerySet[Address]:
    """The caller's active addresses, the default first (IX_Addresses_User)."""
    return Address.objects.visible_to(actor).order_by("-is_default", "created_at", "id")


def address_get(*, actor: User, address_id: Any) -> Address:
    """One of the caller's active addresses; anyone else's answers 404 as if absent."""
    address = Address.objects.visible_to(actor).filter(pk=address_id).first()
    if address is None:
        raise NotFoundError(AddressErrorCode.ADDRESS_NOT_FOUND, "Address not found.")
    return address
