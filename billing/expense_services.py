"""Writes of the expense ledger (plan 040): an owner records, edits and deletes their own
expenses, per dog or for the household, in `Decimal` amounts with an ISO-4217 currency.

Every write is the caller's own (the dog must be one they own, the category a seeded
system one or theirs) and writes one audit row in its transaction. Receipts are
StoredFiles (purpose Receipt, private, virus-scanned like every upload); replacing or
removing one, or deleting its expense, soft-deletes the old file through the platform's
service. Owners keep their own categories and monthly or yearly budgets.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.choices import FilePurpose, FileVisibility
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError
from doggy.core.updates import model_update
from doggy.models import StoredFile
from doggy.services import stored_file_create, stored_file_soft_delete
from pets.selectors import dog_get_for_owner

from .errors import BillingErrorCode
from .expense_selectors import expense_category_get
from .models import ExpenseBudget, ExpenseCategory, PetExpense

# Receipts: photos or PDFs, at most 10 MiB (the types the bytes must prove, see
# doggy.services.stored_file_create).
RECEIPT_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"]
RECEIPT_MAX_SIZE = 10 * 1024 * 1024

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


def _lock_own(actor, expense: PetExpense) -> PetExpense:
    locked = PetExpense.objects.select_for_update().filter(pk=expense.pk, owner_id=actor.pk).first()
    if locked is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_NOT_FOUND, "Expense not found.")
    return locked


def _drop_receipt(actor, file_id) -> None:
    """Soft-delete a receipt file through the platform's service (the purge job removes
    the blob)."""
    if file_id is None:
        return
    stored = StoredFile.objects.filter(pk=file_id).first()
    if stored is not None:
        stored_file_soft_delete(actor=actor, file=stored)


@transaction.atomic
def expense_delete(*, actor, expense: PetExpense) -> None:
    """Delete the caller's expense, keeping its values in the audit row; its receipt file
    is deleted with it."""
    locked = _lock_own(actor, expense)
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old=model_snapshot(locked, (*EXPENSE_FIELDS, "receipt_file")),
    )
    receipt_id = locked.receipt_file_id
    locked.delete()
    _drop_receipt(actor, receipt_id)


# --- Receipts -------------------------------------------------------------------------------


def expense_receipt_attach(*, actor, expense: PetExpense, uploaded_file) -> PetExpense:
    """Store `uploaded_file` as the expense's receipt, replacing (and deleting) the old one.

    The blob is stored outside any transaction (see `stored_file_create`): a bad file is a
    400 that leaves nothing behind, and if the expense cannot take the file (deleted
    meanwhile) the new file is soft-deleted at once. The new receipt is served once its
    virus scan passed.
    """
    stored = stored_file_create(
        actor=actor,
        uploaded_file=uploaded_file,
        purpose=FilePurpose.RECEIPT,
        visibility=FileVisibility.PRIVATE,
        max_size=RECEIPT_MAX_SIZE,
        allowed_content_types=RECEIPT_CONTENT_TYPES,
    )
    try:
        with transaction.atomic():
            locked = _lock_own(actor, expense)
            old_id = locked.receipt_file_id
            locked.receipt_file = stored
            locked.save(update_fields=["receipt_file", "updated_at"])
            audit_log_record(
                actor=actor,
                action=AuditAction.UPDATE,
                target=locked,
                old={"receipt_file": str(old_id) if old_id else None},
                new={"receipt_file": str(stored.pk)},
            )
            _drop_receipt(actor, old_id)
    except Exception:
        stored_file_soft_delete(actor=actor, file=stored)
        raise
    return locked


@transaction.atomic
def expense_receipt_remove(*, actor, expense: PetExpense) -> PetExpense:
    """Take the receipt off the expense and delete its file; 404 when there is none."""
    locked = _lock_own(actor, expense)
    old_id = locked.receipt_file_id
    if old_id is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_RECEIPT_NOT_FOUND, "Receipt not found.")
    locked.receipt_file = None
    locked.save(update_fields=["receipt_file", "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"receipt_file": str(old_id)},
        new={"receipt_file": None},
    )
    _drop_receipt(actor, old_id)
    return locked


# --- The owner's categories (A21) -----------------------------------------------------------

CATEGORY_FIELDS = ("name", "slug", "icon", "sort_order")


@transaction.atomic
def expense_category_create(
    *, actor, name: str, icon: str = "", sort_order: int = 100
) -> ExpenseCategory:
    """Add one of the caller's own categories; its slug comes from the name.

    A name or slug the caller already uses, or one of a system category (which the
    caller's own would hide), is a 409 `expense_category_exists`.
    """
    name = " ".join(str(name).split())
    slug = slugify(name)[:100]
    if not slug:
        raise ApplicationError(
            BillingErrorCode.INVALID,
            "Use a name with letters or digits.",
            fields={"name": ["Use a name with letters or digits."]},
        )
    visible = Q(owner__isnull=True) | Q(owner_id=actor.pk)
    clash = ExpenseCategory.objects.filter(visible).filter(Q(slug=slug) | Q(name__iexact=name))
    conflict = ConflictError(
        BillingErrorCode.EXPENSE_CATEGORY_EXISTS,
        f"A category named {name!r} exists already.",
        fields={"name": ["A category with this name exists already."]},
    )
    if clash.exists():
        raise conflict
    category = ExpenseCategory(
        owner=actor, name=name, slug=slug, icon=icon, is_system=False, sort_order=sort_order
    )
    try:
        category.full_clean(exclude=["owner"], validate_constraints=False)
    except ValidationError as exc:
        raise _validation_error(exc) from None
    try:
        with transaction.atomic():
            category.save(force_insert=True)
    except IntegrityError:
        raise conflict from None
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=category,
        new=model_snapshot(category, CATEGORY_FIELDS),
    )
    return category


@transaction.atomic
def expense_category_delete(*, actor, category: ExpenseCategory) -> None:
    """Delete one of the caller's own categories; one that expenses use is a 409 (its
    budgets go with it)."""
    locked = (
        ExpenseCategory.objects.select_for_update()
        .filter(pk=category.pk, owner_id=actor.pk)
        .first()
    )
    if locked is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_CATEGORY_NOT_FOUND, "Category not found.")
    if PetExpense.objects.filter(category_id=locked.pk).exists():
        raise ConflictError(
            BillingErrorCode.EXPENSE_CATEGORY_IN_USE,
            "Expenses use this category; move them to another one first.",
        )
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old=model_snapshot(locked, CATEGORY_FIELDS),
    )
    locked.delete()


# --- Budgets --------------------------------------------------------------------------------

BUDGET_FIELDS = ("category", "period", "amount", "currency")


def _budget_conflict() -> ConflictError:
    return ConflictError(
        BillingErrorCode.BUDGET_EXISTS,
        "A budget for this category and period exists already.",
        fields={"category": ["A budget for this category and period exists already."]},
    )


def _budget_taken(actor, budget: ExpenseBudget) -> bool:
    others = ExpenseBudget.objects.filter(
        owner_id=actor.pk, period=budget.period, category_id=budget.category_id
    )
    if budget.pk is not None:
        others = others.exclude(pk=budget.pk)
    return others.exists()


def _resolve_budget(actor, values: dict[str, Any]) -> dict[str, Any]:
    resolved = dict(values)
    if "category" in resolved:
        slug = resolved["category"]
        if slug is not None:
            resolved["category"] = expense_category_get(actor=actor, slug=slug)
    if "currency" in resolved:
        resolved["currency"] = str(resolved["currency"]).upper()
    return resolved


@transaction.atomic
def budget_create(
    *, actor, amount: Decimal, currency: str, period: str, category: str | None = None
) -> ExpenseBudget:
    """Set a monthly or yearly budget of the caller, for one category or (no category) in
    total; a second one for the same category and period is a 409 `budget_exists`
    (UX_ExpenseBudgets_Key / UX_ExpenseBudgets_Total)."""
    values = _resolve_budget(
        actor, {"category": category, "amount": amount, "currency": currency, "period": period}
    )
    budget = ExpenseBudget(owner=actor, **values)
    try:
        budget.full_clean(exclude=["owner"], validate_constraints=False)
    except ValidationError as exc:
        raise _validation_error(exc) from None
    if _budget_taken(actor, budget):
        raise _budget_conflict()
    try:
        with transaction.atomic():
            budget.save(force_insert=True)
    except IntegrityError:
        raise _budget_conflict() from None
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=budget,
        new=model_snapshot(budget, BUDGET_FIELDS),
    )
    return budget


@transaction.atomic
def budget_update(*, actor, budget: ExpenseBudget, **changes: Any) -> ExpenseBudget:
    """Edit the caller's budget (the row locked; one audit row when something changed)."""
    locked = ExpenseBudget.objects.select_for_update().filter(pk=budget.pk, owner_id=actor.pk)
    locked = locked.first()
    if locked is None:
        raise NotFoundError(BillingErrorCode.BUDGET_NOT_FOUND, "Budget not found.")
    resolved = _resolve_budget(actor, changes)
    probe = ExpenseBudget(
        pk=locked.pk,
        period=resolved.get("period", locked.period),
        category=resolved.get("category", locked.category),
    )
    if _budget_taken(actor, probe):
        raise _budget_conflict()
    model_update(
        locked,
        actor=actor,
        changes=resolved,
        allowed=BUDGET_FIELDS,
        validation_error=_validation_error,
        conflict_error=lambda exc: _budget_conflict(),
    )
    return locked


@transaction.atomic
def budget_delete(*, actor, budget: ExpenseBudget) -> None:
    """Delete the caller's budget, keeping its values in the audit row."""
    locked = ExpenseBudget.objects.select_for_update().filter(pk=budget.pk, owner_id=actor.pk)
    locked = locked.first()
    if locked is None:
        raise NotFoundError(BillingErrorCode.BUDGET_NOT_FOUND, "Budget not found.")
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old=model_snapshot(locked, BUDGET_FIELDS),
    )
    locked.delete()
