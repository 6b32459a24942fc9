"""Plan 040's new routes in the OpenAPI schema: every status they can answer, the CSV
export as text/csv, the receipt upload as multipart; and real answers that conform."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from billing.models import ExpenseCategory
from tests.api.test_schema import (  # noqa: F401 - the fixture keeps the test connection
    _conformance,
    _requests_keep_the_test_connection,
    _schema,
)
from tests.billing.factories import ExpenseBudgetFactory, PetExpenseFactory


@pytest.fixture(scope="module")
def paths():
    return _schema()["paths"]


def _codes(operation) -> set[str]:
    return set(operation["responses"])


def test_the_export_is_documented_as_csv_with_the_lists_filters(paths):
    operation = paths["/api/v1/billing/expenses/export.csv"]["get"]
    assert list(operation["responses"]["200"]["content"]) == ["text/csv"]
    assert {"400", "401"} <= _codes(operation)
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"dog", "category", "date_from", "date_to", "currency"} <= names


def test_the_receipt_routes_are_documented(paths):
    receipt = paths["/api/v1/billing/expenses/{expense_id}/receipt/"]
    assert list(receipt["put"]["requestBody"]["content"]) == ["multipart/form-data"]
    assert {"200", "400", "401", "404"} <= _codes(receipt["put"])
    assert {"200", "401", "404"} <= _codes(receipt["get"])
    assert {"204", "401", "404"} <= _codes(receipt["delete"])


def test_budgets_and_own_categories_document_their_conflicts(paths):
    assert {"201", "400", "401", "404", "409"} <= _codes(paths["/api/v1/billing/budgets/"]["post"])
    detail = paths["/api/v1/billing/budgets/{budget_id}/"]
    assert {"200", "400", "401", "404", "409"} <= _codes(detail["patch"])
    assert {"204", "401", "404"} <= _codes(detail["delete"])
    categories = paths["/api/v1/billing/expense-categories/"]
    assert {"201", "400", "401", "409"} <= _codes(categories["post"])
    assert {"204", "401", "404", "409"} <= _codes(
        paths["/api/v1/billing/expense-categories/{slug}/"]["delete"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/billing/expenses/export.csv",
        "/api/v1/billing/expenses/summary/",
        "/api/v1/billing/budgets/",
    ],
)
def test_answers_conform_to_the_schema(owner, path):
    vet = ExpenseCategory.objects.get(slug="veterinary", owner__isnull=True)
    PetExpenseFactory(
        owner=owner,
        category=vet,
        amount=Decimal("9.00"),
        expense_date=datetime.date(2026, 11, 3),
        receipt_file=None,
    )
    ExpenseBudgetFactory(owner=owner, category=vet)
    ExpenseBudgetFactory(owner=owner, category=None)

    response, failures = _conformance(_schema(), "GET", path, user=owner)

    assert response.status_code == 200
    assert failures == []
