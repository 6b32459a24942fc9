"""The plan catalog (public) and the caller's subscription."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.serializers import ErrorSerializer
from doggy.core.errors import ApplicationError, NotFoundError

from ..errors import BillingErrorCode
from ..selectors import plan_get_public, plan_list_public, subscription_get_current
from ..services import subscription_cancel, subscription_create
from .serializers import (
    CancelInputSerializer,
    PlanSerializer,
    SubscribeInputSerializer,
    SubscriptionSerializer,
)

BILLING_TAG = "billing"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


def _current_or_404(actor):
    subscription = subscription_get_current(actor=actor)
    if subscription is None:
        raise NotFoundError(
            BillingErrorCode.SUBSCRIPTION_NOT_FOUND, "You have no active subscription."
        )
    return subscription


class PlanListView(generics.ListAPIView):
    """Active, public plans with their entitlements. Public."""

    permission_classes = [AllowAny]
    serializer_class = PlanSerializer
    filter_backends: list = []

    @extend_schema(tags=[BILLING_TAG], operation_id="billing_plan_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return plan_list_public()


class SubscriptionView(APIView):
    """The caller's live subscription (GET) and subscribing to a plan (POST)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[BILLING_TAG],
        operation_id="billing_subscription_get",
        responses={200: SubscriptionSerializer, 404: ERROR},
    )
    def get(self, request):
        return Response(SubscriptionSerializer(_current_or_404(request.user)).data)

    @extend_schema(
        tags=[BILLING_TAG],
        operation_id="billing_subscription_create",
        request=SubscribeInputSerializer,
        responses={201: SubscriptionSerializer, 400: ERROR, 402: ERROR, 403: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = SubscribeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = plan_get_public(code=data.validated_data["plan"])
        if plan is None:
            message = "Unknown plan."
            raise ApplicationError(
                BillingErrorCode.PLAN_NOT_FOUND, message, fields={"plan": [message]}
            )
        subscription = subscription_create(actor=request.user, plan=plan)
        return Response(SubscriptionSerializer(subscription).data, status=status.HTTP_201_CREATED)


class SubscriptionCancelView(APIView):
    """Cancel the caller's subscription, by default at the end of the period."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[BILLING_TAG],
        operation_id="billing_subscription_cancel",
        request=CancelInputSerializer,
        responses={200: SubscriptionSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = CancelInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subscription = subscription_cancel(
            actor=request.user, subscription=_current_or_404(request.user), **data.validated_data
        )
        return Response(SubscriptionSerializer(subscription).data)
