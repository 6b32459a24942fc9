"""Who may call what on the billing API (plans, the caller's subscription): the
permission matrix, as data on the one base (tests/matrix.py).

The owner already holds the free plan; providers and KYC reviewers lack `services.book`;
the superuser passes every RBAC check. The payment webhook authenticates nobody: its proof
is Stripe's signature, so an unsigned delivery is a 400 for every caller and stores
nothing (signed deliveries: tests/billing/test_payment_webhooks.py).
"""

from __future__ import annotations

import pytest

from billing.models import PaymentWebhookEvent, UserSubscription
from tests.billing.factories import UserSubscriptionFactory, free_plan
from tests.matrix import PermissionMatrix, Route

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

PLANS = "/api/v1/billing/plans/"
SUBSCRIPTION = "/api/v1/billing/subscription/"
CANCEL = "/api/v1/billing/subscription/cancel/"
WEBHOOK = "/api/v1/webhooks/payments/"
UNSIGNED_EVENT = {"id": "evt_matrix", "type": "payment_intent.succeeded", "data": {"object": {}}}


def row(method: str, path: str, *statuses: int, body=None) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body)


class TestBillingPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", PLANS, 200, 200, 200, 200, 200, 200),
        row("GET", SUBSCRIPTION, 401, 200, 404, 404, 404, 404),
        row("POST", SUBSCRIPTION, 401, 409, 201, 403, 403, 201, body={"plan": "owner_free"}),
        row("POST", CANCEL, 401, 200, 404, 404, 404, 404, body={}),
        row("POST", WEBHOOK, 400, 400, 400, 400, 400, 400, body=UNSIGNED_EVENT),
    )

    @pytest.fixture(autouse=True)
    def _webhook_secret(self, settings):
        settings.DOGGY_STRIPE_WEBHOOK_SECRET = "whsec_matrix"  # noqa: S105 - a test secret

    def build_world(self, request, users):
        UserSubscriptionFactory(user=users["owner"], plan=free_plan())
        return {}

    def state(self):
        return {
            **super().state(),
            "subscriptions": UserSubscription.objects.live().count(),
            "webhook_events": PaymentWebhookEvent.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        # a read writes nothing; a write is audited
        if cell.route.method == "GET":
            assert after == before
        else:
            assert after["audit"] > before["audit"]
