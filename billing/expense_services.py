"""Writes of the expense ledger (plan 040): an owner records, edits and deletes their own
expenses, per dog or for the household, in `Decimal` amounts with an ISO-4217 currency.

Every write is the caller's own (the dog must be one they own, the category a seeded
system one or theirs) and writes one audit row in its transaction.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError
from doggy.core.updates import model_update
from pets.selectors import dog_get_for_owner

from .errors import BillingErrorCode
from .expense_selectors import expense_category_get
from .models import PetExpense

EXPENSE_FIELDS = (
    "dog",
    "category",
    "amount",
    "currency",
    "expense_date",
    "vendor",
    "description",
)
EDITABLE_FIELDS = EXPENSE_FIELDS


def _validation_error(exc: ValidationError) -> ApplicationError:
    fields = {
        ("non_field_errors" if name == NON_FIELD_ERRORS else name): [str(m) for m in messages]
        for name, messages in exc.message_dict.items()
    }
    first = next(iter(fields.values()))[0]
    return ApplicationError(BillingErrorCode.INVALID, first, fields=fields)


def _resolve(actor, values: dict[str, Any]) -> dict[str, Any]:
    """Turn the API's `dog` id and `category` slug into the caller's rows."""
    resolved = dict(values)
    if "dog" in resolved:
        dog = resolved["dog"]
        resolved["dog"] = None if dog is None else dog_get_for_owner(actor=actor, dog_id=dog)
    if "category" in resolved:
        resolved["category"] = expense_category_get(actor=actor, slug=resolved["category"])
    if "currency" in resolved:
        resolved["currency"] = str(resolved["currency"]).upper()
    return resolved


@transaction.atomic
def expense_create(
    *,
    actor,
    category: str,
    amount: Decimal,
    currency: str,
    expense_date: datetime.date,
    dog: Any = None,
    vendor: str = "",
    description: str = "",
) -> PetExpense:
    """Record one expense of the caller (a dog's, or the household's without `dog`)."""
    values = _resolve(
        actor,
        {
            "dog": dog,
            "category": category,
            "amount": amount,
            "currency": currency,
            "expense_date": expense_date,
            "vendor": vendor,
            "description": description,
        },
    )
    expense = PetExpense(owner=actor, **values)
    try:
        expense.full_clean(exclude=["owner"])
    except ValidationError as exc:
        raise _validation_error(exc) from None
    expense.save(force_insert=True)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=expense,
        new=model_snapshot(expense, EXPENSE_FIELDS),
    )
    return expense


@transaction.atomic
def expense_update(*, actor, expense: PetExpense, **changes: Any) -> PetExpense:
    """Edit the caller's expense (the row locked; one audit row when something changed)."""
    locked = PetExpense.objects.select_for_update().get(pk=expense.pk, owner_id=actor.pk)
    model_update(
        locked,
        actor=actor,
        changes=_resolve(actor, changes),
        allowed=EDITABLE_FIELDS,
        validation_error=_validation_error,
        conflict_error=lambda exc: ConflictError(
            BillingErrorCode.INVALID, "The expense changed meanwhile; reload it."
        ),
    )
    return locked


@transaction.atomic
def expense_delete(*, actor, expense: PetExpense) -> None:
    """Delete the caller's expense, keeping its values in the audit row."""
    locked = PetExpense.objects.select_for_update().get(pk=expense.pk, owner_id=actor.pk)
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old=model_snapshot(locked, EXPENSE_FIELDS),
    )
    locked.delete()
