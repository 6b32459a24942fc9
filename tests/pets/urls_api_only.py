"""Only the pets routes, under /api/v1/: the schema test looks at them alone."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("pets.api.urls"))]
