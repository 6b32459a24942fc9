"""A small world with a known count for every metric (plan 035), at fixed UTC times."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from accounts.choices import KycStatus
from ai.choices import AiFeature
from audit.choices import ClientPlatform
from audit.models import AnalyticsEvent
from billing.choices import PaymentStatus, SubscriptionStatus
from scheduling.choices import AppointmentStatus
from tests.accounts.factories import KycReviewEventFactory, UserFactory
from tests.ai.factories import AiUsageRecordFactory
from tests.billing.factories import (
    PaymentRecordFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
)
from tests.scheduling.factories import (
    AppointmentFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)


def at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment of March 2026 (UTC)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


# Fill up to the start of 5 March: day buckets end on 2, 3, 4 and 5 March.
UNTIL = at(5)


def build_metric_world() -> dict:
    """Users joining from 1 March; every stat has rows on 1-3 March."""
    a = UserFactory(date_joined=at(1, 10))
    b = UserFactory(date_joined=at(2, 10))
    c = UserFactory(date_joined=at(2, 11))
    for user, when in ((a, at(1, 12)), (a, at(2, 9)), (b, at(2, 13)), (b, at(2, 14))):
        AnalyticsEvent.objects.create(
            user=user, event_name="dog.created", platform=ClientPlatform.WEB, occurred_at=when
        )
    AnalyticsEvent.objects.create(
        anonymous_id="device-1", event_name="app.opened", platform=ClientPlatform.IOS,
        occurred_at=at(2, 15),
    )  # fmt: skip

    walking = ServiceOfferingFactory(
        category=ServiceCategoryFactory(slug="dog-walking"), price=Decimal("20.00")
    )
    grooming = ServiceOfferingFactory(
        category=ServiceCategoryFactory(slug="grooming"), price=Decimal("50.00")
    )
    AppointmentFactory(owner=a, service_offering=walking, created_at=at(2, 9, 30))
    AppointmentFactory(owner=b, service_offering=walking, created_at=at(2, 9, 45))
    AppointmentFactory(
        owner=c,
        service_offering=grooming,
        created_at=at(3, 14, 5),
        status=AppointmentStatus.COMPLETED,
        confirmed_at=at(3, 15),
        completed_at=at(3, 18),
    )

    def pay(user, **fields):
        PaymentRecordFactory(user=user, user_subscription=None, **fields)

    pay(a, amount=Decimal("19.99"), paid_at=at(2, 8))
    pay(b, amount=Decimal("5.01"), paid_at=at(2, 20))
    pay(c, amount=Decimal("7.00"), currency="EUR", paid_at=at(2, 9))
    pay(c, status=PaymentStatus.FAILED, paid_at=None)

    plan = SubscriptionPlanFactory(code="premium")
    UserSubscriptionFactory(user=a, plan=plan, started_at=at(1, 12))
    UserSubscriptionFactory(
        user=b, plan=plan, started_at=at(2, 12), status=SubscriptionStatus.CANCELED,
        ended_at=at(3, 12), canceled_at=at(3, 12),
    )  # fmt: skip
    UserSubscriptionFactory(
        user=c, plan=plan, started_at=at(2, 12), status=SubscriptionStatus.INCOMPLETE_EXPIRED
    )

    AiUsageRecordFactory(user=a, started_at=at(2, 10, 15))
    AiUsageRecordFactory(user=b, started_at=at(2, 10, 50))
    AiUsageRecordFactory(user=b, feature=AiFeature.MODERATION, started_at=at(3, 23, 59))

    KycReviewEventFactory(to_status=KycStatus.APPROVED, created_at=at(3, 16))
    KycReviewEventFactory(to_status=KycStatus.REJECTED, created_at=at(3, 17))
    return {"users": (a, b, c)}


# (property, frequency, bucket end, subgroup) -> value, for a fill up to UNTIL.
EXPECTED_DAY = {
    ("users.new", at(2), ""): Decimal(1),
    ("users.new", at(3), ""): Decimal(2),
    ("users.active_7d", at(2), ""): Decimal(1),
    ("users.active_7d", at(3), ""): Decimal(2),
    ("users.active_7d", at(4), ""): Decimal(2),
    ("users.active_7d", at(5), ""): Decimal(2),
    ("appointments.created", at(3), "dog-walking"): Decimal(2),
    ("appointments.created", at(4), "grooming"): Decimal(1),
    ("appointments.completed", at(4), "grooming"): Decimal(1),
    ("gmv.usd", at(3), "Subscription"): Decimal("25.00"),
    ("subscriptions.active", at(2), "premium"): Decimal(1),
    ("subscriptions.active", at(3), "premium"): Decimal(2),
    ("subscriptions.active", at(4), "premium"): Decimal(1),
    ("subscriptions.active", at(5), "premium"): Decimal(1),
    ("ai.requests", at(3), "HealthRecommendation"): Decimal(2),
    ("ai.requests", at(4), "Moderation"): Decimal(1),
    ("kyc.approved", at(4), ""): Decimal(1),
}
EXPECTED_HOUR = {
    ("appointments.created", at(2, 10), "dog-walking"): Decimal(2),
    ("appointments.created", at(3, 15), "grooming"): Decimal(1),
    ("ai.requests", at(2, 11), "HealthRecommendation"): Decimal(2),
    ("ai.requests", at(4), "Moderation"): Decimal(1),
}
