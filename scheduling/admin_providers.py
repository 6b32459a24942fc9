"""Staff admin of provider profiles (plans 012/016).

Loaded by `scheduling/admin.py`. It shows the 012/016 columns and the provider's
offerings and reviews inline. Derived columns (verification mirror, rating, counters)
are read-only.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin

from accounts.models import ServiceProvider
from doggy.admin_mixins import AuditedModelAdmin, ServiceSaveAdminMixin
from doggy.core.permissions import PermissionName

from .models import ProviderReview, ServiceOffering
from .provider_services import PROFILE_FIELDS, provider_create, provider_update


class ServiceOfferingInline(admin.TabularInline):
    """The provider's offerings, read-only here; edit one through its own page."""

    model = ServiceOffering
    fields = ("name", "category", "price", "currency", "pricing_unit", "is_active", "is_hidden")
    readonly_fields = fields
    ordering = ("-is_active", "sort_order", "name")
    show_change_link = True
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ProviderReviewInline(admin.TabularInline):
    """The provider's reviews, newest first; moderation happens on the review pages."""

    model = ProviderReview
    fields = ("created_at", "reviewer", "rating", "title", "status")
    readonly_fields = fields
    ordering = ("-created_at",)
    show_change_link = True
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reviewer")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ServiceProviderAdminForm(forms.ModelForm):
    class Meta:
        model = ServiceProvider
        # The admin builds the full form from its fieldsets on top of this one; only the
        # fields `clean()` reads are named here.
        fields = ("user", "base_address")

    def clean(self):
        cleaned = super().clean()
        address = cleaned.get("base_address")
        user = cleaned.get("user") or getattr(self.instance, "user", None)
        if address is not None and (
            user is None or address.user_id != user.pk or not address.is_active
        ):
            self.add_error("base_address", "Choose one of the provider's own active addresses.")
        return cleaned


@admin.register(ServiceProvider)
class ServiceProviderAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """Provider profiles, saved through the profile services (slug, base address checks).

    Verification and rating columns are derived, never edited here.
    """

    service_fields = ("user", *PROFILE_FIELDS)

    def service_create(self, request, data):
        return provider_create(actor=request.user, **data)

    def service_update(self, request, obj, data):
        data.pop("user", None)  # a profile stays with its user
        return provider_update(actor=request.user, provider=obj, **data)

    form = ServiceProviderAdminForm
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = (
        "business_name",
        "user",
        "is_verified",
        "verification_status",
        "is_active",
        "average_rating",
        "review_count",
        "created_at",
    )
    list_select_related = ("user",)
    list_filter = (
        "is_verified",
        "is_active",
        "verification_status",
        "accepts_new_clients",
        "cancellation_policy",
    )
    search_fields = ("business_name", "slug", "user__email", "=id")
    search_help_text = "Part of the business name, slug or the owner's email."
    autocomplete_fields = ("user",)
    raw_id_fields = ("base_address",)
    readonly_fields = (
        "id",
        # Set by the profile-image upload, not typed in here.
        "profile_image_file",
        "is_verified",
        "verification_status",
        "verified_at",
        "average_rating",
        "review_count",
        "completed_appointment_count",
        "created_at",
        "updated_at",
    )
    ordering = ("business_name", "id")
    show_full_result_count = False
    inlines = (ServiceOfferingInline, ProviderReviewInline)
    fieldsets = (
        (None, {"fields": ("id", "user", "business_name", "slug", "headline")}),
        (
            "Profile",
            {
                "fields": (
                    "description",
                    "bio",
                    "years_of_experience",
                    "business_phone",
                    "website",
                    "profile_image_file",
                    "time_zone",
                    "cancellation_policy",
                    "accepts_new_clients",
                    "is_active",
                )
            },
        ),
        ("Service area", {"fields": ("base_address", "service_radius_km")}),
        (
            "Verification and ratings (derived)",
            {
                "fields": (
                    "is_verified",
                    "verification_status",
                    "verified_at",
                    "average_rating",
                    "review_count",
                    "completed_appointment_count",
                )
            },
        ),
        ("History", {"fields": ("created_at", "updated_at")}),
    )

    def has_delete_permission(self, request, obj=None):
        # Deactivate the profile instead: reviews, KYC cases and bookings refer to it.
        return False
