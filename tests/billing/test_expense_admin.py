"""The expense ledger's admin (plan 040): workable lists (names, not ids; filters;
search), read-only, and hidden with the rest of the Payments area when its flag is off."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from billing.models import (
    BillingCustomer,
    ExpenseBudget,
    ExpenseCategory,
    PaymentRecord,
    PaymentWebhookEvent,
    PetExpense,
    UserSubscription,
)
from doggy.admin_features import FeatureAreaAdminMixin
from doggy.choices import FeatureArea
from doggy.services import feature_flag_set
from tests.billing.factories import (
    BillingCustomerFactory,
    ExpenseBudgetFactory,
    PetExpenseFactory,
    UserSubscriptionFactory,
)
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _vet():
    return ExpenseCategory.objects.get(slug="veterinary", owner__isnull=True)


def test_the_expense_list_shows_names_and_filters_by_receipt_and_category(staff_client, owner):
    rex = DogProfileFactory(owner=owner, name="Rexington")
    PetExpenseFactory(owner=owner, dog=rex, category=_vet(), vendor="Town Vets")
    PetExpenseFactory(
        owner=owner,
        dog=None,
        category=ExpenseCategory.objects.get(slug="food-treats", owner__isnull=True),
        vendor="Kibble Co",
        receipt_file=None,
        expense_date=datetime.date(2026, 11, 2),
    )
    url = _url(PetExpense, "changelist")

    listing = staff_client.get(url).content.decode()
    assert "Rexington" in listing
    assert "Household" in listing
    assert "Veterinary" in listing

    with_receipt = staff_client.get(url, {"receipt": "yes"}).content.decode()
    assert "Town Vets" in with_receipt
    assert "Kibble Co" not in with_receipt
    vet_only = staff_client.get(url, {"category": "veterinary"}).content.decode()
    assert ("Town Vets" in vet_only, "Kibble Co" in vet_only) == (True, False)
    found = staff_client.get(url, {"q": "kibble"}).content.decode()
    assert ("Town Vets" in found, "Kibble Co" in found) == (False, True)


def test_the_budget_list_names_the_total_and_filters_by_scope(staff_client, owner):
    ExpenseBudgetFactory(owner=owner, category=None, amount=Decimal("321.00"))
    ExpenseBudgetFactory(owner=owner, category=_vet(), amount=Decimal("123.00"))
    url = _url(ExpenseBudget, "changelist")

    listing = staff_client.get(url).content.decode()
    assert ("Total" in listing, "Veterinary" in listing) == (True, True)
    totals = staff_client.get(url, {"scope": "total"}).content.decode()
    assert ("321.00" in totals, "123.00" in totals) == (True, False)


def test_a_subscriptions_customer_id_is_read_through_billing_customers(staff_client, owner):
    subscription = UserSubscriptionFactory(
        user=owner, payment_provider="Stripe", provider_customer_id="cus_column"
    )
    BillingCustomerFactory(user=owner, payment_provider="Stripe", provider_customer_id="cus_home")

    detail = staff_client.get(_url(UserSubscription, "change", subscription.pk)).content.decode()

    assert "cus_home" in detail
    assert "cus_column" not in detail


@pytest.mark.parametrize(
    "model",
    [
        BillingCustomer,
        PaymentRecord,
        PaymentWebhookEvent,
        ExpenseCategory,
        PetExpense,
        ExpenseBudget,
    ],
    ids=lambda m: m.__name__,
)
def test_every_payments_screen_hides_with_the_payments_flag(staff_client, superuser, model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, FeatureAreaAdminMixin)
    assert model_admin.feature_area == FeatureArea.PAYMENTS
    assert staff_client.get(_url(model, "changelist")).status_code == 200

    feature_flag_set(actor=superuser, area=FeatureArea.PAYMENTS, enabled=False)

    assert staff_client.get(_url(model, "changelist")).status_code == 403
