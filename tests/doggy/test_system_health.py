"""Plan 042: liveness, readiness with timed checks, the periodic health check recorded in
HealthCheckResults and BackgroundJobRuns, and the Prometheus metrics."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from prometheus_client import CONTENT_TYPE_LATEST
from rest_framework.test import APIClient

from doggy import health
from doggy.choices import HealthStatus, JobRunStatus
from doggy.models import BackgroundJobRun, HealthCheckResult

pytestmark = pytest.mark.django_db

COMPONENTS = ["database", "cache", "channel_layer", "storage", "migrations"]


def test_liveness_touches_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = APIClient().get("/api/v1/health/live/")
    assert (response.status_code, response.json()) == (200, {"status": "alive"})


def test_readiness_reports_every_component_with_its_timing():
    response = APIClient().get("/api/v1/health/ready/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert list(body["checks"]) == COMPONENTS
    for check in body["checks"].values():
        assert check["status"] == "Healthy"
        assert isinstance(check["latency_ms"], int)
        assert check["latency_ms"] >= 0


def test_readiness_is_503_when_a_component_fails(monkeypatch):
    def broken():
        raise ConnectionError("cache server gone")

    monkeypatch.setitem(health.PROBES, "cache", broken)
    response = APIClient().get("/api/v1/health/ready/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["checks"]["cache"]["status"] == "Unhealthy"
    assert body["checks"]["cache"]["message"] == "ConnectionError: cache server gone"
    assert body["checks"]["database"]["status"] == "Healthy"


def test_readiness_is_503_with_an_unapplied_migration(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)

    class Pending:
        app_label, name = "pets", "0099_future"

    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        lambda self, targets: [(Pending(), False)],
    )
    result = health.probe("migrations")
    assert (result.status, result.message) == (
        HealthStatus.UNHEALTHY,
        "RuntimeError: 1 migration(s) not applied: pets.0099_future",
    )


def test_the_periodic_check_records_results_and_its_run():
    out = io.StringIO()
    call_command("health_check", stdout=out)
    rows = HealthCheckResult.objects.order_by("component")
    assert [(r.component, r.status) for r in rows] == [
        (name, HealthStatus.HEALTHY) for name in sorted(COMPONENTS)
    ]
    run = BackgroundJobRun.objects.get()
    assert (run.job_name, run.status, run.items_processed, run.error) == (
        "health_check",
        JobRunStatus.SUCCEEDED,
        5,
        "",
    )
    assert run.finished_at >= run.started_at
    assert out.getvalue().splitlines()[0].startswith("database: Healthy (")


def test_the_periodic_check_fails_loudly_and_still_records(monkeypatch):
    def broken():
        raise OSError("disk full")

    monkeypatch.setitem(health.PROBES, "storage", broken)
    with pytest.raises(CommandError) as failed:
        call_command("health_check", stdout=io.StringIO())
    assert str(failed.value) == "Not ready: a component is unhealthy."
    storage = HealthCheckResult.objects.get(component="storage")
    assert (storage.status, storage.message) == (HealthStatus.UNHEALTHY, "OSError: disk full")
    assert BackgroundJobRun.objects.get().status == JobRunStatus.SUCCEEDED


def test_a_failing_job_is_recorded_as_failed():
    def nightly():
        with health.job_run("calls_sweep") as outcome:
            outcome["items_processed"] = 3
            raise ValueError("bad batch")

    with pytest.raises(ValueError, match="bad batch"):
        nightly()
    run = BackgroundJobRun.objects.get()
    assert (run.status, run.items_processed, run.error) == (
        JobRunStatus.FAILED,
        3,
        "ValueError: bad batch",
    )


def test_a_job_outside_the_registry_is_refused_and_not_recorded():
    with (
        pytest.raises(ValueError, match="'nightly' is not a registered job"),
        health.job_run("nightly"),
    ):
        pass
    assert BackgroundJobRun.objects.count() == 0


# --- /metrics ----------------------------------------------------------------------------------


@pytest.fixture
def metrics_token(settings):
    settings.DOGGY_METRICS_TOKEN = "metrics-secret"  # noqa: S105 - a test token
    return "metrics-secret"


def test_metrics_count_requests_by_route_in_the_exposition_format(metrics_token):
    client = APIClient()
    client.get("/api/v1/health/live/")
    client.get("/api/v1/health/live/")
    client.get("/api/v1/no-such-route/")

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {metrics_token}")

    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE_LATEST
    text = response.content.decode()
    assert "# TYPE doggy_http_requests_total counter" in text
    assert "# TYPE doggy_http_request_duration_seconds histogram" in text
    live = 'route="/api/v1/health/live/",status="200"'
    counted = [line for line in text.splitlines() if live in line and line.startswith("doggy_")]
    assert counted
    assert float(counted[0].rsplit(" ", 1)[1]) >= 2
    assert 'route="<unmatched>"' in text
    assert 'doggy_http_request_duration_seconds_bucket{le="0.005",method="GET"' in text


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Token metrics-secret"])
def test_metrics_refuse_without_the_token(metrics_token, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = APIClient().get("/metrics", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert b"doggy_http" not in response.content


def test_metrics_are_open_to_a_system_admin_session_only(client, superuser, owner):
    client.force_login(owner)
    assert client.get("/metrics").status_code == 401
    client.force_login(superuser)
    assert client.get("/metrics").status_code == 200
