"""Plans 006/007: identity verification cases, their review events and documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from doggy.core.db import TimeStampedModel, created_at_field, uuid_primary_key

from ..choices import (
    KYC_OPEN_STATUSES,
    KycDocumentSide,
    KycDocumentStatus,
    KycDocumentType,
    KycLevel,
    KycRejectType,
    KycStatus,
    KycVendor,
)

# "Status NOT IN (…)" spelled as IN of the other values, the one form every engine's
# CHECK and filter syntax accepts alike (SCHEMA.md 0.1).
_NOT_REVIEWED = [s for s in KycStatus.values if s not in ("Approved", "Rejected")]
_NO_REJECT_TYPE = [s for s in KycStatus.values if s not in ("Rejected", "ResubmissionRequested")]


class KycVerificationQuerySet(models.QuerySet):
    def visible_to(self, user) -> KycVerificationQuerySet:
        """The caller's own cases (reviewers work the queue through their own selectors)."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user_id=user.pk)


class KycVerification(TimeStampedModel):
    """One identity-verification case of a person (Sumsub/Persona-like status machine).

    NotStarted → Pending (documents submitted) → InReview → Approved | Rejected (Final) |
    ResubmissionRequested (Retry) → Pending …; Approved → Expired. Transitions happen only
    in `accounts.services` (each writes a `KycReviewEvent` and an audit row).
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="kyc_verifications",
        db_index=False,
        db_column="UserId",
    )
    service_provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kyc_verifications",
        db_column="ServiceProviderId",
    )
    level = models.CharField(
        max_length=30, choices=KycLevel.choices, default=KycLevel.BASIC, db_column="Level"
    )
    status = models.CharField(
        max_length=30, choices=KycStatus.choices, default=KycStatus.NOT_STARTED, db_column="Status"
    )
    reject_type = models.CharField(
        max_length=10, null=True, blank=True, choices=KycRejectType.choices, db_column="RejectType"
    )
    reject_labels = models.JSONField(default=list, blank=True, db_column="RejectLabels")
    applicant_comment = models.TextField(blank=True, default="", db_column="ApplicantComment")
    internal_comment = models.TextField(blank=True, default="", db_column="InternalComment")
    vendor = models.CharField(
        max_length=20, choices=KycVendor.choices, default=KycVendor.MANUAL, db_column="Vendor"
    )
    vendor_applicant_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="VendorApplicantId"
    )
    attempt_number = models.PositiveSmallIntegerField(default=1, db_column="AttemptNumber")
    legal_first_name = models.CharField(
        max_length=100, blank=True, default="", db_column="LegalFirstName"
    )
    legal_last_name = models.CharField(
        max_length=100, blank=True, default="", db_column="LegalLastName"
    )
    date_of_birth = models.DateField(null=True, blank=True, db_column="DateOfBirth")
    country_code = models.CharField(max_length=2, null=True, blank=True, db_column="CountryCode")
    submitted_at = models.DateTimeField(null=True, blank=True, db_column="SubmittedAt")
    review_started_at = models.DateTimeField(null=True, blank=True, db_column="ReviewStartedAt")
    reviewed_at = models.DateTimeField(null=True, blank=True, db_column="ReviewedAt")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ReviewedById",
    )
    auto_approved = models.BooleanField(default=False, db_column="AutoApproved")
    expires_at = models.DateTimeField(null=True, blank=True, db_column="ExpiresAt")

    objects = KycVerificationQuerySet.as_manager()

    class Meta:
        db_table = "KycVerifications"
        ordering = ["status", "submitted_at", "id"]
        verbose_name = "KYC verification"
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="IX_Kyc_Status_Submitted"),
            models.Index(fields=["user"], name="IX_Kyc_User"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(status__in=KYC_OPEN_STATUSES), name="UX_Kyc_User_Open"
            ),
            models.UniqueConstraint(
                fields=["vendor", "vendor_applicant_id"],
                condition=Q(vendor_applicant_id__isnull=False),
                name="UX_Kyc_Vendor_Applicant",
            ),
            models.CheckConstraint(condition=Q(status__in=KycStatus.values), name="CK_Kyc_Status"),
            models.CheckConstraint(
                condition=Q(status__in=_NOT_REVIEWED) | Q(reviewed_at__isnull=False),
                name="CK_Kyc_Reviewed",
            ),
            models.CheckConstraint(
                condition=Q(status__in=_NO_REJECT_TYPE) | Q(reject_type__isnull=False),
                name="CK_Kyc_RejectType",
            ),
            models.CheckConstraint(
                condition=Q(level__in=KycLevel.values), name="CK_KycVerifications_Level"
            ),
            models.CheckConstraint(
                condition=Q(vendor__in=KycVendor.values), name="CK_KycVerifications_Vendor"
            ),
            models.CheckConstraint(
                condition=Q(reject_type__isnull=True) | Q(reject_type__in=KycRejectType.values),
                name="CK_KycVerifications_RejectType",
            ),
            models.CheckConstraint(
                condition=Q(attempt_number__gte=1), name="CK_KycVerifications_Attempt"
            ),
        ]

    def __str__(self) -> str:
        # The status's label ("Resubmission Requested"), not its stored value.
        return f"KYC {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in KYC_OPEN_STATUSES


class KycReviewEvent(models.Model):
    """An append-only record of one KYC status change and who made it."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    verification = models.ForeignKey(
        KycVerification,
        on_delete=models.CASCADE,
        related_name="events",
        db_index=False,
        db_column="VerificationId",
    )
    from_status = models.CharField(
        max_length=30, null=True, blank=True, choices=KycStatus.choices, db_column="FromStatus"
    )
    to_status = models.CharField(max_length=30, choices=KycStatus.choices, db_column="ToStatus")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ActorId",
    )
    comment = models.TextField(blank=True, default="", db_column="Comment")
    payload = models.JSONField(null=True, blank=True, db_column="Payload")
    created_at = created_at_field()

    class Meta:
        db_table = "KycReviewEvents"
        ordering = ["verification_id", "created_at", "id"]
        indexes = [
            models.Index(fields=["verification", "created_at"], name="IX_KycEvents_Verif_Created"),
        ]

    def __str__(self) -> str:
        # Labels ("In Review"), not stored values; a first event has no from-status.
        return f"{self.get_from_status_display() or 'New'} → {self.get_to_status_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("KycReviewEvents are append-only.")
        super().save(*args, **kwargs)


class KycDocument(models.Model):
    """A document uploaded to a KYC case; the blob is a private `StoredFile` (plan 007)."""

    id = uuid_primary_key()
    verification = models.ForeignKey(
        KycVerification,
        on_delete=models.CASCADE,
        related_name="documents",
        db_column="VerificationId",
    )
    document_type = models.CharField(
        max_length=30, choices=KycDocumentType.choices, db_column="DocumentType"
    )
    side = models.CharField(
        max_length=6,
        choices=KycDocumentSide.choices,
        default=KycDocumentSide.SINGLE,
        db_column="Side",
    )
    issuing_country = models.CharField(
        max_length=2, null=True, blank=True, db_column="IssuingCountry"
    )
    document_number_last4 = models.CharField(
        max_length=4,
        null=True,
        blank=True,
        db_column="DocumentNumberLast4",
        help_text="Only the last four characters; the full number is never stored.",
    )
    document_expires_on = models.DateField(null=True, blank=True, db_column="DocumentExpiresOn")
    file = models.ForeignKey(
        "doggy.StoredFile", on_delete=models.PROTECT, related_name="+", db_column="FileId"
    )
    status = models.CharField(
        max_length=10,
        choices=KycDocumentStatus.choices,
        default=KycDocumentStatus.UPLOADED,
        db_column="Status",
    )
    rejection_reason = models.CharField(
        max_length=200, blank=True, default="", db_column="RejectionReason"
    )
    uploaded_at = created_at_field(db_column="UploadedAt")

    class Meta:
        db_table = "KycDocuments"
        ordering = ["verification_id", "uploaded_at", "id"]
        verbose_name = "KYC document"
        constraints = [
            models.UniqueConstraint(
                fields=["verification", "document_type", "side"],
                condition=Q(status__in=[KycDocumentStatus.UPLOADED, KycDocumentStatus.ACCEPTED]),
                name="UX_KycDocs_Verif_Type_Side",
            ),
            models.CheckConstraint(
                condition=Q(document_type__in=KycDocumentType.values),
                name="CK_KycDocuments_DocumentType",
            ),
            models.CheckConstraint(
                condition=Q(side__in=KycDocumentSide.values), name="CK_KycDocuments_Side"
            ),
            models.CheckConstraint(
                condition=Q(status__in=KycDocumentStatus.values), name="CK_KycDocuments_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_type} ({self.side})"
