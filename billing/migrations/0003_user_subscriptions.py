"""Plan 015, User Subscriptions: `UserSubscriptions` (SCHEMA.md 2.15).

`UX_UserSubs_User_Live` is the database's guarantee of one live subscription per user
(I-4); the checks keep periods and trials well-formed (I-2).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0002_seed_free_plan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="UserSubscription",
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
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("incomplete", "Incomplete"),
                            ("incomplete_expired", "Incomplete Expired"),
                            ("trialing", "Trialing"),
                            ("active", "Active"),
                            ("past_due", "Past Due"),
                            ("canceled", "Canceled"),
                            ("unpaid", "Unpaid"),
                            ("paused", "Paused"),
                        ],
                        db_column="Status",
                        default="incomplete",
                        max_length=20,
                    ),
                ),
                (
                    "quantity",
                    models.PositiveSmallIntegerField(
                        db_column="Quantity",
                        default=1,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(
                        db_column="StartedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                    ),
                ),
                (
                    "current_period_start",
                    models.DateTimeField(blank=True, db_column="CurrentPeriodStart", null=True),
                ),
                (
                    "current_period_end",
                    models.DateTimeField(blank=True, db_column="CurrentPeriodEnd", null=True),
                ),
                (
                    "trial_start",
                    models.DateTimeField(blank=True, db_column="TrialStart", null=True),
                ),
                ("trial_end", models.DateTimeField(blank=True, db_column="TrialEnd", null=True)),
                (
                    "cancel_at_period_end",
                    models.BooleanField(
                        db_column="CancelAtPeriodEnd", db_default=False, default=False
                    ),
                ),
                ("cancel_at", models.DateTimeField(blank=True, db_column="CancelAt", null=True)),
                (
                    "canceled_at",
                    models.DateTimeField(blank=True, db_column="CanceledAt", null=True),
                ),
                ("ended_at", models.DateTimeField(blank=True, db_column="EndedAt", null=True)),
                (
                    "cancellation_reason",
                    models.CharField(
                        blank=True, db_column="CancellationReason", default="", max_length=200
                    ),
                ),
                (
                    "payment_provider",
                    models.CharField(
                        choices=[
                            ("Stripe", "Stripe"),
                            ("AppStore", "App Store"),
                            ("GooglePlay", "Google Play"),
                            ("Manual", "Manual"),
                        ],
                        db_column="PaymentProvider",
                        default="Stripe",
                        max_length=20,
                    ),
                ),
                (
                    "provider_customer_id",
                    models.CharField(
                        blank=True, db_column="ProviderCustomerId", max_length=100, null=True
                    ),
                ),
                (
                    "provider_subscription_id",
                    models.CharField(
                        blank=True, db_column="ProviderSubscriptionId", max_length=100, null=True
                    ),
                ),
                ("metadata", models.JSONField(blank=True, db_column="Metadata", default=dict)),
                (
                    "plan",
                    models.ForeignKey(
                        db_column="PlanId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="subscriptions",
                        to="billing.subscriptionplan",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="subscriptions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "UserSubscriptions",
                "ordering": ["user_id", "-started_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["status", "current_period_end"], name="IX_UserSubs_Status_PeriodEnd"
                    ),
                    models.Index(fields=["plan"], name="IX_UserSubs_Plan"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                (
                                    "incomplete",
                                    "trialing",
                                    "active",
                                    "past_due",
                                    "unpaid",
                                    "paused",
                                ),
                            )
                        ),
                        fields=("user",),
                        name="UX_UserSubs_User_Live",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("provider_subscription_id__isnull", False)),
                        fields=("provider_subscription_id",),
                        name="UX_UserSubs_ProviderSubId",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "incomplete",
                                    "incomplete_expired",
                                    "trialing",
                                    "active",
                                    "past_due",
                                    "canceled",
                                    "unpaid",
                                    "paused",
                                ],
                            )
                        ),
                        name="CK_UserSubs_Status",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("current_period_end__isnull", True),
                            ("current_period_end__gt", models.F("current_period_start")),
                            _connector="OR",
                        ),
                        name="CK_UserSubs_Period",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("trial_end__isnull", True),
                            ("trial_end__gt", models.F("trial_start")),
                            _connector="OR",
                        ),
                        name="CK_UserSubs_Trial",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("payment_provider__in", ["Stripe", "AppStore", "GooglePlay", "Manual"])
                        ),
                        name="CK_UserSubscriptions_PaymentProvider",
                    ),
                ],
            },
        ),
    ]
