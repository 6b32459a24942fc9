"""Routes of provider profiles and the address book (plans 012 and 016), under /api/v1/."""

from django.urls import path

from . import addresses, providers

urlpatterns = [
    path("providers/", providers.ProviderListView.as_view(), name="provider-list"),
    path("providers/me/", providers.ProviderMeView.as_view(), name="provider-me"),
    path(
        "providers/<uuid:provider_id>/",
        providers.ProviderDetailView.as_view(),
        name="provider-detail",
    ),
    path("addresses/", addresses.AddressListCreateView.as_view(), name="address-list"),
    path(
        "addresses/<uuid:address_id>/",
        addresses.AddressDetailView.as_view(),
        name="address-detail",
    ),
]
