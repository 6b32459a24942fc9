"""Admin of plans 039 and 040: payment references, the webhook inbox and the expense
ledger, read-only until their services exist (the inbox stays read-only for good, I-16)."""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.core.permissions import PermissionName

from .models import (
    BillingCustomer,
    ExpenseBudget,
    ExpenseCategory,
    PaymentRecord,
    PaymentRefund,
    PaymentWebhookEvent,
    PetExpense,
)


@admin.register(BillingCustomer)
class BillingCustomerAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("user", "payment_provider", "provider_customer_id", "created_at")
    list_select_related = ("user",)
    list_filter = ("payment_provider",)
    search_fields = ("user__email", "=provider_customer_id")
    raw_id_fields = ("user",)
    ordering = ("-created_at", "id")
    show_full_result_count = False


class PaymentRefundInline(admin.TabularInline):
    model = PaymentRefund
    fields = ("provider_refund_id", "amount", "status", "reason", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PaymentRecord)
class PaymentRecordAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = (
        "created_at",
        "user",
        "purpose",
        "amount",
        "currency",
        "status",
        "payment_provider",
        "provider_payment_id",
    )
    list_select_related = ("user",)
    list_filter = ("status", "purpose", "payment_provider", "currency")
    search_fields = ("user__email", "=provider_payment_id", "=provider_charge_id", "=id")
    search_help_text = "Part of the payer's email, or an exact payment-provider id."
    raw_id_fields = ("user", "user_subscription")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "id")
    show_full_result_count = False
    inlines = (PaymentRefundInline,)


@admin.register(PaymentWebhookEvent)
class PaymentWebhookEventAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "received_at",
        "payment_provider",
        "event_type",
        "event_id",
        "processing_status",
        "attempts",
    )
    list_filter = ("processing_status", "payment_provider", "event_type")
    search_fields = ("=event_id",)
    date_hierarchy = "received_at"
    ordering = ("-received_at", "id")
    show_full_result_count = False


@admin.register(ExpenseCategory)
class ExpenseCategoryAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("name", "slug", "owner", "is_system", "sort_order")
    list_select_related = ("owner",)
    list_filter = ("is_system",)
    search_fields = ("name", "slug", "owner__email")
    raw_id_fields = ("owner",)
    ordering = ("sort_order", "name")


@admin.register(PetExpense)
class PetExpenseAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("expense_date", "owner", "dog", "category", "amount", "currency", "source")
    list_select_related = ("owner", "dog", "category")
    list_filter = ("source", "category", "currency", "is_recurring")
    search_fields = ("owner__email", "dog__name", "vendor")
    raw_id_fields = ("owner", "dog", "category", "payment_record", "vet_visit", "receipt_file")
    date_hierarchy = "expense_date"
    ordering = ("-expense_date", "id")
    show_full_result_count = False


@admin.register(ExpenseBudget)
class ExpenseBudgetAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("owner", "category", "period", "amount", "currency")
    list_select_related = ("owner", "category")
    list_filter = ("period", "currency")
    search_fields = ("owner__email",)
    raw_id_fields = ("owner", "category")
    ordering = ("owner", "period", "id")
