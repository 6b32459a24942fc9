"""Reads of the billing app: the public plan catalog and a user's subscription."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from doggy.core.prepared import PreparedList, Related

from .models import BillingCustomer, PlanEntitlement, SubscriptionPlan, UserSubscription


def _entitlement_rows(lookup: str = "entitlements") -> Prefetch:
    # A list per plan (`to_attr`): Django builds no queryset per plan for it.
    return Prefetch(lookup, queryset=PlanEntitlement.objects.all(), to_attr="entitlement_rows")


def plan_list_public() -> QuerySet[SubscriptionPlan]:
    """Active, public plans with their entitlements (prefetched), in display order."""
    return _PUBLIC_PLANS.bind()


# The catalog is the same for everyone: compiled once per process (performance.md).
_PUBLIC_PLANS = PreparedList(
    lambda: SubscriptionPlan.objects.public().order_by("sort_order", "id"),
    related=[Related(lambda: PlanEntitlement.objects.all(), fk="plan", to_attr="entitlement_rows")],
)


def plan_get_public(*, code: str) -> SubscriptionPlan | None:
    return SubscriptionPlan.objects.public().filter(code=code).first()


def subscription_get_current(*, actor: User) -> UserSubscription | None:
    """The caller's live subscription (there is at most one: UX_UserSubs_User_Live)."""
    return (
        UserSubscription.objects.visible_to(actor)
        .live()
        .select_related("plan")
        .prefetch_related(_entitlement_rows("plan__entitlements"))
        .first()
    )


def subscription_customer_id(*, subscription: UserSubscription) -> str | None:
    """The payment provider's customer id behind a subscription, read through
    `BillingCustomers` (A20: its one home; `UserSubscriptions.ProviderCustomerId` is kept
    and backfilled into it by billing/0008, but not read). None for a manual subscription
    or a user the provider does not know."""
    annotated = getattr(subscription, "customer_id", False)
    if annotated is not False:
        return annotated
    return (
        BillingCustomer.objects.filter(
            user_id=subscription.user_id, payment_provider=subscription.payment_provider
        )
        .values_list("provider_customer_id", flat=True)
        .first()
    )
