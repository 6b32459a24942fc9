"""Admin of plan 038: provider credentials, background checks and the credential types,
read-only until the verification services (review queue, expiry sweep) exist."""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin

from .choices import PermissionName
from .models import BackgroundCheck, ProviderCredential, ProviderCredentialType


@admin.register(ProviderCredentialType)
class ProviderCredentialTypeAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.KYC_REVIEW
    list_display = ("code", "name", "category", "is_required")
    list_select_related = ("category",)
    list_filter = ("is_required", "category")
    search_fields = ("code", "name")
    ordering = ("code", "category")


@admin.register(ProviderCredential)
class ProviderCredentialAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.KYC_REVIEW
    list_display = (
        "provider",
        "credential_type",
        "status",
        "issuer",
        "expires_on",
        "verified_by",
        "updated_at",
    )
    list_select_related = ("provider__user", "verified_by")
    list_filter = ("status", "credential_type")
    search_fields = ("provider__user__email", "provider__business_name", "issuer")
    raw_id_fields = ("provider", "file", "verified_by")
    date_hierarchy = "created_at"
    ordering = ("expires_on", "id")
    show_full_result_count = False


@admin.register(BackgroundCheck)
class BackgroundCheckAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.KYC_REVIEW
    list_display = ("provider", "vendor", "external_report_id", "status", "result", "requested_at")
    list_select_related = ("provider__user",)
    list_filter = ("vendor", "status", "result", "adjudication")
    search_fields = ("provider__user__email", "=external_report_id")
    raw_id_fields = ("provider",)
    date_hierarchy = "requested_at"
    ordering = ("-requested_at", "id")
    show_full_result_count = False
