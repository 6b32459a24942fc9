"""Root URL configuration: the admin, the versioned REST API and its OpenAPI schema.

The error handlers answer in the API's JSON error shape under /api/ and with Django's
own pages elsewhere (doggy.api.handlers).
"""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from .metrics import metrics_view

admin.site.site_header = "doggy administration"
admin.site.site_title = "doggy admin"
admin.site.index_title = "Back office"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("doggy.api.urls")),
    path("metrics", metrics_view, name="metrics"),
]

handler400 = "doggy.api.handlers.bad_request"
handler403 = "doggy.api.handlers.permission_denied"
handler404 = "doggy.api.handlers.page_not_found"
handler500 = "doggy.api.handlers.server_error"
