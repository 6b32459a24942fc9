"""Routes of the catalog, offering search, a provider's offerings and reviews.

Mounted at the root of /api/v1/ (they span `services/` and `providers/`).
"""

from django.urls import path

from . import views

urlpatterns = [
    path("services/categories/", views.CategoryListView.as_view(), name="service-category-list"),
    path("services/offerings/", views.OfferingSearchView.as_view(), name="service-offering-search"),
    path(
        "providers/me/offerings/",
        views.OwnOfferingListCreateView.as_view(),
        name="provider-me-offering-list",
    ),
    path(
        "providers/me/offerings/<uuid:offering_id>/",
        views.OwnOfferingDetailView.as_view(),
        name="provider-me-offering-detail",
    ),
    path(
        "providers/<uuid:provider_id>/reviews/",
        views.ProviderReviewListCreateView.as_view(),
        name="provider-review-list",
    ),
]
