"""Staff admin of the plan catalog and user subscriptions.

Plans and their entitlements are edited through `AuditedModelAdmin` (every row audited,
the entitlement inline too). Subscriptions are read-only; staff cancel them with actions
that go through `subscription_cancel`.
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    call_for_each,
)
from doggy.core.permissions import PermissionName, actor_may

from .models import PlanEntitlement, SubscriptionPlan, UserSubscription
from .services import subscription_cancel


class PlanEntitlementInline(admin.TabularInline):
    model = PlanEntitlement
    fields = ("feature_key", "is_enabled", "limit_value")
    extra = 0


@admin.register(SubscriptionPlan)
class SubscriptionPlanAdmin(AuditedModelAdmin):
    """The plan catalog; subscriptions PROTECT their plan, so plans are retired, not deleted."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "code",
        "name",
        "audience",
        "price",
        "currency",
        "billing_interval",
        "interval_count",
        "is_active",
        "is_public",
        "sort_order",
    )
    list_filter = ("audience", "is_active", "is_public", "billing_interval")
    search_fields = ("code", "name", "provider_price_id", "provider_product_id")
    ordering = ("sort_order", "id")
    readonly_fields = ("created_at", "updated_at")
    inlines = (PlanEntitlementInline,)
    fieldsets = (
        (None, {"fields": ("code", "name", "description", "audience", "marketing_features")}),
        (
            "Price",
            {
                "fields": (
                    "price",
                    "currency",
                    "billing_interval",
                    "interval_count",
                    "trial_period_days",
                )
            },
        ),
        ("Listing", {"fields": ("is_active", "is_public", "sort_order")}),
        ("Payment provider", {"fields": ("provider_product_id", "provider_price_id")}),
        ("History", {"fields": ("created_at", "updated_at")}),
    )

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UserSubscription)
class UserSubscriptionAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Every user's subscriptions, read-only; cancellations go through the service."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = (
        "user",
        "plan",
        "status",
        "current_period_end",
        "cancel_at_period_end",
        "payment_provider",
        "started_at",
    )
    list_select_related = ("user", "plan")
    list_filter = ("status", "plan", "payment_provider", "cancel_at_period_end")
    search_fields = ("user__email", "=provider_subscription_id", "=provider_customer_id", "=id")
    search_help_text = "Part of the user's email, or an exact payment-provider id."
    date_hierarchy = "started_at"
    ordering = ("-started_at", "id")
    show_full_result_count = False
    actions = ("cancel_at_period_end_action", "cancel_now_action")
    fields = (
        "id",
        "user",
        "plan",
        "status",
        "quantity",
        "started_at",
        "current_period_start",
        "current_period_end",
        "trial_start",
        "trial_end",
        "cancel_at_period_end",
        "cancel_at",
        "canceled_at",
        "ended_at",
        "cancellation_reason",
        "payment_provider",
        "provider_customer_id",
        "provider_subscription_id",
        "metadata",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def has_cancel_permission(self, request):
        return actor_may(request.user, PermissionName.USERS_MANAGE)

    @admin.action(description="Cancel at the end of the period", permissions=["cancel"])
    def cancel_at_period_end_action(self, request, queryset):
        call_for_each(
            request,
            queryset.live(),
            lambda sub: subscription_cancel(actor=request.user, subscription=sub),
            done="{count} subscription(s) will end with their period.",
        )

    @admin.action(description="Cancel now", permissions=["cancel"])
    def cancel_now_action(self, request, queryset):
        call_for_each(
            request,
            queryset.live(),
            lambda sub: subscription_cancel(
                actor=request.user, subscription=sub, at_period_end=False
            ),
            done="Canceled {count} subscription(s).",
        )


from . import admin_payments  # noqa: E402, F401
