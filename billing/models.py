"""Models of the billing app: the plan catalog (014) and user subscriptions (015)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from doggy.core.db import TimeStampedModel, UtcNow, uuid_primary_key

from .choices import (
    LIVE_SUBSCRIPTION_STATUSES,
    BillingInterval,
    PaymentProvider,
    PlanAudience,
    SubscriptionStatus,
)

currency_code_validator = RegexValidator(
    r"^[A-Z]{3}$", "Use an ISO-4217 currency code in upper case, e.g. USD."
)


class SubscriptionPlanQuerySet(models.QuerySet):
    def public(self) -> SubscriptionPlanQuerySet:
        """Plans anyone may see and subscribe to: active and public."""
        return self.filter(is_active=True, is_public=True)


class SubscriptionPlan(TimeStampedModel):
    """A plan users subscribe to (Stripe's Product + Price in one row).

    `Code` is Stripe's `lookup_key`. Limits are `PlanEntitlement` rows; `MarketingFeatures`
    are display bullets only and enforce nothing.
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    code = models.SlugField(max_length=50, unique=True, db_column="Code")
    name = models.CharField(max_length=100, db_column="Name")
    description = models.TextField(blank=True, default="", db_column="Description")
    audience = models.CharField(max_length=20, choices=PlanAudience.choices, db_column="Audience")
    price = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        db_column="Price",
    )
    currency = models.CharField(
        max_length=3, default="USD", validators=[currency_code_validator], db_column="Currency"
    )
    billing_interval = models.CharField(
        max_length=5,
        choices=BillingInterval.choices,
        default=BillingInterval.MONTH,
        db_column="BillingInterval",
    )
    interval_count = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], db_column="IntervalCount"
    )
    trial_period_days = models.PositiveSmallIntegerField(default=0, db_column="TrialPeriodDays")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    is_public = models.BooleanField(default=True, db_default=True, db_column="IsPublic")
    sort_order = models.IntegerField(default=0, db_column="SortOrder")
    provider_product_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ProviderProductId"
    )
    provider_price_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ProviderPriceId"
    )
    marketing_features = models.JSONField(default=list, blank=True, db_column="MarketingFeatures")

    objects = SubscriptionPlanQuerySet.as_manager()

    class Meta:
        db_table = "SubscriptionPlans"
        # A handful of rows: ordering needs no index.
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider_price_id"],
                condition=Q(provider_price_id__isnull=False),
                name="UX_Plans_ProviderPriceId",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="CK_Plans_Price"),
            models.CheckConstraint(
                condition=Q(billing_interval__in=BillingInterval.values), name="CK_Plans_Interval"
            ),
            models.CheckConstraint(
                condition=Q(interval_count__gte=1), name="CK_Plans_IntervalCount"
            ),
            models.CheckConstraint(
                condition=Q(audience__in=PlanAudience.values),
                name="CK_SubscriptionPlans_Audience",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_free(self) -> bool:
        return self.price == 0


class PlanEntitlement(models.Model):
    """One feature limit of a plan (`ai.daily_requests` = 100); NULL limit = unlimited."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    plan = models.ForeignKey(
        SubscriptionPlan,
        on_delete=models.CASCADE,
        related_name="entitlements",
        # Leads UX_PlanEntitlements_Plan_Key.
        db_index=False,
        db_column="PlanId",
    )
    feature_key = models.CharField(max_length=100, db_column="FeatureKey")
    is_enabled = models.BooleanField(default=True, db_default=True, db_column="IsEnabled")
    limit_value = models.BigIntegerField(null=True, blank=True, db_column="LimitValue")

    class Meta:
        db_table = "PlanEntitlements"
        ordering = ["plan_id", "feature_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "feature_key"], name="UX_PlanEntitlements_Plan_Key"
            ),
        ]

    def __str__(self) -> str:
        limit = "unlimited" if self.limit_value is None else self.limit_value
        return f"{self.feature_key} = {limit}"


class UserSubscriptionQuerySet(models.QuerySet):
    def live(self) -> UserSubscriptionQuerySet:
        """Subscriptions that still bind the user (the filter of UX_UserSubs_User_Live)."""
        return self.filter(status__in=LIVE_SUBSCRIPTION_STATUSES)

    def visible_to(self, user) -> UserSubscriptionQuerySet:
        """The caller's own subscriptions (staff see every user's in the admin)."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user_id=user.pk)


class UserSubscription(TimeStampedModel):
    """A user's subscription to a plan, with Stripe's status and period fields.

    At most one row per user is live (UX_UserSubs_User_Live, SCHEMA.md I-4). Rows are
    never deleted: ending a subscription moves it to `canceled` and stamps `EndedAt`.
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        db_column="UserId",
    )
    plan = models.ForeignKey(
        SubscriptionPlan,
        on_delete=models.PROTECT,
        related_name="subscriptions",
        # Covered by IX_UserSubs_Plan.
        db_index=False,
        db_column="PlanId",
    )
    status = models.CharField(
        max_length=20,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.INCOMPLETE,
        db_column="Status",
    )
    quantity = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], db_column="Quantity"
    )
    started_at = models.DateTimeField(
        default=timezone.now, db_default=UtcNow(), db_column="StartedAt"
    )
    current_period_start = models.DateTimeField(
        null=True, blank=True, db_column="CurrentPeriodStart"
    )
    current_period_end = models.DateTimeField(null=True, blank=True, db_column="CurrentPeriodEnd")
    trial_start = models.DateTimeField(null=True, blank=True, db_column="TrialStart")
    trial_end = models.DateTimeField(null=True, blank=True, db_column="TrialEnd")
    cancel_at_period_end = models.BooleanField(
        default=False, db_default=False, db_column="CancelAtPeriodEnd"
    )
    cancel_at = models.DateTimeField(null=True, blank=True, db_column="CancelAt")
    canceled_at = models.DateTimeField(null=True, blank=True, db_column="CanceledAt")
    ended_at = models.DateTimeField(null=True, blank=True, db_column="EndedAt")
    cancellation_reason = models.CharField(
        max_length=200, blank=True, default="", db_column="CancellationReason"
    )
    payment_provider = models.CharField(
        max_length=20,
        choices=PaymentProvider.choices,
        default=PaymentProvider.STRIPE,
        db_column="PaymentProvider",
    )
    provider_customer_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ProviderCustomerId"
    )
    provider_subscription_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ProviderSubscriptionId"
    )
    metadata = models.JSONField(default=dict, blank=True, db_column="Metadata")

    objects = UserSubscriptionQuerySet.as_manager()

    class Meta:
        db_table = "UserSubscriptions"
        ordering = ["user_id", "-started_at", "id"]
        indexes = [
            models.Index(
                fields=["status", "current_period_end"], name="IX_UserSubs_Status_PeriodEnd"
            ),
            models.Index(fields=["plan"], name="IX_UserSubs_Plan"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=LIVE_SUBSCRIPTION_STATUSES),
                name="UX_UserSubs_User_Live",
            ),
            models.UniqueConstraint(
                fields=["provider_subscription_id"],
                condition=Q(provider_subscription_id__isnull=False),
                name="UX_UserSubs_ProviderSubId",
            ),
            models.CheckConstraint(
                condition=Q(status__in=SubscriptionStatus.values), name="CK_UserSubs_Status"
            ),
            models.CheckConstraint(
                condition=Q(current_period_end__isnull=True)
                | Q(current_period_end__gt=F("current_period_start")),
                name="CK_UserSubs_Period",
            ),
            models.CheckConstraint(
                condition=Q(trial_end__isnull=True) | Q(trial_end__gt=F("trial_start")),
                name="CK_UserSubs_Trial",
            ),
            models.CheckConstraint(
                condition=Q(payment_provider__in=PaymentProvider.values),
                name="CK_UserSubscriptions_PaymentProvider",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.plan_id} ({self.status})"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_SUBSCRIPTION_STATUSES
