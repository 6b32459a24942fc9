"""The read-only admin of the metric tables (035, 036): lists and details open for staff
in a bounded number of queries, with no add, change or delete."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.audit.factories import (
    MetricCountFactory,
    MetricFillStateFactory,
    ProviderPerformanceSnapshotFactory,
)

FACTORIES = [MetricCountFactory, MetricFillStateFactory, ProviderPerformanceSnapshotFactory]


@pytest.fixture
def staff_client(client, rbac_admin):
    rbac_admin.is_staff = True
    rbac_admin.save(update_fields=["is_staff"])
    client.force_login(rbac_admin)
    return client


def _url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
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
    assert len(more.captured_queries) == len(few.captured_queries)
    assert staff_client.get(_url(model, "add")).status_code == 403
    assert staff_client.post(_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert model._default_manager.filter(pk=row.pk).exists()
    assert b'name="_save"' not in detail.content


def test_the_snapshot_list_shows_the_rates_of_each_row(staff_client):
    ProviderPerformanceSnapshotFactory(
        requests_received=20, requests_accepted=16, cancellations=4,
        on_time_arrivals=0, late_arrivals=0,
    )  # fmt: skip
    model = ProviderPerformanceSnapshotFactory._meta.model

    page = staff_client.get(_url(model, "changelist")).content.decode()

    assert '<td class="field-acceptance_rate">80%</td>' in page
    assert '<td class="field-cancellation_rate">25%</td>' in page
    assert '<td class="field-on_time_rate">-</td>' in page


def test_people_without_system_admin_do_not_see_the_metric_tables(client, kyc_reviewer):
    kyc_reviewer.is_staff = True
    kyc_reviewer.save(update_fields=["is_staff"])
    client.force_login(kyc_reviewer)

    for factory in FACTORIES:
        assert client.get(_url(factory._meta.model, "changelist")).status_code == 403
