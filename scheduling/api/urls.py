"""Routes of provider profiles, the catalog, offering search, offerings and reviews.

Mounted at the root of /api/v1/ (they span `services/` and `providers/`).
"""

from django.urls import path

from . import providers, views

urlpatterns = [
    path("providers/", providers.ProviderListView.as_view(), name="provider-list"),
    path("providers/me/", providers.ProviderMeView.as_view(), name="provider-me"),
    path(
        "providers/<uuid:provider_id>/",
        providers.ProviderDetailView.as_view(),
        name="provider-detail",
    ),
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
