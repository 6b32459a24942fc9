"""Error codes of the insights layer (reports, report runs, the staff dashboards, provider KPIs).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ApplicationError, NotFoundError


class InsightsErrorCode(Enum):
    # A report definition that does not exist, is inactive, or the caller may not run.
    REPORT_NOT_FOUND = "report_not_found"
    # A run that does not exist or that the caller did not request.
    REPORT_RUN_NOT_FOUND = "report_run_not_found"
    # The parameters, the format or a definition's fields are not valid.
    REPORT_INVALID = "report_invalid"
    # The run has no file to download yet (Queued, Running) or failed.
    REPORT_NOT_READY = "report_not_ready"
    # The run's file passed its expiry and was deleted (410).
    REPORT_EXPIRED = "report_expired"
    # The caller already has a run of this definition Queued or Running (409).
    REPORT_RUN_IN_PROGRESS = "report_run_in_progress"
    # A definition with this key exists already (409).
    REPORT_EXISTS = "report_exists"
    # The staff screens and dashboards are for holders of `system.admin`.
    STAFF_ONLY = "staff_only"
    # No dashboard snapshot has been built yet (404).
    DASHBOARD_NOT_READY = "dashboard_not_ready"
    # A filter of a dashboard read is not valid (`fields` names it).
    INVALID = "invalid"
    # The provider has no performance snapshot yet (the daily job has not run since it
    # became a provider).
    PERFORMANCE_NOT_COMPUTED = "performance_not_computed"


class InsightsValidationError(ApplicationError):
    def __init__(self, fields: dict[str, list[str]]):
        super().__init__(InsightsErrorCode.INVALID, "Some filters are not valid.", fields=fields)


class PerformanceNotComputedError(NotFoundError):
    def __init__(self, message: str = "No performance snapshot has been computed yet."):
        super().__init__(InsightsErrorCode.PERFORMANCE_NOT_COMPUTED, message)
