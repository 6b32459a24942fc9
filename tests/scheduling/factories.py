"""Factories of the scheduling app (catalog, offerings, reviews) and listed providers."""

from __future__ import annotations

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.choices import KycStatus
from scheduling.choices import LocationType, PricingUnit, ReviewStatus
from scheduling.models import ProviderReview, ServiceCategory, ServiceOffering
from tests.accounts.factories import ServiceProviderFactory, UserFactory


class ServiceCategoryFactory(DjangoModelFactory[ServiceCategory]):
    """A category, got or created on its slug (the seed migration may have made it)."""

    class Meta:
        model = ServiceCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    description = ""
    sort_order = factory.Sequence(lambda n: 1000 + n)
    is_active = True


class ListedProviderFactory(ServiceProviderFactory):
    """A provider that public lists show: verified (KYC approved) and active."""

    slug = factory.Sequence(lambda n: f"provider-{n}")
    is_verified = True
    verification_status = KycStatus.APPROVED
    verified_at = factory.LazyFunction(timezone.now)
    is_active = True


class ServiceOfferingFactory(DjangoModelFactory[ServiceOffering]):
    class Meta:
        model = ServiceOffering

    provider = factory.SubFactory(ListedProviderFactory)
    category = factory.SubFactory(ServiceCategoryFactory, slug="dog-walking", name="Dog Walking")
    name = factory.Sequence(lambda n: f"Walk {n}")
    slug = factory.Sequence(lambda n: f"walk-{n}")
    description = "A friendly walk."
    duration_minutes = 60
    pricing_unit = PricingUnit.PER_VISIT
    price = Decimal("20.00")
    currency = "USD"
    deposit_amount = Decimal("0.00")
    max_pets = 2
    location_types = factory.LazyFunction(lambda: [LocationType.OWNER_HOME.value])
    is_active = True
    is_hidden = False


class ProviderReviewFactory(DjangoModelFactory[ProviderReview]):
    """A published review (as imported legacy reviews are: no appointment)."""

    class Meta:
        model = ProviderReview

    provider = factory.SubFactory(ListedProviderFactory)
    reviewer = factory.SubFactory(UserFactory)
    rating = 5
    title = "Great"
    comment = "Lovely with our dog."
    status = ReviewStatus.PUBLISHED
