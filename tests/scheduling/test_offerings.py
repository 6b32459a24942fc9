"""Offerings: a provider's catalog (services and API) and the public search."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.models import AuditLog
from doggy.core.errors import PermissionDeniedError
from scheduling.errors import SchedulingErrorCode
from scheduling.geo import GeoPoint, bounding_box, haversine_km
from scheduling.models import ServiceOffering
from scheduling.services import offering_create, offering_update
from tests.accounts.factories import UserFactory
from tests.accounts.factories_addresses import AddressFactory
from tests.callers import bearer_client as client_for
from tests.scheduling.factories import (
    ListedProviderFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/services/offerings/"
MINE = "/api/v1/providers/me/offerings/"
LONDON = GeoPoint(51.5074, -0.1278)


def _provider_at(lat: float, lng: float, radius_km: str | None = "50", **kwargs):
    base = AddressFactory(latitude=Decimal(f"{lat:.6f}"), longitude=Decimal(f"{lng:.6f}"))
    return ListedProviderFactory(
        user=base.user,
        base_address=base,
        service_radius_km=None if radius_km is None else Decimal(radius_km),
        **kwargs,
    )


def _names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


# --- A provider's own catalog -------------------------------------------------------------


def test_provider_creates_offering_with_derived_slug_and_audit(listed_provider):
    # Given a category and an offering already named like the new one
    ServiceCategoryFactory(slug="grooming", name="Grooming")
    ServiceOfferingFactory(provider=listed_provider, name="Full groom", slug="full-groom")
    audits = AuditLog.objects.count()

    # When the provider adds another one with the same name
    response = client_for(listed_provider.user).post(
        MINE,
        {
            "category": "grooming",
            "name": "Full groom",
            "duration_minutes": 90,
            "price": "45.00",
            "deposit_amount": "10.00",
            "location_types": ["ProviderLocation"],
        },
        format="json",
    )

    # Then it is created with the next free slug, and audited
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "full-groom-2"
    assert body["category"]["slug"] == "grooming"
    assert body["price"] == "45.00"
    assert body["deposit_amount"] == "10.00"
    assert body["pricing_unit"] == "PerVisit"
    assert body["currency"] == "USD"
    assert body["is_active"] is True
    log = AuditLog.objects.order_by("-timestamp").first()
    assert AuditLog.objects.count() == audits + 1
    assert (log.action, log.entity_type, log.entity_id) == (
        "Create",
        "scheduling.ServiceOffering",
        body["id"],
    )


BAD_OFFERINGS = [
    ("price_not_a_number", {"price": "abc"}, "price"),
    ("price_negative", {"price": "-1.00"}, "price"),
    ("price_too_many_places", {"price": "1.001"}, "price"),
    ("duration_zero", {"duration_minutes": 0}, "duration_minutes"),
    ("duration_text", {"duration_minutes": "an hour"}, "duration_minutes"),
    ("name_too_long", {"name": "x" * 151}, "name"),
    ("name_a_list", {"name": ["walk"]}, "name"),
    ("category_unknown", {"category": "space-travel"}, "category"),
    ("currency_lower_case", {"currency": "usd"}, "currency"),
    ("deposit_negative", {"deposit_amount": "-5"}, "deposit_amount"),
    ("deposit_above_price", {"price": "10.00", "deposit_amount": "11.00"}, "deposit_amount"),
    ("max_pets_zero", {"max_pets": 0}, "max_pets"),
    ("location_unknown", {"location_types": ["Moon"]}, "location_types"),
    ("location_empty", {"location_types": []}, "location_types"),
    ("location_repeated", {"location_types": ["OwnerHome", "OwnerHome"]}, "location_types"),
    ("slug_invalid", {"slug": "not a slug!"}, "slug"),
    ("hidden_not_bool", {"is_hidden": "maybe"}, "is_hidden"),
]


@pytest.mark.parametrize(
    ("_case", "override", "field"), BAD_OFFERINGS, ids=[c[0] for c in BAD_OFFERINGS]
)
def test_bad_offering_input_is_400_and_writes_nothing(listed_provider, _case, override, field):
    # Given a valid payload with one bad value
    ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
    payload = {"category": "dog-walking", "name": "Walk", "duration_minutes": 30, "price": "15"}
    payload.update(override)
    offerings, audits = ServiceOffering.objects.count(), AuditLog.objects.count()

    # When
    response = client_for(listed_provider.user).post(MINE, payload, format="json")

    # Then a 400 names the field, and nothing was written
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert field in error["fields"]
    assert ServiceOffering.objects.count() == offerings
    assert AuditLog.objects.count() == audits


def test_explicit_slug_taken_is_409_with_field(listed_provider):
    existing = ServiceOfferingFactory(provider=listed_provider, slug="walk")
    response = client_for(listed_provider.user).post(
        MINE,
        {
            "category": existing.category.slug,
            "name": "Walk",
            "slug": "walk",
            "duration_minutes": 30,
            "price": "15",
        },
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "offering_slug_taken"
    assert response.json()["error"]["fields"] == {
        "slug": ["This provider already has an offering with this slug."]
    }
    assert ServiceOffering.objects.filter(provider=listed_provider).count() == 1


def test_same_slug_at_two_providers_is_fine(listed_provider):
    other = ListedProviderFactory()
    ServiceOfferingFactory(provider=other, slug="walk")
    offering = ServiceOfferingFactory(provider=listed_provider, slug="walk")
    assert offering.slug == "walk"


def test_provider_cannot_touch_another_providers_offering(listed_provider):
    # Given another provider's offering
    theirs = ServiceOfferingFactory(price=Decimal("20.00"))
    url = f"{MINE}{theirs.pk}/"
    client = client_for(listed_provider.user)

    # When the provider reads, edits and deletes it
    responses = [
        client.get(url),
        client.patch(url, {"price": "1.00"}, format="json"),
        client.delete(url),
    ]

    # Then each answers 404 and the offering is untouched
    assert [r.status_code for r in responses] == [404, 404, 404]
    theirs.refresh_from_db()
    assert (theirs.price, theirs.is_active) == (Decimal("20.00"), True)


def test_patch_updates_only_given_fields_and_audits_the_change(listed_provider):
    offering = ServiceOfferingFactory(provider=listed_provider, price=Decimal("20.00"), max_pets=2)
    response = client_for(listed_provider.user).patch(
        f"{MINE}{offering.pk}/", {"price": "25.50"}, format="json"
    )
    assert response.status_code == 200
    offering.refresh_from_db()
    assert (offering.price, offering.max_pets) == (Decimal("25.50"), 2)
    log = AuditLog.objects.filter(entity_id=str(offering.pk)).order_by("-timestamp").first()
    assert (log.action, log.old_values, log.new_values) == (
        "Update",
        {"price": "20.00"},
        {"price": "25.50"},
    )


def test_delete_withdraws_the_offering_from_search(listed_provider):
    offering = ServiceOfferingFactory(provider=listed_provider, name="Morning walk")
    client = client_for(listed_provider.user)

    response = client.delete(f"{MINE}{offering.pk}/")

    assert response.status_code == 204
    offering.refresh_from_db()
    assert offering.is_active is False
    assert _names(client_for(None).get(SEARCH)) == []
    assert [o["name"] for o in client.get(MINE).json()["results"]] == ["Morning walk"]


def test_offering_service_refuses_someone_elses_provider(listed_provider, owner):
    category = ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
    with pytest.raises(
        PermissionDeniedError, match="Only the provider manages its offerings"
    ) as raised:
        offering_create(
            actor=owner,
            provider=listed_provider,
            category=category,
            name="Walk",
            duration_minutes=30,
            price=Decimal("10"),
        )
    assert raised.value.code == SchedulingErrorCode.PERMISSION_DENIED.value
    assert ServiceOffering.objects.count() == 0


def test_staff_may_edit_any_offering(listed_provider, superuser):
    offering = ServiceOfferingFactory(provider=listed_provider)
    offering_update(actor=superuser, offering=offering, is_hidden=True)
    offering.refresh_from_db()
    assert offering.is_hidden is True


# --- Database constraints -----------------------------------------------------------------


CONSTRAINT_CASES = [
    ("negative_price", {"price": Decimal("-1")}, "CK_ServiceOfferings_Price"),
    ("deposit_above_price", {"price": Decimal("5"), "deposit_amount": Decimal("6")}, "Price"),
    ("zero_duration", {"duration_minutes": 0}, "Duration"),
    ("zero_pets", {"max_pets": 0}, "MaxPets"),
    ("unknown_unit", {"pricing_unit": "PerYear"}, "PricingUnit"),
]


@pytest.mark.parametrize(
    ("_case", "values", "_name"), CONSTRAINT_CASES, ids=[c[0] for c in CONSTRAINT_CASES]
)
def test_offering_check_constraints(_case, values, _name):
    offering = ServiceOfferingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceOffering.objects.filter(pk=offering.pk).update(**values)


def test_offering_slug_unique_per_provider():
    offering = ServiceOfferingFactory(slug="walk")
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceOfferingFactory(provider=offering.provider, slug="walk")


# --- Public search ------------------------------------------------------------------------


def test_search_shows_only_bookable_offerings_of_listable_providers():
    # Given one offering that qualifies and one for each reason to be left out
    ServiceOfferingFactory(name="Listed")
    ServiceOfferingFactory(name="Unverified", provider=ListedProviderFactory(is_verified=False))
    ServiceOfferingFactory(name="Paused", provider=ListedProviderFactory(is_active=False))
    gone = UserFactory()
    gone.account_status = "Deactivated"
    gone.save()
    ServiceOfferingFactory(name="Former user", provider=ListedProviderFactory(user=gone))
    ServiceOfferingFactory(name="Hidden", is_hidden=True)
    ServiceOfferingFactory(name="Withdrawn", is_active=False)
    ServiceOfferingFactory(
        name="Old category", category=ServiceCategoryFactory(slug="retired", is_active=False)
    )

    # When anyone searches
    response = client_for(None).get(SEARCH)

    # Then only the qualifying offering is found
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert _names(response) == ["Listed"]
    row = response.json()["results"][0]
    assert row["distance_km"] is None
    assert set(row["provider"]) == {
        "id",
        "slug",
        "business_name",
        "headline",
        "average_rating",
        "review_count",
    }


def test_search_filters_category_price_and_rating():
    grooming = ServiceCategoryFactory(slug="grooming", name="Grooming")
    ServiceOfferingFactory(name="Cheap walk", price=Decimal("10.00"))
    ServiceOfferingFactory(
        name="Good walk",
        price=Decimal("25.00"),
        provider=ListedProviderFactory(average_rating=Decimal("4.80"), review_count=5),
    )
    ServiceOfferingFactory(name="Dear walk", price=Decimal("60.00"))
    ServiceOfferingFactory(name="Groom", price=Decimal("26.00"), category=grooming)
    client = client_for(None)

    assert _names(client.get(SEARCH, {"category": "dog-walking"})) == [
        "Cheap walk",
        "Good walk",
        "Dear walk",
    ]
    assert _names(client.get(SEARCH, {"price_min": "20", "price_max": "30"})) == [
        "Good walk",
        "Groom",
    ]
    assert _names(client.get(SEARCH, {"min_rating": "4.5"})) == ["Good walk"]
    assert _names(client.get(SEARCH, {"ordering": "-price", "category": "dog-walking"})) == [
        "Dear walk",
        "Good walk",
        "Cheap walk",
    ]
    assert _names(client.get(SEARCH, {"ordering": "rating", "category": "dog-walking"}))[0] == (
        "Good walk"
    )


def test_search_near_a_point_uses_exact_distance_and_service_radius():
    # Given providers at known distances from central London
    near = _provider_at(51.5155, -0.1419, radius_km="20")  # ~1.4 km
    edge = _provider_at(51.6000, -0.1278, radius_km="20")  # ~10.3 km
    small_area = _provider_at(51.5500, -0.1278, radius_km="2")  # ~4.7 km, serves 2 km
    unlimited = _provider_at(51.5200, -0.1000, radius_km=None)  # ~2.4 km, no own radius
    far = _provider_at(52.2053, 0.1218, radius_km="200")  # Cambridge, ~79 km
    for listed_provider, name in (
        (near, "Near"),
        (edge, "Edge"),
        (small_area, "Small area"),
        (unlimited, "Unlimited"),
        (far, "Far"),
    ):
        ServiceOfferingFactory(provider=listed_provider, name=name)

    # When searching within 10.5 km
    response = client_for(None).get(SEARCH, {"lat": "51.5074", "lng": "-0.1278", "radius_km": 10.5})

    # Then providers in range whose own area reaches the point are found, nearest first
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["name"] for r in rows] == ["Near", "Unlimited", "Edge"]
    expected = {
        "Near": haversine_km(LONDON, GeoPoint(51.5155, -0.1419)),
        "Unlimited": haversine_km(LONDON, GeoPoint(51.52, -0.1)),
        "Edge": haversine_km(LONDON, GeoPoint(51.6, -0.1278)),
    }
    for row in rows:
        assert row["distance_km"] == pytest.approx(expected[row["name"]], abs=0.01)


def test_search_near_point_crossing_the_antimeridian():
    # ~22 km apart, on either side of the 180th meridian
    listed_provider = _provider_at(-16.5, -179.9, radius_km="50")
    ServiceOfferingFactory(provider=listed_provider, name="Across the date line")
    response = client_for(None).get(SEARCH, {"lat": "-16.5", "lng": "179.9", "radius_km": 30})
    assert _names(response) == ["Across the date line"]
    assert response.json()["results"][0]["distance_km"] == pytest.approx(
        haversine_km(GeoPoint(-16.5, 179.9), GeoPoint(-16.5, -179.9)), abs=0.01
    )


def test_search_near_point_is_paginated_in_distance_order():
    for i in range(5):
        ServiceOfferingFactory(provider=_provider_at(51.5074 + 0.01 * (i + 1), -0.1278))
    params = {"lat": 51.5074, "lng": -0.1278, "radius_km": 20, "page_size": 2}
    client = client_for(None)

    pages = [client.get(SEARCH, {**params, "page": page}).json() for page in (1, 2, 3)]

    distances = [row["distance_km"] for page in pages for row in page["results"]]
    assert [page["count"] for page in pages] == [5, 5, 5]
    assert [len(page["results"]) for page in pages] == [2, 2, 1]
    assert distances == sorted(distances)
    assert len(set(distances)) == 5


def test_pet_owner_finds_offering_near_own_address(owner, other_owner):
    # Given the owner's geocoded address and a provider 1.4 km away
    home = AddressFactory(user=owner)
    ServiceOfferingFactory(provider=_provider_at(51.5155, -0.1419), name="Near walk")
    client = client_for(owner)

    # When the owner searches near their address
    response = client.get(SEARCH, {"address": str(home.pk), "radius_km": 5})

    # Then the offering is found; someone else's address is an unknown one
    assert _names(response) == ["Near walk"]
    theirs = AddressFactory(user=other_owner)
    refused = client.get(SEARCH, {"address": str(theirs.pk)})
    assert refused.status_code == 400
    assert refused.json()["error"] == {
        "code": "address_not_found",
        "message": "Unknown address.",
        "fields": {"address": ["Unknown address."]},
    }


def test_search_near_address_without_coordinates_is_400(owner):
    home = AddressFactory(user=owner, latitude=None, longitude=None)
    response = client_for(owner).get(SEARCH, {"address": str(home.pk)})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "address_not_geocoded"


BAD_SEARCHES = [
    ("lat_without_lng", {"lat": "51.5"}, "lng"),
    ("lat_not_a_number", {"lat": "north", "lng": "0"}, "lat"),
    ("lat_out_of_range", {"lat": "91", "lng": "0"}, "lat"),
    ("radius_too_large", {"lat": "51", "lng": "0", "radius_km": "1000"}, "radius_km"),
    ("radius_without_point", {"radius_km": "5"}, "radius_km"),
    ("distance_without_point", {"ordering": "distance"}, "ordering"),
    ("unknown_ordering", {"ordering": "name"}, "ordering"),
    ("negative_price", {"price_min": "-1"}, "price_min"),
    ("inverted_prices", {"price_min": "30", "price_max": "10"}, "price_max"),
    ("rating_above_five", {"min_rating": "6"}, "min_rating"),
    ("address_not_uuid", {"address": "home"}, "address"),
]


@pytest.mark.parametrize(
    ("_case", "params", "field"), BAD_SEARCHES, ids=[c[0] for c in BAD_SEARCHES]
)
def test_bad_search_parameters_are_400(_case, params, field):
    response = client_for(None).get(SEARCH, params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


# --- Geometry -----------------------------------------------------------------------------


def _destination(origin: GeoPoint, bearing_deg: float, distance_km: float) -> GeoPoint:
    """The point `distance_km` from `origin` along `bearing_deg` (great circle)."""
    delta = distance_km / 6371.0088
    theta = math.radians(bearing_deg)
    phi1, lambda1 = math.radians(origin.latitude), math.radians(origin.longitude)
    phi2 = math.asin(
        math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    )
    lambda2 = lambda1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    lng = (math.degrees(lambda2) + 540) % 360 - 180
    return GeoPoint(math.degrees(phi2), lng)


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(min_value=-89, max_value=89),
    lng=st.floats(min_value=-180, max_value=180),
    radius=st.floats(min_value=0.5, max_value=500),
    bearing=st.floats(min_value=0, max_value=360),
    fraction=st.floats(min_value=0, max_value=1),
)
def test_bounding_box_contains_every_point_within_the_radius(lat, lng, radius, bearing, fraction):
    # Given a point inside the radius
    center = GeoPoint(lat, lng)
    point = _destination(center, bearing, radius * fraction)
    assert haversine_km(center, point) == pytest.approx(radius * fraction, rel=1e-6, abs=1e-6)

    # When the box is computed
    box = bounding_box(center, radius)

    # Then the point lies inside it
    assert box.min_latitude <= Decimal(repr(point.latitude)) <= box.max_latitude
    assert any(low <= Decimal(repr(point.longitude)) <= high for low, high in box.longitude_ranges)


def test_bounding_box_reaching_a_pole_spans_every_longitude():
    box = bounding_box(GeoPoint(89.9, 10), 50)
    assert box.max_latitude == Decimal("90")
    assert box.longitude_ranges == ((Decimal("-180"), Decimal("180")),)
