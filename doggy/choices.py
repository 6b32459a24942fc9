"""Enumerations of the platform app; values are the plan's literal strings."""

from django.db import models


class SettingDataType(models.TextChoices):
    STRING = "String"
    INTEGER = "Integer"
    BOOLEAN = "Boolean"
    JSON = "JSON"
    DECIMAL = "Decimal"


class FilePurpose(models.TextChoices):
    PROFILE_IMAGE = "ProfileImage"
    DOG_PHOTO = "DogPhoto"
    MESSAGE_ATTACHMENT = "MessageAttachment"
    KYC_DOCUMENT = "KycDocument"
    MEDICAL_DOCUMENT = "MedicalDocument"
    VACCINATION_CERTIFICATE = "VaccinationCertificate"
    CREDENTIAL_DOCUMENT = "CredentialDocument"
    RECEIPT = "Receipt"
    DELIVERY_PHOTO = "DeliveryPhoto"
    CALL_RECORDING = "CallRecording"
    REPORT_EXPORT = "ReportExport"
    OTHER = "Other"


class FileVisibility(models.TextChoices):
    PRIVATE = "Private"
    PUBLIC = "Public"


class UploadStatus(models.TextChoices):
    PENDING = "Pending"
    UPLOADED = "Uploaded"
    FAILED = "Failed"


class ScanStatus(models.TextChoices):
    PENDING = "Pending"
    CLEAN = "Clean"
    INFECTED = "Infected"
    ERROR = "Error"
    SKIPPED = "Skipped"


# Only these may be served or attached (SCHEMA.md I-12).
SERVABLE_SCAN_STATUSES = (ScanStatus.CLEAN, ScanStatus.SKIPPED)


# --- System health (plan 042) -------------------------------------------------------------
class HealthStatus(models.TextChoices):
    HEALTHY = "Healthy"
    DEGRADED = "Degraded"
    UNHEALTHY = "Unhealthy"


class IncidentSeverity(models.TextChoices):
    MINOR = "Minor"
    MAJOR = "Major"
    CRITICAL = "Critical"


class IncidentStatus(models.TextChoices):
    INVESTIGATING = "Investigating"
    IDENTIFIED = "Identified"
    MONITORING = "Monitoring"
    RESOLVED = "Resolved"


class JobRunStatus(models.TextChoices):
    RUNNING = "Running"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"


class StatusClass(models.TextChoices):
    """HTTP status class of an API latency bucket."""

    S2XX = "2xx"
    S3XX = "3xx"
    S4XX = "4xx"
    S5XX = "5xx"


# Upper bounds (ms) of the latency histogram buckets of `ApiMetricBuckets` (A23), in the
# order of their `Le<n>` columns; the last, `LeInf`, counts every request.
LATENCY_BUCKETS_MS = (5, 10, 25, 50, 100, 250, 500, 1000)


class FeatureArea(models.TextChoices):
    """The user-facing area of each phase of the plan, switchable by a feature flag.

    The value names the flag's SystemSetting: `Features.<value>.Enabled`.
    """

    MESSAGING = "Messaging"  # phase 3
    BOOKING = "Booking"  # phase 4
    AI = "AI"  # phase 5
    PAYMENTS = "Payments"  # phase 6

    @property
    def setting_key(self) -> str:
        return f"Features.{self.value}.Enabled"


# The plan phase whose deployment brings each area.
FEATURE_AREA_PHASES = {
    FeatureArea.MESSAGING: 3,
    FeatureArea.BOOKING: 4,
    FeatureArea.AI: 5,
    FeatureArea.PAYMENTS: 6,
}
