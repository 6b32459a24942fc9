"""Enumerations of the billing app; values are the plan's literal strings."""

from django.db import models


class PlanAudience(models.TextChoices):
    PET_OWNER = "PetOwner", "Pet owner"
    SERVICE_PROVIDER = "ServiceProvider", "Service provider"


class BillingInterval(models.TextChoices):
    """Stripe's `recurring.interval` values, lower case as Stripe spells them."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class SubscriptionStatus(models.TextChoices):
    """Stripe's `Subscription.status` values, verbatim."""

    INCOMPLETE = "incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired"
    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    CANCELED = "canceled"
    UNPAID = "unpaid"
    PAUSED = "paused"


# A user has at most one subscription in these states (UX_UserSubs_User_Live, I-4).
LIVE_SUBSCRIPTION_STATUSES = (
    SubscriptionStatus.INCOMPLETE,
    SubscriptionStatus.TRIALING,
    SubscriptionStatus.ACTIVE,
    SubscriptionStatus.PAST_DUE,
    SubscriptionStatus.UNPAID,
    SubscriptionStatus.PAUSED,
)


class PaymentProvider(models.TextChoices):
    """The one list of payment providers (SCHEMA.md A20), subscriptions and payments alike."""

    STRIPE = "Stripe"
    APP_STORE = "AppStore"
    GOOGLE_PLAY = "GooglePlay"
    MANUAL = "Manual"
    PAYPAL = "PayPal"
    SQUARE = "Square"


FREE_PLAN_CODE = "owner_free"


# --- Payment tracking, reference only (plan 039) --------------------------------------------
class PaymentPurpose(models.TextChoices):
    APPOINTMENT = "Appointment"
    SUBSCRIPTION = "Subscription"
    DEPOSIT = "Deposit"
    TIP = "Tip"
    OTHER = "Other"


class PaymentStatus(models.TextChoices):
    PENDING = "Pending"
    REQUIRES_ACTION = "RequiresAction"
    PROCESSING = "Processing"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    CANCELED = "Canceled"
    REFUNDED = "Refunded"
    PARTIALLY_REFUNDED = "PartiallyRefunded"
    DISPUTED = "Disputed"


class RefundStatus(models.TextChoices):
    # PascalCase like every status of the app (A20); Stripe's lower-case values are
    # mapped at the edge.
    PENDING = "Pending"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    CANCELED = "Canceled"


class RefundReason(models.TextChoices):
    """Stripe's refund reasons plus the platform's own; '' is "not given"."""

    NONE = "", "Not given"
    DUPLICATE = "duplicate"
    FRAUDULENT = "fraudulent"
    REQUESTED_BY_CUSTOMER = "requested_by_customer"
    CANCELLATION_POLICY = "cancellation_policy"


class WebhookProcessingStatus(models.TextChoices):
    PENDING = "Pending"
    PROCESSED = "Processed"
    FAILED = "Failed"
    IGNORED = "Ignored"


# --- Expense management (plan 040) -------------------------------------------------------------
class ExpenseSource(models.TextChoices):
    MANUAL = "Manual"
    APPOINTMENT = "Appointment"
    VET_VISIT = "VetVisit"
    SUBSCRIPTION = "Subscription"


class BudgetPeriod(models.TextChoices):
    MONTHLY = "Monthly"
    YEARLY = "Yearly"
