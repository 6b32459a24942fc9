"""The staff dashboards and the provider's own KPIs over HTTP (plans 035, 036)."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers

from audit.models import MetricCount, ProviderPerformanceSnapshot
from doggy.api.insight_views import MetricSeriesSerializer, ProviderPerformanceSerializer
from doggy.insights import metrics, performance
from doggy.insights.selectors import metric_series, provider_performance_list
from tests.accounts.factories import ServiceProviderFactory
from tests.callers import bearer_client
from tests.insights.perf_world import AS_OF, BUSY_KPIS, IDLE_KPIS, build_performance_world
from tests.insights.world import UNTIL, build_metric_world

pytestmark = pytest.mark.django_db

METRICS = "/api/v1/staff/metrics/"
PERFORMANCE = "/api/v1/staff/providers/performance/"
OWN = "/api/v1/providers/me/performance/"


def day_row(prop: str, day: date, value, subgroup: str = "") -> MetricCount:
    """The day bucket of `day` (it ends at the next midnight)."""
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return MetricCount.objects.create(
        property=prop, frequency="day", end_time=end, subgroup=subgroup, value=Decimal(value)
    )


@pytest.fixture
def staff(rbac_admin):
    return bearer_client(rbac_admin)


def get(client, path, **params):
    return client.get(path, params)


# --- /staff/metrics/ --------------------------------------------------------------------


def test_the_day_series_of_a_filled_property(staff):
    build_metric_world()
    metrics.metric_counts_fill(until=UNTIL)

    response = get(staff, METRICS, property="subscriptions.active", start="2026-03-01",
                   end="2026-03-03")  # fmt: skip

    assert response.status_code == 200
    assert response.json() == {
        "property": "subscriptions.active",
        "frequency": "day",
        "aggregation": "last",
        "start": "2026-03-01",
        "end": "2026-03-03",
        "subgroup": None,
        "results": [
            {"date": "2026-03-01", "subgroup": "premium", "value": "1.0000"},
            {"date": "2026-03-02", "subgroup": "premium", "value": "2.0000"},
            {"date": "2026-03-03", "subgroup": "premium", "value": "1.0000"},
        ],
    }


def test_a_week_sums_its_days_per_subgroup(staff):
    # Monday 2 March to Sunday 8 March, then Monday 9 March.
    for offset in range(7):
        day_row("ai.requests", date(2026, 3, 2) + timedelta(days=offset), offset + 1, "Chat")
    day_row("ai.requests", date(2026, 3, 4), 100, "Moderation")
    day_row("ai.requests", date(2026, 3, 9), 10, "Chat")
    day_row("ai.requests", date(2026, 3, 1), 1000, "Chat")  # Sunday: the week before

    response = get(staff, METRICS, property="ai.requests", frequency="week",
                   start="2026-03-02", end="2026-03-15")  # fmt: skip

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"date": "2026-03-02", "subgroup": "Chat", "value": "28.0000"},
        {"date": "2026-03-02", "subgroup": "Moderation", "value": "100.0000"},
        {"date": "2026-03-09", "subgroup": "Chat", "value": "10.0000"},
    ]


def test_a_gauge_week_is_its_last_day_and_the_subgroup_filter_applies(staff):
    day_row("subscriptions.active", date(2026, 3, 2), 5, "premium")
    day_row("subscriptions.active", date(2026, 3, 5), 7, "premium")
    day_row("subscriptions.active", date(2026, 3, 8), 6, "premium")
    day_row("subscriptions.active", date(2026, 3, 8), 2, "family")
    day_row("subscriptions.active", date(2026, 3, 10), 9, "premium")

    response = get(staff, METRICS, property="subscriptions.active", frequency="week",
                   start="2026-03-01", end="2026-03-31", subgroup="premium")  # fmt: skip

    assert response.json()["results"] == [
        {"date": "2026-03-02", "subgroup": "premium", "value": "6.0000"},
        {"date": "2026-03-09", "subgroup": "premium", "value": "9.0000"},
    ]


def test_the_default_range_is_the_last_30_days(staff):
    today = datetime.now(UTC).date()
    day_row("users.new", today, 3)
    day_row("users.new", today - timedelta(days=29), 2)
    day_row("users.new", today - timedelta(days=30), 1)

    body = get(staff, METRICS, property="users.new").json()

    assert (body["start"], body["end"]) == (str(today - timedelta(days=29)), str(today))
    assert [row["value"] for row in body["results"]] == ["2.0000", "3.0000"]


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({}, {"property": ["This filter is required."]}),
        ({"property": "users.old"}, {"property": [f"One of: {', '.join(metrics.PROPERTIES)}."]}),
        ({"property": "users.new", "frequency": "hour"}, {"frequency": ["One of: day, week."]}),
        ({"property": "users.new", "start": "2026-02-30"}, {"start": ["A date as YYYY-MM-DD."]}),
        ({"property": "users.new", "end": "yesterday"}, {"end": ["A date as YYYY-MM-DD."]}),
        (
            {"property": "users.new", "start": "2026-03-02", "end": "2026-03-01"},
            {"start": ["The start must not be after the end."]},
        ),
        (
            {"property": "users.new", "start": "2024-01-01", "end": "2026-01-01"},
            {"start": ["At most 731 days at once."]},
        ),
        ({"property": "users.new", "subgroup": "x" * 61}, {"subgroup": ["Too long."]}),
    ],
)
def test_bad_filters_are_a_400_naming_the_field(staff, params, fields):
    response = get(staff, METRICS, **params)

    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": "invalid", "message": "Some filters are not valid.", "fields": fields}
    }


def _queries(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert get(client, path, **params).status_code == 200
    return len(captured)


def test_the_series_is_one_query_whatever_its_length(staff):
    for offset in range(3):
        day_row("gmv.usd", date(2026, 3, 2) + timedelta(days=offset), 1, "Tip")
    week = {"property": "gmv.usd", "start": "2026-03-01", "end": "2026-06-30"}
    get(staff, METRICS, **week)  # the session and permission caches are warm from here on
    few_days, few_weeks = (
        _queries(staff, METRICS, **week),
        _queries(staff, METRICS, frequency="week", **week),
    )
    for offset in range(3, 90):
        day_row("gmv.usd", date(2026, 3, 2) + timedelta(days=offset), 1, "Tip")
        day_row("gmv.usd", date(2026, 3, 2) + timedelta(days=offset), 1, "Deposit")

    assert _queries(staff, METRICS, **week) == few_days
    assert _queries(staff, METRICS, frequency="week", **week) == few_weeks


# --- /staff/providers/performance/ ------------------------------------------------------


def _snapshot_world():
    world = build_performance_world()
    performance.provider_performance_snapshot(performance.rolling_period(date(2026, 3, 5)))
    performance.provider_performance_snapshot(performance.rolling_period(AS_OF))
    return world


def test_the_staff_list_shows_each_providers_latest_snapshot(staff, provider_user):
    world = _snapshot_world()

    response = get(staff, PERFORMANCE, ordering="-requests_received")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3  # busy, idle and the provider_user's profile
    busy = body["results"][0]
    assert busy["provider_id"] == str(world["busy"].pk)
    assert (busy["period_start"], busy["period_end"]) == ("2026-01-01", "2026-03-31")
    assert {name: busy[name] for name in BUSY_KPIS} == BUSY_KPIS
    assert busy["acceptance_rate"] == 0.6
    assert busy["cancellation_rate"] == 0.3333
    assert busy["on_time_rate"] == 0.5
    assert busy["average_rating"] == 4.5
    assert (busy["gross_revenue"], busy["gross_revenue_currency"]) == ("20.00", "USD")
    idle = next(row for row in body["results"] if row["provider_id"] == str(world["idle"].pk))
    assert {name: idle[name] for name in IDLE_KPIS} == IDLE_KPIS
    assert [idle[name] for name in ("acceptance_rate", "on_time_rate", "average_rating")] == [
        None,
        None,
        None,
    ]
    assert idle["gross_revenue"] == "0.00"


def test_the_staff_list_filters_one_provider_and_orders(staff):
    world = _snapshot_world()

    one = get(staff, PERFORMANCE, provider=str(world["idle"].pk)).json()
    by_rate = get(staff, PERFORMANCE, ordering="acceptance_rate").json()

    assert [row["provider_id"] for row in one["results"]] == [str(world["idle"].pk)]
    # Providers without requests have no rate: they come last either way.
    assert by_rate["results"][0]["provider_id"] == str(world["busy"].pk)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"provider": "not-a-uuid"}, "provider"), ({"ordering": "-password"}, "ordering")],
)
def test_bad_list_filters_are_a_400(staff, params, field):
    response = get(staff, PERFORMANCE, **params)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert list(response.json()["error"]["fields"]) == [field]


def test_the_list_costs_the_same_queries_at_n_and_2n_providers(staff):
    period = performance.rolling_period(AS_OF)
    ServiceProviderFactory.create_batch(3)
    performance.provider_performance_snapshot(period)
    get(staff, PERFORMANCE)
    few = _queries(staff, PERFORMANCE)
    ServiceProviderFactory.create_batch(6)
    build_performance_world()
    performance.provider_performance_snapshot(period)

    assert _queries(staff, PERFORMANCE) == few


# --- /providers/me/performance/ ---------------------------------------------------------


def test_a_provider_reads_its_own_latest_kpis(provider_user):
    performance.provider_performance_snapshot(performance.rolling_period(date(2026, 3, 5)))
    performance.provider_performance_snapshot(performance.rolling_period(AS_OF))

    response = bearer_client(provider_user).get(OWN)

    assert response.status_code == 200
    body = response.json()
    assert body["provider_id"] == str(provider_user.service_provider.pk)
    assert body["period_end"] == "2026-03-31"
    assert {name: body[name] for name in IDLE_KPIS} == IDLE_KPIS


def test_before_the_first_snapshot_the_own_kpis_are_a_404(provider_user):
    response = bearer_client(provider_user).get(OWN)

    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "performance_not_computed",
            "message": "No performance snapshot has been computed yet.",
            "fields": {},
        }
    }
    assert ProviderPerformanceSnapshot.objects.count() == 0


# --- The schema -------------------------------------------------------------------------


@functools.cache
def _operations() -> dict:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (path, method): sorted(operation["responses"])
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if path in (METRICS, PERFORMANCE, OWN)
    }


def test_the_schema_lists_every_status_of_the_routes():
    # 503: maintenance mode (every route); the list's 404 is a page past the end.
    assert _operations() == {
        (METRICS, "get"): ["200", "400", "401", "403", "503"],
        (PERFORMANCE, "get"): ["200", "400", "401", "403", "404", "503"],
        (OWN, "get"): ["200", "401", "403", "404", "503"],
    }


# --- The fast output serializers write what DRF writes -----------------------------------


def _drf_output(serializer_class, instance) -> dict:
    return dict(serializers.Serializer.to_representation(serializer_class(), instance))


def test_the_output_serializers_write_what_drf_writes(rbac_admin):
    world = _snapshot_world()
    snapshots = list(provider_performance_list(actor=rbac_admin))
    assert {row.provider_id for row in snapshots} >= {world["busy"].pk, world["idle"].pk}
    for row in snapshots:
        assert ProviderPerformanceSerializer(row).data == _drf_output(
            ProviderPerformanceSerializer, row
        )
    day_row("users.new", date(2026, 3, 2), 4)
    series = metric_series(
        actor=rbac_admin, filters={"property": "users.new", "start": "2026-03-01"}
    )
    assert MetricSeriesSerializer(series).data == _drf_output(MetricSeriesSerializer, series)
