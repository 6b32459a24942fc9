"""Staff screens of notifications, deliveries and push devices (plans 021–022).

Notifications and deliveries are written by the delivery service only, so they are read
only here. Push devices are read only too, with one action, deactivate, which goes
through `push_device_deactivate` (audited) and is offered to platform staff
(`system.admin`).
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, call_for_each
from doggy.core.permissions import PermissionName, actor_may

from .models import Notification, NotificationDelivery, PushDevice
from .notification_services import push_device_deactivate


class NotificationDeliveryInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = NotificationDelivery
    extra = 0
    fields = (
        "channel",
        "push_device",
        "status",
        "skip_reason",
        "attempt_count",
        "next_attempt_at",
        "last_error",
        "provider_message_id",
        "sent_at",
    )
    readonly_fields = fields


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("id", "recipient", "notification_type", "level", "is_read", "created_at")
    list_select_related = ("recipient",)
    list_filter = ("notification_type", "level", "is_read", "is_archived")
    date_hierarchy = "created_at"
    search_fields = ("=id", "recipient__email", "=dedupe_key")
    show_full_result_count = False
    readonly_fields = (
        "recipient",
        "actor",
        "notification_type",
        "level",
        "title",
        "body",
        "entity_type",
        "entity_id",
        "action_url",
        "data",
        "dedupe_key",
        "is_read",
        "read_at",
        "is_archived",
        "scheduled_for",
        "created_at",
        "expires_at",
    )
    fields = readonly_fields
    inlines = (NotificationDeliveryInline,)


@admin.register(NotificationDelivery)
class NotificationDeliveryAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "id",
        "notification",
        "channel",
        "status",
        "skip_reason",
        "attempt_count",
        "next_attempt_at",
        "sent_at",
    )
    list_select_related = ("notification",)
    list_filter = ("channel", "status", "skip_reason")
    search_fields = ("=id", "=notification__id", "provider_message_id")
    show_full_result_count = False
    readonly_fields = (
        "notification",
        "channel",
        "push_device",
        "status",
        "skip_reason",
        "attempt_count",
        "next_attempt_at",
        "last_error",
        "provider_message_id",
        "created_at",
        "sent_at",
        "delivered_at",
    )
    fields = readonly_fields


@admin.register(PushDevice)
class PushDeviceAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("id", "user", "platform", "browser", "is_active", "failure_count", "created_at")
    list_select_related = ("user",)
    list_filter = ("platform", "browser", "is_active")
    search_fields = ("=id", "user__email", "=token_hash")
    readonly_fields = (
        "user",
        "platform",
        "token",
        "token_hash",
        "browser",
        "application_id",
        "device_name",
        "app_version",
        "is_active",
        "failure_count",
        "last_used_at",
        "created_at",
    )
    fields = readonly_fields
    actions = ("deactivate_devices",)

    def has_deactivate_permission(self, request) -> bool:
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    @admin.action(description="Deactivate selected devices", permissions=["deactivate"])
    def deactivate_devices(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda device: push_device_deactivate(
                actor=request.user, device=device, reason="Deactivated by staff."
            ),
            done="Deactivated {count} device(s).",
        )
