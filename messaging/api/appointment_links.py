"""`POST /api/v1/appointments/{id}/conversation/`: the conversation of a booking.

Messaging sits above scheduling, so the route lives here and the appointment is read
through the scheduling selector (its owner and its provider only; anyone else gets 404).
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.serializers import ErrorSerializer

from ..appointment_links import appointment_conversation_get_or_create

TAG = "appointments"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class ConversationLinkSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    type = serializers.CharField()
    title = serializers.CharField()
    appointment = serializers.UUIDField()


class AppointmentConversationView(APIView):
    """The conversation of the owner and the provider about this appointment: created
    the first time (201), returned as it is afterwards (200)."""

    # The Booking feature area (doggy.choices.FeatureArea.BOOKING): off with its flag.
    feature_area = "Booking"

    @extend_schema(
        tags=[TAG],
        operation_id="appointment_conversation",
        request=None,
        responses={200: ConversationLinkSerializer, 201: ConversationLinkSerializer, 404: ERROR},
    )
    def post(self, request, appointment_id):
        conversation, created = appointment_conversation_get_or_create(
            actor=request.user, appointment_id=appointment_id
        )
        body = {
            "id": str(conversation.pk),
            "type": conversation.type,
            "title": conversation.title,
            "appointment": str(conversation.appointment_id),
        }
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


urlpatterns = [
    path(
        "appointments/<uuid:appointment_id>/conversation/",
        AppointmentConversationView.as_view(),
        name="appointment-conversation",
    ),
]
