"""Enumerations of the audit app; values are the plan's literal strings."""

from django.db import models


class Severity(models.TextChoices):
    INFO = "Info"
    WARNING = "Warning"
    ERROR = "Error"
    CRITICAL = "Critical"


class AuditAction(models.TextChoices):
    """The registry of `AuditLogs.Action` verbs (SCHEMA.md 2.5). Extend it here, not inline."""

    CREATE = "Create"
    UPDATE = "Update"
    DELETE = "Delete"
    LOGIN = "Login"
    LOGOUT = "Logout"
    LOGIN_FAILED = "LoginFailed"
    PERMISSION_GRANTED = "PermissionGranted"
    PERMISSION_REVOKED = "PermissionRevoked"
    ROLE_ASSIGNED = "RoleAssigned"
    ROLE_REVOKED = "RoleRevoked"
    KYC_SUBMITTED = "KycSubmitted"
    KYC_REVIEW_STARTED = "KycReviewStarted"
    KYC_APPROVED = "KycApproved"
    KYC_REJECTED = "KycRejected"
    KYC_RESUBMISSION_REQUESTED = "KycResubmissionRequested"
    SETTING_CHANGED = "SettingChanged"
    ACCOUNT_SUSPENDED = "AccountSuspended"
    ACCOUNT_REACTIVATED = "AccountReactivated"
    ACCOUNT_LOCKED = "AccountLocked"
    ACCOUNT_UNLOCKED = "AccountUnlocked"
    SESSION_REVOKED = "SessionRevoked"
    PASSWORD_CHANGED = "PasswordChanged"  # noqa: S105 - an action name, not a secret
    FILE_UPLOADED = "FileUploaded"
    EXPORT = "Export"


class ClientPlatform(models.TextChoices):
    """The client an analytics event or a day of activity came from (034)."""

    WEB = "Web"
    IOS = "iOS", "iOS"
    ANDROID = "Android"


class MetricFrequency(models.TextChoices):
    """The bucket size of a pre-aggregated count (035, Zulip's `CountStat` frequencies)."""

    HOUR = "hour"
    DAY = "day"


class MetricScopeType(models.TextChoices):
    PLATFORM = "Platform"
    PROVIDER = "Provider"
    CATEGORY = "Category"


class MetricFillStatus(models.TextChoices):
    """Zulip's `FillState`: `Started` while a bucket is being written, `Done` after."""

    STARTED = "Started"
    DONE = "Done"


# --- 041 Reporting & Dashboard Data -------------------------------------------------------
class ReportAudience(models.TextChoices):
    """Who a report definition is for (`ReportDefinitions.Audience`)."""

    ADMIN = "Admin"
    SERVICE_PROVIDER = "ServiceProvider"
    PET_OWNER = "PetOwner"


class ReportFormat(models.TextChoices):
    """The output format of a report run; the API produces `csv` and `json`."""

    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"
    JSON = "json"


class ReportRunStatus(models.TextChoices):
    QUEUED = "Queued"
    RUNNING = "Running"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    EXPIRED = "Expired"


# A run in these states is still being worked on (IX_ReportRuns_Status covers them).
REPORT_RUN_ACTIVE_STATUSES = (ReportRunStatus.QUEUED, ReportRunStatus.RUNNING)


class DashboardScope(models.TextChoices):
    """Whose dashboard a snapshot is (`DashboardSnapshots.Scope`)."""

    PLATFORM = "Platform"
    PROVIDER = "Provider"
    OWNER = "Owner"
