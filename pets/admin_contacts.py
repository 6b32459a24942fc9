"""Admin of plan 037: emergency contacts and veterinarians, read-only until their
services exist (writes must also keep the 009 inline columns in step, A18)."""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.core.permissions import PermissionName

from .models import DogEmergencyContact, DogVeterinarian, EmergencyContact


class DogEmergencyContactInline(admin.TabularInline):
    model = DogEmergencyContact
    fields = ("dog", "priority")
    raw_id_fields = ("dog",)
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(EmergencyContact)
class EmergencyContactAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("name", "owner", "relationship", "phone", "is_primary", "updated_at")
    list_select_related = ("owner",)
    list_filter = ("is_primary", "can_authorize_vet_care")
    search_fields = ("owner__email", "name", "=phone")
    search_help_text = "Part of the owner's email or the contact's name, or an exact phone."
    raw_id_fields = ("owner",)
    ordering = ("owner", "-is_primary", "name")
    show_full_result_count = False
    inlines = (DogEmergencyContactInline,)


@admin.register(DogVeterinarian)
class DogVeterinarianAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("dog", "veterinarian_name", "clinic_name", "phone", "is_primary")
    list_select_related = ("dog",)
    list_filter = ("is_primary", "is_emergency_clinic")
    search_fields = ("dog__name", "veterinarian_name", "clinic_name", "=phone")
    raw_id_fields = ("dog",)
    ordering = ("dog", "-is_primary")
    show_full_result_count = False
