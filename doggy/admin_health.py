"""Admin of plan 042: health probes, incidents, job runs and API latency buckets,
read-only until the health services exist."""

from __future__ import annotations

from django.contrib import admin

from doggy.core.permissions import PermissionName

from .admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
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
class SystemIncidentAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("title", "severity", "status", "started_at", "resolved_at", "created_by")
    list_select_related = ("created_by",)
    list_filter = ("status", "severity")
    search_fields = ("title",)
    raw_id_fields = ("created_by",)
    date_hierarchy = "started_at"
    ordering = ("-started_at", "id")


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
    list_display = ("bucket_start", "method", "route", "status_class", "count", "sum_ms")
    list_filter = ("status_class", "method")
    search_fields = ("route",)
    date_hierarchy = "bucket_start"
    ordering = ("-bucket_start", "route")
    show_full_result_count = False
