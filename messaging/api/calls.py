"""`/api/v1/calls/`: start, answer, join, leave and end calls; TURN relay credentials.

Every route needs `messaging.access`. A call is visible to its participants only (404 to
anyone else). Views validate input, call one selector or service and render the result;
participants learn of every change over the WebSocket (docs/api/realtime.md).
"""

from __future__ import annotations

from typing import ClassVar

from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.output import FastOutputMixin
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.permissions import PermissionName

from .. import call_services
from ..call_selectors import call_get, call_list
from ..choices import CallType
from ..models import VideoCallParticipant, VideoCallSession

TAG = "calls"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
CanMessage = HasRbacPermission.for_(PermissionName.MESSAGING_ACCESS)


class CallParticipantSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = VideoCallParticipant
        fields = [
            "user_id",
            "role",
            "status",
            "invited_at",
            "joined_at",
            "left_at",
            "duration_seconds",
        ]
        read_only_fields = fields


class CallSerializer(FastOutputMixin, serializers.ModelSerializer):
    participants = CallParticipantSerializer(source="participant_list", many=True, read_only=True)

    class Meta:
        model = VideoCallSession
        fields = [
            "id",
            "conversation_id",
            "initiated_by_id",
            "call_type",
            "video_provider",
            "status",
            "created_at",
            "started_at",
            "ended_at",
            "duration_seconds",
            "end_reason",
            "participants",
        ]
        read_only_fields = fields


class CallStartSerializer(serializers.Serializer):
    conversation_id = serializers.UUIDField()
    call_type = serializers.ChoiceField(choices=CallType.choices, default=CallType.VIDEO)


class TurnCredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(help_text="`<expiry unix time>:<user id>`.")
    credential = serializers.CharField(help_text="base64(HMAC-SHA1(secret, username)).")
    ttl = serializers.IntegerField(help_text="Seconds the credential is valid for.")
    expires_at = serializers.DateTimeField()
    uris = serializers.ListField(child=serializers.CharField(), help_text="TURN/STUN URLs.")


def _render(call: VideoCallSession, participants) -> dict:
    call.participant_list = participants
    return CallSerializer(call).data


class CallListView(generics.GenericAPIView):
    """The caller's calls, newest first; POST starts one in a conversation."""

    feature_area = FeatureArea.MESSAGING

    permission_classes: ClassVar[list] = [IsAuthenticated, CanMessage]
    serializer_class = CallSerializer

    def get_queryset(self):
        return call_list(actor=self.request.user)

    @extend_schema(
        tags=[TAG],
        operation_id="calls_list",
        responses={200: CallSerializer(many=True), 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CallSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG],
        operation_id="calls_start",
        request=CallStartSerializer,
        responses={201: CallSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = CallStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        call, participants = call_services.call_start(actor=request.user, **data.validated_data)
        return Response(_render(call, participants), status=status.HTTP_201_CREATED)


class CallDetailView(APIView):
    feature_area = FeatureArea.MESSAGING
    permission_classes: ClassVar[list] = [IsAuthenticated, CanMessage]

    @extend_schema(
        tags=[TAG],
        operation_id="calls_retrieve",
        responses={200: CallSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, call_id: str):
        return Response(CallSerializer(call_get(actor=request.user, call_id=call_id)).data)


class CallStepView(APIView):
    """One step of the caller's part in a call: accept, decline, join, leave, end."""

    feature_area = FeatureArea.MESSAGING

    permission_classes: ClassVar[list] = [IsAuthenticated, CanMessage]
    step: ClassVar[str] = ""

    def post(self, request, call_id: str):
        service = getattr(call_services, f"call_{self.step}")
        call, participants = service(actor=request.user, call_id=call_id)
        return Response(_render(call, participants))


def _step_view(step: str, summary: str) -> type[CallStepView]:
    def post(self, request, call_id: str):
        return CallStepView.post(self, request, call_id)

    documented = extend_schema(
        tags=[TAG],
        operation_id=f"calls_{step}",
        summary=summary,
        request=None,
        responses={200: CallSerializer, 401: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )(post)
    return type(f"Call{step.title()}View", (CallStepView,), {"step": step, "post": documented})


class TurnCredentialsView(APIView):
    """Short-lived TURN credentials (coturn REST API form) for the caller."""

    feature_area = FeatureArea.MESSAGING

    permission_classes: ClassVar[list] = [IsAuthenticated, CanMessage]

    @extend_schema(
        tags=[TAG],
        operation_id="calls_turn_credentials",
        responses={200: TurnCredentialsSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        credentials = call_services.turn_credentials_issue(actor=request.user)
        response = Response(TurnCredentialsSerializer(credentials).data)
        response["Cache-Control"] = "no-store"
        return response


urlpatterns = [
    path("", CallListView.as_view(), name="call-list"),
    path("turn-credentials/", TurnCredentialsView.as_view(), name="call-turn-credentials"),
    path("<str:call_id>/", CallDetailView.as_view(), name="call-detail"),
    path(
        "<str:call_id>/accept/",
        _step_view("accept", "Answer a ringing call").as_view(),
        name="call-accept",
    ),
    path(
        "<str:call_id>/decline/",
        _step_view("decline", "Refuse a ringing call").as_view(),
        name="call-decline",
    ),
    path(
        "<str:call_id>/join/",
        _step_view("join", "Join a running call again").as_view(),
        name="call-join",
    ),
    path("<str:call_id>/leave/", _step_view("leave", "Leave a call").as_view(), name="call-leave"),
    path(
        "<str:call_id>/end/",
        _step_view("end", "End a call for everyone").as_view(),
        name="call-end",
    ),
]
