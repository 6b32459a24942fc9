"""Plan 042 (A23): API latency added up in memory per worker and flushed in aggregate
into ApiMetricBuckets by an additive upsert; percentiles from the histogram at read time
(the staff API and the admin); prometheus-client's multiprocess mode."""

from __future__ import annotations

import datetime
import logging
import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from doggy import health, metrics
from doggy.choices import StatusClass
from doggy.health import (
    api_metric_buckets_add,
    histogram_percentile,
    latency_counts,
)
from doggy.metrics import LatencyRecorder
from doggy.models import ApiMetricBucket
from tests.callers import bearer_client
from tests.doggy.factories import ApiMetricBucketFactory

pytestmark = pytest.mark.django_db

MINUTE = datetime.datetime(2026, 12, 7, 10, 15, tzinfo=datetime.UTC)
LATENCY_URL = "/api/v1/staff/health/latency/"


def _columns(row):
    return [getattr(row, c) for c in health.COUNT_COLUMNS]


# --- the in-memory counts ------------------------------------------------------------------


def test_one_request_counts_in_every_bucket_at_or_above_its_time():
    #                count, sum, le5, le10, le25, le50, le100, le250, le500, le1000, inf
    assert latency_counts(3) == [1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    assert latency_counts(25) == [1, 25, 0, 0, 1, 1, 1, 1, 1, 1, 1]
    assert latency_counts(4000) == [1, 4000, 0, 0, 0, 0, 0, 0, 0, 0, 1]


def test_the_recorder_adds_requests_up_per_minute_route_method_and_status_class():
    recorder = LatencyRecorder()
    second = MINUTE + datetime.timedelta(seconds=42)
    recorder.record(route="dog-list", method="GET", status_code=200, elapsed_ms=8, at=MINUTE)
    recorder.record(route="dog-list", method="GET", status_code=204, elapsed_ms=30, at=second)
    recorder.record(route="dog-list", method="GET", status_code=404, elapsed_ms=2, at=second)
    recorder.record(route="dog-list", method="GET", status_code=101, elapsed_ms=2, at=second)
    recorder.record(
        route="dog-list",
        method="GET",
        status_code=200,
        elapsed_ms=1,
        at=MINUTE + datetime.timedelta(minutes=1),
    )
    assert recorder.pending() == {
        (MINUTE, "dog-list", "GET", "2xx"): [2, 38, 0, 1, 1, 2, 2, 2, 2, 2, 2],
        (MINUTE, "dog-list", "GET", "4xx"): [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        (MINUTE + datetime.timedelta(minutes=1), "dog-list", "GET", "2xx"): [
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        ],
    }  # fmt: skip


def test_a_flush_is_due_after_so_many_requests_or_seconds(settings):
    settings.DOGGY_API_LATENCY_FLUSH_REQUESTS = 3
    settings.DOGGY_API_LATENCY_FLUSH_SECONDS = 3600
    recorder = LatencyRecorder()
    assert recorder.due() is False
    for _ in range(2):
        recorder.record(route="r", method="GET", status_code=200, elapsed_ms=1, at=MINUTE)
    assert recorder.due() is False
    recorder.record(route="r", method="GET", status_code=200, elapsed_ms=1, at=MINUTE)
    assert recorder.due() is True
    settings.DOGGY_API_LATENCY_FLUSH_SECONDS = 0
    recorder.drain()
    assert recorder.due() is False  # nothing to write
    recorder.record(route="r", method="GET", status_code=200, elapsed_ms=1, at=MINUTE)
    assert recorder.due() is True


# --- the flush -----------------------------------------------------------------------------


def test_flushes_add_to_the_row_instead_of_replacing_it():
    first, second = LatencyRecorder(), LatencyRecorder()  # two workers
    first.record(route="dog-list", method="GET", status_code=200, elapsed_ms=8, at=MINUTE)
    first.record(route="dog-list", method="GET", status_code=200, elapsed_ms=120, at=MINUTE)
    second.record(route="dog-list", method="GET", status_code=200, elapsed_ms=3, at=MINUTE)

    assert (first.flush(), second.flush(), first.flush()) == (1, 1, 0)

    row = ApiMetricBucket.objects.get()
    assert (row.bucket_start, row.route, row.method, row.status_class) == (
        MINUTE,
        "dog-list",
        "GET",
        StatusClass.S2XX,
    )
    assert _columns(row) == [3, 131, 1, 2, 2, 2, 2, 3, 3, 3, 3]


def test_the_update_and_insert_are_two_statements_and_a_second_flush_one(
    django_assert_num_queries,
):
    key = (MINUTE, "dog-list", "GET", "2xx")
    # the UPDATE that matched nothing, then the INSERT in its savepoint
    with CaptureQueriesContext(connection) as first:
        api_metric_buckets_add({key: latency_counts(8)})
    statements = [q["sql"].split()[0] for q in first.captured_queries]
    assert [s for s in statements if s in ("UPDATE", "INSERT")] == ["UPDATE", "INSERT"]
    with django_assert_num_queries(1):
        api_metric_buckets_add({key: latency_counts(8)})
    assert ApiMetricBucket.objects.get().count == 2


def test_losing_the_insert_race_adds_to_the_winners_row(monkeypatch):
    """Another worker inserts the row between this worker's UPDATE and INSERT: the
    INSERT hits UX_ApiMetrics_Key, and the UPDATE again adds to the winner's row."""
    key = (MINUTE, "dog-list", "GET", "2xx")
    ApiMetricBucketFactory(bucket_start=MINUTE, route="dog-list", count=5, sum_ms=50)
    real_update = health._bucket_update
    calls = []

    def update_before_the_winner_committed(where, counts):
        calls.append(where)
        return 0 if len(calls) == 1 else real_update(where, counts)

    monkeypatch.setattr(health, "_bucket_update", update_before_the_winner_committed)
    api_metric_buckets_add({key: latency_counts(8)})
    row = ApiMetricBucket.objects.get()
    assert (len(calls), row.count, row.sum_ms) == (2, 6, 58)


def test_a_failed_flush_is_logged_and_its_counts_kept(monkeypatch, caplog):
    recorder = LatencyRecorder()
    recorder.record(route="dog-list", method="GET", status_code=200, elapsed_ms=8, at=MINUTE)

    def down(rows):
        raise ConnectionError("database gone")

    monkeypatch.setattr(health, "api_metric_buckets_add", down)
    with caplog.at_level(logging.ERROR, logger="doggy.metrics"):
        assert recorder.flush() == 0
    assert "Flushing 1 API latency bucket(s) failed" in caplog.text
    assert recorder.pending() == {
        (MINUTE, "dog-list", "GET", "2xx"): [1, 8, 0, 1, 1, 1, 1, 1, 1, 1, 1]
    }
    monkeypatch.undo()
    assert recorder.flush() == 1
    assert ApiMetricBucket.objects.get().count == 1


def test_the_middleware_records_and_flushes_after_the_response(settings, monkeypatch):
    settings.DOGGY_API_LATENCY_BUCKETS = True
    settings.DOGGY_API_LATENCY_FLUSH_REQUESTS = 2
    settings.DOGGY_API_LATENCY_FLUSH_SECONDS = 3600
    recorder = LatencyRecorder()
    monkeypatch.setattr(metrics, "LATENCY_RECORDER", recorder)
    client = APIClient()

    client.get("/api/v1/health/live/")
    assert ApiMetricBucket.objects.count() == 0  # one request: not due yet
    client.get("/api/v1/health/live/")  # the second makes the flush due

    row = ApiMetricBucket.objects.get()
    assert (row.route, row.method, row.status_class, row.count) == ("health-live", "GET", "2xx", 2)
    assert recorder.pending() == {}


def test_nothing_is_recorded_with_the_buckets_switched_off(settings, monkeypatch):
    settings.DOGGY_API_LATENCY_BUCKETS = False
    recorder = LatencyRecorder()
    monkeypatch.setattr(metrics, "LATENCY_RECORDER", recorder)
    APIClient().get("/api/v1/health/live/")
    metrics._flush_when_due()  # what request_finished calls
    assert (recorder.pending(), ApiMetricBucket.objects.count()) == ({}, 0)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_add_up_on_postgresql():
    """Eight workers flush the same new key at once: every count arrives exactly once."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    key = (MINUTE, "dog-list", "GET", "2xx")
    start = threading.Barrier(8)
    errors = []

    def worker():
        try:
            start.wait()
            api_metric_buckets_add({key: latency_counts(8)})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _columns(ApiMetricBucket.objects.get()) == [8, 64, 0, 8, 8, 8, 8, 8, 8, 8, 8]


# --- percentiles at read time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantile", "cumulative", "expected"),
    [
        (0.5, [0, 0, 0, 0, 0, 0, 0, 0, 0], None),  # no requests
        (0.5, [0, 10, 10, 10, 10, 10, 10, 10, 10], 8),  # halfway through 5..10 ms → 7.5
        (0.5, [10, 10, 10, 10, 10, 10, 10, 10, 10], 2),  # halfway through 0..5 ms → 2.5
        (0.95, [0, 0, 0, 50, 100, 100, 100, 100, 100], 95),  # 90% of the way 50..100 ms
        (0.99, [0, 0, 0, 0, 0, 0, 0, 90, 100], 1000),  # in +Inf: the highest bound
        (0.5, [0, 0, 0, 0, 0, 0, 0, 0, 4], 1000),
    ],
)
def test_percentiles_interpolate_inside_the_bucket(quantile, cumulative, expected):
    assert histogram_percentile(quantile, cumulative) == expected


def test_the_staff_api_sums_buckets_per_route_and_computes_percentiles(
    rbac_admin, django_assert_num_queries
):
    inside = MINUTE - datetime.timedelta(minutes=30)
    # dog-list: 100 requests, all 50..100 ms, over two minutes and two status classes
    ApiMetricBucketFactory(
        bucket_start=inside,
        route="dog-list",
        count=60,
        sum_ms=4200,
        **dict.fromkeys(("le5", "le10", "le25", "le50"), 0),
        **dict.fromkeys(("le100", "le250", "le500", "le1000", "le_inf"), 60),
    )
    ApiMetricBucketFactory(
        bucket_start=inside + datetime.timedelta(minutes=1),
        route="dog-list",
        status_class=StatusClass.S5XX,
        count=40,
        sum_ms=2800,
        **dict.fromkeys(("le5", "le10", "le25", "le50"), 0),
        **dict.fromkeys(("le100", "le250", "le500", "le1000", "le_inf"), 40),
    )
    ApiMetricBucketFactory(bucket_start=inside, route="health-live", method="GET")
    ApiMetricBucketFactory(bucket_start=MINUTE + datetime.timedelta(hours=2), route="dog-list")

    client = bearer_client(rbac_admin)
    params = {
        "start": (MINUTE - datetime.timedelta(hours=1)).isoformat(),
        "end": MINUTE.isoformat(),
    }
    client.get(LATENCY_URL, params)  # warm the session and permission caches
    with django_assert_num_queries(2):  # the session, the one aggregate
        response = client.get(LATENCY_URL, {**params, "route": "dog-list"})
    assert response.status_code == 200
    assert response.json()["routes"] == [
        {
            "route": "dog-list",
            "method": "GET",
            "count": 100,
            "errors_5xx": 40,
            "mean_ms": 70,
            "p50_ms": 75,
            "p95_ms": 98,
            "p99_ms": 100,
        }
    ]
    every = client.get(LATENCY_URL, params).json()["routes"]
    assert [(r["route"], r["count"]) for r in every] == [("dog-list", 100), ("health-live", 10)]


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2026-12-07T10:00:00Z", "end": "2026-12-07T09:00:00Z"},
        {"start": "2026-10-01T00:00:00Z", "end": "2026-12-07T09:00:00Z"},
        {"start": "yesterday"},
    ],
)
def test_the_staff_api_refuses_a_bad_window(rbac_admin, params):
    response = bearer_client(rbac_admin).get(LATENCY_URL, params)
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["start"]


def test_the_admin_shows_percentiles_per_bucket(client, superuser):
    client.force_login(superuser)
    ApiMetricBucketFactory(route="dog-list")
    response = client.get(reverse("admin:doggy_apimetricbucket_changelist"))
    assert response.status_code == 200
    for header in (b"P50 ms", b"P95 ms", b"P99 ms"):
        assert header in response.content


# --- prometheus-client's multiprocess mode -------------------------------------------------


def test_metrics_merge_every_process_in_multiprocess_mode(tmp_path, monkeypatch):
    from prometheus_client import CollectorRegistry, Counter, values

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    values.ValueClass = values.get_value_class()
    try:
        counter = Counter(
            "doggy_test_jobs",
            "A counter written to the shared directory.",
            registry=CollectorRegistry(),
        )
        counter.inc(3)
        exposed = metrics.exposition_registry()
        assert exposed is not metrics.REGISTRY
        assert exposed.get_sample_value("doggy_test_jobs_total") == 3.0
    finally:
        monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
        values.ValueClass = values.get_value_class()


def test_metrics_use_the_process_registry_without_the_directory(monkeypatch):
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    assert metrics.exposition_registry() is metrics.REGISTRY
