"""Error codes of the ai app (recommendations, moderation, reports, quotas).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError


class AiErrorCode(Enum):
    # The caller lacks the `ai.access` permission.
    AI_ACCESS_DENIED = "ai_access_denied"
    # The caller's requests of this UTC day reached the limit (429, with Retry-After).
    QUOTA_EXCEEDED = "ai_quota_exceeded"
    JOB_NOT_FOUND = "ai_job_not_found"
    RECOMMENDATION_NOT_FOUND = "ai_recommendation_not_found"
    INVALID = "invalid"
    # Reviewing moderation and reports is for staff (`system.admin`).
    STAFF_ONLY = "staff_only"
    # A staff action on a check or report that is no longer waiting for it.
    MODERATION_NOT_PENDING = "moderation_not_pending"
    REPORT_NOT_OPEN = "report_not_open"
    # The reporter already has an open report on this content (UX_Reports_Reporter_Content).
    REPORT_EXISTS = "report_exists"
    # The reported content does not exist or the reporter may not see it.
    REPORTED_CONTENT_NOT_FOUND = "reported_content_not_found"


class AiAccessDeniedError(PermissionDeniedError):
    def __init__(self, message: str = "Your account does not include AI features."):
        super().__init__(AiErrorCode.AI_ACCESS_DENIED, message)


class AiQuotaExceededError(ApplicationError):
    """429: the daily limit is used up; `retry_after` is the seconds to the next UTC midnight."""

    status_code = 429

    def __init__(self, *, limit: int, retry_after: int):
        super().__init__(
            AiErrorCode.QUOTA_EXCEEDED,
            f"You have used all {limit} AI requests of today (UTC); try again after midnight UTC.",
        )
        self.limit = limit
        self.retry_after = retry_after


class AiJobNotFoundError(NotFoundError):
    def __init__(self, message: str = "Recommendation job not found."):
        super().__init__(AiErrorCode.JOB_NOT_FOUND, message)


class RecommendationNotFoundError(NotFoundError):
    def __init__(self, message: str = "Recommendation not found."):
        super().__init__(AiErrorCode.RECOMMENDATION_NOT_FOUND, message)


class ModerationNotPendingError(ConflictError):
    def __init__(self, message: str = "This check has already been reviewed."):
        super().__init__(AiErrorCode.MODERATION_NOT_PENDING, message)


class ReportNotOpenError(ConflictError):
    def __init__(self, message: str = "This report is already closed."):
        super().__init__(AiErrorCode.REPORT_NOT_OPEN, message)


class ReportExistsError(ConflictError):
    def __init__(self, message: str = "You have already reported this content."):
        super().__init__(AiErrorCode.REPORT_EXISTS, message)


class ReportedContentNotFoundError(NotFoundError):
    def __init__(self, message: str = "Content not found."):
        super().__init__(AiErrorCode.REPORTED_CONTENT_NOT_FOUND, message)
