"""Version 1 of the REST API: each app mounts its own routes here."""

from django.urls import include, path

from . import settings_views, views

urlpatterns = [
    path("health/", views.HealthView.as_view(), name="health"),
    path(
        "admin/settings/", settings_views.SystemSettingListView.as_view(), name="admin-setting-list"
    ),
    path(
        "admin/settings/<str:key>/",
        settings_views.SystemSettingDetailView.as_view(),
        name="admin-setting-detail",
    ),
    path("", include("accounts.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("accounts.api.phase2_urls")),
    path("", include("pets.api.urls")),
    path("", include("scheduling.api.urls")),
    path("", include("messaging.api.appointment_links")),
    path("billing/", include("billing.api.urls")),
]
