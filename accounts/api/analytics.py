"""`POST /api/v1/analytics/events/`: the apps' analytics events, in batches (plan 034).

Signed-in callers and anonymous ones (with their device's `anonymous_id`) send up to
`MAX_BATCH` events. The batch is refused whole (400) only when it is not a batch; each
event is then checked against the registry on its own, and the answer is 202 with the
counts accepted and rejected (and why, by index). Throttled per client IP (scope
`analytics`). A user who opted out of analytics gets the same answer and nothing is
stored.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.serializers import ErrorSerializer

from ..services.analytics import MAX_BATCH, analytics_events_ingest, anonymous_id_valid
from .throttling import ClientIpScopedRateThrottle

TAG = "analytics"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class AnalyticsEventInputSerializer(serializers.Serializer):
    """One event (documentation of the shape; each is checked by the service)."""

    name = serializers.CharField(help_text="A registered client event, e.g. `screen_view`.")
    occurred_at = serializers.DateTimeField(help_text="Client time, ISO 8601 with offset.")
    properties = serializers.DictField(
        required=False, help_text="Only the keys the registry lists for the event."
    )


class AnalyticsBatchInputSerializer(serializers.Serializer):
    anonymous_id = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        default="",
        help_text="The device's pre-login id; required without a token.",
    )
    events = serializers.ListField(
        child=serializers.JSONField(),
        min_length=1,
        max_length=MAX_BATCH,
        help_text=f"1 to {MAX_BATCH} events.",
    )

    def validate_anonymous_id(self, value: str) -> str:
        if value and not anonymous_id_valid(value):
            raise serializers.ValidationError("Use 1 to 64 letters, digits or . _ : -")
        return value

    def validate(self, attrs):
        user = self.context["user"]
        if user is None and not attrs["anonymous_id"]:
            raise serializers.ValidationError(
                {"anonymous_id": ["Send the device's anonymous_id, or sign in."]}
            )
        return attrs


class AnalyticsBatchDocSerializer(AnalyticsBatchInputSerializer):
    """The request body as the schema shows it."""

    events = AnalyticsEventInputSerializer(many=True, help_text=f"1 to {MAX_BATCH} events.")


class AnalyticsRejectionSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    code = serializers.ChoiceField(
        choices=["invalid", "unknown_event", "invalid_properties", "invalid_occurred_at", "too_old"]
    )
    message = serializers.CharField()


class AnalyticsIngestOutputSerializer(serializers.Serializer):
    accepted = serializers.IntegerField()
    rejected = serializers.IntegerField()
    properties_dropped = serializers.IntegerField(
        help_text="Property keys removed because the event may not carry them."
    )
    rejections = AnalyticsRejectionSerializer(many=True)


class AnalyticsEventsView(APIView):
    """Accept a batch of the caller's analytics events."""

    permission_classes = [AllowAny]
    throttle_classes = [ClientIpScopedRateThrottle]
    throttle_scope = "analytics"

    @extend_schema(
        tags=[TAG],
        operation_id="analytics_events_ingest",
        request=AnalyticsBatchDocSerializer,
        responses={202: AnalyticsIngestOutputSerializer, 400: ERROR, 401: ERROR, 429: ERROR},
        description=(
            "Events are checked one by one against the registry (docs/api/analytics.md). "
            "An opted-out user's events are acknowledged the same way and not stored."
        ),
    )
    def post(self, request):
        user = request.user if request.user.is_authenticated else None
        data = AnalyticsBatchInputSerializer(data=request.data, context={"user": user})
        data.is_valid(raise_exception=True)
        result = analytics_events_ingest(
            user=user,
            events=data.validated_data["events"],
            anonymous_id=data.validated_data["anonymous_id"],
            session=getattr(request.auth, "pk", None) if user is not None else None,
            request=request._request,
        )
        body = {
            "accepted": result.accepted,
            "rejected": len(result.rejected),
            "properties_dropped": result.properties_dropped,
            "rejections": result.rejected,
        }
        return Response(AnalyticsIngestOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED)
