"""Staff screens of the audit app: the append-only audit log, read-only."""

from __future__ import annotations

import json

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.core.permissions import PermissionName

from .models import AuditLog


class ActorFilter(admin.SimpleListFilter):
    """Filter by acting user: staff are offered as choices, any user id works as a link.

    Offering every user would load the whole `Users` table into the sidebar; the actors
    staff look for are mostly staff, and the actor column links to this filter for anyone.
    """

    title = "user"
    parameter_name = "actor"
    SYSTEM = "system"

    def lookups(self, request, model_admin):
        staff = get_user_model().objects.filter(is_staff=True).order_by("email")
        return [(self.SYSTEM, "System (no user)")] + [(u.pk, u.email) for u in staff[:200]]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == self.SYSTEM:
            return queryset.filter(user__isnull=True)
        return queryset.filter(user_id=value)


def _pretty_json(value) -> str:
    if value is None:
        return "-"
    return format_html(
        '<pre style="white-space: pre-wrap; margin: 0">{}</pre>',
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False),
    )


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Who did what to which object. Rows are never added, changed or deleted here."""

    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "timestamp",
        "action",
        "entity_type",
        "entity_id",
        "actor",
        "severity",
        "ip_address",
    )
    list_filter = (
        ActorFilter,
        "entity_type",
        "action",
        "severity",
        "timestamp",
    )
    date_hierarchy = "timestamp"
    search_fields = ("=entity_id", "actor_email", "=correlation_id")
    search_help_text = "Exact entity id or correlation id, or part of the actor's email."
    ordering = ("-timestamp",)
    show_full_result_count = False
    fields = (
        "timestamp",
        "action",
        "severity",
        "entity_type",
        "entity_id",
        "actor",
        "actor_email",
        "old_values_pretty",
        "new_values_pretty",
        "ip_address",
        "user_agent",
        "session_id",
        "correlation_id",
    )
    readonly_fields = fields

    @admin.display(description="user", ordering="actor_email")
    def actor(self, obj: AuditLog):
        if obj.user_id is None:
            return obj.actor_email or "System"
        url = reverse("admin:audit_auditlog_changelist") + "?" + urlencode({"actor": obj.user_id})
        return format_html('<a href="{}">{}</a>', url, obj.actor_email or obj.user_id)

    @admin.display(description="old values")
    def old_values_pretty(self, obj: AuditLog):
        return _pretty_json(obj.old_values)

    @admin.display(description="new values")
    def new_values_pretty(self, obj: AuditLog):
        return _pretty_json(obj.new_values)
