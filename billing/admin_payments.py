"""Admin of plans 039 and 040: payment references, the webhook inbox and the expense
ledger. Read-only: payments change only through the provider's webhooks (the inbox stays
read-only for good, I-16), and an owner's expenses, categories and budgets are theirs to
change through the API. Every screen belongs to the Payments area and hides while its
feature flag is off (FeatureAreaAdminMixin)."""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_features import FeatureAreaAdminMixin
from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.choices import FeatureArea
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


class PaymentsAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    """A read-only screen of the Payments area."""

    feature_area = FeatureArea.PAYMENTS


@admin.register(BillingCustomer)
class BillingCustomerAdmin(PaymentsAdmin):
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
class PaymentRecordAdmin(PaymentsAdmin):
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
    raw_id_fields = ("user", "appointment", "user_subscription")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "id")
    show_full_result_count = False
    inlines = (PaymentRefundInline,)


@admin.register(PaymentWebhookEvent)
class PaymentWebhookEventAdmin(PaymentsAdmin):
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
class ExpenseCategoryAdmin(PaymentsAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("name", "slug", "owner", "is_system", "sort_order")
    list_select_related = ("owner",)
    list_filter = ("is_system",)
    search_fields = ("name", "slug", "owner__email")
    raw_id_fields = ("owner",)
    ordering = ("sort_order", "name")


class HasReceiptFilter(admin.SimpleListFilter):
    title = "receipt"
    parameter_name = "receipt"

    def lookups(self, request, model_admin):
        return (("yes", "With a receipt"), ("no", "Without"))

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(receipt_file__isnull=self.value() == "no")
        return queryset


class SystemCategoryFilter(admin.SimpleListFilter):
    """The seeded categories (owners' own ones are many; search finds them by name)."""

    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return list(
            ExpenseCategory.objects.filter(owner__isnull=True)
            .order_by("sort_order", "name")
            .values_list("slug", "name")
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(category__slug=self.value(), category__owner__isnull=True)
        return queryset


@admin.register(PetExpense)
class PetExpenseAdmin(PaymentsAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = (
        "expense_date",
        "owner",
        "dog_name",
        "category_name",
        "amount",
        "currency",
        "vendor",
        "source",
        "has_receipt",
    )
    list_select_related = ("owner", "dog", "category")
    list_filter = (
        "source",
        SystemCategoryFilter,
        "currency",
        HasReceiptFilter,
        "is_recurring",
        "expense_date",
    )
    search_fields = ("owner__email", "dog__name", "vendor", "category__name", "=id")
    search_help_text = "Part of the owner's email, the dog's name, the vendor or the category."
    raw_id_fields = (
        "owner",
        "dog",
        "category",
        "appointment",
        "payment_record",
        "vet_visit",
        "receipt_file",
    )
    date_hierarchy = "expense_date"
    ordering = ("-expense_date", "id")
    show_full_result_count = False

    @admin.display(description="dog", ordering="dog__name")
    def dog_name(self, obj):
        return obj.dog.name if obj.dog_id else "Household"

    @admin.display(description="category", ordering="category__name")
    def category_name(self, obj):
        return obj.category.name

    @admin.display(description="receipt", boolean=True)
    def has_receipt(self, obj):
        return obj.receipt_file_id is not None


class BudgetScopeFilter(admin.SimpleListFilter):
    title = "scope"
    parameter_name = "scope"

    def lookups(self, request, model_admin):
        return (("total", "Total"), ("category", "One category"))

    def queryset(self, request, queryset):
        if self.value() in ("total", "category"):
            return queryset.filter(category__isnull=self.value() == "total")
        return queryset


@admin.register(ExpenseBudget)
class ExpenseBudgetAdmin(PaymentsAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("owner", "category_name", "period", "amount", "currency")
    list_select_related = ("owner", "category")
    list_filter = ("period", BudgetScopeFilter, "currency")
    search_fields = ("owner__email", "category__name")
    search_help_text = "Part of the owner's email or the category's name."
    raw_id_fields = ("owner", "category")
    ordering = ("owner", "period", "id")
    show_full_result_count = False

    @admin.display(description="category", ordering="category__name")
    def category_name(self, obj):
        return obj.category.name if obj.category_id else "Total"
