"""Plan 014, Subscription Plans: `SubscriptionPlans` and `PlanEntitlements` (SCHEMA.md 2.14)."""

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # Plan order: 014 follows 013.
        ("scheduling", "0003_reviews"),
    ]

    operations = [
        migrations.CreateModel(
            name="SubscriptionPlan",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                ("code", models.SlugField(db_column="Code", unique=True)),
                ("name", models.CharField(db_column="Name", max_length=100)),
                ("description", models.TextField(blank=True, db_column="Description", default="")),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("PetOwner", "Pet owner"),
                            ("ServiceProvider", "Service provider"),
                        ],
                        db_column="Audience",
                        max_length=20,
                    ),
                ),
                (
                    "price",
                    models.DecimalField(
                        db_column="Price",
                        decimal_places=2,
                        default=Decimal("0"),
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        db_column="Currency",
                        default="USD",
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$",
                                "Use an ISO-4217 currency code in upper case, e.g. USD.",
                            )
                        ],
                    ),
                ),
                (
                    "billing_interval",
                    models.CharField(
                        choices=[
                            ("day", "Day"),
                            ("week", "Week"),
                            ("month", "Month"),
                            ("year", "Year"),
                        ],
                        db_column="BillingInterval",
                        default="month",
                        max_length=5,
                    ),
                ),
                (
                    "interval_count",
                    models.PositiveSmallIntegerField(
                        db_column="IntervalCount",
                        default=1,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "trial_period_days",
                    models.PositiveSmallIntegerField(db_column="TrialPeriodDays", default=0),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "is_public",
                    models.BooleanField(db_column="IsPublic", db_default=True, default=True),
                ),
                ("sort_order", models.IntegerField(db_column="SortOrder", default=0)),
                (
                    "provider_product_id",
                    models.CharField(
                        blank=True, db_column="ProviderProductId", max_length=100, null=True
                    ),
                ),
                (
                    "provider_price_id",
                    models.CharField(
                        blank=True, db_column="ProviderPriceId", max_length=100, null=True
                    ),
                ),
                (
                    "marketing_features",
                    models.JSONField(blank=True, db_column="MarketingFeatures", default=list),
                ),
            ],
            options={
                "db_table": "SubscriptionPlans",
                "ordering": ["sort_order", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("provider_price_id__isnull", False)),
                        fields=("provider_price_id",),
                        name="UX_Plans_ProviderPriceId",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("price__gte", 0)), name="CK_Plans_Price"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("billing_interval__in", ["day", "week", "month", "year"])
                        ),
                        name="CK_Plans_Interval",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("interval_count__gte", 1)),
                        name="CK_Plans_IntervalCount",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("audience__in", ["PetOwner", "ServiceProvider"])),
                        name="CK_SubscriptionPlans_Audience",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="PlanEntitlement",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("feature_key", models.CharField(db_column="FeatureKey", max_length=100)),
                (
                    "is_enabled",
                    models.BooleanField(db_column="IsEnabled", db_default=True, default=True),
                ),
                (
                    "limit_value",
                    models.BigIntegerField(blank=True, db_column="LimitValue", null=True),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        db_column="PlanId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="entitlements",
                        to="billing.subscriptionplan",
                    ),
                ),
            ],
            options={
                "db_table": "PlanEntitlements",
                "ordering": ["plan_id", "feature_key"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("plan", "feature_key"), name="UX_PlanEntitlements_Plan_Key"
                    ),
                ],
            },
        ),
    ]
