"""Staff admin of calendar feed links (plan 027): read-only, with a revoke action.

Only the hash of a token is stored, so the admin shows whose link it is and whether it
is live, never a usable URL. Revoking goes through the calendar service (audited).
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import call_for_each
from doggy.core.permissions import PermissionName, actor_may

from .admin_bookings import ReadOnlySchedulingAdmin
from .calendar_services import calendar_feed_token_staff_revoke
from .models import CalendarFeedToken


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(ReadOnlySchedulingAdmin):
    list_display = ("user", "created_at", "revoked_at")
    list_select_related = ("user",)
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__email",)
    search_help_text = "The user's email."
    raw_id_fields = ("user",)
    ordering = ("-created_at", "id")
    fields = ("id", "user", "created_at", "revoked_at")
    readonly_fields = fields
    actions = ("revoke",)

    def has_revoke_permission(self, request):
        return actor_may(request.user, PermissionName.USERS_MANAGE)

    @admin.action(description="Revoke selected feed links", permissions=["revoke"])
    def revoke(self, request, queryset):
        call_for_each(
            request,
            queryset.filter(revoked_at__isnull=True),
            lambda token: calendar_feed_token_staff_revoke(actor=request.user, token=token),
            done="Revoked {count} feed link(s).",
        )
