"""Staff admin of the service catalog, offerings and reviews.

Categories and offerings are edited through `AuditedModelAdmin` (each change audited,
model validation and constraints checked by the form). Reviews are read-only: staff
publish, hide or remove them with actions that go through `provider_review_moderate`,
so the provider's rating follows in the same transaction (SCHEMA.md I-6).
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    ServiceSaveAdminMixin,
    call_for_each,
)
from doggy.core.permissions import PermissionName, actor_may

from .choices import ReviewStatus
from .models import ProviderReview, ServiceCategory, ServiceOffering
from .services import (
    OFFERING_FIELDS,
    offering_create,
    offering_update,
    provider_review_moderate,
)


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(AuditedModelAdmin):
    """The category lookup (seeded by scheduling/0002); offerings PROTECT their category."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("name", "slug", "sort_order", "is_active")
    list_editable = ("sort_order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("sort_order", "name")

    def has_delete_permission(self, request, obj=None):
        # Offerings PROTECT their category; deactivate instead.
        return False


@admin.register(ServiceOffering)
class ServiceOfferingAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """Every provider's offerings, saved through the offering services (slug, checks)."""

    service_fields = ("provider", *OFFERING_FIELDS)

    def service_create(self, request, data):
        return offering_create(actor=request.user, **data)

    def service_update(self, request, obj, data):
        data.pop("provider", None)  # an offering stays with its provider
        return offering_update(actor=request.user, offering=obj, **data)

    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "name",
        "provider",
        "category",
        "price",
        "currency",
        "pricing_unit",
        "duration_minutes",
        "is_active",
        "is_hidden",
    )
    list_select_related = ("provider", "category")
    list_filter = ("is_active", "is_hidden", "category", "pricing_unit", "is_virtual")
    search_fields = ("name", "slug", "provider__business_name", "provider__user__email")
    search_help_text = "Part of the name, slug, business name or the provider's email."
    autocomplete_fields = ("provider",)
    readonly_fields = ("id", "created_at", "updated_at")
    ordering = ("provider__business_name", "sort_order", "name")
    show_full_result_count = False
    fieldsets = (
        (None, {"fields": ("id", "provider", "category", "name", "slug", "description")}),
        (
            "Price and duration",
            {
                "fields": (
                    "duration_minutes",
                    "pricing_unit",
                    "price",
                    "currency",
                    "deposit_amount",
                    "max_pets",
                )
            },
        ),
        (
            "Listing",
            {"fields": ("location_types", "is_virtual", "is_active", "is_hidden", "sort_order")},
        ),
        ("History", {"fields": ("created_at", "updated_at")}),
    )

    def has_delete_permission(self, request, obj=None):
        # Withdraw with "Is active" instead: bookings will reference offerings.
        return False


@admin.register(ProviderReview)
class ProviderReviewAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Reviews, read-only; moderation actions recompute the provider's rating."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("provider", "reviewer", "rating", "title", "status", "created_at")
    list_select_related = ("provider", "reviewer")
    list_filter = ("status", "rating", "created_at")
    search_fields = ("provider__business_name", "reviewer__email", "title", "=id")
    search_help_text = "Part of the business name, the reviewer's email or the title."
    date_hierarchy = "created_at"
    ordering = ("-created_at", "id")
    show_full_result_count = False
    actions = ("publish", "hide", "remove")
    fields = (
        "id",
        "provider",
        "reviewer",
        "rating",
        "sub_ratings",
        "title",
        "comment",
        "status",
        "provider_response",
        "provider_responded_at",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def has_moderate_permission(self, request):
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    def _moderate(self, request, queryset, status: str, done: str):
        call_for_each(
            request,
            queryset.select_related("provider"),
            lambda review: provider_review_moderate(
                actor=request.user, review=review, status=status
            ),
            done=done,
        )

    @admin.action(description="Publish selected reviews", permissions=["moderate"])
    def publish(self, request, queryset):
        self._moderate(request, queryset, ReviewStatus.PUBLISHED, "Published {count} review(s).")

    @admin.action(description="Hide selected reviews", permissions=["moderate"])
    def hide(self, request, queryset):
        self._moderate(request, queryset, ReviewStatus.HIDDEN, "Hid {count} review(s).")

    @admin.action(description="Remove selected reviews", permissions=["moderate"])
    def remove(self, request, queryset):
        self._moderate(request, queryset, ReviewStatus.REMOVED, "Removed {count} review(s).")


# Provider profiles have their own module; the provider concept lives in this app.
# Availability, appointments, calendar sync, booking rules and visits (plans 025–030).
from . import admin_bookings, admin_calendars, admin_providers  # noqa: E402, F401
