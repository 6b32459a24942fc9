"""Staff admin of the plan catalog and user subscriptions.

Plans and their entitlements are saved through the plan services (`plan_create`,
`plan_update`, `plan_entitlement_*`), which validate, normalise and write the audit rows.
Subscriptions are read-only; staff cancel them with actions that go through
`subscription_cancel`.
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    ServiceInlineMixin,
    ServiceSaveAdminMixin,
    call_for_each,
)
from doggy.core.permissions import PermissionName, actor_may

from .models import PlanEntitlement, SubscriptionPlan, UserSubscription
from .selectors import subscription_customer_id
from .services import (
    ENTITLEMENT_FIELDS,
    PLAN_FIELDS,
    plan_create,
    plan_entitlement_create,
    plan_entitlement_delete,
    plan_entitlement_update,
    plan_update,
    subscription_cancel,
)


class PlanEntitlementInline(ServiceInlineMixin, admin.TabularInline):
    model = PlanEntitlement
    fields = ("feature_key", "is_enabled", "limit_value")
    extra = 0


@admin.register(SubscriptionPlan)
class SubscriptionPlanAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """The plan catalog; subscriptions PROTECT their plan, so plans are retired, not deleted."""

    service_fields = PLAN_FIELDS

    def service_create(self, request, data):
        return plan_create(actor=request.user, **data)

    def service_update(self, request, obj, data):
        return plan_update(actor=request.user, plan=obj, **data)

    def save_formset(self, request, form, formset, change):
        """Each added, changed or removed entitlement goes through its service."""
        if formset.model is not PlanEntitlement:
            return super().save_formset(request, form, formset, change)
        plan = form.instance
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row_form in formset.forms:
            stored = row_form.instance if row_form.instance.pk is not None else None
            if stored is not None and formset.can_delete and formset._should_delete_form(row_form):
                plan_entitlement_delete(actor=request.user, entitlement=stored)
                formset.deleted_objects.append(stored)
                continue
            if not row_form.has_changed():
                continue
            data = {
                name: row_form.cleaned_data[name]
                for name in ENTITLEMENT_FIELDS
                if name in row_form.cleaned_data
            }
            if stored is None:
                formset.new_objects.append(
                    plan_entitlement_create(actor=request.user, plan=plan, **data)
                )
            else:
                changed = {name: data[name] for name in row_form.changed_data if name in data}
                formset.changed_objects.append(
                    (
                        plan_entitlement_update(actor=request.user, entitlement=stored, **changed),
                        row_form.changed_data,
                    )
                )
        return None

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
    search_fields = (
        "user__email",
        "=provider_subscription_id",
        "=user__billing_customers__provider_customer_id",
        "=id",
    )
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
        "customer_id",
        "provider_subscription_id",
        "metadata",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).with_customer_id()

    @admin.display(description="Provider customer id")
    def customer_id(self, obj):
        """Read through BillingCustomers, the id's one home (A20)."""
        return subscription_customer_id(subscription=obj) or "-"

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
