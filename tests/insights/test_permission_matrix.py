"""Who may read the staff dashboards and the provider's own KPIs: the permission matrix
on the one base (tests/matrix.py).

The `/staff/` routes need `system.admin` (the RBAC admin and the superuser hold it).
The own KPIs need `services.provide` and a provider profile: the superuser passes the
permission but has no profile (404).
"""

from __future__ import annotations

from datetime import date

from audit.models import MetricCount, ProviderPerformanceSnapshot
from doggy.insights.performance import provider_performance_snapshot, rolling_period
from tests.matrix import PermissionMatrix, Route

CALLERS = ("anonymous", "owner", "provider_user", "kyc_reviewer", "rbac_admin", "superuser")


def row(method: str, path: str, *statuses: int, query=None) -> Route:
    """One route, statuses in the order of CALLERS (a GET's body is its query string)."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), query)


class TestInsightsPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row(
            "GET",
            "/api/v1/staff/metrics/",
            *(401, 403, 403, 403, 200, 200),
            query={"property": "users.new"},
        ),
        row("GET", "/api/v1/staff/providers/performance/", 401, 403, 403, 403, 200, 200),
        row("GET", "/api/v1/providers/me/performance/", 401, 403, 200, 403, 403, 404),
    )

    def build_world(self, request, users):
        # The provider_user's profile gets its first snapshot.
        provider_performance_snapshot(rolling_period(date(2026, 3, 31)))
        return {}

    def state(self):
        return {
            **super().state(),
            "counts": MetricCount.objects.count(),
            "snapshots": ProviderPerformanceSnapshot.objects.count(),
        }
