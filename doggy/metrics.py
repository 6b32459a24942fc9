"""Prometheus metrics of the HTTP API (plan 042), in the exposition format of
`prometheus-client`.

`PrometheusMetricsMiddleware` counts every request and observes its latency, labelled by
the URL pattern that served it (`api/v1/dogs/<uuid:dog_id>/`, never the raw path, so the
labels stay few), the method and the status. Nothing touches the database per request.
`metrics_view` (`GET /metrics`) exposes them to a scraper that sends
`Authorization: Bearer <DOGGY_METRICS_TOKEN>`, or to a signed-in admin session of a
`system.admin` holder. The counts live in this process; with several worker processes,
set `PROMETHEUS_MULTIPROC_DIR` (an empty directory shared by the workers, emptied at each
deploy): every process then writes its values to files there and `/metrics` merges them
with prometheus-client's `MultiProcessCollector`.

The same middleware feeds `ApiMetricBuckets` (A23) through `LATENCY_RECORDER`: each
worker adds every request to in-memory counts per (minute, route, method, status class)
and flushes them in aggregate (`doggy.health.api_metric_buckets_add`) every
`DOGGY_API_LATENCY_FLUSH_SECONDS` or `DOGGY_API_LATENCY_FLUSH_REQUESTS`, after the
response has been sent (`request_finished`), and at process exit. No request waits on a
database write or holds a lock while one runs; a failed flush is logged and its counts
are kept for the next one.
"""

from __future__ import annotations

import atexit
import datetime
import hmac
import logging
import os
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest

from .core.permissions import PermissionName, actor_may

logger = logging.getLogger(__name__)

REGISTRY = CollectorRegistry(auto_describe=True)
# The latency buckets of ApiMetricBuckets (A23), in seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, float("inf"))
UNMATCHED = "<unmatched>"

REQUESTS = Counter(
    "doggy_http_requests",
    "HTTP requests served, by URL pattern, method and status.",
    ("route", "method", "status"),
    registry=REGISTRY,
)
LATENCY = Histogram(
    "doggy_http_request_duration_seconds",
    "Time to answer an HTTP request, by URL pattern and method.",
    ("route", "method"),
    buckets=LATENCY_BUCKETS,
    registry=REGISTRY,
)


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match is not None and match.route else UNMATCHED


def view_name_of(request: HttpRequest) -> str:
    """The URL name that served the request (`health-ready`), as `ApiMetricBuckets.Route`
    keeps it (SCHEMA 2.42: the view's name, never the raw path)."""
    match = getattr(request, "resolver_match", None)
    name = match.view_name if match is not None else ""
    return (name or UNMATCHED)[:200]


class LatencyRecorder:
    """A worker's latency counts for `ApiMetricBuckets`, added up in memory.

    `record` takes a lock only to add to a dict; `flush` swaps the dict out under the
    lock and writes it outside, so a request never waits on the database. A failed write
    is logged and its counts merged back (at most `max_keys` are kept).
    """

    def __init__(self, *, max_keys: int = 10_000):
        self._lock = threading.Lock()
        self._counts: dict[tuple, list[int]] = {}
        self._requests = 0
        self._last_flush = time.monotonic()
        self.max_keys = max_keys

    def record(
        self, *, route: str, method: str, status_code: int, elapsed_ms: int, at=None
    ) -> None:
        from .health import latency_counts, status_class_of

        status_class = status_class_of(status_code)
        if status_class is None:
            return
        at = at or datetime.datetime.now(datetime.UTC)
        step = max(int(getattr(settings, "DOGGY_API_LATENCY_BUCKET_SECONDS", 60)), 1)
        start = datetime.datetime.fromtimestamp(int(at.timestamp()) // step * step, tz=datetime.UTC)
        key = (start, route, method[:7], status_class)
        counts = latency_counts(max(int(elapsed_ms), 0))
        with self._lock:
            held = self._counts.get(key)
            if held is None:
                if len(self._counts) >= self.max_keys:
                    return
                self._counts[key] = counts
            else:
                for i, n in enumerate(counts):
                    held[i] += n
            self._requests += 1

    def due(self) -> bool:
        every = int(getattr(settings, "DOGGY_API_LATENCY_FLUSH_REQUESTS", 1000))
        seconds = float(getattr(settings, "DOGGY_API_LATENCY_FLUSH_SECONDS", 60))
        with self._lock:
            if not self._counts:
                return False
            return self._requests >= every or time.monotonic() - self._last_flush >= seconds

    def drain(self) -> dict[tuple, list[int]]:
        with self._lock:
            counts, self._counts = self._counts, {}
            self._requests = 0
            self._last_flush = time.monotonic()
        return counts

    def _merge_back(self, counts: dict[tuple, list[int]]) -> None:
        with self._lock:
            for key, values in counts.items():
                held = self._counts.get(key)
                if held is None:
                    if len(self._counts) < self.max_keys:
                        self._counts[key] = values
                else:
                    for i, n in enumerate(values):
                        held[i] += n

    def flush(self) -> int:
        """Write the counts gathered so far; returns the keys written (0 on failure)."""
        from .health import api_metric_buckets_add

        counts = self.drain()
        if not counts:
            return 0
        try:
            return api_metric_buckets_add(counts)
        except Exception:  # a flush must never break a request or the shutdown
            logger.exception("Flushing %s API latency bucket(s) failed; kept.", len(counts))
            self._merge_back(counts)
            return 0

    def pending(self) -> dict[tuple, list[int]]:
        with self._lock:
            return {key: list(values) for key, values in self._counts.items()}


LATENCY_RECORDER = LatencyRecorder()


def _latency_enabled() -> bool:
    return bool(getattr(settings, "DOGGY_API_LATENCY_BUCKETS", True))


def _flush_when_due(**kwargs) -> None:
    """After each response is sent: flush the latency counts when due."""
    if _latency_enabled() and LATENCY_RECORDER.due():
        LATENCY_RECORDER.flush()


def _flush_at_exit() -> None:
    if _latency_enabled():
        LATENCY_RECORDER.flush()


request_finished.connect(_flush_when_due, dispatch_uid="doggy.metrics.latency_flush")
atexit.register(_flush_at_exit)


class PrometheusMetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        route, method = route_of(request), request.method or ""
        REQUESTS.labels(route, method, str(response.status_code)).inc()
        LATENCY.labels(route, method).observe(elapsed)
        if _latency_enabled():
            LATENCY_RECORDER.record(
                route=view_name_of(request),
                method=method,
                status_code=response.status_code,
                elapsed_ms=round(elapsed * 1000),
            )
        return response


def _token_matches(request: HttpRequest) -> bool:
    expected = settings.DOGGY_METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return (
        bool(expected)
        and scheme.lower() == "bearer"
        and hmac.compare_digest(token.strip().encode(), expected.encode())
    )


def metrics_view(request: HttpRequest) -> HttpResponse:
    """The metrics, for the metrics token or a `system.admin` admin session."""
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET"})
    user = getattr(request, "user", None)
    if not (_token_matches(request) or actor_may(user, PermissionName.SYSTEM_ADMIN)):
        return HttpResponse(
            "Metrics need the metrics token.\n",
            status=401,
            content_type="text/plain; charset=utf-8",
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    return HttpResponse(generate_latest(exposition_registry()), content_type=CONTENT_TYPE_LATEST)


def exposition_registry() -> CollectorRegistry:
    """What `/metrics` exposes: this process's registry, or, with
    `PROMETHEUS_MULTIPROC_DIR` set, the values every worker wrote to that directory."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry
