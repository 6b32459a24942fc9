"""Plan 006, KYC Verification Foundation: verification cases and their review events.

The documents of a case need `StoredFiles` (plan 007) and arrive in `0008` (SCHEMA.md D10).
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db

KYC_STATUS_CHOICES = [
    ("NotStarted", "Not Started"),
    ("Pending", "Pending"),
    ("InReview", "In Review"),
    ("Approved", "Approved"),
    ("Rejected", "Rejected"),
    ("ResubmissionRequested", "Resubmission Requested"),
    ("Expired", "Expired"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_user_sessions_security"),
    ]

    operations = [
        migrations.CreateModel(
            name="KycVerification",
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
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="kyc_verifications",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "service_provider",
                    models.ForeignKey(
                        blank=True,
                        db_column="ServiceProviderId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="kyc_verifications",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[("Basic", "Basic"), ("Enhanced", "Enhanced")],
                        db_column="Level",
                        default="Basic",
                        max_length=30,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=KYC_STATUS_CHOICES,
                        db_column="Status",
                        default="NotStarted",
                        max_length=30,
                    ),
                ),
                (
                    "reject_type",
                    models.CharField(
                        blank=True,
                        choices=[("Retry", "Retry"), ("Final", "Final")],
                        db_column="RejectType",
                        max_length=10,
                        null=True,
                    ),
                ),
                (
                    "reject_labels",
                    models.JSONField(blank=True, db_column="RejectLabels", default=list),
                ),
                (
                    "applicant_comment",
                    models.TextField(blank=True, db_column="ApplicantComment", default=""),
                ),
                (
                    "internal_comment",
                    models.TextField(blank=True, db_column="InternalComment", default=""),
                ),
                (
                    "vendor",
                    models.CharField(
                        choices=[
                            ("Manual", "Manual"),
                            ("Sumsub", "Sumsub"),
                            ("Onfido", "Onfido"),
                            ("Persona", "Persona"),
                        ],
                        db_column="Vendor",
                        default="Manual",
                        max_length=20,
                    ),
                ),
                (
                    "vendor_applicant_id",
                    models.CharField(
                        blank=True, db_column="VendorApplicantId", max_length=100, null=True
                    ),
                ),
                (
                    "attempt_number",
                    models.PositiveSmallIntegerField(db_column="AttemptNumber", default=1),
                ),
                (
                    "legal_first_name",
                    models.CharField(
                        blank=True, db_column="LegalFirstName", default="", max_length=100
                    ),
                ),
                (
                    "legal_last_name",
                    models.CharField(
                        blank=True, db_column="LegalLastName", default="", max_length=100
                    ),
                ),
                (
                    "date_of_birth",
                    models.DateField(blank=True, db_column="DateOfBirth", null=True),
                ),
                (
                    "country_code",
                    models.CharField(blank=True, db_column="CountryCode", max_length=2, null=True),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(blank=True, db_column="SubmittedAt", null=True),
                ),
                (
                    "review_started_at",
                    models.DateTimeField(blank=True, db_column="ReviewStartedAt", null=True),
                ),
                (
                    "reviewed_at",
                    models.DateTimeField(blank=True, db_column="ReviewedAt", null=True),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReviewedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("auto_approved", models.BooleanField(db_column="AutoApproved", default=False)),
                ("expires_at", models.DateTimeField(blank=True, db_column="ExpiresAt", null=True)),
            ],
            options={
                "verbose_name": "KYC verification",
                "db_table": "KycVerifications",
                "ordering": ["status", "submitted_at", "id"],
                "indexes": [
                    models.Index(fields=["status", "submitted_at"], name="IX_Kyc_Status_Submitted"),
                    models.Index(fields=["user"], name="IX_Kyc_User"),
                ],
                "constraints": [
                    # At most one open case per user.
                    models.UniqueConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                ("NotStarted", "Pending", "InReview", "ResubmissionRequested"),
                            )
                        ),
                        fields=("user",),
                        name="UX_Kyc_User_Open",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("vendor_applicant_id__isnull", False)),
                        fields=("vendor", "vendor_applicant_id"),
                        name="UX_Kyc_Vendor_Applicant",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "NotStarted",
                                    "Pending",
                                    "InReview",
                                    "Approved",
                                    "Rejected",
                                    "ResubmissionRequested",
                                    "Expired",
                                ],
                            )
                        ),
                        name="CK_Kyc_Status",
                    ),
                    # "Status NOT IN (…)" spelled as IN of the other values (SCHEMA.md 0.1).
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "NotStarted",
                                    "Pending",
                                    "InReview",
                                    "ResubmissionRequested",
                                    "Expired",
                                ],
                            ),
                            ("reviewed_at__isnull", False),
                            _connector="OR",
                        ),
                        name="CK_Kyc_Reviewed",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                ["NotStarted", "Pending", "InReview", "Approved", "Expired"],
                            ),
                            ("reject_type__isnull", False),
                            _connector="OR",
                        ),
                        name="CK_Kyc_RejectType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("level__in", ["Basic", "Enhanced"])),
                        name="CK_KycVerifications_Level",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("vendor__in", ["Manual", "Sumsub", "Onfido", "Persona"])
                        ),
                        name="CK_KycVerifications_Vendor",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reject_type__isnull", True),
                            ("reject_type__in", ["Retry", "Final"]),
                            _connector="OR",
                        ),
                        name="CK_KycVerifications_RejectType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("attempt_number__gte", 1)),
                        name="CK_KycVerifications_Attempt",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="KycReviewEvent",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "verification",
                    models.ForeignKey(
                        db_column="VerificationId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="accounts.kycverification",
                    ),
                ),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=KYC_STATUS_CHOICES,
                        db_column="FromStatus",
                        max_length=30,
                        null=True,
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=KYC_STATUS_CHOICES, db_column="ToStatus", max_length=30
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        db_column="ActorId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("comment", models.TextField(blank=True, db_column="Comment", default="")),
                ("payload", models.JSONField(blank=True, db_column="Payload", null=True)),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "KycReviewEvents",
                "ordering": ["verification_id", "created_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["verification", "created_at"], name="IX_KycEvents_Verif_Created"
                    )
                ],
            },
        ),
    ]
