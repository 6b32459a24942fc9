"""End to end through the API: a provider gets listed; a pet owner finds it and subscribes."""

from __future__ import annotations

import pytest

from accounts.choices import KycStatus
from accounts.models import ServiceProvider
from accounts.services.kyc import provider_verification_sync
from tests.billing.factories import free_plan
from tests.callers import bearer_client as client_for
from tests.callers import make_user as with_role
from tests.scheduling.factories import ServiceCategoryFactory

pytestmark = pytest.mark.django_db


def test_pet_owner_finds_a_verified_provider_near_home_and_subscribes(rbac, superuser):
    ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
    free_plan()

    # A provider signs up its profile, its base address and an offering
    provider_user = with_role(rbac, "ServiceProvider")
    prov = client_for(provider_user)
    assert prov.post("/api/v1/providers/me/", {"business_name": "Soho Walks"}).status_code == 201
    base = prov.post(
        "/api/v1/addresses/",
        {
            "line1": "10 Greek Street",
            "city": "London",
            "country_code": "GB",
            "latitude": "51.513900",
            "longitude": "-0.131700",
        },
        format="json",
    ).json()
    updated = prov.patch(
        "/api/v1/providers/me/",
        {"base_address": base["id"], "service_radius_km": "5"},
        format="json",
    )
    assert updated.status_code == 200
    offering = prov.post(
        "/api/v1/providers/me/offerings/",
        {"category": "dog-walking", "name": "Hour walk", "duration_minutes": 60, "price": "18"},
        format="json",
    )
    assert offering.status_code == 201

    # Unverified, it is not found
    owner = with_role(rbac, "PetOwner")
    me = client_for(owner)
    home = me.post(
        "/api/v1/addresses/",
        {
            "line1": "1 Bedford Square",
            "city": "London",
            "country_code": "GB",
            "latitude": "51.518800",
            "longitude": "-0.130600",
        },
        format="json",
    ).json()
    search = {"address": home["id"], "radius_km": 3, "category": "dog-walking"}
    assert me.get("/api/v1/services/offerings/", search).json()["count"] == 0

    # KYC approves the provider
    provider_verification_sync(
        actor=superuser,
        provider=ServiceProvider.objects.get(user=provider_user),
        status=KycStatus.APPROVED,
    )

    # The pet owner finds the offering near home, opens the provider, and subscribes
    found = me.get("/api/v1/services/offerings/", search).json()
    assert found["count"] == 1
    hit = found["results"][0]
    assert (hit["name"], hit["provider"]["business_name"]) == ("Hour walk", "Soho Walks")
    assert 0.5 < hit["distance_km"] < 0.6
    profile = me.get(f"/api/v1/providers/{hit['provider']['id']}/").json()
    assert [o["name"] for o in profile["offerings"]] == ["Hour walk"]

    subscribed = me.post("/api/v1/billing/subscription/", {"plan": "owner_free"}, format="json")
    assert subscribed.status_code == 201
    current = me.get("/api/v1/billing/subscription/").json()
    assert (current["status"], current["plan"]["code"]) == ("active", "owner_free")
