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
`BackgroundJobRuns` (`job_run`, which every scheduled job uses; its name must be in
`JOB_NAMES`, A7).

Also here: the incident services (`SystemIncidents`, staff-managed, audited) and their
reads, and the latency buckets (`ApiMetricBuckets`, A23): `api_metric_buckets_add` adds a
worker's aggregated counts to the rows atomically; `api_latency_summary` sums them and
computes the percentiles from the histogram at read time.
"""

from __future__ import annotations

import datetime
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F, Q, QuerySet, Sum
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot

from .choices import (
    LATENCY_BUCKETS_MS,
    HealthStatus,
    IncidentSeverity,
    IncidentStatus,
    JobRunStatus,
    StatusClass,
)
from .core.error_codes import PlatformErrorCode
from .core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from .core.permissions import PermissionName, actor_may
from .models import ApiMetricBucket, BackgroundJobRun, HealthCheckResult, SystemIncident

logger = logging.getLogger(__name__)

MAX_MESSAGE = 500
CHANNEL_TIMEOUT_SECONDS = 2.0

# Every scheduled job, by the name its runs are recorded under (A7: an open vocabulary,
# validated here rather than by a CHECK).
JOB_NAMES = frozenset(
    {
        "health_check",
        "expire_credentials",
        "process_payment_webhooks",
        "deliver_notifications",
        "sync_calendars",
        "calls_sweep",
        "expire_dog_shares",
        "budget_alerts",
        "fill_metric_counts",
        "provider_performance_snapshots",
        "expire_report_runs",
        "build_dashboard_snapshots",
        "rollup_user_activity",
        "purge_analytics_events",
    }
)


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
    if job_name not in JOB_NAMES:
        raise ValueError(f"{job_name!r} is not a registered job (doggy.health.JOB_NAMES).")
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


def health_check_run() -> tuple[bool, dict[str, ProbeResult]]:
    """The periodic health check (`manage.py health_check`, Celery beat): every probe,
    its results written to `HealthCheckResults`, the run to `BackgroundJobRuns`."""
    with job_run("health_check") as outcome:
        ready, results = readiness()
        rows = health_results_record(results)
        outcome["items_processed"] = len(rows)
    return ready, results


def health_check_task() -> None:
    """`health_check_run` as a task of no arguments (Celery beat); an unhealthy component
    is logged as a warning."""
    ready, results = health_check_run()
    if not ready:
        failing = sorted(name for name, r in results.items() if r.status != HealthStatus.HEALTHY)
        logger.warning("Health check: unhealthy %s", ", ".join(failing))


def _finish(run: BackgroundJobRun, clock: float, status: str, outcome: dict, error: str) -> None:
    run.status = status
    run.finished_at = timezone.now()
    run.duration_ms = round((time.perf_counter() - clock) * 1000)
    run.items_processed = outcome.get("items_processed")
    run.error = error
    run.save(update_fields=["status", "finished_at", "duration_ms", "items_processed", "error"])


# --- Incidents (SystemIncidents) ------------------------------------------------------------
#
#   Investigating ⇄ Identified ⇄ Monitoring ──resolve──▶ Resolved (final)
#
# Staff (`system.admin`) open, update and resolve incidents; any unresolved status may move
# to any other (a fix under monitoring can fail), Resolved sets `ResolvedAt` and is final:
# a recurrence is a new incident. Every write is audited in its transaction.

INCIDENT_AUDIT_FIELDS = (
    "title",
    "severity",
    "status",
    "affected_components",
    "started_at",
    "resolved_at",
    "public_message",
)
INCIDENT_EDITABLE = (
    "title",
    "severity",
    "status",
    "affected_components",
    "started_at",
    "public_message",
)
MAX_TITLE = 200
MAX_COMPONENTS = 20
MAX_COMPONENT = 50
MAX_PUBLIC_MESSAGE = 5000
OPEN_INCIDENT_STATUSES = tuple(s for s in IncidentStatus.values if s != IncidentStatus.RESOLVED)


def _incident_invalid(field_name: str, message: str) -> ApplicationError:
    return ApplicationError(PlatformErrorCode.INVALID, message, fields={field_name: [message]})


def _require_system_admin(actor) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            PlatformErrorCode.PERMISSION_DENIED, "Incidents are managed by system.admin holders."
        )


def _incident_clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the editable fields present in `values`."""
    unknown = set(values) - set(INCIDENT_EDITABLE)
    if unknown:
        raise _incident_invalid(sorted(unknown)[0], "This field cannot be set.")
    clean = dict(values)
    if "title" in clean:
        title = (clean["title"] or "").strip()
        if not title:
            raise _incident_invalid("title", "Give the incident a title.")
        if len(title) > MAX_TITLE:
            raise _incident_invalid("title", f"At most {MAX_TITLE} characters.")
        clean["title"] = title
    if "severity" in clean and clean["severity"] not in IncidentSeverity.values:
        raise _incident_invalid("severity", f"One of {', '.join(IncidentSeverity.values)}.")
    if "status" in clean and clean["status"] not in IncidentStatus.values:
        raise _incident_invalid("status", f"One of {', '.join(IncidentStatus.values)}.")
    if "affected_components" in clean:
        components = clean["affected_components"] or []
        if not isinstance(components, list | tuple) or not all(
            isinstance(c, str) and c.strip() and len(c.strip()) <= MAX_COMPONENT for c in components
        ):
            raise _incident_invalid(
                "affected_components",
                f"A list of component names of at most {MAX_COMPONENT} characters.",
            )
        names = list(dict.fromkeys(c.strip() for c in components))
        if len(names) > MAX_COMPONENTS:
            raise _incident_invalid("affected_components", f"At most {MAX_COMPONENTS}.")
        clean["affected_components"] = names
    if "public_message" in clean:
        message = (clean["public_message"] or "").strip()
        if len(message) > MAX_PUBLIC_MESSAGE:
            raise _incident_invalid("public_message", f"At most {MAX_PUBLIC_MESSAGE} characters.")
        clean["public_message"] = message
    if "started_at" in clean:
        if clean["started_at"] is None:
            raise _incident_invalid("started_at", "An incident has a start.")
        if clean["started_at"] > timezone.now():
            raise _incident_invalid("started_at", "The start cannot be in the future.")
    return clean


@transaction.atomic
def incident_open(
    *,
    actor,
    title: str,
    severity: str,
    affected_components: list[str] | None = None,
    public_message: str = "",
    started_at: datetime.datetime | None = None,
    status: str = IncidentStatus.INVESTIGATING,
) -> SystemIncident:
    """Open an incident (Investigating unless another open status is given), audited."""
    _require_system_admin(actor)
    values = _incident_clean(
        {
            "title": title,
            "severity": severity,
            "status": status,
            "affected_components": affected_components or [],
            "public_message": public_message,
            "started_at": started_at or timezone.now(),
        }
    )
    if values["status"] == IncidentStatus.RESOLVED:
        raise _incident_invalid("status", "A new incident is not resolved yet.")
    incident = SystemIncident.objects.create(created_by=actor, **values)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=incident,
        new=model_snapshot(incident, INCIDENT_AUDIT_FIELDS),
    )
    return incident


@transaction.atomic
def incident_update(*, actor, incident: SystemIncident, **changes: Any) -> SystemIncident:
    """Change an unresolved incident's fields; `status="Resolved"` resolves it (sets
    `ResolvedAt`). A resolved incident cannot change (409 `incident_resolved`)."""
    _require_system_admin(actor)
    values = _incident_clean(changes)
    locked = SystemIncident.objects.select_for_update().get(pk=incident.pk)
    if locked.status == IncidentStatus.RESOLVED:
        raise ConflictError(
            PlatformErrorCode.INCIDENT_RESOLVED,
            "The incident is resolved; open a new one if it recurs.",
        )
    old = model_snapshot(locked, INCIDENT_AUDIT_FIELDS)
    for name, value in values.items():
        setattr(locked, name, value)
    if locked.status == IncidentStatus.RESOLVED:
        locked.resolved_at = max(timezone.now(), locked.started_at)
    new = model_snapshot(locked, INCIDENT_AUDIT_FIELDS)
    changed = [name for name in INCIDENT_AUDIT_FIELDS if old[name] != new[name]]
    if not changed:
        return locked
    locked.save(update_fields=changed)
    audit_log_record(actor=actor, action=AuditAction.UPDATE, target=locked, old=old, new=new)
    return locked


def incident_resolve(
    *, actor, incident: SystemIncident, public_message: str | None = None
) -> SystemIncident:
    """Resolve an incident, optionally with a closing public message."""
    changes: dict[str, Any] = {"status": IncidentStatus.RESOLVED}
    if public_message is not None:
        changes["public_message"] = public_message
    return incident_update(actor=actor, incident=incident, **changes)


def incident_list_open() -> QuerySet[SystemIncident]:
    """The unresolved incidents, newest first: the public status page (no staff fields)."""
    return SystemIncident.objects.filter(status__in=OPEN_INCIDENT_STATUSES).order_by(
        "-started_at", "id"
    )


def incident_list(
    *, actor, status: str | None = None, severity: str | None = None
) -> QuerySet[SystemIncident]:
    """Every incident for staff, newest first, optionally by status and severity."""
    _require_system_admin(actor)
    rows = SystemIncident.objects.select_related("created_by").order_by("-started_at", "id")
    if status:
        rows = rows.filter(status=status)
    if severity:
        rows = rows.filter(severity=severity)
    return rows


def incident_get(*, actor, incident_id: Any) -> SystemIncident:
    incident = incident_list(actor=actor).filter(pk=incident_id).first()
    if incident is None:
        raise NotFoundError(PlatformErrorCode.INCIDENT_NOT_FOUND, "Incident not found.")
    return incident


# --- API latency buckets (ApiMetricBuckets, A23) ----------------------------------------------

# The additive columns of a bucket, in the order a worker's counts are kept.
BUCKET_COLUMNS = ("le5", "le10", "le25", "le50", "le100", "le250", "le500", "le1000", "le_inf")
COUNT_COLUMNS = ("count", "sum_ms", *BUCKET_COLUMNS)

LatencyKey = tuple  # (bucket_start, route, method, status_class)


def status_class_of(status_code: int) -> str | None:
    """`2xx` … `5xx`, or None for a status outside them (not recorded)."""
    if 200 <= status_code < 600:
        return f"{status_code // 100}xx"
    return None


def latency_counts(elapsed_ms: int) -> list[int]:
    """One request's contribution to `COUNT_COLUMNS`: count 1, its time, and a 1 in every
    cumulative `Le<n>` bucket it falls into."""
    return [1, elapsed_ms, *(int(elapsed_ms <= b) for b in LATENCY_BUCKETS_MS), 1]


def _bucket_add(key: LatencyKey, counts: list[int]) -> None:
    bucket_start, route, method, status_class = key
    where = {
        "bucket_start": bucket_start,
        "route": route,
        "method": method,
        "status_class": status_class,
    }
    if _bucket_update(where, counts):
        return
    try:
        with transaction.atomic():
            ApiMetricBucket.objects.create(**where, **dict(zip(COUNT_COLUMNS, counts, strict=True)))
        return
    except IntegrityError:
        pass  # another worker inserted the row first: add to it
    if not _bucket_update(where, counts):
        logger.error("API latency bucket %s vanished during its flush.", key)


def _bucket_update(where: dict[str, Any], counts: list[int]) -> int:
    """`UPDATE ApiMetricBuckets SET Count = Count + n, … WHERE <key>`: rows matched."""
    increments = {c: F(c) + n for c, n in zip(COUNT_COLUMNS, counts, strict=True) if n}
    return ApiMetricBucket.objects.filter(**where).update(**increments)


def api_metric_buckets_add(rows: dict[LatencyKey, list[int]]) -> int:
    """Add a worker's aggregated counts to `ApiMetricBuckets`, one key at a time.

    Each key is a conditional additive `UPDATE … SET Count = Count + n, …`; when no row
    matched, an `INSERT`; when that hits `UX_ApiMetrics_Key` (another worker inserted the
    row meanwhile), the `UPDATE` again. Every statement commits on its own (autocommit),
    so no row stays locked beyond its statement. The same on PostgreSQL, SQL Server and
    SQLite. Returns the number of keys written.
    """
    for key, counts in rows.items():
        if key[3] not in StatusClass.values:
            continue
        _bucket_add(key, counts)
    return len(rows)


def histogram_percentile(quantile: float, cumulative: list[int]) -> int | None:
    """The `quantile` (0..1) of a cumulative histogram over `LATENCY_BUCKETS_MS` (+Inf
    last), interpolated linearly inside its bucket as Prometheus's `histogram_quantile`
    does; in the +Inf bucket, the highest finite bound. None without requests."""
    total = cumulative[-1] if cumulative else 0
    if not total:
        return None
    rank = quantile * total
    lower, below = 0, 0
    for bound, upto in zip(LATENCY_BUCKETS_MS, cumulative, strict=False):
        if upto >= rank:
            inside = upto - below
            if inside <= 0:
                return bound
            return round(lower + (bound - lower) * (rank - below) / inside)
        lower, below = bound, upto
    return LATENCY_BUCKETS_MS[-1]


def latency_row_percentiles(row: Any) -> dict[str, int | None]:
    """p50/p95/p99 of one bucket row (or any object/dict with the `Le<n>` columns)."""
    get = row.get if isinstance(row, dict) else (lambda name: getattr(row, name))
    cumulative = [get(c) or 0 for c in BUCKET_COLUMNS]
    return {
        "p50_ms": histogram_percentile(0.50, cumulative),
        "p95_ms": histogram_percentile(0.95, cumulative),
        "p99_ms": histogram_percentile(0.99, cumulative),
    }


def api_latency_summary(
    *,
    actor,
    start: datetime.datetime,
    end: datetime.datetime,
    route: str | None = None,
) -> list[dict[str, Any]]:
    """Per route and method over `[start, end)`: requests, 5xx answers, mean and the
    p50/p95/p99 latency (ms) from the summed histograms. One aggregate query, ordered by
    route and method. `system.admin` only."""
    _require_system_admin(actor)
    rows = ApiMetricBucket.objects.filter(bucket_start__gte=start, bucket_start__lt=end)
    if route:
        rows = rows.filter(route=route)
    sums = (
        rows.values("route", "method")
        .annotate(
            **{f"total_{c}": Sum(c) for c in COUNT_COLUMNS},
            errors=Sum("count", filter=Q(status_class=StatusClass.S5XX)),
        )
        .order_by("route", "method")
    )
    summary = []
    for row in sums:
        totals = {c: row[f"total_{c}"] or 0 for c in COUNT_COLUMNS}
        count = totals["count"]
        summary.append(
            {
                "route": row["route"],
                "method": row["method"],
                "count": count,
                "errors_5xx": row["errors"] or 0,
                "mean_ms": round(totals["sum_ms"] / count) if count else None,
                **latency_row_percentiles(totals),
            }
        )
    return summary
