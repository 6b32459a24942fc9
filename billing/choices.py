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
    STRIPE = "Stripe"
    APP_STORE = "AppStore"
    GOOGLE_PLAY = "GooglePlay"
    MANUAL = "Manual"


FREE_PLAN_CODE = "owner_free"
