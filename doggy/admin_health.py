"""Admin of plan 042: health probes, job runs and API latency buckets (read-only), and
incidents, which staff holding `system.admin` open, update and resolve here through the
incident services (doggy.health), which audit every write."""

from __future__ import annotations

from django.contrib import admin

from doggy.core.permissions import PermissionName

from .admin_mixins import (
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    ServiceSaveAdminMixin,
    call_for_each,
)
from .health import incident_open, incident_resolve, incident_update, latency_row_percentiles
from .models import ApiMetricBucket, BackgroundJobRun, HealthCheckResult, SystemIncident


@admin.register(HealthCheckResult)
class HealthCheckResultAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("checked_at", "component", "status", "latency_ms", "message")
    list_filter = ("status", "component")
    search_fields = ("component", "message")
    date_hierarchy = "checked_at"
    ordering = ("-checked_at", "id")
    show_full_result_count = False


@admin.register(SystemIncident)
class SystemIncidentAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """Incidents, newest first; add and change write through the incident services.

    A resolved incident is final: its form refuses changes (`incident_resolved`)."""

    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    service_fields = (
        "title",
        "severity",
        "status",
        "affected_components",
        "started_at",
        "public_message",
    )
    fields = (*service_fields, "resolved_at", "created_by")
    readonly_fields = ("resolved_at", "created_by")
    actions = ("resolve",)
    list_display = ("title", "severity", "status", "started_at", "resolved_at", "created_by")
    list_select_related = ("created_by",)
    list_filter = ("status", "severity")
    search_fields = ("title",)
    date_hierarchy = "started_at"
    ordering = ("-started_at", "id")

    def service_create(self, request, data):
        return incident_open(actor=request.user, **data)

    def service_update(self, request, obj, data):
        return incident_update(actor=request.user, incident=obj, **data)

    def has_delete_permission(self, request, obj=None):
        return False  # incidents are the platform's history; resolve instead

    @admin.action(description="Resolve selected incidents")
    def resolve(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda incident: incident_resolve(actor=request.user, incident=incident),
            done="Resolved {count} incident(s).",
        )


@admin.register(BackgroundJobRun)
class BackgroundJobRunAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("job_name", "status", "attempt", "started_at", "duration_ms", "items_processed")
    list_filter = ("status", "job_name")
    search_fields = ("job_name",)
    date_hierarchy = "started_at"
    ordering = ("-started_at", "id")
    show_full_result_count = False


@admin.register(ApiMetricBucket)
class ApiMetricBucketAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "bucket_start",
        "method",
        "route",
        "status_class",
        "count",
        "mean_ms",
        "p50_ms",
        "p95_ms",
        "p99_ms",
    )
    list_filter = ("status_class", "method")
    search_fields = ("route",)
    date_hierarchy = "bucket_start"
    ordering = ("-bucket_start", "route")
    show_full_result_count = False

    @admin.display(description="mean ms")
    def mean_ms(self, obj: ApiMetricBucket):
        return round(obj.sum_ms / obj.count) if obj.count else None

    @admin.display(description="p50 ms")
    def p50_ms(self, obj: ApiMetricBucket):
        return latency_row_percentiles(obj)["p50_ms"]

    @admin.display(description="p95 ms")
    def p95_ms(self, obj: ApiMetricBucket):
        return latency_row_percentiles(obj)["p95_ms"]

    @admin.display(description="p99 ms")
    def p99_ms(self, obj: ApiMetricBucket):
        return latency_row_percentiles(obj)["p99_ms"]
