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

from doggy.core.errors import NotFoundError
from doggy.core.prepared import Param, PreparedList

from .errors import BillingErrorCode
from .models import ExpenseCategory, PetExpense


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


def _listed(rows: QuerySet[PetExpense]) -> QuerySet[PetExpense]:
    return rows.select_related("category", "dog").order_by("-expense_date", "-created_at", "id")


# The unfiltered ledger, compiled once per process (docs/development/performance.md).
_PLAIN_EXPENSE_LIST = PreparedList(
    lambda owner_id: _listed(_owned(owner_id)),
    owner_id=Param("prepared-list-owner", field=PetExpense._meta.get_field("owner").target_field),
)


_FILTERS = ("dog", "category", "date_from", "date_to", "currency")


def expense_list(*, actor, filters: Mapping[str, Any] | None = None) -> QuerySet[PetExpense]:
    """The caller's expenses, newest first, with their category and dog in the same query.

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
    expense = expense_list(actor=actor).filter(pk=expense_id).first()
    if expense is None:
        raise NotFoundError(BillingErrorCode.EXPENSE_NOT_FOUND, "Expense not found.")
    return expense


def expense_summary(*, actor, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Totals of the filtered expenses by month and category, and by category, per
    currency (amounts of different currencies are never added)."""
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
    }
