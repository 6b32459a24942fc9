"""Routes of the address book (plan 016), under /api/v1/.

Provider profiles (plan 012) are routed by `scheduling/api/urls.py`.
"""

from django.urls import path

from . import addresses

urlpatterns = [
    path("addresses/", addresses.AddressListCreateView.as_view(), name="address-list"),
    path(
        "addresses/<uuid:address_id>/",
        addresses.AddressDetailView.as_view(),
        name="address-detail",
    ),
]
