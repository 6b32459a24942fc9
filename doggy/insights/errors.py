"""Error codes of the insights layer (staff dashboards, provider KPIs).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ApplicationError, NotFoundError


class InsightsErrorCode(Enum):
    # A filter of a dashboard read is not valid (`fields` names it).
    INVALID = "invalid"
    # The staff dashboards are for holders of `system.admin`.
    STAFF_ONLY = "staff_only"
    # The provider has no performance snapshot yet (the daily job has not run since it
    # became a provider).
    PERFORMANCE_NOT_COMPUTED = "performance_not_computed"


class InsightsValidationError(ApplicationError):
    def __init__(self, fields: dict[str, list[str]]):
        super().__init__(InsightsErrorCode.INVALID, "Some filters are not valid.", fields=fields)


class PerformanceNotComputedError(NotFoundError):
    def __init__(self, message: str = "No performance snapshot has been computed yet."):
        super().__init__(InsightsErrorCode.PERFORMANCE_NOT_COMPUTED, message)
