"""Staff admin of the address book (plan 016).

Addresses are read-only, and their gate codes are not shown at all; staff deactivate
them through the service.
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    call_for_each,
)
from doggy.core.permissions import actor_may

from .choices import PermissionName
from .models import Address
from .services.addresses import address_deactivate


@admin.register(Address)
class AddressAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Users' addresses, read-only and without the gate codes; deactivate via the action."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("user", "label", "line1", "city", "country_code", "is_default", "is_active")
    list_select_related = ("user",)
    list_filter = ("is_active", "is_default", "country_code")
    search_fields = ("user__email", "line1", "city", "postal_code", "=id")
    search_help_text = "Part of the owner's email, the street, city or postal code."
    ordering = ("user__email", "-is_default", "created_at")
    show_full_result_count = False
    actions = ("deactivate",)
    # AccessInstructions (gate and lockbox codes) is deliberately not shown.
    fields = (
        "id",
        "user",
        "label",
        "recipient_name",
        "line1",
        "line2",
        "city",
        "city_area",
        "region",
        "postal_code",
        "country_code",
        "phone",
        "latitude",
        "longitude",
        "is_default",
        "is_active",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def has_deactivate_permission(self, request):
        return actor_may(request.user, PermissionName.USERS_MANAGE)

    @admin.action(description="Deactivate selected addresses", permissions=["deactivate"])
    def deactivate(self, request, queryset):
        call_for_each(
            request,
            queryset.filter(is_active=True),
            lambda address: address_deactivate(actor=request.user, address=address),
            done="Deactivated {count} address(es).",
        )
