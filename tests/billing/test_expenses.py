"""Plan 040: an owner's expense ledger through the API: CRUD, filters, the summary by month
and category, and the seeded categories; always the caller's own."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from audit.choices import AuditAction
from audit.models import AuditLog
from billing.models import ExpenseCategory, PetExpense
from tests.billing.factories import ExpenseCategoryFactory, PetExpenseFactory
from tests.callers import bearer_client
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.django_db

EXPENSES = "/api/v1/billing/expenses/"
SUMMARY = "/api/v1/billing/expenses/summary/"
CATEGORIES = "/api/v1/billing/expense-categories/"


@pytest.fixture
def vet(db):
    """The seeded Veterinary category (got or created without the seed migration)."""
    category, _ = ExpenseCategory.objects.get_or_create(
        slug="veterinary",
        owner=None,
        defaults={"name": "Veterinary", "is_system": True, "sort_order": 2},
    )
    return category


@pytest.fixture
def food(db):
    category, _ = ExpenseCategory.objects.get_or_create(
        slug="food-treats",
        owner=None,
        defaults={"name": "Food & Treats", "is_system": True, "sort_order": 1},
    )
    return category


def _expense(owner, category, amount, day, *, dog=None, currency="USD"):
    return PetExpenseFactory(
        owner=owner,
        dog=dog,
        category=category,
        amount=Decimal(amount),
        currency=currency,
        expense_date=day,
        receipt_file=None,
    )


def test_an_owner_records_edits_and_deletes_an_expense_of_their_dog(owner, vet):
    client = bearer_client(owner)
    dog = DogProfileFactory(owner=owner)

    # when
    created = client.post(
        EXPENSES,
        {
            "dog": str(dog.pk),
            "category": "veterinary",
            "amount": "120.50",
            "currency": "eur",
            "expense_date": "2026-11-03",
            "vendor": "Town Vets",
        },
    )

    # then
    assert created.status_code == 201
    body = created.json()
    assert (body["dog"], body["category"], body["amount"], body["currency"]) == (
        str(dog.pk),
        "veterinary",
        "120.50",
        "EUR",
    )
    expense = PetExpense.objects.get(pk=body["id"])
    assert (expense.owner_id, expense.amount) == (owner.pk, Decimal("120.50"))

    edited = client.patch(f"{EXPENSES}{expense.pk}/", {"amount": "99.99", "dog": None})
    assert edited.status_code == 200
    assert (edited.json()["amount"], edited.json()["dog"]) == ("99.99", None)

    deleted = client.delete(f"{EXPENSES}{expense.pk}/")
    assert deleted.status_code == 204
    assert not PetExpense.objects.filter(pk=expense.pk).exists()
    # (one row each; AuditLogs ids are UUIDs and PostgreSQL stamps a transaction's rows alike)
    actions = sorted(
        AuditLog.objects.filter(entity_id=str(expense.pk)).values_list("action", flat=True)
    )
    assert actions == sorted([AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE])
    deleted_row = AuditLog.objects.get(entity_id=str(expense.pk), action=AuditAction.DELETE)
    assert deleted_row.old_values["amount"] == "99.99"


def test_another_owners_dog_or_expense_is_not_found(owner, other_owner, vet):
    theirs = DogProfileFactory(owner=other_owner)
    client = bearer_client(owner)
    response = client.post(
        EXPENSES,
        {
            "dog": str(theirs.pk),
            "category": "veterinary",
            "amount": "10.00",
            "currency": "USD",
            "expense_date": "2026-11-03",
        },
    )
    assert response.status_code == 404
    their_expense = _expense(other_owner, vet, "5.00", datetime.date(2026, 11, 1))
    assert client.get(f"{EXPENSES}{their_expense.pk}/").status_code == 404
    assert client.get(EXPENSES).json()["count"] == 0


def test_amounts_and_categories_are_checked(owner, vet):
    client = bearer_client(owner)
    base = {"category": "veterinary", "currency": "USD", "expense_date": "2026-11-03"}
    zero = client.post(EXPENSES, {**base, "amount": "0.00"})
    assert zero.status_code == 400
    assert list(zero.json()["error"]["fields"]) == ["amount"]
    unknown = client.post(EXPENSES, {**base, "amount": "1.00", "category": "yachts"})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "expense_category_not_found"
    # another owner's own category is not the caller's
    theirs = ExpenseCategoryFactory(slug="their-hobby")
    assert client.post(
        EXPENSES, {**base, "amount": "1.00", "category": theirs.slug}
    ).status_code == (404)


def test_the_list_filters_by_dog_category_dates_and_currency(owner, vet, food):
    rex = DogProfileFactory(owner=owner)
    first = _expense(owner, vet, "100.00", datetime.date(2026, 10, 5), dog=rex)
    _expense(owner, food, "20.00", datetime.date(2026, 11, 2), dog=rex)
    _expense(owner, vet, "50.00", datetime.date(2026, 11, 9))
    _expense(owner, vet, "30.00", datetime.date(2026, 11, 10), currency="EUR")
    client = bearer_client(owner)

    def ids(**params):
        return [row["amount"] for row in client.get(EXPENSES, params).json()["results"]]

    assert ids() == ["30.00", "50.00", "20.00", "100.00"]
    assert ids(dog=str(rex.pk)) == ["20.00", "100.00"]
    assert ids(category="veterinary", currency="usd") == ["50.00", "100.00"]
    assert ids(date_from="2026-11-01", date_to="2026-11-09") == ["50.00", "20.00"]
    assert client.get(f"{EXPENSES}{first.pk}/").json()["dog"] == str(rex.pk)
    bad = client.get(EXPENSES, {"date_from": "2026-11-10", "date_to": "2026-11-01"})
    assert bad.status_code == 400
    assert bad.json()["error"]["fields"] == {"date_to": ["Must not be before date_from."]}


def test_the_summary_totals_by_month_and_category_per_currency(owner, other_owner, vet, food):
    _expense(owner, vet, "100.00", datetime.date(2026, 10, 5))
    _expense(owner, vet, "50.25", datetime.date(2026, 10, 20))
    _expense(owner, food, "20.00", datetime.date(2026, 11, 2))
    _expense(owner, vet, "30.00", datetime.date(2026, 11, 10), currency="EUR")
    _expense(other_owner, vet, "999.00", datetime.date(2026, 11, 10))

    body = bearer_client(owner).get(SUMMARY).json()

    assert body["by_month"] == [
        {
            "month": "2026-10",
            "category": "veterinary",
            "currency": "USD",
            "total": "150.25",
            "count": 2,
        },
        {
            "month": "2026-11",
            "category": "food-treats",
            "currency": "USD",
            "total": "20.00",
            "count": 1,
        },
        {
            "month": "2026-11",
            "category": "veterinary",
            "currency": "EUR",
            "total": "30.00",
            "count": 1,
        },
    ]
    assert body["by_category"] == [
        {
            "category": "food-treats",
            "name": "Food & Treats",
            "currency": "USD",
            "total": "20.00",
            "count": 1,
        },
        {
            "category": "veterinary",
            "name": "Veterinary",
            "currency": "EUR",
            "total": "30.00",
            "count": 1,
        },
        {
            "category": "veterinary",
            "name": "Veterinary",
            "currency": "USD",
            "total": "150.25",
            "count": 2,
        },
    ]
    assert body["totals"] == [
        {"currency": "EUR", "total": "30.00"},
        {"currency": "USD", "total": "170.25"},
    ]


def test_categories_are_the_seeded_ones_and_the_callers_own(owner, other_owner, vet, food):
    mine = ExpenseCategoryFactory(owner=owner, slug="agility", name="Agility", sort_order=50)
    ExpenseCategoryFactory(owner=other_owner, slug="theirs", name="Theirs")
    slugs = [row["slug"] for row in bearer_client(owner).get(CATEGORIES).json()]
    assert "agility" in slugs
    assert "theirs" not in slugs
    assert {"veterinary", "food-treats"} <= set(slugs)
    assert slugs.index("food-treats") < slugs.index(mine.slug)


@pytest.mark.parametrize("count", [2, 6])
def test_the_list_and_summary_cost_the_same_at_any_size(
    owner, vet, count, django_assert_num_queries
):
    dog = DogProfileFactory(owner=owner)
    for n in range(count):
        _expense(owner, vet, "10.00", datetime.date(2026, 1 + n, 1), dog=dog)
    client = bearer_client(owner)
    client.get(EXPENSES)  # warm the per-user caches
    # the session, the count, the page (category and dog joined)
    with django_assert_num_queries(3):
        assert client.get(EXPENSES).json()["count"] == count
    # the session, one grouped query, the budgets (none)
    with django_assert_num_queries(3):
        assert len(client.get(SUMMARY).json()["by_month"]) == count
