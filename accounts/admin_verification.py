"""Admin of plan 038: the credential review queue, background checks and the credential
types. Credentials are read-only rows decided through `accounts.services.credentials`
(approve, reject); background checks are ordered and their vendor status recorded through
the same services (`background_check_request`, `background_check_update`). Each writes
its audit row and recomputes the provider's `IsVerified`."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from doggy.admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    ReviewQueueFilter,
    ServiceSaveAdminMixin,
    call_for_each,
)

from .admin_actions import action_form_page
from .choices import CredentialStatus, PermissionName
from .credential_selectors import credential_actor_is_reviewer
from .models import BackgroundCheck, ProviderCredential, ProviderCredentialType
from .services.credentials import (
    MAX_REJECTION_REASON,
    background_check_request,
    background_check_update,
    credential_approve,
    credential_reject,
)

NOT_A_REVIEWER = "Reviewing credentials needs the kyc.review permission."


class CredentialRejectForm(forms.Form):
    reason = forms.CharField(
        max_length=MAX_REJECTION_REASON,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Shown to the provider: what is wrong with the credential.",
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Give a reason.")
        return reason


class CredentialQueueFilter(ReviewQueueFilter):
    """The review queue (Pending) unless a status or "all" is chosen."""

    queue_statuses = (CredentialStatus.PENDING,)
    all_label = "All credentials"


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
    """The credential review queue: oldest submission first; decisions through services."""

    rbac_view_permission = PermissionName.KYC_REVIEW
    actions = ("approve", "reject")
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
    list_filter = (CredentialQueueFilter, "status", "credential_type")
    search_fields = ("provider__user__email", "provider__business_name", "issuer")
    raw_id_fields = ("provider", "file", "verified_by")
    date_hierarchy = "created_at"
    ordering = ("created_at", "id")
    show_full_result_count = False

    def _refuse_non_reviewer(self, request) -> bool:
        if credential_actor_is_reviewer(actor=request.user):
            return False
        messages.error(request, NOT_A_REVIEWER)
        return True

    @admin.action(description="Approve selected credentials")
    def approve(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return
        call_for_each(
            request,
            queryset,
            lambda credential: credential_approve(actor=request.user, credential=credential),
            done="Approved {count} credential(s).",
        )

    @admin.action(description="Reject selected credentials…")
    def reject(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return None

        def apply(data):
            call_for_each(
                request,
                queryset,
                lambda credential: credential_reject(
                    actor=request.user, credential=credential, reason=data["reason"]
                ),
                done="Rejected {count} credential(s).",
            )

        return action_form_page(
            self,
            request,
            queryset.select_related("provider__user"),
            form_class=CredentialRejectForm,
            title="Reject credentials",
            intro="The reason is shown to the provider.",
            submit_label="Reject",
            on_valid=apply,
            action="reject",
        )


@admin.register(BackgroundCheck)
class BackgroundCheckAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """Order a check (provider, vendor, the vendor's report id when known) and record the
    vendor's status, result and adjudication as they arrive; a complete or canceled
    report is final. No report contents are kept."""

    rbac_view_permission = PermissionName.KYC_REVIEW
    rbac_change_permission = PermissionName.KYC_REVIEW
    service_fields = (
        "provider",
        "vendor",
        "external_report_id",
        "status",
        "result",
        "adjudication",
        "expires_at",
    )
    readonly_fields = ("requested_at", "completed_at")

    def get_fields(self, request, obj=None):
        if obj is None:  # a new check starts pending
            return ("provider", "vendor", "external_report_id")
        return (*self.service_fields, "requested_at", "completed_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("provider", "vendor", "requested_at", "completed_at")

    def service_create(self, request, data):
        return background_check_request(
            actor=request.user,
            provider=data["provider"],
            vendor=data["vendor"],
            external_report_id=data.get("external_report_id") or None,
        )

    def service_update(self, request, obj, data):
        return background_check_update(
            actor=request.user,
            check=obj,
            status=data.get("status", obj.status),
            result=data.get("result") or None,
            adjudication=data.get("adjudication") or None,
            external_report_id=data.get("external_report_id") or None,
            expires_at=data.get("expires_at"),
        )

    def has_delete_permission(self, request, obj=None):
        return False

    list_display = ("provider", "vendor", "external_report_id", "status", "result", "requested_at")
    list_select_related = ("provider__user",)
    list_filter = ("vendor", "status", "result", "adjudication")
    search_fields = ("provider__user__email", "=external_report_id")
    raw_id_fields = ("provider",)
    date_hierarchy = "requested_at"
    ordering = ("-requested_at", "id")
    show_full_result_count = False
