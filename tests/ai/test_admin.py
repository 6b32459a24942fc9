"""The read-only staff screens of plans 031–036 (ai and the audit analytics tables).

No services exist for these tables yet, so every screen only shows rows: no add, change
or delete; lists and change pages load; a list's query count does not grow with rows.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ai.factories import (
    AiDailyUsageFactory,
    AiHealthRecommendationFactory,
    AiModelPriceFactory,
    AiRecommendationFeedbackFactory,
    AiUsageRecordFactory,
    ContentReportFactory,
    ModerationCheckFactory,
)
from tests.audit.factories import (
    AnalyticsEventFactory,
    MetricCountFactory,
    MetricFillStateFactory,
    ProviderPerformanceSnapshotFactory,
    UserDailyActivityFactory,
)

FACTORIES = [
    AiHealthRecommendationFactory,
    AiRecommendationFeedbackFactory,
    ModerationCheckFactory,
    ContentReportFactory,
    AiUsageRecordFactory,
    AiDailyUsageFactory,
    AiModelPriceFactory,
    AnalyticsEventFactory,
    UserDailyActivityFactory,
    MetricCountFactory,
    MetricFillStateFactory,
    ProviderPerformanceSnapshotFactory,
]
IDS = [f._meta.model.__name__ for f in FACTORIES]


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def _url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", FACTORIES, ids=IDS)
def test_list_and_change_page_load_and_offer_no_edits(superuser_client, superuser, factory):
    # Given one row
    row = factory()
    model = type(row)
    model_admin = admin.site._registry[model]
    request = type("Request", (), {"user": superuser})()
    # When a superuser opens the list and the row
    changelist = superuser_client.get(_url(model, "changelist"))
    change = superuser_client.get(_url(model, "change", row.pk))
    # Then both load, and nothing may be added, changed or deleted
    assert (changelist.status_code, change.status_code) == (200, 200)
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request, row) is False
    assert model_admin.has_delete_permission(request, row) is False


@pytest.mark.django_db
def test_a_recommendation_shows_its_evidence(superuser_client):
    recommendation = AiHealthRecommendationFactory(input_snapshot={"weights": [40.1, 43.3]})
    page = superuser_client.get(_url(type(recommendation), "change", recommendation.pk))
    assert "Evidence (input snapshot)" in page.content.decode()
    assert "43.3" in page.content.decode()


def _list_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", FACTORIES, ids=IDS)
def test_list_query_count_does_not_grow_with_rows(superuser_client, factory):
    # Given N rows and a warmed-up list
    model = factory._meta.model
    url = _url(model, "changelist")
    factory.create_batch(3)
    superuser_client.get(url)
    at_n = _list_queries(superuser_client, url)
    # When N more rows exist
    factory.create_batch(3)
    # Then the list takes as many queries as before
    assert _list_queries(superuser_client, url) == at_n
