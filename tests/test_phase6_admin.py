"""The read-only admin of the phase-6 tables (037-040, 042): each list and detail page
opens for staff, in a bounded number of queries, and offers no add, change or delete.
(Incidents and background checks are edited through their services.)"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.factories import (
    BackgroundCheckFactory,
    ProviderCredentialFactory,
    ProviderCredentialTypeFactory,
)
from tests.billing.factories import (
    BillingCustomerFactory,
    ExpenseBudgetFactory,
    ExpenseCategoryFactory,
    PaymentRecordFactory,
    PaymentWebhookEventFactory,
    PetExpenseFactory,
)
from tests.doggy.factories import (
    ApiMetricBucketFactory,
    BackgroundJobRunFactory,
    HealthCheckResultFactory,
    SystemIncidentFactory,
)
from tests.pets.factories import (
    DogEmergencyContactFactory,
    DogVeterinarianFactory,
    EmergencyContactFactory,
)

FACTORIES = [
    EmergencyContactFactory,
    DogEmergencyContactFactory,
    DogVeterinarianFactory,
    ProviderCredentialTypeFactory,
    ProviderCredentialFactory,
    BackgroundCheckFactory,
    BillingCustomerFactory,
    PaymentRecordFactory,
    PaymentWebhookEventFactory,
    ExpenseCategoryFactory,
    PetExpenseFactory,
    ExpenseBudgetFactory,
    HealthCheckResultFactory,
    SystemIncidentFactory,
    BackgroundJobRunFactory,
    ApiMetricBucketFactory,
]
# DogEmergencyContacts are shown inline on their contact, not on their own page.
# Incidents and background checks are written through their services (add and change):
# tests/doggy/test_incidents.py, tests/accounts/test_verification_remainder.py.
EDITABLE = (SystemIncidentFactory, BackgroundCheckFactory)
PAGES = [f for f in FACTORIES if f is not DogEmergencyContactFactory and f not in EDITABLE]


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def _url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


@pytest.mark.parametrize("factory", PAGES, ids=lambda f: f._meta.model.__name__)
def test_list_and_detail_open_read_only_in_bounded_queries(staff_client, factory):
    model = factory._meta.model
    factory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        listing = staff_client.get(_url(model, "changelist"))
    factory.create_batch(6)
    with CaptureQueriesContext(connection) as more:
        again = staff_client.get(_url(model, "changelist"))
    row = model._default_manager.order_by("pk").last()
    detail = staff_client.get(_url(model, "change", row.pk))

    assert (listing.status_code, again.status_code, detail.status_code) == (200, 200, 200)
    # no query per row: nine rows cost what three did
    assert len(more.captured_queries) == len(few.captured_queries)
    assert staff_client.get(_url(model, "add")).status_code == 403
    assert b'name="_save"' not in detail.content
