"""Plan 038: service provider verification (SCHEMA.md 2.38 with A19).

ProviderCredentials (licences, insurance, certifications with expiry and staff review),
BackgroundChecks (vendor references and statuses only) and ProviderCredentialTypes,
which says which credentials are required, for every provider or per service category
(seeded by 0013_seed_credential_types).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0011_online_addresses"),
        ("doggy", "0003_stored_files"),
        ("scheduling", "0001_service_catalog"),
    ]

    operations = [
        migrations.CreateModel(
            name="BackgroundCheck",
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
                    "vendor",
                    models.CharField(
                        choices=[
                            ("Checkr", "Checkr"),
                            ("Sterling", "Sterling"),
                            ("Manual", "Manual"),
                        ],
                        db_column="Vendor",
                        max_length=20,
                    ),
                ),
                (
                    "external_report_id",
                    models.CharField(
                        blank=True, db_column="ExternalReportId", max_length=100, null=True
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Pending"),
                            ("suspended", "Suspended"),
                            ("paused", "Paused"),
                            ("complete", "Complete"),
                            ("canceled", "Canceled"),
                            ("dispute", "Dispute"),
                        ],
                        db_column="Status",
                        db_default="pending",
                        default="pending",
                        max_length=10,
                    ),
                ),
                (
                    "result",
                    models.CharField(
                        blank=True,
                        choices=[("clear", "Clear"), ("consider", "Consider")],
                        db_column="Result",
                        max_length=10,
                        null=True,
                    ),
                ),
                (
                    "adjudication",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("engaged", "Engaged"),
                            ("pre_adverse_action", "Pre Adverse Action"),
                            ("post_adverse_action", "Post Adverse Action"),
                        ],
                        db_column="Adjudication",
                        max_length=20,
                        null=True,
                    ),
                ),
                (
                    "requested_at",
                    models.DateTimeField(
                        db_column="RequestedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, db_column="CompletedAt", null=True),
                ),
                (
                    "expires_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="ExpiresAt",
                        help_text="When to check again.",
                        null=True,
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="background_checks",
                        to="accounts.serviceprovider",
                    ),
                ),
            ],
            options={
                "db_table": "BackgroundChecks",
                "ordering": ["provider", "-requested_at"],
                "indexes": [
                    models.Index(fields=["provider", "-requested_at"], name="IX_BgChecks_Provider")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("external_report_id__isnull", False)),
                        fields=("vendor", "external_report_id"),
                        name="UX_BgChecks_Vendor_Report",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("vendor__in", ["Checkr", "Sterling", "Manual"])),
                        name="CK_BackgroundChecks_Vendor",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "pending",
                                    "suspended",
                                    "paused",
                                    "complete",
                                    "canceled",
                                    "dispute",
                                ],
                            )
                        ),
                        name="CK_BackgroundChecks_Status",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("result__isnull", True),
                            ("result__in", ["clear", "consider"]),
                            _connector="OR",
                        ),
                        name="CK_BackgroundChecks_Result",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("adjudication__isnull", True),
                            (
                                "adjudication__in",
                                ["engaged", "pre_adverse_action", "post_adverse_action"],
                            ),
                            _connector="OR",
                        ),
                        name="CK_BackgroundChecks_Adjudication",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ProviderCredential",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
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
                    "credential_type",
                    models.CharField(
                        choices=[
                            ("BusinessLicense", "Business License"),
                            ("LiabilityInsurance", "Liability Insurance"),
                            ("Bonding", "Bonding"),
                            ("PetFirstAidCpr", "Pet First Aid Cpr"),
                            ("TrainerCertification", "Trainer Certification"),
                            ("GroomerCertification", "Groomer Certification"),
                            ("VeterinaryLicense", "Veterinary License"),
                            ("Other", "Other"),
                        ],
                        db_column="CredentialType",
                        max_length=25,
                    ),
                ),
                (
                    "issuer",
                    models.CharField(blank=True, db_column="Issuer", default="", max_length=200),
                ),
                (
                    "credential_number",
                    models.CharField(
                        blank=True,
                        db_column="CredentialNumber",
                        default="",
                        help_text="The last four characters only; the full number is never stored.",
                        max_length=100,
                    ),
                ),
                ("issued_on", models.DateField(blank=True, db_column="IssuedOn", null=True)),
                ("expires_on", models.DateField(blank=True, db_column="ExpiresOn", null=True)),
                (
                    "coverage_amount",
                    models.DecimalField(
                        blank=True,
                        db_column="CoverageAmount",
                        decimal_places=2,
                        help_text="Insurance cover.",
                        max_digits=14,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Verified", "Verified"),
                            ("Rejected", "Rejected"),
                            ("Expired", "Expired"),
                        ],
                        db_column="Status",
                        db_default="Pending",
                        default="Pending",
                        max_length=10,
                    ),
                ),
                (
                    "verified_at",
                    models.DateTimeField(blank=True, db_column="VerifiedAt", null=True),
                ),
                (
                    "rejection_reason",
                    models.CharField(
                        blank=True, db_column="RejectionReason", default="", max_length=300
                    ),
                ),
                (
                    "file",
                    models.ForeignKey(
                        blank=True,
                        db_column="FileId",
                        help_text="A StoredFile of purpose CredentialDocument.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="credentials",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "verified_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="VerifiedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "ProviderCredentials",
                "ordering": ["provider", "credential_type"],
                "indexes": [
                    models.Index(
                        fields=["provider", "status"], name="IX_ProvCreds_Provider_Status"
                    ),
                    models.Index(
                        condition=models.Q(("status", "Verified")),
                        fields=["expires_on"],
                        name="IX_ProvCreds_Expires",
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("expires_on__isnull", True),
                            ("issued_on__isnull", True),
                            ("expires_on__gt", models.F("issued_on")),
                            _connector="OR",
                        ),
                        name="CK_ProvCreds_Dates",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("coverage_amount__isnull", True),
                            ("coverage_amount__gte", 0),
                            _connector="OR",
                        ),
                        name="CK_ProvCreds_Coverage",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "credential_type__in",
                                [
                                    "BusinessLicense",
                                    "LiabilityInsurance",
                                    "Bonding",
                                    "PetFirstAidCpr",
                                    "TrainerCertification",
                                    "GroomerCertification",
                                    "VeterinaryLicense",
                                    "Other",
                                ],
                            )
                        ),
                        name="CK_ProviderCredentials_CredentialType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["Pending", "Verified", "Rejected", "Expired"])
                        ),
                        name="CK_ProviderCredentials_Status",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ProviderCredentialType",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "code",
                    models.CharField(
                        choices=[
                            ("BusinessLicense", "Business License"),
                            ("LiabilityInsurance", "Liability Insurance"),
                            ("Bonding", "Bonding"),
                            ("PetFirstAidCpr", "Pet First Aid Cpr"),
                            ("TrainerCertification", "Trainer Certification"),
                            ("GroomerCertification", "Groomer Certification"),
                            ("VeterinaryLicense", "Veterinary License"),
                            ("Other", "Other"),
                        ],
                        db_column="Code",
                        max_length=25,
                    ),
                ),
                ("name", models.CharField(db_column="Name", max_length=100)),
                (
                    "is_required",
                    models.BooleanField(db_column="IsRequired", db_default=False, default=False),
                ),
                (
                    "category",
                    models.ForeignKey(
                        blank=True,
                        db_column="CategoryId",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scheduling.servicecategory",
                    ),
                ),
            ],
            options={
                "db_table": "ProviderCredentialTypes",
                "ordering": ["code"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("category__isnull", True)),
                        fields=("code",),
                        name="UX_ProvCredTypes_Code_All",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("category__isnull", False)),
                        fields=("code", "category"),
                        name="UX_ProvCredTypes_Code_Cat",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "code__in",
                                [
                                    "BusinessLicense",
                                    "LiabilityInsurance",
                                    "Bonding",
                                    "PetFirstAidCpr",
                                    "TrainerCertification",
                                    "GroomerCertification",
                                    "VeterinaryLicense",
                                    "Other",
                                ],
                            )
                        ),
                        name="CK_ProviderCredentialTypes_Code",
                    ),
                ],
            },
        ),
    ]
