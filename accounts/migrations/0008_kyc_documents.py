"""Plan 007 (accounts side): KYC documents, whose blobs are `StoredFiles` (SCHEMA.md D10)."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_kyc_foundation"),
        ("doggy", "0003_stored_files"),
    ]

    operations = [
        migrations.CreateModel(
            name="KycDocument",
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
                    "verification",
                    models.ForeignKey(
                        db_column="VerificationId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="accounts.kycverification",
                    ),
                ),
                (
                    "document_type",
                    models.CharField(
                        choices=[
                            ("Passport", "Passport"),
                            ("DrivingLicence", "Driving Licence"),
                            ("NationalIdentityCard", "National Identity Card"),
                            ("ResidencePermit", "Residence Permit"),
                            ("ProofOfAddress", "Proof Of Address"),
                            ("Selfie", "Selfie"),
                            ("BusinessRegistration", "Business Registration"),
                            ("Other", "Other"),
                        ],
                        db_column="DocumentType",
                        max_length=30,
                    ),
                ),
                (
                    "side",
                    models.CharField(
                        choices=[("Front", "Front"), ("Back", "Back"), ("Single", "Single")],
                        db_column="Side",
                        default="Single",
                        max_length=6,
                    ),
                ),
                (
                    "issuing_country",
                    models.CharField(
                        blank=True, db_column="IssuingCountry", max_length=2, null=True
                    ),
                ),
                (
                    "document_number_last4",
                    models.CharField(
                        blank=True,
                        db_column="DocumentNumberLast4",
                        help_text="Only the last four characters; the full number is never stored.",
                        max_length=4,
                        null=True,
                    ),
                ),
                (
                    "document_expires_on",
                    models.DateField(blank=True, db_column="DocumentExpiresOn", null=True),
                ),
                (
                    "file",
                    models.ForeignKey(
                        db_column="FileId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Uploaded", "Uploaded"),
                            ("Accepted", "Accepted"),
                            ("Rejected", "Rejected"),
                        ],
                        db_column="Status",
                        default="Uploaded",
                        max_length=10,
                    ),
                ),
                (
                    "rejection_reason",
                    models.CharField(
                        blank=True, db_column="RejectionReason", default="", max_length=200
                    ),
                ),
                (
                    "uploaded_at",
                    models.DateTimeField(
                        db_column="UploadedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "verbose_name": "KYC document",
                "db_table": "KycDocuments",
                "ordering": ["verification_id", "uploaded_at", "id"],
                "constraints": [
                    # One live document per (case, type, side); rejected ones may repeat.
                    models.UniqueConstraint(
                        condition=models.Q(("status__in", ["Uploaded", "Accepted"])),
                        fields=("verification", "document_type", "side"),
                        name="UX_KycDocs_Verif_Type_Side",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "document_type__in",
                                [
                                    "Passport",
                                    "DrivingLicence",
                                    "NationalIdentityCard",
                                    "ResidencePermit",
                                    "ProofOfAddress",
                                    "Selfie",
                                    "BusinessRegistration",
                                    "Other",
                                ],
                            )
                        ),
                        name="CK_KycDocuments_DocumentType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("side__in", ["Front", "Back", "Single"])),
                        name="CK_KycDocuments_Side",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["Uploaded", "Accepted", "Rejected"])),
                        name="CK_KycDocuments_Status",
                    ),
                ],
            },
        ),
    ]
