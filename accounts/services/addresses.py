"""The address book (plan 016): create, edit, choose the default, deactivate.

Every write first locks the owner's `Users` row, and only then reads (and locks) the
owner's active addresses. One lock per owner, always taken first, serializes the writes
to one address book: two concurrent "make this my default" requests apply one after the
other, UX_Addresses_User_Default (one active default per user, I-13) is never hit by a
race, and there is no lock order to get wrong. Locking the address rows alone was not
enough: a first address has no row to lock, and a new row inserted by one request is
outside the set another request already locked, so bursts hit the unique index or
deadlocked on PostgreSQL.
Deleting deactivates: past appointments keep pointing at the row.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may

from ..address_errors import AddressErrorCode
from ..errors import validation_error
from ..models import Address, ServiceProvider, User

ADDRESS_FIELDS = (
    "label",
    "recipient_name",
    "line1",
    "line2",
    "city",
    "city_area",
    "region",
    "postal_code",
    "country_code",
    "phone",
    "latitude",
    "longitude",
    "access_instructions",
)
AUDITED_FIELDS = ("user", *ADDRESS_FIELDS, "is_default", "is_active")
# Gate and lockbox codes never reach the audit log.
AUDIT_MASK = ("access_instructions",)


def _lock_addresses(user_id: Any) -> list[Address]:
    """Lock the owner's row, then return their active addresses (locked, by pk).

    `FOR NO KEY UPDATE` where the database has it, so the owner lock does not block
    other tables' inserts that reference the user.
    """
    no_key = connection.features.has_select_for_no_key_update
    # Evaluated (not just built) so the lock is taken before the addresses are read.
    list(User.objects.select_for_update(no_key=no_key).filter(pk=user_id).values_list("pk"))
    return list(
        Address.objects.select_for_update().filter(user_id=user_id, is_active=True).order_by("pk")
    )


def _clear_default(user_id: Any, *, keep: Any = None) -> None:
    Address.objects.filter(user_id=user_id, is_active=True, is_default=True).exclude(
        pk=keep
    ).update(is_default=False, updated_at=timezone.now())


def _apply(address: Address, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(ADDRESS_FIELDS)
    if unknown:
        raise TypeError(f"Not editable on an address: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(address, name, value)
    if address.country_code:
        address.country_code = address.country_code.upper()


def _validated(address: Address) -> None:
    try:
        address.full_clean(exclude=["user"])
    except ValidationError as exc:
        raise validation_error(exc) from None


@transaction.atomic
def address_create(*, actor: User, is_default: bool | None = None, **fields: Any) -> Address:
    """Add an address to the caller's book.

    `is_default=None` makes it the default when the caller has none yet; `True` moves
    the default to it (clearing the old one in the same transaction).
    """
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(AddressErrorCode.PERMISSION_DENIED, "Sign in first.")
    existing = _lock_addresses(actor.pk)
    make_default = is_default if is_default is not None else not any(a.is_default for a in existing)
    address = Address(user=actor)
    _apply(address, fields)
    _validated(address)
    if make_default:
        _clear_default(actor.pk)
    address.is_default = make_default
    address.save(force_insert=True)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=address,
        new=model_snapshot(address, AUDITED_FIELDS),
        mask=AUDIT_MASK,
    )
    return address


@transaction.atomic
def address_update(
    *, actor: User, address: Address, is_default: bool | None = None, **changes: Any
) -> Address:
    """Edit one of the caller's active addresses; `is_default=True` makes it the default."""
    if address.user_id != actor.pk:
        raise NotFoundError(AddressErrorCode.ADDRESS_NOT_FOUND, "Address not found.")
    rows = {a.pk: a for a in _lock_addresses(actor.pk)}
    locked = rows.get(address.pk)
    if locked is None:
        raise NotFoundError(AddressErrorCode.ADDRESS_NOT_FOUND, "Address not found.")
    old = model_snapshot(locked, AUDITED_FIELDS)
    _apply(locked, changes)
    _validated(locked)
    if is_default is True and not locked.is_default:
        _clear_default(actor.pk, keep=locked.pk)
    if is_default is not None:
        locked.is_default = is_default
    new = model_snapshot(locked, AUDITED_FIELDS)
    changed = [name for name in new if new[name] != old[name]]
    if changed:
        locked.save(update_fields=[*changed, "updated_at"])
        audit_log_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=locked,
            old={k: old[k] for k in changed},
            new={k: new[k] for k in changed},
            mask=AUDIT_MASK,
        )
    return locked


@transaction.atomic
def address_deactivate(*, actor: User, address: Address) -> Address:
    """Soft-delete an address (its owner, or platform staff).

    Refused with `address_in_use` (409) while it is the centre of a provider's service
    area: the provider picks another base address first, so search never silently drops
    the provider.
    """
    if address.user_id != actor.pk and not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise NotFoundError(AddressErrorCode.ADDRESS_NOT_FOUND, "Address not found.")
    rows = {a.pk: a for a in _lock_addresses(address.user_id)}
    locked = rows.get(address.pk)
    if locked is None:
        raise NotFoundError(AddressErrorCode.ADDRESS_NOT_FOUND, "Address not found.")
    if ServiceProvider.objects.filter(base_address_id=locked.pk).exists():
        raise ConflictError(
            AddressErrorCode.ADDRESS_IN_USE,
            "This address is the centre of your service area; choose another one first.",
        )
    old = model_snapshot(locked, ("is_active", "is_default"))
    locked.is_active = False
    locked.is_default = False
    locked.save(update_fields=["is_active", "is_default", "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old=old,
        new=model_snapshot(locked, ("is_active", "is_default")),
    )
    return locked
