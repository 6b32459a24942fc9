"""Plan 038: a provider's business credentials and background checks (SCHEMA.md 2.38, A19).

Complements KYC (006), which verifies the person. `ServiceProviders.IsVerified` is
derived by the verification services: KYC approved and unexpired, and every credential
type required for the provider's offered categories current (A19). Background checks
hold the vendor's references and statuses only, never the report's contents.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q

from doggy.core.db import TimeStampedModel, created_at_field, uuid_primary_key

from ..choices import (
    BackgroundCheckAdjudication,
    BackgroundCheckResult,
    BackgroundCheckStatus,
    BackgroundCheckVendor,
    CredentialStatus,
    CredentialType,
)


class ProviderCredentialType(models.Model):
    """Which credential types a provider must hold (`ProviderCredentialTypes`, A19).

    A row without a category applies to every provider; a row with one applies to the
    providers offering that category. Seeded by `0013_seed_credential_types`.
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    code = models.CharField(max_length=25, choices=CredentialType.choices, db_column="Code")
    name = models.CharField(max_length=100, db_column="Name")
    is_required = models.BooleanField(default=False, db_default=False, db_column="IsRequired")
    category = models.ForeignKey(
        "scheduling.ServiceCategory",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_column="CategoryId",
    )

    class Meta:
        db_table = "ProviderCredentialTypes"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(category__isnull=True),
                name="UX_ProvCredTypes_Code_All",
            ),
            models.UniqueConstraint(
                fields=["code", "category"],
                condition=Q(category__isnull=False),
                name="UX_ProvCredTypes_Code_Cat",
            ),
            models.CheckConstraint(
                condition=Q(code__in=CredentialType.values),
                name="CK_ProviderCredentialTypes_Code",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProviderCredential(TimeStampedModel):
    """A licence, insurance or certification of a provider, reviewed by staff."""

    id = uuid_primary_key()
    # IX_ProvCreds_Provider_Status leads with ProviderId.
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="credentials",
        db_index=False,
        db_column="ProviderId",
    )
    credential_type = models.CharField(
        max_length=25, choices=CredentialType.choices, db_column="CredentialType"
    )
    issuer = models.CharField(max_length=200, blank=True, default="", db_column="Issuer")
    credential_number = models.CharField(
        max_length=100,
        blank=True,
        default="",
        db_column="CredentialNumber",
        help_text="The last four characters only; the full number is never stored.",
    )
    issued_on = models.DateField(null=True, blank=True, db_column="IssuedOn")
    expires_on = models.DateField(null=True, blank=True, db_column="ExpiresOn")
    coverage_amount = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        db_column="CoverageAmount",
        help_text="Insurance cover.",
    )
    file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_column="FileId",
        help_text="A StoredFile of purpose CredentialDocument.",
    )
    status = models.CharField(
        max_length=10,
        choices=CredentialStatus.choices,
        default=CredentialStatus.PENDING,
        db_default=CredentialStatus.PENDING,
        db_column="Status",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="VerifiedById",
    )
    verified_at = models.DateTimeField(null=True, blank=True, db_column="VerifiedAt")
    rejection_reason = models.CharField(
        max_length=300, blank=True, default="", db_column="RejectionReason"
    )
    # When the provider was told the credential expires soon (the daily sweep, once per
    # credential: SCHEMA 2.38's "notification 30 days ahead").
    expiry_notice_sent_at = models.DateTimeField(
        null=True, blank=True, db_column="ExpiryNoticeSentAt"
    )

    class Meta:
        db_table = "ProviderCredentials"
        ordering = ["provider", "credential_type"]
        indexes = [
            models.Index(fields=["provider", "status"], name="IX_ProvCreds_Provider_Status"),
            # The expiry sweep: verified credentials by expiry date.
            models.Index(
                fields=["expires_on"],
                condition=Q(status=CredentialStatus.VERIFIED),
                name="IX_ProvCreds_Expires",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(expires_on__gt=F("issued_on")),
                name="CK_ProvCreds_Dates",
            ),
            models.CheckConstraint(
                condition=Q(coverage_amount__isnull=True) | Q(coverage_amount__gte=0),
                name="CK_ProvCreds_Coverage",
            ),
            models.CheckConstraint(
                condition=Q(credential_type__in=CredentialType.values),
                name="CK_ProviderCredentials_CredentialType",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CredentialStatus.values),
                name="CK_ProviderCredentials_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_credential_type_display()} ({self.status})"


class BackgroundCheck(models.Model):
    """A background check ordered from a vendor (`BackgroundChecks`), by reference only."""

    id = uuid_primary_key()
    # IX_BgChecks_Provider leads with ProviderId.
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="background_checks",
        db_index=False,
        db_column="ProviderId",
    )
    vendor = models.CharField(
        max_length=20, choices=BackgroundCheckVendor.choices, db_column="Vendor"
    )
    # NULL until the vendor has answered (A19).
    external_report_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ExternalReportId"
    )
    status = models.CharField(
        max_length=10,
        choices=BackgroundCheckStatus.choices,
        default=BackgroundCheckStatus.PENDING,
        db_default=BackgroundCheckStatus.PENDING,
        db_column="Status",
    )
    result = models.CharField(
        max_length=10,
        choices=BackgroundCheckResult.choices,
        null=True,
        blank=True,
        db_column="Result",
    )
    adjudication = models.CharField(
        max_length=20,
        choices=BackgroundCheckAdjudication.choices,
        null=True,
        blank=True,
        db_column="Adjudication",
    )
    requested_at = created_at_field("RequestedAt")
    completed_at = models.DateTimeField(null=True, blank=True, db_column="CompletedAt")
    expires_at = models.DateTimeField(
        null=True, blank=True, db_column="ExpiresAt", help_text="When to check again."
    )

    class Meta:
        db_table = "BackgroundChecks"
        ordering = ["provider", "-requested_at"]
        indexes = [
            models.Index(fields=["provider", "-requested_at"], name="IX_BgChecks_Provider"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "external_report_id"],
                condition=Q(external_report_id__isnull=False),
                name="UX_BgChecks_Vendor_Report",
            ),
            models.CheckConstraint(
                condition=Q(vendor__in=BackgroundCheckVendor.values),
                name="CK_BackgroundChecks_Vendor",
            ),
            models.CheckConstraint(
                condition=Q(status__in=BackgroundCheckStatus.values),
                name="CK_BackgroundChecks_Status",
            ),
            models.CheckConstraint(
                condition=Q(result__isnull=True) | Q(result__in=BackgroundCheckResult.values),
                name="CK_BackgroundChecks_Result",
            ),
            models.CheckConstraint(
                condition=Q(adjudication__isnull=True)
                | Q(adjudication__in=BackgroundCheckAdjudication.values),
                name="CK_BackgroundChecks_Adjudication",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor} {self.external_report_id or '(pending)'}: {self.status}"
