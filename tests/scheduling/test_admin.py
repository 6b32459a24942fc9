"""The staff admin of the Phase 2 models: pages render, actions go through services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

import scheduling.admin_providers  # noqa: F401 - registers the provider and address admins
from accounts.models import Address, ServiceProvider
from audit.models import AuditLog
from billing.models import SubscriptionPlan, UserSubscription
from scheduling.choices import ReviewStatus
from scheduling.models import ProviderReview, ServiceCategory, ServiceOffering
from scheduling.services import provider_rating_recompute
from tests.accounts.factories_addresses import AddressFactory
from tests.billing.factories import UserSubscriptionFactory, free_plan
from tests.scheduling.factories import (
    ProviderReviewFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [ServiceCategory, ServiceOffering, ProviderReview, SubscriptionPlan, UserSubscription]


@pytest.fixture
def staff_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def rows(listed_provider, owner):
    category = ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
    offering = ServiceOfferingFactory(provider=listed_provider, category=category)
    review = ProviderReviewFactory(provider=listed_provider, reviewer=owner)
    plan = free_plan()
    subscription = UserSubscriptionFactory(user=owner, plan=plan)
    address = AddressFactory(user=owner)
    return {
        ServiceCategory: category,
        ServiceOffering: offering,
        ProviderReview: review,
        SubscriptionPlan: plan,
        UserSubscription: subscription,
        ServiceProvider: listed_provider,
        Address: address,
    }


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "model", [*MODELS, ServiceProvider, Address], ids=lambda m: m._meta.model_name
)
def test_every_phase2_model_has_a_working_admin(staff_client, rows, model):
    # Given a row of the model
    obj = rows[model]

    # When staff open the list, a search and the row's page
    listing = staff_client.get(_url(model, "changelist"))
    search = staff_client.get(_url(model, "changelist"), {"q": "x"})
    change = staff_client.get(_url(model, "change", obj.pk))

    # Then all render
    assert admin.site.is_registered(model)
    assert (listing.status_code, search.status_code, change.status_code) == (200, 200, 200)


def test_provider_page_shows_offerings_and_reviews_inline(staff_client, rows, listed_provider):
    page = staff_client.get(_url(ServiceProvider, "change", listed_provider.pk)).content.decode()
    assert rows[ServiceOffering].name in page
    assert rows[ProviderReview].title in page


def test_address_page_hides_access_instructions(staff_client, rows):
    address = rows[Address]
    page = staff_client.get(_url(Address, "change", address.pk)).content.decode()
    assert address.line1 in page
    assert "Gate code 1234" not in page


def test_hide_action_moderates_through_the_service(staff_client, rows, listed_provider):
    # Given two published reviews
    ProviderReviewFactory(provider=listed_provider, rating=1)
    provider_rating_recompute(provider=listed_provider)
    spam = ProviderReview.objects.get(rating=1)

    # When staff hide one
    response = staff_client.post(
        _url(ProviderReview, "changelist"),
        {"action": "hide", "_selected_action": [str(spam.pk)]},
    )

    # Then it is hidden, the rating follows and the change is audited
    assert response.status_code == 302
    spam.refresh_from_db()
    listed_provider.refresh_from_db()
    assert spam.status == ReviewStatus.HIDDEN
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("5.00"), 1)
    assert AuditLog.objects.filter(entity_id=str(spam.pk), action="Update").count() == 1


def test_offering_admin_validates_deposit_against_price(staff_client, rows):
    offering = rows[ServiceOffering]
    response = staff_client.post(
        _url(ServiceOffering, "change", offering.pk),
        {
            "provider": str(offering.provider_id),
            "category": str(offering.category_id),
            "name": offering.name,
            "slug": offering.slug,
            "description": "",
            "duration_minutes": "60",
            "pricing_unit": "PerVisit",
            "price": "10.00",
            "currency": "USD",
            "deposit_amount": "12.00",
            "max_pets": "1",
            "location_types": '["OwnerHome"]',
            "is_active": "on",
            "sort_order": "0",
        },
    )
    assert response.status_code == 200  # the form is shown again with the error
    assert "The deposit cannot exceed the price." in response.content.decode()
    offering.refresh_from_db()
    assert offering.deposit_amount == Decimal("0.00")


def _offering_form(offering, **overrides) -> dict[str, str]:
    data = {
        "provider": str(offering.provider_id),
        "category": str(offering.category_id),
        "name": offering.name,
        "slug": offering.slug,
        "description": "",
        "duration_minutes": "60",
        "pricing_unit": "PerVisit",
        "price": "10.00",
        "currency": "USD",
        "deposit_amount": "0.00",
        "max_pets": "1",
        "location_types": '["OwnerHome"]',
        "is_active": "on",
        "sort_order": "0",
    }
    data.update(overrides)
    return data


def test_offering_admin_saves_through_the_service(staff_client, rows):
    # given
    offering = rows[ServiceOffering]
    seen = set(AuditLog.objects.values_list("pk", flat=True))

    # when
    response = staff_client.post(
        _url(ServiceOffering, "change", offering.pk),
        _offering_form(offering, name="Long Walk", price="12.50"),
    )

    # then the change is saved, with the service's one audit row of the changed columns
    assert response.status_code == 302
    offering.refresh_from_db()
    assert (offering.name, offering.price) == ("Long Walk", Decimal("12.50"))
    row = AuditLog.objects.exclude(pk__in=seen).get()
    assert row.action == "Update"
    assert set(row.new_values) >= {"name", "price"}


@pytest.mark.parametrize("view", ["add", "change"])
def test_offering_admin_shows_the_services_refusal_on_the_form(staff_client, rows, view):
    # given an inactive category: the form accepts it, only the service refuses it
    offering = rows[ServiceOffering]
    inactive = ServiceCategoryFactory(slug="retired", name="Retired", is_active=False)
    args = (offering.pk,) if view == "change" else ()
    seen = set(AuditLog.objects.values_list("pk", flat=True))

    # when
    response = staff_client.post(
        _url(ServiceOffering, view, *args),
        _offering_form(offering, category=str(inactive.pk), name="Other", slug="other"),
    )

    # then the form is shown again with the service's message, and nothing was written
    assert response.status_code == 200
    assert "Unknown category." in response.content.decode()
    assert not ServiceOffering.objects.filter(name="Other").exists()
    assert not AuditLog.objects.exclude(pk__in=seen).exists()
