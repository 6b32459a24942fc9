"""Prometheus metrics of the HTTP API (plan 042), in the exposition format of
`prometheus-client`.

`PrometheusMetricsMiddleware` counts every request and observes its latency, labelled by
the URL pattern that served it (`api/v1/dogs/<uuid:dog_id>/`, never the raw path, so the
labels stay few), the method and the status. Nothing touches the database per request.
`metrics_view` (`GET /metrics`) exposes them to a scraper that sends
`Authorization: Bearer <DOGGY_METRICS_TOKEN>`, or to a signed-in admin session of a
`system.admin` holder. The counts live in this process; with several worker processes,
scrape each one (or run prometheus-client's multiprocess mode).
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest

from .core.permissions import PermissionName, actor_may

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
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
