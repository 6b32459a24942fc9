"""Plans and subscriptions: the catalog, subscribing, cancelling, and I-4 in the database."""

from __future__ import annotations

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from audit.models import AuditLog
from billing.choices import PaymentProvider, PlanAudience, SubscriptionStatus
from billing.errors import BillingErrorCode
from billing.models import (
    PlanEntitlement,
    SubscriptionPlan,
    UserSubscription,
    UserSubscriptionQuerySet,
)
from billing.services import add_billing_interval, subscription_cancel, subscription_create
from doggy.core.errors import ConflictError, NotFoundError
from tests.billing.factories import (
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
    free_plan,
)
from tests.callers import bearer_client as client_for

pytestmark = pytest.mark.django_db

PLANS = "/api/v1/billing/plans/"
SUBSCRIPTION = "/api/v1/billing/subscription/"
CANCEL = "/api/v1/billing/subscription/cancel/"


# --- Catalog ------------------------------------------------------------------------------


def test_plan_list_shows_active_public_plans_with_entitlements():
    plan = free_plan()
    SubscriptionPlanFactory(code="retired", is_active=False)
    SubscriptionPlanFactory(code="secret", is_public=False)

    response = client_for(None).get(PLANS)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["code"] for r in rows] == [plan.code]
    assert rows[0]["price"] == "0.00"
    assert rows[0]["entitlements"] == [
        {"feature_key": "ai.daily_requests", "is_enabled": True, "limit_value": 100}
    ]


# --- Subscribing --------------------------------------------------------------------------


def test_pet_owner_subscribes_to_the_free_plan(owner):
    # Given the free plan
    free_plan()
    client = client_for(owner)

    # When the owner subscribes
    before = timezone.now()
    response = client.post(SUBSCRIPTION, {"plan": "owner_free"}, format="json")

    # Then the subscription is active at once, for one month, and audited
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["plan"]["code"], body["cancel_at_period_end"]) == (
        "active",
        "owner_free",
        False,
    )
    sub = UserSubscription.objects.get(user=owner)
    assert sub.payment_provider == PaymentProvider.MANUAL
    assert sub.current_period_start >= before
    assert sub.current_period_end == add_billing_interval(sub.current_period_start, "month", 1)
    assert AuditLog.objects.filter(entity_id=str(sub.pk), action="Create").count() == 1
    assert client.get(SUBSCRIPTION).json()["id"] == str(sub.pk)


def test_second_subscription_is_409_and_writes_nothing(owner):
    plan = free_plan()
    UserSubscriptionFactory(user=owner, plan=plan)
    audits = AuditLog.objects.count()

    response = client_for(owner).post(SUBSCRIPTION, {"plan": "owner_free"}, format="json")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "subscription_exists"
    assert UserSubscription.objects.filter(user=owner).count() == 1
    assert AuditLog.objects.count() == audits


def test_lost_race_on_the_live_constraint_is_409(owner, monkeypatch):
    # Given a live subscription the pre-check does not see (a concurrent insert)
    plan = free_plan()
    UserSubscriptionFactory(user=owner, plan=plan)
    monkeypatch.setattr(UserSubscriptionQuerySet, "live", lambda self: self.none())

    # When the service inserts, the database's UX_UserSubs_User_Live refuses it
    with pytest.raises(ConflictError) as raised:
        subscription_create(actor=owner, plan=plan)

    # Then the answer is the same 409, and the transaction is still usable
    assert raised.value.code == "subscription_exists"
    assert UserSubscription.objects.filter(user=owner).count() == 1


def test_paid_plan_answers_payment_required(owner):
    SubscriptionPlanFactory(code="owner_premium_monthly", price=Decimal("4.99"))
    response = client_for(owner).post(
        SUBSCRIPTION, {"plan": "owner_premium_monthly"}, format="json"
    )
    assert response.status_code == 402
    assert response.json()["error"]["code"] == "payment_required"
    assert UserSubscription.objects.count() == 0


def test_provider_plans_are_for_providers(listed_provider, owner):
    SubscriptionPlanFactory(code="provider_free", audience=PlanAudience.SERVICE_PROVIDER)
    owner = client_for(owner).post(SUBSCRIPTION, {"plan": "provider_free"}, format="json")
    prov = client_for(listed_provider.user).post(
        SUBSCRIPTION, {"plan": "provider_free"}, format="json"
    )
    assert owner.status_code == 403
    assert owner.json()["error"]["code"] == "plan_not_available"
    assert prov.status_code == 201
    assert UserSubscription.objects.get().user_id == listed_provider.user_id


BAD_SUBSCRIBES = [
    ("unknown_plan", {"plan": "gold"}, "plan"),
    ("private_plan", {"plan": "secret"}, "plan"),
    ("plan_a_list", {"plan": ["owner_free"]}, "plan"),
    ("plan_missing", {}, "plan"),
    ("plan_too_long", {"plan": "x" * 51}, "plan"),
]


@pytest.mark.parametrize(
    ("_case", "payload", "field"), BAD_SUBSCRIBES, ids=[c[0] for c in BAD_SUBSCRIBES]
)
def test_bad_subscribe_input_is_400(owner, _case, payload, field):
    free_plan()
    SubscriptionPlanFactory(code="secret", is_public=False)
    response = client_for(owner).post(SUBSCRIPTION, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert UserSubscription.objects.count() == 0


# --- Cancelling ---------------------------------------------------------------------------


def test_cancel_at_period_end_keeps_the_plan_until_then(owner):
    sub = UserSubscriptionFactory(user=owner, plan=free_plan())
    client = client_for(owner)

    first = client.post(CANCEL, {"reason": "Trying something else"}, format="json")
    audits = AuditLog.objects.count()
    again = client.post(CANCEL, {}, format="json")

    assert first.status_code == again.status_code == 200
    sub.refresh_from_db()
    assert (sub.status, sub.cancel_at_period_end, sub.cancel_at, sub.ended_at) == (
        SubscriptionStatus.ACTIVE,
        True,
        sub.current_period_end,
        None,
    )
    assert sub.cancellation_reason == "Trying something else"
    assert AuditLog.objects.count() == audits  # asking again changed nothing
    # Still live: no second subscription until it ends.
    assert client.get(SUBSCRIPTION).status_code == 200
    assert client.post(SUBSCRIPTION, {"plan": "owner_free"}, format="json").status_code == 409


def test_cancel_now_ends_it_and_allows_a_new_one(owner):
    sub = UserSubscriptionFactory(user=owner, plan=free_plan())
    client = client_for(owner)

    response = client.post(CANCEL, {"at_period_end": False}, format="json")

    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriptionStatus.CANCELED
    assert sub.ended_at is not None
    assert client.get(SUBSCRIPTION).status_code == 404
    assert client.post(SUBSCRIPTION, {"plan": "owner_free"}, format="json").status_code == 201
    assert UserSubscription.objects.filter(user=owner).count() == 2


@pytest.mark.parametrize(
    ("_case", "payload", "field"),
    [
        ("reason_too_long", {"reason": "x" * 201}, "reason"),
        ("flag_not_boolean", {"at_period_end": "sometimes"}, "at_period_end"),
    ],
)
def test_bad_cancel_input_is_400(owner, _case, payload, field):
    sub = UserSubscriptionFactory(user=owner, plan=free_plan())
    response = client_for(owner).post(CANCEL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    sub.refresh_from_db()
    assert (sub.status, sub.cancel_at_period_end) == (SubscriptionStatus.ACTIVE, False)


def test_someone_elses_subscription_cannot_be_cancelled(owner, other_owner):
    sub = UserSubscriptionFactory(user=other_owner, plan=free_plan())
    with pytest.raises(NotFoundError, match="Subscription not found") as raised:
        subscription_cancel(actor=owner, subscription=sub)
    assert raised.value.code == BillingErrorCode.SUBSCRIPTION_NOT_FOUND.value
    sub.refresh_from_db()
    assert sub.cancel_at_period_end is False


# --- Database constraints (I-4, I-2) -------------------------------------------------------


def test_one_live_subscription_per_user_in_the_database(owner):
    plan = free_plan()
    UserSubscriptionFactory(user=owner, plan=plan)
    with pytest.raises(IntegrityError), transaction.atomic():
        UserSubscriptionFactory(user=owner, plan=plan, status=SubscriptionStatus.TRIALING)


def test_ended_subscriptions_do_not_count_as_live(owner):
    plan = free_plan()
    UserSubscriptionFactory(user=owner, plan=plan, status=SubscriptionStatus.CANCELED)
    UserSubscriptionFactory(user=owner, plan=plan, status=SubscriptionStatus.INCOMPLETE_EXPIRED)
    UserSubscriptionFactory(user=owner, plan=plan)
    assert UserSubscription.objects.filter(user=owner).live().count() == 1


@pytest.mark.parametrize(
    ("_case", "values"),
    [
        ("period_backwards", {"current_period_end": "start"}),
        ("unknown_status", {"status": "expired"}),
        ("unknown_provider", {"payment_provider": "Cash"}),
    ],
)
def test_subscription_checks(owner, _case, values):
    sub = UserSubscriptionFactory(user=owner, plan=free_plan())
    if values.get("current_period_end") == "start":
        values = {"current_period_end": sub.current_period_start}
    with pytest.raises(IntegrityError), transaction.atomic():
        UserSubscription.objects.filter(pk=sub.pk).update(**values)


def test_plan_checks_and_unique_keys():
    plan = SubscriptionPlanFactory(provider_price_id="price_1")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionPlan.objects.filter(pk=plan.pk).update(price=Decimal("-1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionPlan.objects.filter(pk=plan.pk).update(billing_interval="hour")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionPlanFactory(provider_price_id="price_1")
    PlanEntitlementFactory(plan=plan, feature_key="ai.daily_requests")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanEntitlement.objects.create(plan=plan, feature_key="ai.daily_requests")


# --- Periods and seed data ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "interval", "count", "expected"),
    [
        ((2025, 1, 31), "month", 1, (2025, 2, 28)),
        ((2024, 1, 31), "month", 1, (2024, 2, 29)),
        ((2025, 11, 15), "month", 3, (2026, 2, 15)),
        ((2024, 2, 29), "year", 1, (2025, 2, 28)),
        ((2025, 3, 1), "week", 2, (2025, 3, 15)),
        ((2025, 12, 31), "day", 1, (2026, 1, 1)),
    ],
)
def test_add_billing_interval(start, interval, count, expected):
    at = datetime.datetime(*start, 9, 30, tzinfo=datetime.UTC)
    assert add_billing_interval(at, interval, count) == datetime.datetime(
        *expected, 9, 30, tzinfo=datetime.UTC
    )


class _SchemaEditor:
    connection = connection


def test_free_plan_seed_is_idempotent_and_reversible():
    seed = importlib.import_module("billing.migrations.0002_seed_free_plan")

    seed.seed_free_plan(django_apps, _SchemaEditor())
    seed.seed_free_plan(django_apps, _SchemaEditor())

    plan = SubscriptionPlan.objects.get(code="owner_free")
    assert (plan.audience, plan.price, plan.is_active, plan.is_public) == (
        "PetOwner",
        Decimal("0.00"),
        True,
        True,
    )
    assert list(plan.entitlements.values_list("feature_key", "limit_value")) == [
        ("ai.daily_requests", 100)
    ]
    seed.unseed_free_plan(django_apps, _SchemaEditor())
    assert not SubscriptionPlan.objects.filter(code="owner_free").exists()
    assert not PlanEntitlement.objects.filter(feature_key="ai.daily_requests").exists()
