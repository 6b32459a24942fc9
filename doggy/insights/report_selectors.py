"""Reads of reports: the definitions a caller may run, the caller's own runs, a run's file.

A caller may run a definition when it is active, its key names a kind of the catalogue,
the caller belongs to its audience (`reports.audience_admits`) and holds its
`RequiredPermission` (if any), all through `actor_may`. Runs are visible to their
requester only (`ReportRun.objects.visible_to`); anybody else gets 404, as if the run
did not exist.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.utils import timezone

from audit.choices import DashboardScope, ReportRunStatus
from audit.models import DashboardSnapshot, ReportDefinition, ReportRun
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError
from doggy.core.permissions import actor_may
from doggy.models import StoredFile
from doggy.selectors import stored_file_get_for_download

from .errors import InsightsErrorCode
from .reports import audience_admits, report_kind_for


def report_definition_may_run(actor, definition: ReportDefinition) -> bool:
    if not definition.is_active or report_kind_for(definition.key) is None:
        return False
    if not audience_admits(actor, definition.audience):
        return False
    permission = definition.required_permission
    return permission is None or actor_may(actor, permission.name)


def report_definition_list_runnable(*, actor) -> list[ReportDefinition]:
    """The active definitions `actor` may run, by key (one query, plus the caller's
    permissions once)."""
    definitions = ReportDefinition.objects.filter(is_active=True).select_related(
        "required_permission"
    )
    return [d for d in definitions.order_by("key") if report_definition_may_run(actor, d)]


def report_definition_get_runnable(*, actor, key: str) -> ReportDefinition:
    definition = (
        ReportDefinition.objects.filter(key=str(key)).select_related("required_permission").first()
    )
    if definition is None or not report_definition_may_run(actor, definition):
        raise NotFoundError(InsightsErrorCode.REPORT_NOT_FOUND, "Report not found.")
    return definition


def report_run_list(*, actor, status: str | None = None) -> QuerySet[ReportRun]:
    """The caller's runs, newest first; `status` filters by one status (400 if unknown)."""
    runs = ReportRun.objects.visible_to(actor).select_related("report_definition", "result_file")
    if status:
        if status not in ReportRunStatus.values:
            raise ApplicationError(
                InsightsErrorCode.REPORT_INVALID,
                f"Unknown status {status!r}.",
                fields={"status": [f"Choose one of: {', '.join(ReportRunStatus.values)}."]},
            )
        runs = runs.filter(status=status)
    return runs.order_by("-created_at", "-id")


def _run_not_found() -> NotFoundError:
    return NotFoundError(InsightsErrorCode.REPORT_RUN_NOT_FOUND, "Report run not found.")


def report_run_get(*, actor, run_id) -> ReportRun:
    try:
        pk = run_id if isinstance(run_id, uuid.UUID) else uuid.UUID(str(run_id))
    except ValueError:
        raise _run_not_found() from None
    run = (
        ReportRun.objects.visible_to(actor)
        .select_related("report_definition", "result_file")
        .filter(pk=pk)
        .first()
    )
    if run is None:
        raise _run_not_found()
    return run


def report_run_is_expired(run: ReportRun, now=None) -> bool:
    """Expired by the sweep, or past its file's `ExpiresAt` before the sweep came by."""
    if run.status == ReportRunStatus.EXPIRED:
        return True
    file = run.result_file
    expires_at = file.expires_at if file is not None else None
    return expires_at is not None and expires_at <= (now or timezone.now())


def report_run_file_for_download(*, actor, run_id) -> tuple[ReportRun, StoredFile]:
    """The run's file for its requester: 404 for anybody else, 410 `report_expired` once
    expired, 409 `report_not_ready` while Queued or Running or after a failure."""
    run = report_run_get(actor=actor, run_id=run_id)
    if report_run_is_expired(run):
        raise ApplicationError(
            InsightsErrorCode.REPORT_EXPIRED,
            "This report has expired; run it again.",
            status_code=410,
        )
    if run.status != ReportRunStatus.SUCCEEDED or run.result_file_id is None:
        raise ConflictError(
            InsightsErrorCode.REPORT_NOT_READY, f"The report is {run.status}; it has no file."
        )
    return run, stored_file_get_for_download(actor=actor, file_id=run.result_file_id)


def dashboard_snapshot_latest(
    *, scope: str = DashboardScope.PLATFORM, scope_id: str = ""
) -> DashboardSnapshot:
    """The newest snapshot of a dashboard, or 404 `dashboard_not_ready`."""
    snapshot = (
        DashboardSnapshot.objects.filter(scope=scope, scope_id=scope_id)
        .order_by("-snapshot_date")
        .first()
    )
    if snapshot is None:
        raise NotFoundError(
            InsightsErrorCode.DASHBOARD_NOT_READY, "The dashboard has not been built yet."
        )
    return snapshot
