"""Cross-cutting models: platform settings (plan 004) and stored files (plan 007)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from .choices import FilePurpose, FileVisibility, ScanStatus, SettingDataType, UploadStatus
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
