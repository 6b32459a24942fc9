"""The payment provider's webhook inbox (plan 039): `POST /api/v1/webhooks/payments/`.

Unauthenticated by design: the caller is Stripe, and the proof is the `Stripe-Signature`
header, verified by `stripe.Webhook.construct_event` over the raw body with the endpoint's
signing secret (`DOGGY_STRIPE_WEBHOOK_SECRET`) and a tolerance window
(`DOGGY_STRIPE_WEBHOOK_TOLERANCE`, 300 s), which refuses replays of old deliveries. A
verified event is stored once and processed after commit (billing.payment_services).
"""

from __future__ import annotations

import json

import stripe
from django.conf import settings
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api.throttling import ClientIpScopedRateThrottle
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.errors import ApplicationError

from ..errors import BillingErrorCode
from ..payment_services import payment_webhook_receive

ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


def _refused(message: str) -> ApplicationError:
    return ApplicationError(BillingErrorCode.WEBHOOK_SIGNATURE_INVALID, message)


class PaymentWebhookView(APIView):
    # Off while phase 6 migrates: the provider retries a 503 delivery later.
    feature_area = FeatureArea.PAYMENTS
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientIpScopedRateThrottle]
    throttle_scope = "webhooks"

    @extend_schema(
        tags=["billing"],
        operation_id="webhooks_payments_create",
        request={"application/json": OpenApiTypes.OBJECT},
        responses={
            200: inline_serializer(
                "PaymentWebhookReceipt",
                {"received": serializers.BooleanField(), "duplicate": serializers.BooleanField()},
            ),
            400: ERROR,
            429: ERROR,
            503: ERROR,
        },
        description="Stripe's event deliveries, signed with the endpoint's secret.",
    )
    def post(self, request):
        secret = settings.DOGGY_STRIPE_WEBHOOK_SECRET
        if not secret:
            raise ApplicationError(
                BillingErrorCode.WEBHOOK_NOT_CONFIGURED,
                "The payment webhook is not configured.",
                status_code=503,
            )
        payload = request._request.body
        try:
            stripe.Webhook.construct_event(
                payload,
                request.headers.get("Stripe-Signature"),
                secret,
                tolerance=settings.DOGGY_STRIPE_WEBHOOK_TOLERANCE,
            )
            event = json.loads(payload)
        except stripe.SignatureVerificationError:
            raise _refused("The signature does not verify.") from None
        except ValueError:
            raise _refused("The body is not a JSON event.") from None
        if not isinstance(event, dict) or not event.get("id"):
            raise _refused("The body is not an event.")
        _, created = payment_webhook_receive(event=event)
        return Response({"received": True, "duplicate": not created})


urlpatterns = [
    path("payments/", PaymentWebhookView.as_view(), name="webhook-payments"),
]
