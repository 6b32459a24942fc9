"""Reads of the billing app: the public plan catalog and a user's subscription."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User

from .models import SubscriptionPlan, UserSubscription


def plan_list_public() -> QuerySet[SubscriptionPlan]:
    """Active, public plans with their entitlements (prefetched), in display order."""
    return (
        SubscriptionPlan.objects.public()
        .prefetch_related("entitlements")
        .order_by("sort_order", "id")
    )


def plan_get_public(*, code: str) -> SubscriptionPlan | None:
    return SubscriptionPlan.objects.public().filter(code=code).first()


def subscription_get_current(*, actor: User) -> UserSubscription | None:
    """The caller's live subscription (there is at most one: UX_UserSubs_User_Live)."""
    return (
        UserSubscription.objects.visible_to(actor)
        .live()
        .select_related("plan")
        .prefetch_related("plan__entitlements")
        .first()
    )
