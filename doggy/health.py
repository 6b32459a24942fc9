"""System health (plan 042): the readiness probes, their recording, and job runs.

Each probe checks one component the API needs and times itself:

* `database`: `SELECT 1` on the default connection;
* `cache`: a write and read back of a short-lived key in the default cache;
* `channel_layer`: a message sent to and received from a new channel (skipped, and
  healthy, when no channel layer is configured);
* `storage`: the default file storage answers an `exists()`;
* `migrations`: no migration of the code is unapplied (cached per process once true).

`readiness()` runs them all; the API answers 503 when any is Unhealthy. The periodic
`manage.py health_check` writes each result into `HealthCheckResults` and its own run into
`BackgroundJobRuns` (`job_run`, which any scheduled job can use).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .choices import HealthStatus, JobRunStatus
from .models import BackgroundJobRun, HealthCheckResult

MAX_MESSAGE = 500
CHANNEL_TIMEOUT_SECONDS = 2.0


@dataclass
class ProbeResult:
    component: str
    status: str
    latency_ms: int
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "latency_ms": self.latency_ms, "message": self.message}


def _database() -> str:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return ""


def _cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("The cache did not return what was written.")
    return ""


def _channel_layer() -> str:
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return "No channel layer is configured."

    async def round_trip():
        import asyncio

        channel = await layer.new_channel("health.")
        await layer.send(channel, {"type": "health.ping"})
        return await asyncio.wait_for(layer.receive(channel), CHANNEL_TIMEOUT_SECONDS)

    message = async_to_sync(round_trip)()
    if message.get("type") != "health.ping":
        raise RuntimeError("The channel layer returned another message.")
    return ""


def _storage() -> str:
    storages["default"].exists("health-probe")
    return ""


_migrations_applied = False


def _migrations() -> str:
    global _migrations_applied
    if _migrations_applied:
        return ""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        raise RuntimeError(f"{len(plan)} migration(s) not applied: {names}")
    _migrations_applied = True
    return ""


PROBES: dict[str, Callable[[], str]] = {
    "database": _database,
    "cache": _cache,
    "channel_layer": _channel_layer,
    "storage": _storage,
    "migrations": _migrations,
}


def probe(component: str) -> ProbeResult:
    """Run one probe; an exception makes it Unhealthy with the error as the message."""
    check = PROBES[component]
    started = time.perf_counter()
    try:
        message = check()
        status = HealthStatus.HEALTHY
    except Exception as exc:  # a probe reports every failure, whatever its kind
        message = f"{type(exc).__name__}: {exc}"[:MAX_MESSAGE]
        status = HealthStatus.UNHEALTHY
    latency = round((time.perf_counter() - started) * 1000)
    return ProbeResult(component, status, latency, message)


def readiness() -> tuple[bool, dict[str, ProbeResult]]:
    """Every probe's result, and whether all of them are healthy."""
    results = {name: probe(name) for name in PROBES}
    return all(r.status == HealthStatus.HEALTHY for r in results.values()), results


def health_results_record(results: dict[str, ProbeResult]) -> list[HealthCheckResult]:
    """Write one `HealthCheckResults` row per probe result (one INSERT)."""
    return HealthCheckResult.objects.bulk_create(
        HealthCheckResult(
            component=r.component,
            status=r.status,
            latency_ms=r.latency_ms,
            message=r.message,
            details=r.details,
        )
        for r in results.values()
    )


@contextmanager
def job_run(job_name: str) -> Iterator[dict[str, Any]]:
    """Record one run of a scheduled job in `BackgroundJobRuns`: Running at the start,
    then Succeeded with `items_processed` (set it on the yielded dict) or Failed with the
    error, which is raised again."""
    started = timezone.now()
    clock = time.perf_counter()
    run = BackgroundJobRun.objects.create(
        job_name=job_name, status=JobRunStatus.RUNNING, started_at=started
    )
    outcome: dict[str, Any] = {"items_processed": None}
    try:
        yield outcome
    except BaseException as exc:
        _finish(run, clock, JobRunStatus.FAILED, outcome, f"{type(exc).__name__}: {exc}")
        raise
    _finish(run, clock, JobRunStatus.SUCCEEDED, outcome, "")


def _finish(run: BackgroundJobRun, clock: float, status: str, outcome: dict, error: str) -> None:
    run.status = status
    run.finished_at = timezone.now()
    run.duration_ms = round((time.perf_counter() - clock) * 1000)
    run.items_processed = outcome.get("items_processed")
    run.error = error
    run.save(update_fields=["status", "finished_at", "duration_ms", "items_processed", "error"])
