"""Plan 007, File Storage Management: one `StoredFiles` metadata row per stored blob.

The blob itself lives in a Django storage backend (SCHEMA.md 2.7). KYC documents, the
first consumer, are created by accounts/0008.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0002_seed_system_settings"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StoredFile",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_column="OwnerId",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="stored_files",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("ProfileImage", "Profile Image"),
                            ("DogPhoto", "Dog Photo"),
                            ("MessageAttachment", "Message Attachment"),
                            ("KycDocument", "Kyc Document"),
                            ("MedicalDocument", "Medical Document"),
                            ("VaccinationCertificate", "Vaccination Certificate"),
                            ("CredentialDocument", "Credential Document"),
                            ("Receipt", "Receipt"),
                            ("DeliveryPhoto", "Delivery Photo"),
                            ("CallRecording", "Call Recording"),
                            ("ReportExport", "Report Export"),
                            ("Other", "Other"),
                        ],
                        db_column="Purpose",
                        max_length=40,
                    ),
                ),
                (
                    "storage_backend",
                    models.CharField(db_column="StorageBackend", default="default", max_length=20),
                ),
                ("storage_key", models.CharField(db_column="StorageKey", max_length=512)),
                (
                    "original_file_name",
                    models.CharField(db_column="OriginalFileName", max_length=255),
                ),
                ("content_type", models.CharField(db_column="ContentType", max_length=127)),
                ("size_bytes", models.BigIntegerField(db_column="SizeBytes")),
                ("checksum_sha256", models.CharField(db_column="ChecksumSha256", max_length=64)),
                ("width", models.PositiveIntegerField(blank=True, db_column="Width", null=True)),
                ("height", models.PositiveIntegerField(blank=True, db_column="Height", null=True)),
                (
                    "duration_seconds",
                    models.DecimalField(
                        blank=True,
                        db_column="DurationSeconds",
                        decimal_places=3,
                        max_digits=10,
                        null=True,
                    ),
                ),
                (
                    "thumbnail_key",
                    models.CharField(
                        blank=True, db_column="ThumbnailKey", max_length=512, null=True
                    ),
                ),
                (
                    "preview_key",
                    models.CharField(blank=True, db_column="PreviewKey", max_length=512, null=True),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("Private", "Private"), ("Public", "Public")],
                        db_column="Visibility",
                        default="Private",
                        max_length=10,
                    ),
                ),
                (
                    "upload_status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Uploaded", "Uploaded"),
                            ("Failed", "Failed"),
                        ],
                        db_column="UploadStatus",
                        default="Pending",
                        max_length=12,
                    ),
                ),
                (
                    "scan_status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Clean", "Clean"),
                            ("Infected", "Infected"),
                            ("Error", "Error"),
                            ("Skipped", "Skipped"),
                        ],
                        db_column="ScanStatus",
                        default="Pending",
                        max_length=12,
                    ),
                ),
                ("scanned_at", models.DateTimeField(blank=True, db_column="ScannedAt", null=True)),
                ("metadata", models.JSONField(blank=True, db_column="Metadata", default=dict)),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                ("deleted_at", models.DateTimeField(blank=True, db_column="DeletedAt", null=True)),
                ("expires_at", models.DateTimeField(blank=True, db_column="ExpiresAt", null=True)),
            ],
            options={
                "db_table": "StoredFiles",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(
                        fields=["owner", "-created_at"], name="IX_StoredFiles_Owner_Created"
                    ),
                    models.Index(fields=["checksum_sha256"], name="IX_StoredFiles_Checksum"),
                    models.Index(
                        condition=models.Q(("scan_status", "Pending")),
                        fields=["scan_status", "created_at"],
                        name="IX_StoredFiles_ScanPending",
                    ),
                    # Not in the plan: backs the default ordering (newest first).
                    models.Index(fields=["-created_at"], name="IX_StoredFiles_Created"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("storage_key",), name="UX_StoredFiles_StorageKey"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("size_bytes__gte", 0)), name="CK_StoredFiles_Size"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "scan_status__in",
                                ["Pending", "Clean", "Infected", "Error", "Skipped"],
                            )
                        ),
                        name="CK_StoredFiles_ScanStatus",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "purpose__in",
                                [
                                    "ProfileImage",
                                    "DogPhoto",
                                    "MessageAttachment",
                                    "KycDocument",
                                    "MedicalDocument",
                                    "VaccinationCertificate",
                                    "CredentialDocument",
                                    "Receipt",
                                    "DeliveryPhoto",
                                    "CallRecording",
                                    "ReportExport",
                                    "Other",
                                ],
                            )
                        ),
                        name="CK_StoredFiles_Purpose",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("visibility__in", ["Private", "Public"])),
                        name="CK_StoredFiles_Visibility",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("upload_status__in", ["Pending", "Uploaded", "Failed"])
                        ),
                        name="CK_StoredFiles_UploadStatus",
                    ),
                ],
            },
        ),
    ]
