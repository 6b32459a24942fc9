"""Plan 040: the streaming CSV export of an owner's expenses (the list's filters, constant
queries, no formula ever reaches a spreadsheet) and the owner's own categories (A21)."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest

from billing.api.expenses import csv_cell
from billing.models import ExpenseCategory
from tests.billing.factories import ExpenseCategoryFactory, PetExpenseFactory
from tests.callers import bearer_client
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/billing/expenses/export.csv"
CATEGORIES = "/api/v1/billing/expense-categories/"
EXPENSES = "/api/v1/billing/expenses/"
HEADER = [
    "id",
    "expense_date",
    "category",
    "category_name",
    "dog",
    "dog_name",
    "amount",
    "currency",
    "vendor",
    "description",
    "source",
    "has_receipt",
    "created_at",
]


def _vet() -> ExpenseCategory:
    return ExpenseCategory.objects.get(slug="veterinary", owner__isnull=True)


def _expense(owner, amount="10.00", day=datetime.date(2026, 11, 3), **extra):
    extra.setdefault("receipt_file", None)
    return PetExpenseFactory(
        owner=owner,
        category=extra.pop("category", _vet()),
        amount=Decimal(amount),
        currency=extra.pop("currency", "USD"),
        expense_date=day,
        **extra,
    )


def _rows(response) -> list[list[str]]:
    assert response.streaming is True
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_the_export_streams_the_callers_expenses_as_csv(owner, other_owner):
    dog = DogProfileFactory(owner=owner, name="Rex")
    mine = _expense(owner, "120.50", dog=dog, vendor="Town Vets", description="Check-up")
    _expense(other_owner, "999.00")

    response = bearer_client(owner).get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="expenses-')
    assert response["Content-Disposition"].endswith('.csv"')
    rows = _rows(response)
    assert rows[0] == HEADER
    assert rows[1][:12] == [
        str(mine.pk),
        "2026-11-03",
        "veterinary",
        "Veterinary",
        str(dog.pk),
        "Rex",
        "120.50",
        "USD",
        "Town Vets",
        "Check-up",
        "Manual",
        "no",
    ]
    assert len(rows) == 2


def test_the_export_takes_the_lists_filters(owner):
    _expense(owner, "1.00", datetime.date(2026, 10, 1))
    _expense(owner, "2.00", datetime.date(2026, 11, 1), currency="EUR")
    _expense(owner, "3.00", datetime.date(2026, 11, 2))
    client = bearer_client(owner)

    def amounts(**params):
        return [row[6] for row in _rows(client.get(EXPORT, params))[1:]]

    assert amounts() == ["3.00", "2.00", "1.00"]
    assert amounts(date_from="2026-11-01", currency="usd") == ["3.00"]
    bad = client.get(EXPORT, {"date_from": "2026-11-10", "date_to": "2026-11-01"})
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/json"
    assert bad.json()["error"]["fields"] == {"date_to": ["Must not be before date_from."]}


def test_the_export_answers_a_client_that_accepts_only_csv(owner):
    _expense(owner)
    client = bearer_client(owner)
    assert client.get(EXPORT, HTTP_ACCEPT="text/csv").status_code == 200
    assert client.get(EXPORT, {"format": "csv"}).status_code == 200


def test_an_unknown_format_is_the_documented_404_in_the_one_error_shape(owner):
    response = bearer_client(owner).get(EXPORT, {"format": "xlsx"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()["error"]) >= {"code", "message"}


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Town Vets", "Town Vets"),
        (None, ""),
        (Decimal("5.00"), "5.00"),
    ],
)
def test_no_cell_starts_like_a_formula(value, cell):
    assert csv_cell(value) == cell


def test_a_formula_in_the_vendor_is_exported_as_text(owner):
    _expense(owner, vendor="=cmd|' /C calc'!A0", description="@SUM(1)")
    row = _rows(bearer_client(owner).get(EXPORT))[1]
    assert (row[8], row[9]) == ("'=cmd|' /C calc'!A0", "'@SUM(1)")


@pytest.mark.parametrize("count", [1, 30])
def test_the_export_costs_the_same_queries_at_any_size(owner, count, django_assert_num_queries):
    dogs = [DogProfileFactory(owner=owner) for _ in range(2)]
    for n in range(count):
        _expense(owner, dog=dogs[n % 2])
    client = bearer_client(owner)
    client.get(EXPORT)  # warm the per-user caches
    # the session, the one query of rows (category and dog joined), read in chunks
    with django_assert_num_queries(2):
        assert len(_rows(client.get(EXPORT))) == count + 1


# --- The owner's own categories (A21) ---------------------------------------------------------


def test_an_owner_adds_a_category_and_uses_it(owner, other_owner):
    client = bearer_client(owner)

    created = client.post(CATEGORIES, {"name": "  Dog   Sports ", "icon": "sports"})

    assert created.status_code == 201
    assert created.json() == {
        "slug": "dog-sports",
        "name": "Dog Sports",
        "icon": "sports",
        "is_system": False,
        "sort_order": 100,
    }
    slugs = [row["slug"] for row in client.get(CATEGORIES).json()]
    assert {"dog-sports", "veterinary", "other"} <= set(slugs)
    other = bearer_client(other_owner)
    assert "dog-sports" not in [row["slug"] for row in other.get(CATEGORIES).json()]
    expense = client.post(
        EXPENSES,
        {
            "category": "dog-sports",
            "amount": "15.00",
            "currency": "USD",
            "expense_date": "2026-11-03",
        },
    )
    assert (expense.status_code, expense.json()["category"]) == (201, "dog-sports")
    # the other owner may take the same name: categories are per owner
    assert other.post(CATEGORIES, {"name": "Dog Sports"}).status_code == 201


@pytest.mark.parametrize("name", ["Agility", "agility", "Veterinary"])
def test_a_taken_category_name_is_a_conflict(owner, name):
    ExpenseCategoryFactory(owner=owner, name="Agility", slug="agility")

    response = bearer_client(owner).post(CATEGORIES, {"name": name})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "expense_category_exists"
    assert response.json()["error"]["fields"] == {
        "name": ["A category with this name exists already."]
    }


def test_a_category_name_needs_letters_or_digits(owner):
    response = bearer_client(owner).post(CATEGORIES, {"name": "!!!"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"name": ["Use a name with letters or digits."]}


def test_an_owner_deletes_an_unused_category_but_not_one_in_use(owner):
    unused = ExpenseCategoryFactory(owner=owner, name="Agility", slug="agility")
    used = ExpenseCategoryFactory(owner=owner, name="Shows", slug="shows")
    _expense(owner, category=used)
    client = bearer_client(owner)

    assert client.delete(f"{CATEGORIES}{unused.slug}/").status_code == 204
    in_use = client.delete(f"{CATEGORIES}{used.slug}/")
    assert (in_use.status_code, in_use.json()["error"]["code"]) == (
        409,
        "expense_category_in_use",
    )
    system = client.delete(f"{CATEGORIES}veterinary/")
    assert (system.status_code, system.json()["error"]["code"]) == (
        404,
        "expense_category_not_found",
    )
    assert list(ExpenseCategory.objects.filter(owner=owner).values_list("slug", flat=True)) == [
        "shows"
    ]
