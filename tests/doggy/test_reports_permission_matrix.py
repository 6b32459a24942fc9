"""Who may call the reports routes and the staff dashboard (plan 041): the permission
matrix on the one base (tests/matrix.py).

Definitions are listed to every signed-in caller (each sees those of their audience);
a run is requested only of a definition the caller may run (others: 404, as if it did
not exist); a run and its file are the requester's alone (404 for everyone else).
"""

from __future__ import annotations

from audit.models import DashboardSnapshot, ReportRun
from doggy.insights.report_services import report_definitions_sync, report_run_execute
from tests.accounts.matrix_world import ADMIN, CALLERS, only, signed_in
from tests.audit.factories import DashboardSnapshotFactory, ReportRunFactory
from tests.matrix import PermissionMatrix, Route

REQUESTER = "rbac_admin"


def _requester_only(status: int) -> dict[str, int]:
    return {**signed_in(404), REQUESTER: status}


class TestReportsPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        Route("GET", "/api/v1/reports/definitions/", signed_in(200)),
        Route("GET", "/api/v1/reports/runs/", signed_in(200)),
        Route(
            "POST",
            "/api/v1/reports/runs/",
            {**signed_in(404), **dict.fromkeys(ADMIN, 202)},
            {"report": "admin.users_signups"},
            notes="Others may not run an admin report: 404 report_not_found.",
        ),
        Route("GET", "/api/v1/reports/runs/{run}/", _requester_only(200)),
        Route("GET", "/api/v1/reports/runs/{run}/download/", _requester_only(200)),
        Route("GET", "/api/v1/staff/dashboard/", only(ADMIN, 200)),
    )

    def build_world(self, request, users):
        request.getfixturevalue("media_root")
        report_definitions_sync()
        run = ReportRunFactory(
            report_definition__key="admin.users_signups", requested_by=users[REQUESTER]
        )
        report_run_execute(str(run.pk))
        DashboardSnapshotFactory()
        return {"run": run.pk}

    def state(self):
        return {
            **super().state(),
            "runs": ReportRun.objects.count(),
            "snapshots": DashboardSnapshot.objects.count(),
        }
