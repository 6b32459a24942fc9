"""Routes of the pets API, mounted under /api/v1/ (namespace `pets`)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

app_name = "pets"

router = SimpleRouter()
router.register("dogs", views.DogViewSet, basename="dog")

# (URL segment, viewset, route-name stem) of the records of plan 010.
RECORD_ROUTES = [
    ("vaccinations", views.VaccinationViewSet, "vaccination"),
    ("medications", views.MedicationViewSet, "medication"),
    ("conditions", views.ConditionViewSet, "condition"),
    ("allergies", views.AllergyViewSet, "allergy"),
    ("vet-visits", views.VetVisitViewSet, "vet-visit"),
    ("documents", views.MedicalDocumentViewSet, "document"),
    ("weights", views.WeightRecordViewSet, "weight"),
]


def _record_urls(segment: str, viewset, stem: str) -> list:
    detail = {"get": "retrieve", "patch": "partial_update"}
    urls = [
        path(
            f"dogs/<str:dog_id>/{segment}/",
            viewset.as_view({"get": "list", "post": "create"}),
            name=f"dog-{stem}-list",
        ),
    ]
    if viewset.error_service is not None:
        # Only records with a status are "deleted", by marking them EnteredInError.
        detail["delete"] = "destroy"
        urls.append(
            path(
                f"dogs/<str:dog_id>/{segment}/<str:record_id>/entered-in-error/",
                viewset.as_view({"post": "entered_in_error"}),
                name=f"dog-{stem}-entered-in-error",
            )
        )
    urls.append(
        path(
            f"dogs/<str:dog_id>/{segment}/<str:record_id>/",
            viewset.as_view(detail),
            name=f"dog-{stem}-detail",
        )
    )
    return urls


urlpatterns = [
    *router.urls,
    path(
        "dogs/<str:dog_id>/photos/<str:file_id>/",
        views.DogPhotoView.as_view(),
        name="dog-photo-detail",
    ),
    path(
        "dogs/<str:dog_id>/shares/",
        views.DogShareViewSet.as_view({"get": "list", "post": "create"}),
        name="dog-share-list",
    ),
    path(
        "dogs/<str:dog_id>/shares/<str:grant_id>/",
        views.DogShareViewSet.as_view({"delete": "destroy"}),
        name="dog-share-detail",
    ),
]
for _segment, _viewset, _stem in RECORD_ROUTES:
    urlpatterns += _record_urls(_segment, _viewset, _stem)
