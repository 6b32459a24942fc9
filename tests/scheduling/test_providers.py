"""Provider profiles (plan 012/016): the directory, a provider's own profile, the rules."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounts.choices import KycStatus
from accounts.models import ServiceProvider
from accounts.services.kyc import provider_verification_sync
from audit.models import AuditLog
from tests.accounts.factories import ServiceProviderFactory, UserFactory
from tests.accounts.factories_addresses import AddressFactory
from tests.callers import bearer_client as client_for
from tests.callers import make_user as with_role
from tests.scheduling.factories import (
    ListedProviderFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

DIRECTORY = "/api/v1/providers/"
ME = "/api/v1/providers/me/"


def _names(response) -> list[str]:
    return [row["business_name"] for row in response.json()["results"]]


# --- listable() (I-8) ---------------------------------------------------------------------


def test_listable_is_verified_active_and_user_active():
    listed = ListedProviderFactory()
    ListedProviderFactory(is_verified=False)
    ListedProviderFactory(is_active=False)
    gone = UserFactory()
    gone.account_status = "Suspended"
    gone.save()
    ListedProviderFactory(user=gone)
    assert list(ServiceProvider.objects.listable()) == [listed]


def test_a_provider_saved_without_slug_gets_a_unique_one():
    first = ServiceProviderFactory(business_name="Happy Paws")
    second = ServiceProviderFactory(business_name="Happy Paws")
    assert first.slug.startswith("happy-paws-")
    assert second.slug.startswith("happy-paws-")
    assert first.slug != second.slug


# --- The public directory -----------------------------------------------------------------


def test_directory_lists_listable_providers_best_rated_first():
    ListedProviderFactory(business_name="Unrated")
    ListedProviderFactory(business_name="Good", average_rating=Decimal("4.20"), review_count=3)
    ListedProviderFactory(business_name="Best", average_rating=Decimal("4.90"), review_count=8)
    ListedProviderFactory(business_name="Unverified", is_verified=False)

    response = client_for(None).get(DIRECTORY)

    assert response.status_code == 200
    assert _names(response) == ["Best", "Good", "Unrated"]
    assert _names(client_for(None).get(DIRECTORY, {"ordering": "name"})) == [
        "Best",
        "Good",
        "Unrated",
    ]


def test_directory_filters():
    grooming = ServiceCategoryFactory(slug="grooming", name="Grooming")
    groomer = ListedProviderFactory(business_name="Groomer", average_rating=Decimal("4.00"))
    ServiceOfferingFactory(provider=groomer, category=grooming)
    walker = ListedProviderFactory(business_name="Walker", accepts_new_clients=False)
    ServiceOfferingFactory(provider=walker)
    lapsed = ListedProviderFactory(business_name="Lapsed groomer")
    ServiceOfferingFactory(provider=lapsed, category=grooming, is_active=False)
    client = client_for(None)

    assert _names(client.get(DIRECTORY, {"category": "grooming"})) == ["Groomer"]
    assert _names(client.get(DIRECTORY, {"min_rating": "3.5"})) == ["Groomer"]
    assert _names(client.get(DIRECTORY, {"accepts_new_clients": "false"})) == ["Walker"]


@pytest.mark.parametrize(
    ("_case", "params", "field"),
    [
        ("rating_text", {"min_rating": "good"}, "min_rating"),
        ("rating_zero", {"min_rating": "0"}, "min_rating"),
        ("ordering_unknown", {"ordering": "-created_at"}, "ordering"),
        ("category_not_slug", {"category": "dog walking!"}, "category"),
    ],
)
def test_bad_directory_parameters_are_400(_case, params, field):
    response = client_for(None).get(DIRECTORY, params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_public_profile_shows_the_area_never_the_street(listed_provider):
    ServiceOfferingFactory(provider=listed_provider, name="Walk")
    ServiceOfferingFactory(provider=listed_provider, name="Secret", is_hidden=True)

    response = client_for(None).get(f"{DIRECTORY}{listed_provider.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["service_area"] == {
        "city": "London",
        "region": "Greater London",
        "country_code": "GB",
    }
    assert [o["name"] for o in body["offerings"]] == ["Walk"]
    text = response.content.decode()
    for private in ("Baker Street", "access_instructions", "Gate code", "51.5074", "email"):
        assert private not in text


def test_unlisted_and_unknown_profiles_are_404():
    hidden = ListedProviderFactory(is_active=False)
    client = client_for(None)
    assert client.get(f"{DIRECTORY}{hidden.pk}/").status_code == 404
    assert client.get(f"{DIRECTORY}{uuid.uuid4()}/").status_code == 404


# --- The caller's own profile -------------------------------------------------------------


def test_provider_creates_its_profile_unverified(rbac):
    # Given a provider account without a profile, and a profile whose slug is taken
    ListedProviderFactory(slug="happy-paws")
    newcomer = with_role(rbac, "ServiceProvider")
    client = client_for(newcomer)
    assert client.get(ME).status_code == 404

    # When it creates its profile
    response = client.post(
        ME,
        {"business_name": "Happy Paws", "headline": "Walks", "time_zone": "Europe/London"},
        format="json",
    )

    # Then it exists, unverified and unlisted, with a free slug, and it is audited
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["slug"], body["is_verified"], body["verification_status"]) == (
        "happy-paws-2",
        False,
        "NotStarted",
    )
    profile = ServiceProvider.objects.get(user=newcomer)
    assert profile.time_zone == "Europe/London"
    assert AuditLog.objects.filter(entity_id=str(profile.pk), action="Create").count() == 1
    assert client.get(f"{DIRECTORY}{profile.pk}/").status_code == 404


BAD_PROFILES = [
    ("name_too_long", {"business_name": "x" * 201}, "business_name"),
    ("name_missing", {"headline": "Walks"}, "business_name"),
    ("years_negative", {"years_of_experience": -1}, "years_of_experience"),
    ("years_text", {"years_of_experience": "many"}, "years_of_experience"),
    ("website_invalid", {"website": "not a url"}, "website"),
    ("time_zone_unknown", {"time_zone": "Mars/Olympus"}, "time_zone"),
    ("policy_unknown", {"cancellation_policy": "Lenient"}, "cancellation_policy"),
    ("radius_zero", {"service_radius_km": "0"}, "service_radius_km"),
    ("radius_text", {"service_radius_km": "far"}, "service_radius_km"),
    ("base_address_unknown", {"base_address": str(uuid.uuid4())}, "base_address"),
    ("phone_letters", {"business_phone": "call me"}, "business_phone"),
]


@pytest.mark.parametrize(
    ("_case", "override", "field"), BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES]
)
def test_bad_profile_input_is_400_and_writes_nothing(rbac, _case, override, field):
    newcomer = with_role(rbac, "ServiceProvider")
    payload = {"business_name": "Walkies"}
    payload.update(override)
    if "business_name" not in override and "headline" in override:
        payload.pop("business_name")
    audits = AuditLog.objects.count()

    response = client_for(newcomer).post(ME, payload, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert not ServiceProvider.objects.filter(user=newcomer).exists()
    assert AuditLog.objects.count() == audits


def test_provider_sets_its_base_address_and_radius(listed_provider):
    office = AddressFactory(user=listed_provider.user, label="Office")
    response = client_for(listed_provider.user).patch(
        ME, {"base_address": str(office.pk), "service_radius_km": "12.5"}, format="json"
    )
    assert response.status_code == 200, response.content
    listed_provider.refresh_from_db()
    assert (listed_provider.base_address_id, listed_provider.service_radius_km) == (
        office.pk,
        Decimal("12.50"),
    )


def test_base_address_must_be_the_providers_own(listed_provider, owner):
    theirs = AddressFactory(user=owner)
    before = listed_provider.base_address_id
    response = client_for(listed_provider.user).patch(
        ME, {"base_address": str(theirs.pk)}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"base_address": ["Unknown address."]}
    listed_provider.refresh_from_db()
    assert listed_provider.base_address_id == before


def test_derived_columns_cannot_be_set_through_the_api(listed_provider):
    listed_provider.is_verified = False
    listed_provider.save(update_fields=["is_verified"])
    response = client_for(listed_provider.user).patch(
        ME,
        {"is_verified": True, "average_rating": "5.00", "review_count": 100, "headline": "Hi"},
        format="json",
    )
    assert response.status_code == 200
    listed_provider.refresh_from_db()
    assert (
        listed_provider.is_verified,
        listed_provider.average_rating,
        listed_provider.review_count,
    ) == (
        False,
        None,
        0,
    )
    assert listed_provider.headline == "Hi"


def test_taken_slug_is_409(listed_provider):
    ListedProviderFactory(slug="best-walks")
    response = client_for(listed_provider.user).patch(ME, {"slug": "best-walks"}, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "provider_slug_taken"
    listed_provider.refresh_from_db()
    assert listed_provider.slug == "happy-paws"


def test_verification_sync_mirrors_the_kyc_status(listed_provider, superuser):
    listed_provider.is_verified = False
    listed_provider.verified_at = None
    listed_provider.save(update_fields=["is_verified", "verified_at"])

    approved = provider_verification_sync(
        actor=superuser, provider=listed_provider, status=KycStatus.APPROVED
    )
    assert (approved.is_verified, approved.verification_status) == (True, "Approved")
    assert approved.verified_at is not None

    expired = provider_verification_sync(
        actor=superuser, provider=listed_provider, status=KycStatus.EXPIRED
    )
    assert (expired.is_verified, expired.verification_status, expired.verified_at) == (
        False,
        "Expired",
        None,
    )


# --- Database constraints -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "values"),
    [
        ("radius_zero", {"service_radius_km": Decimal("0")}),
        ("policy_unknown", {"cancellation_policy": "Lenient"}),
        ("status_unknown", {"verification_status": "Verified"}),
    ],
)
def test_provider_checks(_case, values):
    listed_provider = ListedProviderFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceProvider.objects.filter(pk=listed_provider.pk).update(**values)


def test_provider_slug_is_unique():
    ListedProviderFactory(slug="walkies")
    with pytest.raises(IntegrityError), transaction.atomic():
        ListedProviderFactory(slug="walkies")
