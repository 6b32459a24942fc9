"""Calendar integration API (plan 027): the ICS feed, feed links, CalDAV connections.

- `GET /calendar/feed/<token>.ics`: no sign-in, the token is the secret; 404 for an
  unknown or revoked token. Two queries whatever the feed's size.
- `/providers/me/calendar/feed-tokens/…`: a provider makes, lists, rotates and revokes
  the secret links (`services.provide`; a user without a profile gets 404).
- `/providers/me/calendar/connections/…`: a provider connects a CalDAV calendar, lists
  and disconnects it, and asks for a sync now (202; the sync runs after commit).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.output import FastOutputMixin
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.permissions import PermissionName

from ..calendar_selectors import (
    calendar_connection_get_own,
    calendar_connection_list,
    calendar_feed_render,
    calendar_feed_token_list,
)
from ..calendar_services import (
    caldav_connection_create,
    calendar_connection_delete,
    calendar_connection_sync_request,
    calendar_feed_token_create,
    calendar_feed_token_revoke,
    calendar_feed_token_rotate,
)
from ..models import CalendarConnection, CalendarFeedToken, ExternalCalendar
from ..selectors import provider_get_own

TAG = "calendar"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


# --- Serializers ---------------------------------------------------------------------------


class FeedTokenSerializer(FastOutputMixin, serializers.ModelSerializer):
    is_live = serializers.SerializerMethodField()

    class Meta:
        model = CalendarFeedToken
        fields = ("id", "created_at", "revoked_at", "is_live")
        read_only_fields = fields

    def get_is_live(self, obj) -> bool:
        return obj.revoked_at is None


class FeedTokenCreatedSerializer(serializers.Serializer):
    """A new feed link: the token and its URL are shown this once, never again."""

    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    token = serializers.CharField()
    url = serializers.CharField()


class ExternalCalendarSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="external_calendar_id")

    class Meta:
        model = ExternalCalendar
        fields = ("id", "name", "url", "check_for_conflicts", "is_destination")
        read_only_fields = fields


class CalendarConnectionSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="external_account_email")
    calendars = ExternalCalendarSerializer(many=True)

    class Meta:
        model = CalendarConnection
        fields = (
            "id",
            "provider",
            "username",
            "status",
            "last_synced_at",
            "sync_error",
            "calendars",
            "created_at",
        )
        read_only_fields = fields


class CalDavConnectionInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=255)
    username = serializers.CharField(max_length=256)
    password = serializers.CharField(max_length=1000, write_only=True, trim_whitespace=False)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    write_bookings = serializers.BooleanField(required=False, default=False)


# --- Views ---------------------------------------------------------------------------------


class _ProviderOnly:
    permission_classes = [IsAuthenticated, HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)]


class CalendarFeedView(APIView):
    """A provider's bookings as an iCalendar feed (RFC 5545); the token is the secret."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feed",
        responses={(200, "text/calendar"): OpenApiTypes.BINARY, 404: ERROR},
    )
    def get(self, request, token: str):
        body = calendar_feed_render(token=token)
        response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Disposition"] = 'inline; filename="bookings.ics"'
        return response


def _created_body(request, row: CalendarFeedToken, token: str) -> dict:
    url = request.build_absolute_uri(reverse("calendar-feed", kwargs={"token": token}))
    return FeedTokenCreatedSerializer(
        {"id": row.pk, "created_at": row.created_at, "token": token, "url": url}
    ).data


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        operation_id="calendar_feed_token_list",
        responses={200: FeedTokenSerializer(many=True), 403: ERROR, 404: ERROR},
    ),
)
class FeedTokenListCreateView(_ProviderOnly, generics.ListAPIView):
    """The caller's feed links (GET) and a new one (POST: the token is in this answer only)."""

    feature_area = FeatureArea.BOOKING

    serializer_class = FeedTokenSerializer
    filter_backends: list = []

    def get_queryset(self):
        provider_get_own(actor=self.request.user)
        return calendar_feed_token_list(actor=self.request.user)

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feed_token_create",
        request=None,
        responses={201: FeedTokenCreatedSerializer, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        row, token = calendar_feed_token_create(actor=request.user)
        return Response(_created_body(request, row, token), status=status.HTTP_201_CREATED)


class FeedTokenDetailView(_ProviderOnly, APIView):
    """DELETE revokes one of the caller's feed links (its URL answers 404 at once)."""

    feature_area = FeatureArea.BOOKING

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feed_token_revoke",
        responses={204: None, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def delete(self, request, token_id):
        calendar_feed_token_revoke(actor=request.user, token_id=token_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FeedTokenRotateView(_ProviderOnly, APIView):
    """Revoke a feed link and make its replacement in one step."""

    feature_area = FeatureArea.BOOKING

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feed_token_rotate",
        request=None,
        responses={201: FeedTokenCreatedSerializer, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, token_id):
        row, token = calendar_feed_token_rotate(actor=request.user, token_id=token_id)
        return Response(_created_body(request, row, token), status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        operation_id="calendar_connection_list",
        responses={200: CalendarConnectionSerializer(many=True), 403: ERROR, 404: ERROR},
    ),
)
class ConnectionListCreateView(_ProviderOnly, generics.ListAPIView):
    """The caller's connected calendars (GET); POST connects a CalDAV calendar."""

    feature_area = FeatureArea.BOOKING

    serializer_class = CalendarConnectionSerializer
    filter_backends: list = []

    def get_queryset(self):
        provider_get_own(actor=self.request.user)
        return calendar_connection_list(actor=self.request.user)

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_connection_create",
        request=CalDavConnectionInputSerializer,
        responses={
            201: CalendarConnectionSerializer,
            400: ERROR,
            403: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def post(self, request):
        data = CalDavConnectionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        connection = caldav_connection_create(actor=request.user, **data.validated_data)
        connection = calendar_connection_get_own(actor=request.user, connection_id=connection.pk)
        return Response(
            CalendarConnectionSerializer(connection).data, status=status.HTTP_201_CREATED
        )


class ConnectionDetailView(_ProviderOnly, APIView):
    """One connected calendar: read it, or disconnect it (its busy blocks go with it)."""

    feature_area = FeatureArea.BOOKING

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_connection_get",
        responses={200: CalendarConnectionSerializer, 403: ERROR, 404: ERROR},
    )
    def get(self, request, connection_id):
        connection = calendar_connection_get_own(actor=request.user, connection_id=connection_id)
        return Response(CalendarConnectionSerializer(connection).data)

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_connection_delete",
        responses={204: None, 403: ERROR, 404: ERROR},
    )
    def delete(self, request, connection_id):
        connection = calendar_connection_get_own(actor=request.user, connection_id=connection_id)
        calendar_connection_delete(actor=request.user, connection=connection)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ConnectionSyncView(_ProviderOnly, APIView):
    """Sync the connected calendar now: 202, the sync runs once this request commits."""

    feature_area = FeatureArea.BOOKING

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_connection_sync",
        request=None,
        responses={202: CalendarConnectionSerializer, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, connection_id):
        connection = calendar_connection_get_own(actor=request.user, connection_id=connection_id)
        calendar_connection_sync_request(actor=request.user, connection=connection)
        return Response(
            CalendarConnectionSerializer(connection).data, status=status.HTTP_202_ACCEPTED
        )
