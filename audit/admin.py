"""Staff screens of the audit app: the append-only audit log, read-only."""

from __future__ import annotations

import json

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from accounts.selectors import audit_entities_for_email
from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.core.permissions import PermissionName

from .analytics_registry import EVENTS
from .models import (
    AnalyticsEvent,
    AuditLog,
    MetricCount,
    MetricFillState,
    ProviderPerformanceSnapshot,
    UserDailyActivity,
)


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


def _looks_like_email(term: str) -> bool:
    local, at, domain = term.partition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in term))


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

    def get_queryset(self, request):
        # The same rule as the API's audit reads: holders of the reader permissions.
        return super().get_queryset(request).visible_to(request.user)

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
    search_help_text = (
        "A full email address finds everything about that person (what they did, what was "
        "done to their account, their failed sign-ins); otherwise an exact entity id or "
        "correlation id, or part of the actor's email."
    )
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

    def get_search_results(self, request, queryset, search_term):
        """A whole email address is looked up through indexes, not as a substring.

        `LoginFailed` rows name the attempt and `AccountLocked` rows the account, not a
        user, so a substring of `ActorEmail` misses them; the accounts selector says which
        entities stand for the person, found through `IX_AuditLogs_User_Timestamp` and
        `IX_AuditLogs_Entity`.
        """
        term = search_term.strip()
        if not _looks_like_email(term):
            return super().get_search_results(request, queryset, search_term)
        found = audit_entities_for_email(actor=request.user, email=term)
        match = Q(pk__in=[])
        if found["user_id"] is not None:
            match |= Q(user_id=found["user_id"])
        for entity_type, ids in found["entities"].items():
            match |= Q(entity_type=entity_type, entity_id__in=ids)
        return queryset.filter(match), False

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


class _ReadOnlyMetricsAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Analytics and metric tables (plans 034–036): written by jobs, read here."""

    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


class EventNameFilter(admin.SimpleListFilter):
    """The registered event names (no query: the registry is code, A7)."""

    title = "event name"
    parameter_name = "event_name"

    def lookups(self, request, model_admin):
        return [(name, name) for name in sorted(EVENTS)]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(event_name=value) if value else queryset


@admin.register(AnalyticsEvent)
class AnalyticsEventAdmin(_ReadOnlyMetricsAdmin):
    list_display = ("occurred_at", "event_name", "user", "platform", "app_version")
    list_filter = (EventNameFilter, "platform", "occurred_at")
    list_select_related = ("user",)
    search_fields = ("=event_name", "=anonymous_id")
    raw_id_fields = ("user", "session")
    date_hierarchy = "occurred_at"
    ordering = ("-occurred_at",)


@admin.register(UserDailyActivity)
class UserDailyActivityAdmin(_ReadOnlyMetricsAdmin):
    list_display = ("activity_date", "user", "platform", "request_count", "active_seconds")
    list_filter = ("platform", "activity_date")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    date_hierarchy = "activity_date"
    ordering = ("-activity_date",)


@admin.register(MetricCount)
class MetricCountAdmin(_ReadOnlyMetricsAdmin):
    list_display = ("property", "subgroup", "frequency", "end_time", "scope_type", "value")
    list_filter = ("frequency", "scope_type", "property")
    search_fields = ("=property", "=scope_id")
    date_hierarchy = "end_time"
    ordering = ("property", "-end_time")


@admin.register(MetricFillState)
class MetricFillStateAdmin(_ReadOnlyMetricsAdmin):
    """How far each count is filled; `Started` means a fill is running or died there (the
    next `manage.py fill_metric_counts` rewrites that bucket)."""

    list_display = ("property", "frequency", "state", "end_time", "updated_at")
    list_filter = ("state", "frequency")
    search_fields = ("=property",)
    ordering = ("property", "frequency")


def _rate(part: int, whole: int) -> str:
    return "-" if not whole else f"{part / whole:.0%}"


@admin.register(ProviderPerformanceSnapshot)
class ProviderPerformanceSnapshotAdmin(_ReadOnlyMetricsAdmin):
    """The daily KPI snapshots (`manage.py snapshot_provider_performance`); the rates are
    computed from the row's counts, as the API computes them."""

    list_display = (
        "provider",
        "period_start",
        "period_end",
        "requests_received",
        "acceptance_rate",
        "requests_declined",
        "requests_expired",
        "cancellation_rate",
        "on_time_rate",
        "median_response_seconds",
        "computed_at",
    )
    list_select_related = ("provider",)
    raw_id_fields = ("provider",)
    search_fields = ("provider__business_name",)
    date_hierarchy = "period_end"
    ordering = ("-period_end",)

    @admin.display(description="accepted")
    def acceptance_rate(self, obj: ProviderPerformanceSnapshot) -> str:
        return _rate(obj.requests_accepted, obj.requests_received)

    @admin.display(description="cancelled")
    def cancellation_rate(self, obj: ProviderPerformanceSnapshot) -> str:
        return _rate(obj.cancellations, obj.requests_accepted)

    @admin.display(description="on time")
    def on_time_rate(self, obj: ProviderPerformanceSnapshot) -> str:
        return _rate(obj.on_time_arrivals, obj.on_time_arrivals + obj.late_arrivals)
