"""Service delivery API (plan 030): `/appointments/{id}/visit/…`.

The appointment's provider checks in and out and records events, the GPS trail and
photos; the owner reads all of it (and gets `visit.updated` over the WebSocket). Anyone
else gets 404; the owner trying to write gets 403. Lists are paginated and their query
count does not grow with the page size.
"""

from __future__ import annotations

from django.core.files.storage import storages
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.output import FastOutputMixin
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.errors import NotFoundError

from ..choices import VisitMood
from ..delivery_selectors import (
    visit_appointment_get,
    visit_event_list,
    visit_get,
    visit_location_list,
    visit_media_get_servable,
)
from ..delivery_services import (
    MAX_POINTS_PER_BATCH,
    RECORDABLE_EVENT_TYPES,
    visit_check_in,
    visit_check_out,
    visit_event_add,
    visit_locations_add,
    visit_photo_add,
)
from ..errors import VisitErrorCode
from ..models import ServiceVisit, ServiceVisitEvent, ServiceVisitLocation, ServiceVisitMedia

TAG = "visits"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
ERRORS = {403: ERROR, 404: ERROR}

# --- Serializers ---------------------------------------------------------------------------


class VisitMediaSerializer(serializers.ModelSerializer):
    file_id = serializers.UUIDField(source="file.id", read_only=True)
    content_type = serializers.CharField(source="file.content_type", read_only=True)
    scan_status = serializers.CharField(source="file.scan_status", read_only=True)

    class Meta:
        model = ServiceVisitMedia
        fields = ("id", "file_id", "content_type", "scan_status", "caption", "taken_at")
        read_only_fields = fields


class VisitSerializer(serializers.ModelSerializer):
    appointment_id = serializers.UUIDField(read_only=True)
    media = VisitMediaSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceVisit
        fields = (
            "id",
            "appointment_id",
            "check_in_at",
            "check_out_at",
            "check_in_lat",
            "check_in_lng",
            "check_out_lat",
            "check_out_lng",
            "distance_meters",
            "activity_summary",
            "mood",
            "report_notes",
            "owner_acknowledged_at",
            "media",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class VisitEventSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ServiceVisitEvent
        fields = ("id", "event_type", "occurred_at", "notes", "data")
        read_only_fields = fields


class VisitLocationSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ServiceVisitLocation
        fields = ("recorded_at", "latitude", "longitude", "accuracy_meters")
        read_only_fields = fields


def _coordinate(limit: int, **kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-limit, max_value=limit, **kwargs
    )


class CheckInInputSerializer(serializers.Serializer):
    latitude = _coordinate(90, required=False, allow_null=True, default=None)
    longitude = _coordinate(180, required=False, allow_null=True, default=None)


class CheckOutInputSerializer(CheckInInputSerializer):
    mood = serializers.ChoiceField(
        choices=VisitMood.choices, required=False, allow_blank=True, default=""
    )
    report_notes = serializers.CharField(
        max_length=10_000, required=False, allow_blank=True, default=""
    )
    activity_summary = serializers.DictField(required=False, default=dict)


class EventInputSerializer(serializers.Serializer):
    event_type = serializers.ChoiceField(choices=list(RECORDABLE_EVENT_TYPES))
    occurred_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    data = serializers.DictField(required=False, default=dict)


class PointInputSerializer(serializers.Serializer):
    recorded_at = serializers.DateTimeField()
    latitude = _coordinate(90)
    longitude = _coordinate(180)
    accuracy_meters = serializers.DecimalField(
        max_digits=7, decimal_places=2, min_value=0, required=False, allow_null=True
    )


class PointsInputSerializer(serializers.Serializer):
    points = PointInputSerializer(many=True, max_length=MAX_POINTS_PER_BATCH, min_length=1)


class PointsResultSerializer(serializers.Serializer):
    accepted = serializers.IntegerField()
    dropped = serializers.IntegerField()


class PhotoInputSerializer(serializers.Serializer):
    file = serializers.FileField()
    caption = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    taken_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


# --- Views ---------------------------------------------------------------------------------


def _visit_body(appointment) -> dict:
    return VisitSerializer(visit_get(appointment=appointment)).data


class VisitDetailView(APIView):
    """The visit of an appointment (report card and photos); 404 before check-in."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]

    @extend_schema(tags=[TAG], operation_id="visit_get", responses={200: VisitSerializer, **ERRORS})
    def get(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=False
        )
        return Response(_visit_body(appointment))


class VisitCheckInView(APIView):
    """The provider checks in: the visit starts and the appointment is InProgress."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[TAG],
        operation_id="visit_check_in",
        request=CheckInInputSerializer,
        responses={201: VisitSerializer, 400: ERROR, **ERRORS, 409: ERROR},
    )
    def post(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=True
        )
        data = CheckInInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        visit_check_in(actor=request.user, appointment=appointment, **data.validated_data)
        return Response(_visit_body(appointment), status=status.HTTP_201_CREATED)


class VisitCheckOutView(APIView):
    """The provider checks out with the report card: the appointment is Completed."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[TAG],
        operation_id="visit_check_out",
        request=CheckOutInputSerializer,
        responses={200: VisitSerializer, 400: ERROR, **ERRORS, 409: ERROR},
    )
    def post(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=True
        )
        data = CheckOutInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        visit_check_out(actor=request.user, appointment=appointment, **data.validated_data)
        return Response(_visit_body(appointment))


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        operation_id="visit_event_list",
        responses={200: VisitEventSerializer(many=True), **ERRORS},
    )
)
class VisitEventListCreateView(generics.ListAPIView):
    """The visit's timeline, oldest first (GET, both parties); POST records an event."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]
    serializer_class = VisitEventSerializer
    filter_backends: list = []

    def get_queryset(self):
        appointment = visit_appointment_get(
            actor=self.request.user, appointment_id=self.kwargs["appointment_id"], write=False
        )
        return visit_event_list(appointment=appointment)

    @extend_schema(
        tags=[TAG],
        operation_id="visit_event_create",
        request=EventInputSerializer,
        responses={201: VisitEventSerializer, 400: ERROR, **ERRORS, 409: ERROR},
    )
    def post(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=True
        )
        data = EventInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = visit_event_add(actor=request.user, appointment=appointment, **data.validated_data)
        return Response(VisitEventSerializer(event).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        operation_id="visit_location_list",
        responses={200: VisitLocationSerializer(many=True), **ERRORS},
    )
)
class VisitLocationListCreateView(generics.ListAPIView):
    """The GPS trail, oldest first (GET, both parties); POST appends a batch of points."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]
    serializer_class = VisitLocationSerializer
    filter_backends: list = []

    def get_queryset(self):
        appointment = visit_appointment_get(
            actor=self.request.user, appointment_id=self.kwargs["appointment_id"], write=False
        )
        return visit_location_list(appointment=appointment)

    @extend_schema(
        tags=[TAG],
        operation_id="visit_location_batch",
        request=PointsInputSerializer,
        responses={201: PointsResultSerializer, 400: ERROR, **ERRORS, 409: ERROR},
    )
    def post(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=True
        )
        data = PointsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = visit_locations_add(
            actor=request.user, appointment=appointment, points=data.validated_data["points"]
        )
        return Response(PointsResultSerializer(result).data, status=status.HTTP_201_CREATED)


class VisitPhotoCreateView(APIView):
    """The provider uploads a report-card photo (multipart: `file`, `caption`, `taken_at`)."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=[TAG],
        operation_id="visit_photo_create",
        request={"multipart/form-data": PhotoInputSerializer},
        responses={201: VisitMediaSerializer, 400: ERROR, **ERRORS, 409: ERROR},
    )
    def post(self, request, appointment_id):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=True
        )
        data = PhotoInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        media = visit_photo_add(
            actor=request.user,
            appointment=appointment,
            uploaded_file=data.validated_data["file"],
            caption=data.validated_data["caption"],
            taken_at=data.validated_data["taken_at"],
        )
        return Response(VisitMediaSerializer(media).data, status=status.HTTP_201_CREATED)


class VisitPhotoFileView(APIView):
    """The bytes of a visit photo, for both parties, once its virus scan passed."""

    feature_area = FeatureArea.BOOKING

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[TAG],
        operation_id="visit_photo_file",
        responses={(200, "image/*"): OpenApiTypes.BINARY, **ERRORS},
    )
    def get(self, request, appointment_id, media_id: int):
        appointment = visit_appointment_get(
            actor=request.user, appointment_id=appointment_id, write=False
        )
        stored = visit_media_get_servable(appointment=appointment, media_id=media_id).file
        try:
            handle = storages[stored.storage_backend].open(stored.storage_key, "rb")
        except OSError:
            raise NotFoundError(VisitErrorCode.VISIT_NOT_FOUND, "Photo not found.") from None
        response = FileResponse(handle, content_type=stored.content_type)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response
