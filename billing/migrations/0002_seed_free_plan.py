"""Plan 014 seed rows: the free pet-owner plan `owner_free` and its AI entitlement.

`ai.daily_requests` = 100 mirrors the `AI.DailyRequestLimit` system setting. Paid plans
are business input and are not invented here. Idempotent: the plan is matched on `Code`
and the entitlement on (plan, `FeatureKey`). The reverse deletes only these rows (the
entitlement goes with its plan).
"""

from decimal import Decimal

from django.db import migrations

FREE_PLAN = {
    "code": "owner_free",
    "name": "Free",
    "description": "Everything a dog owner needs to get started.",
    "audience": "PetOwner",
    "price": Decimal("0.00"),
    "currency": "USD",
    "billing_interval": "month",
    "interval_count": 1,
    "trial_period_days": 0,
    "is_active": True,
    "is_public": True,
    "sort_order": 0,
    "marketing_features": [
        "Dog profiles and health records",
        "Find and book trusted providers",
        "100 AI assistant requests a day",
    ],
}
ENTITLEMENTS = [("ai.daily_requests", True, 100)]


def seed_free_plan(apps, schema_editor):
    alias = schema_editor.connection.alias
    SubscriptionPlan = apps.get_model("billing", "SubscriptionPlan")
    PlanEntitlement = apps.get_model("billing", "PlanEntitlement")
    values = {k: v for k, v in FREE_PLAN.items() if k != "code"}
    plan, _ = SubscriptionPlan._default_manager.using(alias).update_or_create(
        code=FREE_PLAN["code"], defaults=values
    )
    for key, enabled, limit in ENTITLEMENTS:
        PlanEntitlement._default_manager.using(alias).update_or_create(
            plan=plan, feature_key=key, defaults={"is_enabled": enabled, "limit_value": limit}
        )


def unseed_free_plan(apps, schema_editor):
    alias = schema_editor.connection.alias
    SubscriptionPlan = apps.get_model("billing", "SubscriptionPlan")
    # Reversing 0003 first dropped every subscription, so nothing still points at it.
    plans = SubscriptionPlan._default_manager.using(alias).filter(code=FREE_PLAN["code"])
    plans.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0001_subscription_plans"),
    ]

    operations = [
        migrations.RunPython(seed_free_plan, unseed_free_plan, elidable=False),
    ]
