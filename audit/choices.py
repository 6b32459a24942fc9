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
