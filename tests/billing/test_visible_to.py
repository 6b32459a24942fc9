"""`UserSubscription.objects.visible_to(actor)`: a caller sees their own subscriptions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from billing.models import UserSubscription
from billing.selectors import subscription_get_current
from tests.billing.factories import UserSubscriptionFactory, free_plan

pytestmark = pytest.mark.django_db


def test_each_caller_sees_only_their_own_subscription(owner, other_owner, superuser):
    # given
    mine = UserSubscriptionFactory(user=owner, plan=free_plan())
    theirs = UserSubscriptionFactory(user=other_owner, plan=free_plan())

    # then
    assert list(UserSubscription.objects.visible_to(owner)) == [mine]
    assert list(UserSubscription.objects.visible_to(other_owner)) == [theirs]
    assert list(UserSubscription.objects.visible_to(superuser)) == []
    assert list(UserSubscription.objects.visible_to(AnonymousUser())) == []
    # and the selector reads through it
    assert subscription_get_current(actor=owner) == mine
    assert subscription_get_current(actor=AnonymousUser()) is None
