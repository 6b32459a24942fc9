"""Models of the billing app: the plan catalog (014), user subscriptions (015), payment
references with the webhook inbox (039) and the owners' expense ledger (040)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from doggy.core.db import TimeStampedModel, UtcNow, created_at_field, uuid_primary_key

from .choices import (
    LIVE_SUBSCRIPTION_STATUSES,
    BillingInterval,
    BudgetPeriod,
    ExpenseSource,
    PaymentProvider,
    PaymentPurpose,
    PaymentStatus,
    PlanAudience,
    RefundReason,
    RefundStatus,
    SubscriptionStatus,
    WebhookProcessingStatus,
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

    def with_customer_id(self) -> UserSubscriptionQuerySet:
        """Each row's provider customer id read through `BillingCustomers` (its one home,
        A20) as `customer_id`, in the same query; the `ProviderCustomerId` column is kept
        but no longer read."""
        return self.annotate(
            customer_id=models.Subquery(
                BillingCustomer.objects.filter(
                    user_id=models.OuterRef("user_id"),
                    payment_provider=models.OuterRef("payment_provider"),
                ).values("provider_customer_id")[:1]
            )
        )


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


# --- Plan 039: payment tracking, reference only (SCHEMA.md 2.39, A14, A20) -------------------
# No card data is stored anywhere: only the provider's ids, statuses, brand and last four.
_MONEY = {"max_digits": 12, "decimal_places": 2}
_NON_NEGATIVE = MinValueValidator(Decimal("0"))
_POSITIVE = MinValueValidator(Decimal("0.01"))


class BillingCustomer(models.Model):
    """The payment provider's customer id of a user (`BillingCustomers`), its one home (A20)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    # UX_BillingCust_User_Provider leads with UserId.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="billing_customers",
        db_index=False,
        db_column="UserId",
    )
    payment_provider = models.CharField(
        max_length=20, choices=PaymentProvider.choices, db_column="PaymentProvider"
    )
    provider_customer_id = models.CharField(
        max_length=100, db_column="ProviderCustomerId", help_text="cus_…"
    )
    created_at = created_at_field()

    class Meta:
        db_table = "BillingCustomers"
        ordering = ["user", "payment_provider"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "payment_provider"], name="UX_BillingCust_User_Provider"
            ),
            models.UniqueConstraint(
                fields=["payment_provider", "provider_customer_id"],
                name="UX_BillingCust_Prov_CustId",
            ),
            models.CheckConstraint(
                condition=Q(payment_provider__in=PaymentProvider.values),
                name="CK_BillingCustomers_PaymentProvider",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payment_provider} {self.provider_customer_id}"


class PaymentRecord(TimeStampedModel):
    """One payment as the provider knows it (`PaymentRecords`), by reference only.

    The row exists before the provider's PaymentIntent: its `Id` is the Idempotency-Key of
    the outgoing call, and `ProviderPaymentId` is filled in when the provider answers
    (A20). `LastEventAt` is the provider time of the newest webhook event applied, so an
    older event arriving later changes nothing.
    """

    id = uuid_primary_key()
    # IX_Payments_User_Created leads with UserId.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payment_records",
        db_index=False,
        db_column="UserId",
        help_text="The payer.",
    )
    purpose = models.CharField(max_length=14, choices=PaymentPurpose.choices, db_column="Purpose")
    # IX_Payments_Appointment covers the column (plan 039's remainder, billing/0007).
    appointment = models.ForeignKey(
        "scheduling.Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payments",
        db_index=False,
        db_column="AppointmentId",
    )
    user_subscription = models.ForeignKey(
        UserSubscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payments",
        db_column="UserSubscriptionId",
    )
    payment_provider = models.CharField(
        max_length=20, choices=PaymentProvider.choices, db_column="PaymentProvider"
    )
    provider_payment_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ProviderPaymentId", help_text="pi_…"
    )
    provider_charge_id = models.CharField(
        max_length=100, blank=True, default="", db_column="ProviderChargeId"
    )
    provider_invoice_id = models.CharField(
        max_length=100, blank=True, default="", db_column="ProviderInvoiceId"
    )
    amount = models.DecimalField(**_MONEY, validators=[_NON_NEGATIVE], db_column="Amount")
    amount_refunded = models.DecimalField(
        **_MONEY,
        default=Decimal("0"),
        db_default=Decimal("0"),
        validators=[_NON_NEGATIVE],
        db_column="AmountRefunded",
    )
    fee_amount = models.DecimalField(
        **_MONEY,
        null=True,
        blank=True,
        validators=[_NON_NEGATIVE],
        db_column="FeeAmount",
        help_text="Platform or processor fee.",
    )
    currency = models.CharField(
        max_length=3, validators=[currency_code_validator], db_column="Currency"
    )
    status = models.CharField(
        max_length=20,
        choices=PaymentStatus.choices,
        default=PaymentStatus.PENDING,
        db_default=PaymentStatus.PENDING,
        db_column="Status",
    )
    payment_method_brand = models.CharField(
        max_length=20, blank=True, default="", db_column="PaymentMethodBrand"
    )
    payment_method_last4 = models.CharField(
        max_length=4, blank=True, default="", db_column="PaymentMethodLast4"
    )
    failure_code = models.CharField(max_length=100, blank=True, default="", db_column="FailureCode")
    failure_message = models.CharField(
        max_length=500, blank=True, default="", db_column="FailureMessage"
    )
    receipt_url = models.URLField(max_length=500, blank=True, default="", db_column="ReceiptUrl")
    paid_at = models.DateTimeField(null=True, blank=True, db_column="PaidAt")
    last_event_at = models.DateTimeField(null=True, blank=True, db_column="LastEventAt")
    metadata = models.JSONField(default=dict, blank=True, db_column="Metadata")

    class Meta:
        db_table = "PaymentRecords"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="IX_Payments_User_Created"),
            models.Index(fields=["appointment"], name="IX_Payments_Appointment"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["payment_provider", "provider_payment_id"],
                condition=Q(provider_payment_id__isnull=False),
                name="UX_Payments_Prov_PaymentId",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0)
                & Q(amount_refunded__gte=0)
                & Q(amount_refunded__lte=F("amount")),
                name="CK_Payments_Amounts",
            ),
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0),
                name="CK_Payments_Fee",
            ),
            # A payment is for an appointment or for a subscription, never both.
            models.CheckConstraint(
                condition=Q(appointment__isnull=True) | Q(user_subscription__isnull=True),
                name="CK_Payments_Target",
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=PaymentPurpose.values), name="CK_PaymentRecords_Purpose"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PaymentStatus.values), name="CK_PaymentRecords_Status"
            ),
            models.CheckConstraint(
                condition=Q(payment_provider__in=PaymentProvider.values),
                name="CK_PaymentRecords_PaymentProvider",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} {self.status}"


class PaymentRefund(models.Model):
    """A refund of a payment (`PaymentRefunds`). Σ succeeded refunds = `AmountRefunded`."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    payment = models.ForeignKey(
        PaymentRecord, on_delete=models.CASCADE, related_name="refunds", db_column="PaymentId"
    )
    provider_refund_id = models.CharField(
        max_length=100, db_column="ProviderRefundId", help_text="re_…"
    )
    amount = models.DecimalField(**_MONEY, validators=[_POSITIVE], db_column="Amount")
    status = models.CharField(
        max_length=10,
        choices=RefundStatus.choices,
        default=RefundStatus.PENDING,
        db_default=RefundStatus.PENDING,
        db_column="Status",
    )
    reason = models.CharField(
        max_length=30, choices=RefundReason.choices, blank=True, default="", db_column="Reason"
    )
    created_at = created_at_field()

    class Meta:
        db_table = "PaymentRefunds"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider_refund_id"], name="UX_Refunds_ProviderRefundId"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="CK_Refunds_Amount"),
            models.CheckConstraint(
                condition=Q(status__in=RefundStatus.values), name="CK_PaymentRefunds_Status"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=RefundReason.values), name="CK_PaymentRefunds_Reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider_refund_id}: {self.amount} {self.status}"


# Written only with `update_fields` drawn from these once the event is stored (A14, I-16).
WEBHOOK_PROCESSING_FIELDS = frozenset(
    {"processing_status", "processed_at", "attempts", "last_error"}
)


class PaymentWebhookEvent(models.Model):
    """The idempotent inbox of the payment provider's webhooks (`PaymentWebhookEvents`).

    An event is stored once, before it is processed, keyed by (provider, event id), so a
    redelivery is a no-op. Its event columns never change; only the processing columns
    are written, and only through `save(update_fields=…)` (I-16: production denies
    DELETE and UPDATE of the event columns to the app login).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    payment_provider = models.CharField(
        max_length=20, choices=PaymentProvider.choices, db_column="PaymentProvider"
    )
    event_id = models.CharField(max_length=100, db_column="EventId", help_text="evt_…")
    event_type = models.CharField(max_length=100, db_column="EventType")
    payload = models.JSONField(db_column="Payload", help_text="Redacted.")
    signature_valid = models.BooleanField(db_column="SignatureValid")
    provider_created_at = models.DateTimeField(
        null=True, blank=True, db_column="ProviderCreatedAt", help_text="Stripe's event.created."
    )
    received_at = created_at_field("ReceivedAt")
    processed_at = models.DateTimeField(null=True, blank=True, db_column="ProcessedAt")
    processing_status = models.CharField(
        max_length=10,
        choices=WebhookProcessingStatus.choices,
        default=WebhookProcessingStatus.PENDING,
        db_default=WebhookProcessingStatus.PENDING,
        db_column="ProcessingStatus",
    )
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0, db_column="Attempts")
    last_error = models.TextField(blank=True, default="", db_column="LastError")

    class Meta:
        db_table = "PaymentWebhookEvents"
        ordering = ["-received_at"]
        indexes = [
            models.Index(
                fields=["processing_status", "received_at"],
                condition=Q(
                    processing_status__in=[
                        WebhookProcessingStatus.PENDING,
                        WebhookProcessingStatus.FAILED,
                    ]
                ),
                name="IX_WebhookEvents_Pending",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["payment_provider", "event_id"], name="UX_WebhookEvents_Prov_Event"
            ),
            models.CheckConstraint(
                condition=Q(payment_provider__in=PaymentProvider.values),
                name="CK_PaymentWebhookEvents_PaymentProvider",
            ),
            models.CheckConstraint(
                condition=Q(processing_status__in=WebhookProcessingStatus.values),
                name="CK_PaymentWebhookEvents_ProcessingStatus",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payment_provider} {self.event_id} {self.event_type}"

    def save(self, *args, **kwargs):
        # A new event is inserted; a stored one changes only its processing columns.
        if not self._state.adding:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= WEBHOOK_PROCESSING_FIELDS:
                raise RuntimeError(
                    "A stored webhook event changes only its processing columns "
                    "(save(update_fields=...))."
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Webhook events are never deleted.")


# --- Plan 040: expense management (SCHEMA.md 2.40, A21) ----------------------------------
class ExpenseCategory(models.Model):
    """An expense category (`ExpenseCategories`): seeded system ones, or an owner's own.

    System categories have no owner and a name and slug unique among them; an owner's
    categories are unique per owner (A21).
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expense_categories",
        db_column="OwnerId",
    )
    name = models.CharField(max_length=100, db_column="Name")
    slug = models.SlugField(max_length=100, db_column="Slug")
    icon = models.CharField(max_length=50, blank=True, default="", db_column="Icon")
    is_system = models.BooleanField(default=True, db_default=True, db_column="IsSystem")
    sort_order = models.IntegerField(default=0, db_default=0, db_column="SortOrder")

    class Meta:
        db_table = "ExpenseCategories"
        ordering = ["sort_order", "name"]
        verbose_name_plural = "expense categories"
        constraints = [
            models.UniqueConstraint(
                fields=["name"], condition=Q(owner__isnull=True), name="UX_ExpenseCat_System_Name"
            ),
            models.UniqueConstraint(
                fields=["owner", "name"],
                condition=Q(owner__isnull=False),
                name="UX_ExpenseCat_Owner_Name",
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(owner__isnull=True), name="UX_ExpenseCat_System_Slug"
            ),
            models.UniqueConstraint(
                fields=["owner", "slug"],
                condition=Q(owner__isnull=False),
                name="UX_ExpenseCat_Owner_Slug",
            ),
            # A system category has no owner, an owner's category is not a system one.
            models.CheckConstraint(
                condition=Q(is_system=True, owner__isnull=True)
                | Q(is_system=False, owner__isnull=False),
                name="CK_ExpenseCat_System",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PetExpense(TimeStampedModel):
    """One expense in an owner's ledger (`PetExpenses`), for a dog or the household."""

    id = uuid_primary_key()
    # IX_PetExpenses_Owner_Date leads with OwnerId.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pet_expenses",
        db_index=False,
        db_column="OwnerId",
    )
    # IX_PetExpenses_Dog_Date leads with DogId.
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expenses",
        db_index=False,
        db_column="DogId",
        help_text="Empty for a household-wide expense.",
    )
    category = models.ForeignKey(
        ExpenseCategory, on_delete=models.PROTECT, related_name="expenses", db_column="CategoryId"
    )
    amount = models.DecimalField(**_MONEY, validators=[_POSITIVE], db_column="Amount")
    currency = models.CharField(
        max_length=3, validators=[currency_code_validator], db_column="Currency"
    )
    expense_date = models.DateField(db_column="ExpenseDate")
    vendor = models.CharField(max_length=200, blank=True, default="", db_column="Vendor")
    description = models.CharField(max_length=500, blank=True, default="", db_column="Description")
    source = models.CharField(
        max_length=12,
        choices=ExpenseSource.choices,
        default=ExpenseSource.MANUAL,
        db_default=ExpenseSource.MANUAL,
        db_column="Source",
    )
    appointment = models.ForeignKey(
        "scheduling.Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expenses",
        db_column="AppointmentId",
    )
    # UX_PetExpenses_Payment covers the column.
    payment_record = models.ForeignKey(
        PaymentRecord,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expenses",
        db_index=False,
        db_column="PaymentRecordId",
    )
    vet_visit = models.ForeignKey(
        "pets.VetVisit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="VetVisitId",
    )
    receipt_file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ReceiptFileId",
        help_text="A StoredFile of purpose Receipt.",
    )
    is_recurring = models.BooleanField(default=False, db_default=False, db_column="IsRecurring")
    recurrence_rule = models.CharField(
        max_length=100,
        blank=True,
        default="",
        db_column="RecurrenceRule",
        help_text="An RFC 5545 RRULE subset, e.g. FREQ=MONTHLY.",
    )

    class Meta:
        db_table = "PetExpenses"
        ordering = ["-expense_date", "-created_at"]
        indexes = [
            models.Index(fields=["owner", "-expense_date"], name="IX_PetExpenses_Owner_Date"),
            models.Index(fields=["dog", "-expense_date"], name="IX_PetExpenses_Dog_Date"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="CK_PetExpenses_Amount"),
            models.UniqueConstraint(
                fields=["payment_record"],
                condition=Q(payment_record__isnull=False),
                name="UX_PetExpenses_Payment",
            ),
            models.CheckConstraint(
                condition=Q(source__in=ExpenseSource.values), name="CK_PetExpenses_Source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expense_date}: {self.amount} {self.currency}"


class ExpenseBudget(models.Model):
    """An owner's monthly or yearly budget, per category or in total (`ExpenseBudgets`)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    # Both unique keys are filtered, so the column keeps its own index (owner deletes).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expense_budgets",
        db_column="OwnerId",
    )
    category = models.ForeignKey(
        ExpenseCategory,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="budgets",
        db_column="CategoryId",
        help_text="Empty for the total budget.",
    )
    period = models.CharField(
        max_length=8,
        choices=BudgetPeriod.choices,
        default=BudgetPeriod.MONTHLY,
        db_default=BudgetPeriod.MONTHLY,
        db_column="Period",
    )
    amount = models.DecimalField(**_MONEY, validators=[_POSITIVE], db_column="Amount")
    currency = models.CharField(
        max_length=3, validators=[currency_code_validator], db_column="Currency"
    )

    class Meta:
        db_table = "ExpenseBudgets"
        ordering = ["owner", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "category", "period"],
                condition=Q(category__isnull=False),
                name="UX_ExpenseBudgets_Key",
            ),
            models.UniqueConstraint(
                fields=["owner", "period"],
                condition=Q(category__isnull=True),
                name="UX_ExpenseBudgets_Total",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="CK_ExpenseBudgets_Amount"),
            models.CheckConstraint(
                condition=Q(period__in=BudgetPeriod.values), name="CK_ExpenseBudgets_Period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.amount} {self.currency}"
