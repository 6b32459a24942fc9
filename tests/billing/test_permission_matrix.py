"""Who may call what on the billing API (plans, the caller's subscription): the
permission matrix, as data on the one base (tests/matrix.py).

The owner already holds the free plan; providers and KYC reviewers lack `services.book`;
the superuser passes every RBAC check. The payment webhook authenticates nobody: its proof
is Stripe's signature, so an unsigned delivery is a 400 for every caller and stores
nothing (signed deliveries: tests/billing/test_payment_webhooks.py).
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from billing.models import (
    ExpenseBudget,
    ExpenseCategory,
    PaymentWebhookEvent,
    PetExpense,
    UserSubscription,
)
from tests.billing.factories import (
    ExpenseBudgetFactory,
    ExpenseCategoryFactory,
    PetExpenseFactory,
    UserSubscriptionFactory,
    free_plan,
)
from tests.doggy.factories import StoredFileFactory
from tests.matrix import PermissionMatrix, Route

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

PLANS = "/api/v1/billing/plans/"
SUBSCRIPTION = "/api/v1/billing/subscription/"
CANCEL = "/api/v1/billing/subscription/cancel/"
WEBHOOK = "/api/v1/webhooks/payments/"
CATEGORIES = "/api/v1/billing/expense-categories/"
EXPENSES = "/api/v1/billing/expenses/"
EXPENSE = "/api/v1/billing/expenses/{owner_expense_id}/"
NEW_EXPENSE = {
    "category": "veterinary",
    "amount": "42.00",
    "currency": "USD",
    "expense_date": "2026-11-03",
}
RECEIPT = "/api/v1/billing/expenses/{owner_expense_id}/receipt/"
OWN_CATEGORY = "/api/v1/billing/expense-categories/{owner_category}/"
BUDGETS = "/api/v1/billing/budgets/"
BUDGET = "/api/v1/billing/budgets/{owner_budget_id}/"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def _receipt_upload(world):
    return {"file": SimpleUploadedFile("bill.png", PNG, content_type="image/png")}


UNSIGNED_EVENT = {"id": "evt_matrix", "type": "payment_intent.succeeded", "data": {"object": {}}}


def row(method: str, path: str, *statuses: int, body=None) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body)


class TestBillingPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", PLANS, 200, 200, 200, 200, 200, 200),
        row("GET", SUBSCRIPTION, 401, 200, 404, 404, 404, 404),
        row("POST", SUBSCRIPTION, 401, 409, 201, 403, 403, 201, body={"plan": "owner_free"}),
        row("POST", CANCEL, 401, 200, 404, 404, 404, 404, body={}),
        row("POST", WEBHOOK, 400, 400, 400, 400, 400, 400, body=UNSIGNED_EVENT),
        # the expense ledger (plan 040): every signed-in caller keeps their own
        row("GET", CATEGORIES, 401, 200, 200, 200, 200, 200),
        row("GET", EXPENSES, 401, 200, 200, 200, 200, 200),
        row("POST", EXPENSES, 401, 201, 201, 201, 201, 201, body=NEW_EXPENSE),
        row("GET", EXPENSES + "summary/", 401, 200, 200, 200, 200, 200),
        row("GET", EXPENSE, 401, 200, 404, 404, 404, 404),
        row("PATCH", EXPENSE, 401, 200, 404, 404, 404, 404, body={"amount": "43.00"}),
        row("DELETE", EXPENSE, 401, 204, 404, 404, 404, 404),
        row("GET", EXPENSES + "export.csv", 401, 200, 200, 200, 200, 200),
        # the receipt: the owner's only, downloaded once its scan passed (Clean here)
        row("GET", RECEIPT, 401, 200, 404, 404, 404, 404),
        Route(
            "PUT",
            RECEIPT,
            dict(zip(CALLERS, (401, 200, 404, 404, 404, 404), strict=True)),
            _receipt_upload,
            multipart=True,
        ),
        row("DELETE", RECEIPT, 401, 204, 404, 404, 404, 404),
        # an owner's own categories (A21)
        row("POST", CATEGORIES, 401, 201, 201, 201, 201, 201, body={"name": "Dog Sports"}),
        row("DELETE", OWN_CATEGORY, 401, 204, 404, 404, 404, 404),
        # budgets: the owner already has a monthly total one
        row("GET", BUDGETS, 401, 200, 200, 200, 200, 200),
        row(
            "POST",
            BUDGETS,
            401,
            409,
            201,
            201,
            201,
            201,
            body={"amount": "100.00", "currency": "USD", "period": "Monthly"},
        ),
        row("GET", BUDGET, 401, 200, 404, 404, 404, 404),
        row("PATCH", BUDGET, 401, 200, 404, 404, 404, 404, body={"amount": "120.00"}),
        row("DELETE", BUDGET, 401, 204, 404, 404, 404, 404),
    )

    @pytest.fixture(autouse=True)
    def _media(self, media_root):
        return media_root

    @pytest.fixture(autouse=True)
    def _webhook_secret(self, settings):
        settings.DOGGY_STRIPE_WEBHOOK_SECRET = "whsec_matrix"  # noqa: S105 - a test secret

    def build_world(self, request, users):
        UserSubscriptionFactory(user=users["owner"], plan=free_plan())
        receipt = StoredFileFactory(owner=users["owner"], purpose="Receipt")
        storages["default"].save(receipt.storage_key, ContentFile(PNG))
        expense = PetExpenseFactory(owner=users["owner"], receipt_file=receipt)
        category = ExpenseCategoryFactory(owner=users["owner"], name="Agility", slug="agility")
        budget = ExpenseBudgetFactory(owner=users["owner"], category=None, period="Monthly")
        return {
            "owner_expense_id": expense.pk,
            "owner_category": category.slug,
            "owner_budget_id": budget.pk,
        }

    def state(self):
        return {
            **super().state(),
            "subscriptions": UserSubscription.objects.live().count(),
            "webhook_events": PaymentWebhookEvent.objects.count(),
            "expenses": list(PetExpense.objects.values_list("id", "amount", "receipt_file")),
            "categories": ExpenseCategory.objects.count(),
            "budgets": list(ExpenseBudget.objects.values_list("id", "amount")),
        }

    def check_success(self, cell, response, before, after):
        # a read writes nothing; a write is audited
        if cell.route.method == "GET":
            assert after == before
        else:
            assert after["audit"] > before["audit"]
