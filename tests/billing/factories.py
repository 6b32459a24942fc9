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
    BudgetPeriod,
    ExpenseSource,
    PaymentProvider,
    PaymentPurpose,
    PaymentStatus,
    PlanAudience,
    RefundStatus,
    SubscriptionStatus,
    WebhookProcessingStatus,
)
from billing.models import (
    BillingCustomer,
    ExpenseBudget,
    ExpenseCategory,
    PaymentRecord,
    PaymentRefund,
    PaymentWebhookEvent,
    PetExpense,
    PlanEntitlement,
    SubscriptionPlan,
    UserSubscription,
)
from doggy.choices import FilePurpose
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


class BillingCustomerFactory(DjangoModelFactory[BillingCustomer]):
    class Meta:
        model = BillingCustomer

    user = factory.SubFactory(UserFactory)
    payment_provider = PaymentProvider.STRIPE
    provider_customer_id = factory.Sequence(lambda n: f"cus_{n:010d}")


class PaymentRecordFactory(DjangoModelFactory[PaymentRecord]):
    """A succeeded card payment of a subscription, as Stripe reported it."""

    class Meta:
        model = PaymentRecord

    user = factory.SubFactory(UserFactory)
    purpose = PaymentPurpose.SUBSCRIPTION
    user_subscription = factory.SubFactory(
        UserSubscriptionFactory, user=factory.SelfAttribute("..user")
    )
    payment_provider = PaymentProvider.STRIPE
    provider_payment_id = factory.Sequence(lambda n: f"pi_{n:010d}")
    provider_charge_id = factory.Sequence(lambda n: f"ch_{n:010d}")
    amount = Decimal("19.99")
    currency = "USD"
    status = PaymentStatus.SUCCEEDED
    payment_method_brand = "visa"
    payment_method_last4 = "4242"
    paid_at = factory.LazyFunction(timezone.now)
    last_event_at = factory.LazyFunction(timezone.now)


class PaymentRefundFactory(DjangoModelFactory[PaymentRefund]):
    class Meta:
        model = PaymentRefund

    payment = factory.SubFactory(PaymentRecordFactory)
    provider_refund_id = factory.Sequence(lambda n: f"re_{n:010d}")
    amount = Decimal("5.00")
    status = RefundStatus.SUCCEEDED
    reason = "requested_by_customer"


class PaymentWebhookEventFactory(DjangoModelFactory[PaymentWebhookEvent]):
    """A stored, processed `payment_intent.succeeded` event."""

    class Meta:
        model = PaymentWebhookEvent

    payment_provider = PaymentProvider.STRIPE
    event_id = factory.Sequence(lambda n: f"evt_{n:010d}")
    event_type = "payment_intent.succeeded"
    payload = factory.LazyAttribute(
        lambda o: {"id": o.event_id, "type": o.event_type, "data": {"object": {"id": "pi_1"}}}
    )
    signature_valid = True
    provider_created_at = factory.LazyFunction(timezone.now)
    processed_at = factory.LazyFunction(timezone.now)
    processing_status = WebhookProcessingStatus.PROCESSED
    attempts = 1


class ExpenseCategoryFactory(DjangoModelFactory[ExpenseCategory]):
    """An owner's own category (the system ones are seeded)."""

    class Meta:
        model = ExpenseCategory

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Hobby {n}")
    slug = factory.Sequence(lambda n: f"hobby-{n}")
    is_system = False


class PetExpenseFactory(DjangoModelFactory[PetExpense]):
    """A vet bill of a dog with its receipt."""

    class Meta:
        model = PetExpense

    owner = factory.SubFactory(UserFactory)
    dog = factory.SubFactory(
        "tests.pets.factories.DogProfileFactory", owner=factory.SelfAttribute("..owner")
    )
    category = factory.SubFactory(ExpenseCategoryFactory, owner=factory.SelfAttribute("..owner"))
    amount = Decimal("120.50")
    currency = "USD"
    expense_date = factory.LazyFunction(lambda: timezone.now().date())
    vendor = "Town Vets"
    source = ExpenseSource.MANUAL
    receipt_file = factory.SubFactory(
        "tests.doggy.factories.StoredFileFactory",
        purpose=FilePurpose.RECEIPT,
        owner=factory.SelfAttribute("..owner"),
        original_file_name="receipt.pdf",
        content_type="application/pdf",
    )


class ExpenseBudgetFactory(DjangoModelFactory[ExpenseBudget]):
    """A monthly budget for one of the owner's categories."""

    class Meta:
        model = ExpenseBudget

    owner = factory.SubFactory(UserFactory)
    category = factory.SubFactory(ExpenseCategoryFactory, owner=factory.SelfAttribute("..owner"))
    period = BudgetPeriod.MONTHLY
    amount = Decimal("200.00")
    currency = "USD"
