"""Routes of notifications, preferences, push devices and presence, under /api/v1/."""

from django.urls import path

from . import notifications as views

urlpatterns = [
    path("notifications/", views.NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/unread-count/",
        views.NotificationUnreadCountView.as_view(),
        name="notification-unread-count",
    ),
    path(
        "notifications/read-all/",
        views.NotificationReadAllView.as_view(),
        name="notification-read-all",
    ),
    path(
        "notifications/preferences/",
        views.NotificationPreferencesView.as_view(),
        name="notification-preferences",
    ),
    path(
        "notifications/<int:notification_id>/read/",
        views.NotificationReadView.as_view(),
        name="notification-read",
    ),
    path("devices/", views.DeviceListView.as_view(), name="push-device-list"),
    path("devices/<str:device_id>/", views.DeviceDetailView.as_view(), name="push-device-detail"),
    path("presence/", views.PresenceView.as_view(), name="presence"),
]
