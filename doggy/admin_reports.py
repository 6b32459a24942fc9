"""Admin of plan 041: report definitions (saved through the report services, audited),
report runs and dashboard snapshots (read-only)."""

from __future__ import annotations

import json

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from audit.models import DashboardSnapshot, ReportDefinition, ReportRun
from doggy.core.permissions import PermissionName
from doggy.insights.report_services import (
    EDITABLE_DEFINITION_FIELDS,
    report_definition_create,
    report_definition_update,
)

from .admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, ServiceSaveAdminMixin


@admin.register(ReportDefinition)
class ReportDefinitionAdmin(ServiceSaveAdminMixin, AuditedModelAdmin):
    """Staff offer catalogue reports here; the key and audience are fixed once created
    (runs refer to them). Deactivate a definition instead of deleting it."""

    service_fields = ("key", "audience", *EDITABLE_DEFINITION_FIELDS)
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("key", "name", "audience", "required_permission", "is_active")
    list_select_related = ("required_permission",)
    list_filter = ("audience", "is_active")
    search_fields = ("key", "name")
    ordering = ("key",)

    def service_create(self, request, data):
        return report_definition_create(actor=request.user, **data)

    def service_update(self, request, obj, data):
        changes = {
            name: value for name, value in data.items() if name in EDITABLE_DEFINITION_FIELDS
        }
        return report_definition_update(actor=request.user, definition=obj, changes=changes)

    def get_readonly_fields(self, request, obj=None):
        return ("key", "audience") if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        # Runs PROTECT their definition; deactivate instead.
        return False


@admin.register(ReportRun)
class ReportRunAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "created_at",
        "report_definition",
        "requested_by",
        "format",
        "status",
        "row_count",
        "finished_at",
        "file_link",
    )
    list_select_related = ("report_definition", "requested_by", "result_file")
    list_filter = ("status", "format")
    search_fields = ("report_definition__key", "requested_by__email")
    raw_id_fields = ("requested_by", "result_file")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-id")
    show_full_result_count = False

    @admin.display(description="file")
    def file_link(self, run):
        if run.result_file_id is None:
            return "-"
        url = reverse("admin:doggy_storedfile_change", args=[run.result_file_id])
        return format_html('<a href="{}">{}</a>', url, run.result_file.original_file_name)


@admin.register(DashboardSnapshot)
class DashboardSnapshotAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("snapshot_date", "scope", "scope_id", "generated_at")
    list_filter = ("scope",)
    search_fields = ("scope_id",)
    date_hierarchy = "snapshot_date"
    ordering = ("-snapshot_date", "scope", "scope_id")
    readonly_fields = ("payload_pretty",)
    exclude = ("payload",)

    @admin.display(description="payload")
    def payload_pretty(self, snapshot):
        return format_html("<pre>{}</pre>", json.dumps(snapshot.payload, indent=2, sort_keys=True))
