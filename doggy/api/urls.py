"""Version 1 of the REST API: each app mounts its own routes here."""

from django.urls import include, path

from . import health_views, insight_views, report_views, settings_views, views

urlpatterns = [
    path("health/", views.HealthView.as_view(), name="health"),
    path("health/live/", health_views.LivenessView.as_view(), name="health-live"),
    path("health/ready/", health_views.ReadinessView.as_view(), name="health-ready"),
    path("status/", health_views.StatusPageView.as_view(), name="status-page"),
    path(
        "staff/incidents/",
        health_views.StaffIncidentListView.as_view(),
        name="staff-incident-list",
    ),
    path(
        "staff/incidents/<uuid:incident_id>/",
        health_views.StaffIncidentDetailView.as_view(),
        name="staff-incident-detail",
    ),
    path(
        "staff/health/latency/",
        health_views.StaffLatencyView.as_view(),
        name="staff-health-latency",
    ),
    path(
        "admin/settings/", settings_views.SystemSettingListView.as_view(), name="admin-setting-list"
    ),
    path(
        "admin/settings/<str:key>/",
        settings_views.SystemSettingDetailView.as_view(),
        name="admin-setting-detail",
    ),
    path(
        "reports/definitions/",
        report_views.ReportDefinitionListView.as_view(),
        name="report-definition-list",
    ),
    path("reports/runs/", report_views.ReportRunListView.as_view(), name="report-run-list"),
    path(
        "reports/runs/<str:run_id>/",
        report_views.ReportRunDetailView.as_view(),
        name="report-run-detail",
    ),
    path(
        "reports/runs/<str:run_id>/download/",
        report_views.ReportRunDownloadView.as_view(),
        name="report-run-download",
    ),
    path("staff/dashboard/", report_views.StaffDashboardView.as_view(), name="staff-dashboard"),
    path("staff/metrics/", insight_views.StaffMetricsView.as_view(), name="staff-metrics"),
    path(
        "staff/providers/performance/",
        insight_views.StaffProviderPerformanceView.as_view(),
        name="staff-provider-performance-list",
    ),
    path(
        "providers/me/performance/",
        insight_views.ProviderMePerformanceView.as_view(),
        name="provider-me-performance",
    ),
    path("", include("accounts.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("accounts.api.phase2_urls")),
    path("", include("accounts.api.credentials")),
    path("", include("pets.api.urls")),
    path("", include("scheduling.api.urls")),
    path("", include("messaging.api.conversation_urls")),
    path("", include("messaging.api.appointment_links")),
    path("billing/", include("billing.api.urls")),
    path("", include("ai.api.urls")),
    path("calls/", include("messaging.api.calls")),
    path("", include("messaging.api.urls")),
    path("webhooks/", include("billing.api.webhooks")),
]
