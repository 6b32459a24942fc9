"""Routes of the audit API, mounted under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path("admin/audit-logs/", views.AuditLogListView.as_view(), name="admin-audit-log-list"),
    path(
        "admin/audit-logs/<uuid:log_id>/",
        views.AuditLogDetailView.as_view(),
        name="admin-audit-log-detail",
    ),
]
