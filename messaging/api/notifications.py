"""Notifications inbox, notification preferences, Web Push devices and presence (021–023).

Every route needs `messaging.access` and works on the caller's own rows only: another
user's notification or device is a 404. The inbox is paged by id with a cursor (no COUNT);
the unread count is its own route.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.output import FastOutputMixin
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.errors import ApplicationError
from doggy.core.permissions import PermissionName

from ..choices import PushBrowser
from ..models import Notification, PushDevice
from ..notification_errors import NotificationErrorCode
from ..notification_selectors import (
    MAX_BIGINT,
    notification_list,
    notification_preferences_view,
    notification_unread_count,
    push_device_list,
)
from ..notification_services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_set,
    push_device_delete,
    push_device_register,
)
from ..notification_types import PREFERENCE_CHANNELS
from ..presence import HEARTBEAT_STATUSES, PRESENCE_STATUSES, presence_heartbeat, presence_list

NOTIFICATIONS_TAG = "notifications"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
MessagingAccess = HasRbacPermission.for_(PermissionName.MESSAGING_ACCESS)
DENIED = {401: ERROR, 403: ERROR}


class InboxPagination(CursorPagination):
    """Newest first by id; `cursor` from `next`/`previous`, no COUNT."""

    ordering = "-id"
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


# --- Output -------------------------------------------------------------------------------


class NotificationSerializer(FastOutputMixin, serializers.ModelSerializer):
    type = serializers.CharField(source="notification_type", read_only=True)

    class Meta:
        model = Notification
        fields = [
            "id",
            "type",
            "level",
            "title",
            "body",
            "entity_type",
            "entity_id",
            "action_url",
            "data",
            "is_read",
            "read_at",
            "created_at",
        ]
        read_only_fields = fields


class PushDeviceSerializer(FastOutputMixin, serializers.ModelSerializer):
    endpoint = serializers.CharField(source="token", read_only=True)

    class Meta:
        model = PushDevice
        fields = [
            "id",
            "platform",
            "endpoint",
            "browser",
            "device_name",
            "app_version",
            "is_active",
            "last_used_at",
            "created_at",
        ]
        read_only_fields = fields


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


class ChannelSwitchesSerializer(serializers.Serializer):
    InApp = serializers.BooleanField()  # noqa: N815 - the channel's value is the key
    Email = serializers.BooleanField()  # noqa: N815
    Push = serializers.BooleanField()  # noqa: N815


class DefaultSwitchesSerializer(serializers.Serializer):
    InApp = serializers.BooleanField(allow_null=True)  # noqa: N815
    Email = serializers.BooleanField(allow_null=True)  # noqa: N815
    Push = serializers.BooleanField(allow_null=True)  # noqa: N815


class TypePreferencesSerializer(serializers.Serializer):
    type = serializers.CharField()
    transactional = serializers.BooleanField()
    channels = ChannelSwitchesSerializer()


class PreferencesSerializer(serializers.Serializer):
    defaults = DefaultSwitchesSerializer(help_text="The `*` rows the caller set (null: not set).")
    types = TypePreferencesSerializer(many=True)


class DeviceListSerializer(serializers.Serializer):
    vapid_public_key = serializers.CharField(help_text="Subscribe the browser with this key.")
    results = PushDeviceSerializer(many=True)


class PresenceEntrySerializer(serializers.Serializer):
    user_id = serializers.CharField()
    status = serializers.ChoiceField(choices=PRESENCE_STATUSES)
    last_active_at = serializers.DateTimeField(allow_null=True)
    status_text = serializers.CharField()
    last_update_id = serializers.IntegerField()


class PresenceListSerializer(serializers.Serializer):
    presences = PresenceEntrySerializer(many=True)


class HeartbeatResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=HEARTBEAT_STATUSES)
    written = serializers.BooleanField()


# --- Input --------------------------------------------------------------------------------


class PreferenceItemSerializer(serializers.Serializer):
    type = serializers.CharField(max_length=60, help_text="A notification type, or `*`.")
    channel = serializers.ChoiceField(choices=[c.value for c in PREFERENCE_CHANNELS])
    enabled = serializers.BooleanField()


class PreferencesInputSerializer(serializers.Serializer):
    preferences = PreferenceItemSerializer(many=True, allow_empty=True)


class SubscriptionKeysSerializer(serializers.Serializer):
    p256dh = serializers.CharField(max_length=88)
    auth = serializers.CharField(max_length=24)


class DeviceInputSerializer(serializers.Serializer):
    """A browser's `PushSubscription.toJSON()`, plus optional labels."""

    endpoint = serializers.CharField(max_length=2000)
    keys = SubscriptionKeysSerializer()
    browser = serializers.ChoiceField(choices=PushBrowser.values, required=False, default="")
    device_name = serializers.CharField(max_length=100, required=False, default="")
    app_version = serializers.CharField(max_length=30, required=False, default="")


class HeartbeatInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=HEARTBEAT_STATUSES)


def _flag(value: str | None, name: str) -> bool | None:
    if value is None or value == "":
        return None
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    message = "Use true or false."
    raise ApplicationError(NotificationErrorCode.INVALID, message, fields={name: [message]})


# --- Views --------------------------------------------------------------------------------


class NotificationListView(generics.ListAPIView):
    """The caller's inbox, newest first; `unread=true` for unread only."""

    feature_area = FeatureArea.MESSAGING

    permission_classes = [MessagingAccess]
    serializer_class = NotificationSerializer
    pagination_class = InboxPagination
    filter_backends: list = []

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_list",
        parameters=[OpenApiParameter("unread", bool, description="true: unread only.")],
        responses={200: NotificationSerializer(many=True), 400: ERROR, 404: ERROR, **DENIED},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        unread = _flag(self.request.query_params.get("unread"), "unread")
        return notification_list(actor=self.request.user, unread=unread)


class NotificationUnreadCountView(APIView):
    feature_area = FeatureArea.MESSAGING
    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_unread_count",
        responses={200: UnreadCountSerializer, **DENIED},
    )
    def get(self, request):
        return Response({"unread": notification_unread_count(actor=request.user)})


class NotificationReadView(APIView):
    feature_area = FeatureArea.MESSAGING
    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_mark_read",
        request=None,
        responses={200: NotificationSerializer, 404: ERROR, **DENIED},
    )
    def post(self, request, notification_id):
        notification = notification_mark_read(actor=request.user, notification_id=notification_id)
        return Response(NotificationSerializer(notification).data)


class NotificationReadAllView(APIView):
    feature_area = FeatureArea.MESSAGING
    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_mark_all_read",
        request=None,
        responses={200: MarkedSerializer, **DENIED},
    )
    def post(self, request):
        return Response({"marked": notification_mark_all_read(actor=request.user)})


class NotificationPreferencesView(APIView):
    """Per type and channel (InApp, Email, Push): effective switches, and setting them."""

    feature_area = FeatureArea.MESSAGING

    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_preferences_get",
        responses={200: PreferencesSerializer, **DENIED},
    )
    def get(self, request):
        return Response(notification_preferences_view(actor=request.user))

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="notification_preferences_set",
        request=PreferencesInputSerializer,
        responses={200: PreferencesSerializer, 400: ERROR, **DENIED},
    )
    def put(self, request):
        data = PreferencesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        notification_preferences_set(
            actor=request.user, preferences=data.validated_data["preferences"]
        )
        return Response(notification_preferences_view(actor=request.user))


class DeviceListView(APIView):
    """The caller's active Web Push subscriptions; POST registers one (201; 200 again)."""

    feature_area = FeatureArea.MESSAGING

    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="push_device_list",
        responses={200: DeviceListSerializer, **DENIED},
    )
    def get(self, request):
        devices = push_device_list(actor=request.user)
        return Response(
            {
                "vapid_public_key": settings.DOGGY_VAPID_PUBLIC_KEY,
                "results": PushDeviceSerializer(devices, many=True).data,
            }
        )

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="push_device_register",
        request=DeviceInputSerializer,
        responses={201: PushDeviceSerializer, 200: PushDeviceSerializer, 400: ERROR, **DENIED},
    )
    def post(self, request):
        data = DeviceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        device, created = push_device_register(
            actor=request.user,
            endpoint=values["endpoint"],
            p256dh=values["keys"]["p256dh"],
            auth=values["keys"]["auth"],
            browser=values["browser"],
            device_name=values["device_name"],
            app_version=values["app_version"],
        )
        return Response(
            PushDeviceSerializer(device).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class DeviceDetailView(APIView):
    feature_area = FeatureArea.MESSAGING
    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="push_device_delete",
        responses={204: None, 404: ERROR, **DENIED},
    )
    def delete(self, request, device_id):
        push_device_delete(actor=request.user, device_id=device_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PresenceView(APIView):
    """GET: presence of the users the caller shares a conversation with (not blocked);
    POST: the caller's heartbeat (`active` or `idle`)."""

    feature_area = FeatureArea.MESSAGING

    permission_classes = [MessagingAccess]

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="presence_list",
        parameters=[
            OpenApiParameter("since", int, description="Only entries after this update id.")
        ],
        responses={200: PresenceListSerializer, 400: ERROR, **DENIED},
    )
    def get(self, request):
        raw = request.query_params.get("since")
        since = None
        if raw not in (None, ""):
            try:
                since = int(raw)
                if not 0 <= since <= MAX_BIGINT:
                    raise ValueError(since)
            except ValueError:
                message = "A whole number (a last_update_id)."
                raise ApplicationError(
                    NotificationErrorCode.INVALID, message, fields={"since": [message]}
                ) from None
        return Response({"presences": presence_list(actor=request.user, since=since)})

    @extend_schema(
        tags=[NOTIFICATIONS_TAG],
        operation_id="presence_heartbeat",
        request=HeartbeatInputSerializer,
        responses={200: HeartbeatResultSerializer, 400: ERROR, **DENIED},
    )
    def post(self, request):
        data = HeartbeatInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(presence_heartbeat(actor=request.user, **data.validated_data))
