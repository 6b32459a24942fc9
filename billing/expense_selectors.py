"""Reads of the expense ledger (plan 040): always the caller's own expenses.

`expense_list` takes the filters (dog, category slug, dates, currency) in its `WHERE`;
`expense_summary` totals the same rows by month, category and currency in one grouped
query (IX_PetExpenses_Owner_Date).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from doggy.core.errors import NotFoundError
from doggy.core.prepared import Param, PreparedList
from doggy.selectors import stored_file_get_for_download

from .choices import BudgetPeriod
from .errors import BillingErrorCode
from .models import ExpenseBudget, ExpenseCategory, PetExpense


def expense_category_list(*, actor) -> QuerySet[ExpenseCategory]:
    """The seeded system categories and the caller's own, in display order."""
    return ExpenseCategory.objects.filter(
        Q(owner__isnull=True) | Q(owner_id=getattr(actor, "pk", None))
    ).order_by("sort_order", "name", "id")


def expense_category_get(*, actor, slug: str) -> ExpenseCategory:
    """A category the caller may use, by slug (the caller's own first)."""
    found = sorted(
        expense_category_list(actor=actor).filter(slug=slug), key=lambda c: c.owner_id is None
    )
    if not found:
        raise NotFoundError(BillingErrorCode.EXPENSE_CATEGORY_NOT_FOUND, "Category not found.")
    return found[0]


def _owned(owner_id: Any) -> QuerySet[PetExpense]:
    return PetExpense.objects.filter(owner_id=owner_id)


# The columns a list row shows (the API's ExpenseSerializer): the dog by id, the
# category by slug and the receipt's description, not their whole rows.
LIST_FIELDS = (
    "id",
    "dog",
    "category",
    "category__slug",
    "amount",
    "currency",
    "expense_date",
    "vendor",
    "description",
    "source",
    "receipt_file",
    "receipt_file__original_file_name",
    "receipt_file__content_type",
    "receipt_file__size_bytes",
    "receipt_file__scan_status",
    "created_at",
    "updated_at",
)
_ORDER = ("-expense_date", "-created_at", "id")


def _listed(rows: QuerySet[PetExpense]) -> QuerySet[PetExpense]:
    return rows.select_related("category", "receipt_file").only(*LIST_FIELDS).order_by(*_ORDER)


# The unfiltered ledger, compiled once per process (docs/development/performance.md).
_PLAIN_EXPENSE_LIST = PreparedList(
    lambda owner_id: _listed(_owned(owner_id)),
    owner_id=Param("prepared-list-owner", field=PetExpense._meta.get_field("owner").target_field),
)


_FILTERS = ("dog", "category", "date_from", "date_to", "currency")


def expense_list(*, actor, filters: Mapping[str, Any] | None = None) -> QuerySet[PetExpense]:
    """The caller's expenses, newest first, with their category and receipt in the same query.

    `filters`: `dog` (id), `category` (slug), `date_from` / `date_to` (inclusive),
    `currency`.
    """
    filters = filters or {}
    if not any(filters.get(name) for name in _FILTERS):
        return _PLAIN_EXPENSE_LIST.bind(owner_id=actor.pk)
    rows = _owned(actor.pk)
    if filters.get("dog"):
        rows = rows.filter(dog_id=filters["dog"])
    if filters.get("category"):
        rows = rows.filter(category__slug=filters["category"])
    if filters.get("date_from"):
        rows = rows.filter(expense_date__gte=filters["date_from"])
    if filters.get("date_to"):
        rows = rows.filter(expense_date__lte=filters["date_to"])
    if filters.get("currency"):
        rows = rows.filter(currency=filters["currency"].upper())
    return _listed(rows)


def expense_get(*, actor, expense_id: Any) -> PetExpense:
    """One of the caller's expenses; anyone else's answers 404 as if absent."""
    expense = (
        _owned(actor.pk)
        .select_related("category", "dog", "receipt_file")
        .filter(pk=expense_id)
        .first()
    )
    if expense is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_NOT_FOUND, "Expense not found.")
    return expense


def expense_category_get_own(*, actor, slug: str) -> ExpenseCategory:
    """One of the caller's own categories (never a system one), by slug."""
    category = ExpenseCategory.objects.filter(owner_id=actor.pk, slug=slug).first()
    if category is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_CATEGORY_NOT_FOUND, "Category not found.")
    return category


# The export's columns: header -> the value path read in the one query.
EXPORT_COLUMNS = (
    ("id", "id"),
    ("expense_date", "expense_date"),
    ("category", "category__slug"),
    ("category_name", "category__name"),
    ("dog", "dog_id"),
    ("dog_name", "dog__name"),
    ("amount", "amount"),
    ("currency", "currency"),
    ("vendor", "vendor"),
    ("description", "description"),
    ("source", "source"),
    ("has_receipt", "receipt_file_id"),
    ("created_at", "created_at"),
)
EXPORT_CHUNK_SIZE = 500


def expense_export_rows(*, actor, filters: Mapping[str, Any] | None = None):
    """The caller's filtered expenses as tuples in `EXPORT_COLUMNS` order, read lazily in
    chunks of `EXPORT_CHUNK_SIZE` (one query with its joins, however many rows)."""
    rows = (
        expense_list(actor=actor, filters=filters)
        .select_related(None)
        .values_list(*(path for _, path in EXPORT_COLUMNS))
    )
    return rows.iterator(chunk_size=EXPORT_CHUNK_SIZE)


def expense_receipt_get(*, actor, expense_id: Any):
    """The receipt file of one of the caller's expenses, once its virus scan passed.

    An expense of someone else, an expense without a receipt, or a receipt still waiting
    for (or failing) its scan: NotFoundError.
    """
    expense = expense_get(actor=actor, expense_id=expense_id)
    if expense.receipt_file_id is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_RECEIPT_NOT_FOUND, "Receipt not found.")
    try:
        return stored_file_get_for_download(actor=actor, file_id=expense.receipt_file_id)
    except NotFoundError:
        raise NotFoundError(
            BillingErrorCode.EXPENSE_RECEIPT_NOT_FOUND, "Receipt not found."
        ) from None


# --- Budgets --------------------------------------------------------------------------------


def budget_list(*, actor) -> QuerySet[ExpenseBudget]:
    """The caller's budgets, the total ones first, with their category in the same query."""
    return (
        ExpenseBudget.objects.filter(owner_id=actor.pk)
        .select_related("category")
        .order_by("period", "category__sort_order", "category_id", "id")
    )


def budget_get(*, actor, budget_id: Any) -> ExpenseBudget:
    """One of the caller's budgets; anyone else's answers 404 as if absent."""
    budget = budget_list(actor=actor).filter(pk=budget_id).first()
    if budget is None:
        raise NotFoundError(BillingErrorCode.BUDGET_NOT_FOUND, "Budget not found.")
    return budget


def budget_owner_ids(*, after: Any = None, limit: int = 500) -> list[Any]:
    """Ids of the owners who have a budget, ascending, the `limit` after `after` (for the
    alert sweep's batches)."""
    owners = ExpenseBudget.objects.order_by("owner_id").values_list("owner_id", flat=True)
    if after is not None:
        owners = owners.filter(owner_id__gt=after)
    return list(owners.distinct()[:limit])


def budget_period_bounds(period: str, on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month or year that contains `on`."""
    if period == BudgetPeriod.YEARLY:
        return datetime.date(on.year, 1, 1), datetime.date(on.year, 12, 31)
    start = on.replace(day=1)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, following - datetime.timedelta(days=1)


def budget_statuses(*, actor, on: datetime.date | None = None) -> list[dict[str, Any]]:
    """Each of the caller's budgets against the spend of its period containing `on`
    (today by default), counted in the budget's currency only: expenses in another
    currency are never converted or added (they show in `other_currencies`).

    Two queries whatever the number of budgets: the budgets, and the period's spend grouped
    by category and currency (IX_PetExpenses_Owner_Date) with the month's and the year's
    sums side by side.
    """
    on = on or timezone.localdate()
    budgets = list(budget_list(actor=actor))
    if not budgets:
        return []
    month_start, month_end = budget_period_bounds(BudgetPeriod.MONTHLY, on)
    year_start, year_end = budget_period_bounds(BudgetPeriod.YEARLY, on)
    in_month = Q(expense_date__gte=month_start, expense_date__lte=month_end)
    spend = (
        PetExpense.objects.filter(
            owner_id=actor.pk, expense_date__gte=year_start, expense_date__lte=year_end
        )
        .values("category_id", "currency")
        .annotate(year=Sum("amount"), month=Sum("amount", filter=in_month))
        .order_by()
    )
    sums: dict[tuple[str, Any, str], Decimal] = {}
    for row in spend:
        for period, key in ((BudgetPeriod.MONTHLY, "month"), (BudgetPeriod.YEARLY, "year")):
            amount = row[key] or Decimal("0")
            for category in (row["category_id"], None):  # its category, and the total
                index = (period, category, row["currency"])
                sums[index] = sums.get(index, Decimal("0")) + amount
    statuses = []
    for budget in budgets:
        start, end = budget_period_bounds(budget.period, on)
        spent = sums.get((budget.period, budget.category_id, budget.currency), Decimal("0"))
        others = sorted(
            currency
            for (period, category, currency), amount in sums.items()
            if period == budget.period
            and category == budget.category_id
            and currency != budget.currency
            and amount > 0
        )
        statuses.append(
            {
                "budget": budget,
                "id": budget.pk,
                "category": budget.category.slug if budget.category_id else None,
                "period": budget.period,
                "period_start": start,
                "period_end": end,
                "amount": budget.amount,
                "currency": budget.currency,
                "spent": spent,
                "remaining": budget.amount - spent,
                "percent": int(spent * 100 // budget.amount),
                "other_currencies": others,
            }
        )
    return statuses


def expense_summary(*, actor, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Totals of the filtered expenses by month and category, and by category, per
    currency (amounts of different currencies are never added), and each budget's
    status in its current period (`budget_statuses`)."""
    rows = (
        expense_list(actor=actor, filters=filters)
        .order_by()
        .annotate(month=TruncMonth("expense_date"))
        .values("month", "category__slug", "category__name", "currency")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by("month", "category__slug", "currency")
    )
    months: list[dict[str, Any]] = []
    by_category: dict[tuple[str, str], dict[str, Any]] = {}
    totals: dict[str, Decimal] = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        month_key = month.strftime("%Y-%m")
        months.append(
            {
                "month": month_key,
                "category": row["category__slug"],
                "currency": row["currency"],
                "total": row["total"],
                "count": row["count"],
            }
        )
        key = (row["category__slug"], row["currency"])
        entry = by_category.setdefault(
            key,
            {
                "category": row["category__slug"],
                "name": row["category__name"],
                "currency": row["currency"],
                "total": Decimal("0"),
                "count": 0,
            },
        )
        entry["total"] += row["total"]
        entry["count"] += row["count"]
        totals[row["currency"]] = totals.get(row["currency"], Decimal("0")) + row["total"]
    return {
        "by_month": months,
        "by_category": sorted(by_category.values(), key=lambda e: (e["category"], e["currency"])),
        "totals": [{"currency": c, "total": totals[c]} for c in sorted(totals)],
        "budgets": budget_statuses(actor=actor),
    }
