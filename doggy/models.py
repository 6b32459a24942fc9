"""Cross-cutting models: platform settings (plan 004), stored files (plan 007) and system
health (plan 042)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from .choices import (
    FilePurpose,
    FileVisibility,
    HealthStatus,
    IncidentSeverity,
    IncidentStatus,
    JobRunStatus,
    ScanStatus,
    SettingDataType,
    StatusClass,
    UploadStatus,
)
from .core.db import TimeStampedModel, created_at_field, uuid_primary_key


class SystemSetting(TimeStampedModel):
    """A typed platform setting (`SystemSettings`), e.g. `Platform.MaintenanceMode`.

    `SettingValue` holds the string form, parsed per `DataType`; rows with `IsEncrypted`
    hold a Fernet token instead. Read and write only through `doggy.services` /
    `doggy.selectors`, which validate, encrypt and keep the cache coherent.
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    setting_key = models.CharField(max_length=200, db_column="SettingKey")
    setting_value = models.TextField(db_column="SettingValue")
    data_type = models.CharField(
        max_length=20, choices=SettingDataType.choices, db_column="DataType"
    )
    category = models.CharField(max_length=100, db_column="Category")
    description = models.CharField(max_length=500, null=True, blank=True, db_column="Description")
    is_user_editable = models.BooleanField(
        default=False, db_default=False, db_column="IsUserEditable"
    )
    is_encrypted = models.BooleanField(default=False, db_default=False, db_column="IsEncrypted")
    validation_rule = models.CharField(
        max_length=500,
        null=True,
        blank=True,
        db_column="ValidationRule",
        help_text="A regular expression, or a JSON Schema (a JSON object) for JSON values.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="UpdatedBy",
    )

    class Meta:
        db_table = "SystemSettings"
        ordering = ["setting_key"]
        indexes = [models.Index(fields=["category"], name="IX_SystemSettings_Category")]
        constraints = [
            # The plan's UNIQUE plus IX_SystemSettings_Key collapse into one index (D8).
            models.UniqueConstraint(fields=["setting_key"], name="IX_SystemSettings_Key"),
            models.CheckConstraint(
                condition=Q(data_type__in=SettingDataType.values),
                name="CK_SystemSettings_DataType",
            ),
        ]

    def __str__(self) -> str:
        return self.setting_key


class StoredFile(models.Model):
    """Metadata of one stored blob; the bytes live in a Django storage backend.

    The id is also the public, unguessable handle. Only files whose scan passed
    (`Clean`, or `Skipped` for trusted system files) may be served or attached.
    """

    id = uuid_primary_key()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stored_files",
        db_index=False,
        db_column="OwnerId",
    )
    purpose = models.CharField(max_length=40, choices=FilePurpose.choices, db_column="Purpose")
    storage_backend = models.CharField(max_length=20, default="default", db_column="StorageBackend")
    storage_key = models.CharField(max_length=512, db_column="StorageKey")
    original_file_name = models.CharField(max_length=255, db_column="OriginalFileName")
    content_type = models.CharField(max_length=127, db_column="ContentType")
    size_bytes = models.BigIntegerField(db_column="SizeBytes")
    checksum_sha256 = models.CharField(max_length=64, db_column="ChecksumSha256")
    width = models.PositiveIntegerField(null=True, blank=True, db_column="Width")
    height = models.PositiveIntegerField(null=True, blank=True, db_column="Height")
    duration_seconds = models.DecimalField(
        max_digits=10, decimal_places=3, null=True, blank=True, db_column="DurationSeconds"
    )
    thumbnail_key = models.CharField(
        max_length=512, null=True, blank=True, db_column="ThumbnailKey"
    )
    preview_key = models.CharField(max_length=512, null=True, blank=True, db_column="PreviewKey")
    visibility = models.CharField(
        max_length=10,
        choices=FileVisibility.choices,
        default=FileVisibility.PRIVATE,
        db_column="Visibility",
    )
    upload_status = models.CharField(
        max_length=12,
        choices=UploadStatus.choices,
        default=UploadStatus.PENDING,
        db_column="UploadStatus",
    )
    scan_status = models.CharField(
        max_length=12,
        choices=ScanStatus.choices,
        default=ScanStatus.PENDING,
        db_column="ScanStatus",
    )
    scanned_at = models.DateTimeField(null=True, blank=True, db_column="ScannedAt")
    metadata = models.JSONField(default=dict, blank=True, db_column="Metadata")
    created_at = created_at_field()
    deleted_at = models.DateTimeField(null=True, blank=True, db_column="DeletedAt")
    expires_at = models.DateTimeField(null=True, blank=True, db_column="ExpiresAt")

    class Meta:
        db_table = "StoredFiles"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="IX_StoredFiles_Owner_Created"),
            models.Index(fields=["checksum_sha256"], name="IX_StoredFiles_Checksum"),
            models.Index(
                fields=["scan_status", "created_at"],
                condition=Q(scan_status=ScanStatus.PENDING),
                name="IX_StoredFiles_ScanPending",
            ),
            # Not in the plan: backs the default ordering (newest first) in staff screens.
            models.Index(fields=["-created_at"], name="IX_StoredFiles_Created"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["storage_key"], name="UX_StoredFiles_StorageKey"),
            models.CheckConstraint(condition=Q(size_bytes__gte=0), name="CK_StoredFiles_Size"),
            models.CheckConstraint(
                condition=Q(scan_status__in=ScanStatus.values), name="CK_StoredFiles_ScanStatus"
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=FilePurpose.values), name="CK_StoredFiles_Purpose"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=FileVisibility.values),
                name="CK_StoredFiles_Visibility",
            ),
            models.CheckConstraint(
                condition=Q(upload_status__in=UploadStatus.values),
                name="CK_StoredFiles_UploadStatus",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.original_file_name} ({self.purpose})"

    @property
    def is_servable(self) -> bool:
        return self.deleted_at is None and self.scan_status in ("Clean", "Skipped")


# --- Plan 042: system health (SCHEMA.md 2.42, A7, A23) -------------------------------------
class HealthCheckResult(models.Model):
    """One probe of a component (`HealthCheckResults`); kept 30 days.

    `Component` is an open vocabulary validated in code against the probe registry (A7),
    so it has no CHECK.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    component = models.CharField(max_length=30, db_column="Component")
    status = models.CharField(max_length=10, choices=HealthStatus.choices, db_column="Status")
    latency_ms = models.PositiveIntegerField(null=True, blank=True, db_column="LatencyMs")
    message = models.CharField(max_length=500, blank=True, default="", db_column="Message")
    details = models.JSONField(default=dict, blank=True, db_column="Details")
    checked_at = created_at_field("CheckedAt")

    class Meta:
        db_table = "HealthCheckResults"
        ordering = ["-checked_at"]
        indexes = [
            models.Index(fields=["component", "-checked_at"], name="IX_HealthChecks_Comp_Time")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=HealthStatus.values), name="CK_HealthCheckResults_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.component}: {self.status}"


_UNRESOLVED = [s for s in IncidentStatus.values if s != IncidentStatus.RESOLVED]


class SystemIncident(models.Model):
    """A staff-managed incident (`SystemIncidents`), shown on the status page."""

    id = uuid_primary_key()
    title = models.CharField(max_length=200, db_column="Title")
    severity = models.CharField(
        max_length=8, choices=IncidentSeverity.choices, db_column="Severity"
    )
    status = models.CharField(
        max_length=13,
        choices=IncidentStatus.choices,
        default=IncidentStatus.INVESTIGATING,
        db_default=IncidentStatus.INVESTIGATING,
        db_column="Status",
    )
    affected_components = models.JSONField(default=list, blank=True, db_column="AffectedComponents")
    started_at = models.DateTimeField(db_column="StartedAt")
    resolved_at = models.DateTimeField(null=True, blank=True, db_column="ResolvedAt")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="CreatedById",
    )
    public_message = models.TextField(blank=True, default="", db_column="PublicMessage")

    class Meta:
        db_table = "SystemIncidents"
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=_UNRESOLVED) | Q(resolved_at__isnull=False),
                name="CK_Incidents_Resolved",
            ),
            models.CheckConstraint(
                condition=Q(severity__in=IncidentSeverity.values),
                name="CK_SystemIncidents_Severity",
            ),
            models.CheckConstraint(
                condition=Q(status__in=IncidentStatus.values), name="CK_SystemIncidents_Status"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BackgroundJobRun(models.Model):
    """One run of a scheduled job (`BackgroundJobRuns`): start, end, outcome and rows.

    `JobName` is an open vocabulary validated against the job registry (A7).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    job_name = models.CharField(max_length=100, db_column="JobName")
    status = models.CharField(max_length=10, choices=JobRunStatus.choices, db_column="Status")
    attempt = models.PositiveSmallIntegerField(default=1, db_default=1, db_column="Attempt")
    started_at = models.DateTimeField(db_column="StartedAt")
    finished_at = models.DateTimeField(null=True, blank=True, db_column="FinishedAt")
    duration_ms = models.PositiveIntegerField(null=True, blank=True, db_column="DurationMs")
    items_processed = models.PositiveIntegerField(null=True, blank=True, db_column="ItemsProcessed")
    error = models.TextField(blank=True, default="", db_column="Error")

    class Meta:
        db_table = "BackgroundJobRuns"
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["job_name", "-started_at"], name="IX_JobRuns_Name_Started")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JobRunStatus.values), name="CK_BackgroundJobRuns_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_name} {self.started_at:%Y-%m-%d %H:%M} {self.status}"


def _bucket(column: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(default=0, db_default=0, db_column=column)


class ApiMetricBucket(models.Model):
    """API latency of one route, method and status class in one time bucket (A23).

    Workers add their in-memory counts to the row (no write per request); `Count` and
    `SumMs` give the mean, the cumulative `Le<n>` counts (requests that took at most n ms;
    `LeInf` equals `Count`) give percentiles at read time. Nothing derived is stored.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    bucket_start = models.DateTimeField(db_column="BucketStart")
    route = models.CharField(
        max_length=200, db_column="Route", help_text="DRF view name, not the raw path."
    )
    method = models.CharField(max_length=7, db_column="Method")
    status_class = models.CharField(
        max_length=3, choices=StatusClass.choices, db_column="StatusClass"
    )
    count = _bucket("Count")
    sum_ms = models.PositiveBigIntegerField(default=0, db_default=0, db_column="SumMs")
    le5 = _bucket("Le5")
    le10 = _bucket("Le10")
    le25 = _bucket("Le25")
    le50 = _bucket("Le50")
    le100 = _bucket("Le100")
    le250 = _bucket("Le250")
    le500 = _bucket("Le500")
    le1000 = _bucket("Le1000")
    le_inf = _bucket("LeInf")

    class Meta:
        db_table = "ApiMetricBuckets"
        ordering = ["-bucket_start", "route"]
        constraints = [
            models.UniqueConstraint(
                fields=["bucket_start", "route", "method", "status_class"],
                name="UX_ApiMetrics_Key",
            ),
            models.CheckConstraint(
                condition=Q(status_class__in=StatusClass.values),
                name="CK_ApiMetricBuckets_StatusClass",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bucket_start:%Y-%m-%d %H:%M} {self.method} {self.route} {self.status_class}"
