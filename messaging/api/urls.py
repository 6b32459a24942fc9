"""Routes of the messaging API, mounted under /api/v1/; each area has its own module."""

from django.urls import include, path

urlpatterns = [
    path("", include("messaging.api.notification_urls")),
]
