"""Factories of the billing app (plans, entitlements, subscriptions)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from billing.choices import (
    FREE_PLAN_CODE,
    BillingInterval,
    PaymentProvider,
    PlanAudience,
    SubscriptionStatus,
)
from billing.models import PlanEntitlement, SubscriptionPlan, UserSubscription
from tests.accounts.factories import UserFactory


class SubscriptionPlanFactory(DjangoModelFactory[SubscriptionPlan]):
    """A public monthly pet-owner plan, got or created on its code."""

    class Meta:
        model = SubscriptionPlan
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"plan_{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("_", " ").title())
    audience = PlanAudience.PET_OWNER
    price = Decimal("0.00")
    currency = "USD"
    billing_interval = BillingInterval.MONTH
    interval_count = 1
    is_active = True
    is_public = True
    sort_order = factory.Sequence(lambda n: 100 + n)


def free_plan() -> SubscriptionPlan:
    """The seeded `owner_free` plan (created when the seed migration has not run)."""
    plan = SubscriptionPlanFactory(
        code=FREE_PLAN_CODE, name="Free", price=Decimal("0.00"), sort_order=0
    )
    PlanEntitlementFactory(plan=plan, feature_key="ai.daily_requests", limit_value=100)
    return plan


class PlanEntitlementFactory(DjangoModelFactory[PlanEntitlement]):
    class Meta:
        model = PlanEntitlement
        django_get_or_create = ("plan", "feature_key")

    plan = factory.SubFactory(SubscriptionPlanFactory)
    feature_key = factory.Sequence(lambda n: f"feature.{n}")
    is_enabled = True
    limit_value = 10


class UserSubscriptionFactory(DjangoModelFactory[UserSubscription]):
    """A live (active) subscription for the current month."""

    class Meta:
        model = UserSubscription

    user = factory.SubFactory(UserFactory)
    plan = factory.SubFactory(SubscriptionPlanFactory)
    status = SubscriptionStatus.ACTIVE
    started_at = factory.LazyFunction(timezone.now)
    current_period_start = factory.LazyAttribute(lambda o: o.started_at)
    current_period_end = factory.LazyAttribute(lambda o: o.started_at + datetime.timedelta(days=30))
    payment_provider = PaymentProvider.MANUAL
