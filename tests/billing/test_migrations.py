"""Plan 039's remainder: billing/0007 (the appointment links) and billing/0008 (the
BillingCustomers backfill from UserSubscriptions.ProviderCustomerId, A20) in both
directions. Each test leaves the database migrated to the latest state."""

from __future__ import annotations

import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from billing.models import BillingCustomer
from tests.billing.factories import BillingCustomerFactory, UserSubscriptionFactory, free_plan

backfill = importlib.import_module("billing.migrations.0008_billing_customers_backfill")


class _SchemaEditor(SimpleNamespace):
    connection = connection


def _customers() -> list[tuple]:
    return sorted(
        BillingCustomer.objects.values_list("user_id", "payment_provider", "provider_customer_id")
    )


@pytest.mark.django_db
def test_the_backfill_gives_each_paying_user_one_customer_row_and_is_idempotent(monkeypatch):
    monkeypatch.setattr(backfill, "BATCH_SIZE", 2)  # several batches
    paying = [
        UserSubscriptionFactory(payment_provider="Stripe", provider_customer_id=f"cus_{n}")
        for n in range(5)
    ]
    # a manual (free) subscription has no customer; a user who already has the row keeps it
    UserSubscriptionFactory(plan=free_plan(), payment_provider="Manual", provider_customer_id=None)
    known = UserSubscriptionFactory(payment_provider="Stripe", provider_customer_id="cus_old")
    BillingCustomerFactory(user=known.user, payment_provider="Stripe", provider_customer_id="cus_x")
    before = _customers()

    backfill.backfill_billing_customers(django_apps, _SchemaEditor())
    once = _customers()
    backfill.backfill_billing_customers(django_apps, _SchemaEditor())

    assert _customers() == once
    expected = sorted([(s.user_id, "Stripe", s.provider_customer_id) for s in paying] + before)
    assert once == expected

    # the reverse removes what the column can give back, and keeps the rest
    backfill.remove_backfilled_customers(django_apps, _SchemaEditor())
    assert _customers() == before
    backfill.backfill_billing_customers(django_apps, _SchemaEditor())
    assert _customers() == once


@pytest.fixture
def migrated():
    if MigrationLoader.migrations_module("billing")[0] is None:
        pytest.skip("the test database was built without migrations (--nomigrations)")
    yield
    call_command("migrate", verbosity=0, interactive=False, skip_checks=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_billing_0007_and_0008_roll_back_and_forward(migrated):
    subscription = UserSubscriptionFactory(payment_provider="Stripe", provider_customer_id="cus_rt")
    quiet = {"verbosity": 0, "interactive": False, "skip_checks": True, "stdout": io.StringIO()}

    call_command("migrate", "billing", "0006_seed_expense_categories", **quiet)
    with connection.cursor() as cursor:
        columns = {
            c.name for c in connection.introspection.get_table_description(cursor, "PetExpenses")
        }
    assert "AppointmentId" not in columns
    assert BillingCustomer.objects.count() == 0
    call_command("migrate", "billing", **quiet)

    assert _customers() == [(subscription.user_id, "Stripe", "cus_rt")]
