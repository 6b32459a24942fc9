"""Slots, holds, appointments and their actions (plans 026, 028, 029).

Views validate input, call one selector or service and render the result. Who may do
what is the services' decision (the owner books and cancels, the provider confirms,
starts and completes, either side cancels or reschedules); the permission classes only
keep out callers without the booking or providing capability.
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.filtering import query_filters
from doggy.api.output import FastOutputMixin
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.permissions import PermissionName

from ..appointments import appointment_get, appointment_list_owner, appointment_list_provider
from ..booking import (
    APPOINTMENT_ACTIONS,
    appointment_book,
    appointment_reschedule,
    slot_hold_create,
    slot_hold_release,
)
from ..models import Appointment, SlotHold
from ..selectors import provider_get_listable
from ..slots import offering_get_bookable, slot_list

TAG = "appointments"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Up to 64 characters; a retry with the same key returns the same "
    "appointment (201 the first time, 200 after).",
)
IDEMPOTENCY_KEY_MAX = 64


class BookingArea:
    """Views of the Booking feature area (phase 4): its feature flag switches them off
    (`Features.Booking.Enabled`, the value of `doggy.choices.FeatureArea.BOOKING`)."""

    feature_area = "Booking"


def _book_permissions():
    return [IsAuthenticated(), HasRbacPermission(PermissionName.SERVICES_BOOK)]


# --- Slots --------------------------------------------------------------------------------


class SlotQuerySerializer(serializers.Serializer):
    offering = serializers.UUIDField(help_text="The offering to book.")
    # `from` is a Python keyword: get_fields renames the field before it is bound.
    from_ = serializers.DateField(help_text="First local date (inclusive).")
    to = serializers.DateField(help_text="Last local date (inclusive); at most 42 days.")
    tz = serializers.CharField(
        required=False, help_text="IANA zone of the dates and the output; default the provider's."
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class SlotListSerializer(serializers.Serializer):
    time_zone = serializers.CharField(allow_null=True)
    slots = SlotSerializer(many=True)


class ProviderSlotListView(BookingArea, APIView):
    """The free start times of a listed provider's offering between two local dates.

    Computed from the weekly rules in the provider's zone, overrides and time off,
    buffers, notice and advance, the slot interval, daily and weekly limits, and what is
    taken (appointments, live holds, busy blocks of connected calendars). Times are
    rendered in `tz` (default: the schedule's zone) with their UTC offset. Public.
    """

    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        operation_id="provider_slot_list",
        parameters=[
            OpenApiParameter("offering", str, required=True),
            OpenApiParameter("from", str, required=True, description="YYYY-MM-DD"),
            OpenApiParameter("to", str, required=True, description="YYYY-MM-DD"),
            OpenApiParameter("tz", str, required=False),
        ],
        responses={200: SlotListSerializer, 400: ERROR, 404: ERROR},
    )
    def get(self, request, provider_id):
        params = SlotQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        provider = provider_get_listable(provider_id=provider_id)
        zone, slots = slot_list(
            provider=provider,
            offering_id=data["offering"],
            first_day=data["from"],
            last_day=data["to"],
            tz=data.get("tz"),
            actor=request.user,
        )
        return Response(
            {
                "time_zone": str(zone) if zone is not None else None,
                "slots": [
                    {
                        "start": slot.start.astimezone(zone).isoformat(),
                        "end": slot.end.astimezone(zone).isoformat(),
                    }
                    for slot in slots
                ],
            }
        )


# --- Holds --------------------------------------------------------------------------------


class HoldInputSerializer(serializers.Serializer):
    offering = serializers.UUIDField()
    start_at = serializers.DateTimeField()


class HoldSerializer(FastOutputMixin, serializers.ModelSerializer):
    offering = serializers.UUIDField(source="service_offering_id", read_only=True)

    class Meta:
        model = SlotHold
        fields = ["id", "offering", "start_at", "end_at", "expires_at"]
        read_only_fields = fields


class SlotHoldCreateView(BookingArea, APIView):
    """Hold a free slot while the owner completes the booking (Calendar.SlotHoldMinutes)."""

    def get_permissions(self):
        return _book_permissions()

    @extend_schema(
        tags=[TAG],
        operation_id="appointment_hold_create",
        request=HoldInputSerializer,
        responses={201: HoldSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = HoldInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offering = offering_get_bookable(offering_id=data.validated_data["offering"])
        hold = slot_hold_create(
            actor=request.user, offering=offering, start_at=data.validated_data["start_at"]
        )
        return Response(HoldSerializer(hold).data, status=status.HTTP_201_CREATED)


class SlotHoldDetailView(BookingArea, APIView):
    """Release one of the caller's holds."""

    def get_permissions(self):
        return _book_permissions()

    @extend_schema(
        tags=[TAG], operation_id="appointment_hold_release", responses={204: None, 404: ERROR}
    )
    def delete(self, request, hold_id):
        slot_hold_release(actor=request.user, hold_id=hold_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Appointments -------------------------------------------------------------------------


class AppointmentDogSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class AppointmentPartySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class AppointmentSerializer(FastOutputMixin, serializers.ModelSerializer):
    provider = serializers.SerializerMethodField()
    offering = serializers.SerializerMethodField()
    dogs = serializers.SerializerMethodField()
    rescheduled_from = serializers.UUIDField(source="rescheduled_from_id", read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "reference",
            "status",
            "start_at",
            "end_at",
            "time_zone",
            "provider",
            "offering",
            "dogs",
            "location_type",
            "location_text",
            "price_amount",
            "currency",
            "deposit_amount",
            "owner_notes",
            "confirmed_at",
            "completed_at",
            "cancelled_at",
            "cancellation_reason",
            "decline_reason",
            "no_show_party",
            "rescheduled_from",
            "reschedule_count",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(AppointmentPartySerializer)
    def get_provider(self, obj):
        return {"id": str(obj.provider_id), "name": obj.provider.business_name}

    @extend_schema_field(AppointmentPartySerializer)
    def get_offering(self, obj):
        return {"id": str(obj.service_offering_id), "name": obj.service_offering.name}

    @extend_schema_field(AppointmentDogSerializer(many=True))
    def get_dogs(self, obj):
        rows = getattr(obj, "pet_rows", None)
        if rows is None:
            rows = list(obj.pets.select_related("dog").order_by("id"))
        return [{"id": str(row.dog_id), "name": row.dog.name} for row in rows]


class StatusHistorySerializer(serializers.Serializer):
    from_status = serializers.CharField(allow_null=True)
    to_status = serializers.CharField()
    changed_at = serializers.DateTimeField()
    reason = serializers.CharField()


class AppointmentDetailSerializer(AppointmentSerializer):
    history = serializers.SerializerMethodField()

    class Meta(AppointmentSerializer.Meta):
        fields = [*AppointmentSerializer.Meta.fields, "history"]
        read_only_fields = fields

    @extend_schema_field(StatusHistorySerializer(many=True))
    def get_history(self, obj):
        rows = getattr(obj, "history_rows", None)
        if rows is None:
            rows = list(obj.status_history.order_by("changed_at", "id"))
        return [
            {
                "from_status": row.from_status,
                "to_status": row.to_status,
                "changed_at": serializers.DateTimeField().to_representation(row.changed_at),
                "reason": row.reason,
            }
            for row in rows
        ]


class AppointmentFilterSerializer(serializers.Serializer):
    status = serializers.CharField(required=False)
    from_ = serializers.DateTimeField(required=False)
    to = serializers.DateTimeField(required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


def _filters(request) -> dict:
    data = query_filters(AppointmentFilterSerializer, request.query_params)
    return {
        "status": data.get("status"),
        "start_from": data.get("from"),
        "start_to": data.get("to"),
    }


FILTER_PARAMETERS = [
    OpenApiParameter("status", str, description="One appointment status."),
    OpenApiParameter("from", str, description="Start at or after (ISO 8601)."),
    OpenApiParameter("to", str, description="Start before (ISO 8601)."),
]


class BookingInputSerializer(serializers.Serializer):
    offering = serializers.UUIDField()
    start_at = serializers.DateTimeField()
    dogs = serializers.ListField(child=serializers.UUIDField(), max_length=20)
    location_type = serializers.CharField(required=False)
    location_text = serializers.CharField(required=False, allow_blank=True, max_length=300)
    owner_notes = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class AppointmentListCreateView(BookingArea, generics.ListAPIView):
    """The caller's bookings (GET; filters `status`, `from`, `to`) and a new one (POST).

    POST books a free slot for the caller's own dogs. Send an `Idempotency-Key` header:
    a retry with the same key answers 200 with the appointment the first call created
    (201). A slot taken in the meantime answers 409 `slot_unavailable`.
    """

    serializer_class = AppointmentSerializer
    filter_backends: list = []

    def get_permissions(self):
        if self.request.method == "POST":
            return _book_permissions()
        return [IsAuthenticated()]

    @extend_schema(tags=[TAG], operation_id="appointment_list", parameters=FILTER_PARAMETERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return appointment_list_owner(actor=self.request.user, **_filters(self.request))

    @extend_schema(
        tags=[TAG],
        operation_id="appointment_create",
        parameters=[IDEMPOTENCY_KEY],
        request=BookingInputSerializer,
        responses={
            200: AppointmentSerializer,
            201: AppointmentSerializer,
            400: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def post(self, request):
        data = BookingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        key = (request.headers.get("Idempotency-Key") or "").strip() or None
        if key is not None and len(key) > IDEMPOTENCY_KEY_MAX:
            raise serializers.ValidationError(
                {"Idempotency-Key": [f"Use at most {IDEMPOTENCY_KEY_MAX} characters."]}
            )
        values = dict(data.validated_data)
        offering = offering_get_bookable(offering_id=values.pop("offering"))
        result = appointment_book(
            actor=request.user, offering=offering, idempotency_key=key, **values
        )
        appointment = appointment_get(actor=request.user, appointment_id=result.appointment.pk)
        return Response(
            AppointmentSerializer(appointment).data,
            status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
        )


class ProviderAppointmentListView(BookingArea, generics.ListAPIView):
    """The appointments booked with the caller's provider profile (filters as above)."""

    serializer_class = AppointmentSerializer
    filter_backends: list = []
    permission_classes = [IsAuthenticated, HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)]

    @extend_schema(
        tags=[TAG], operation_id="provider_me_appointment_list", parameters=FILTER_PARAMETERS
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return appointment_list_provider(actor=self.request.user, **_filters(self.request))


class AppointmentDetailView(BookingArea, APIView):
    """One appointment of the caller (as owner or provider), with its status history."""

    @extend_schema(
        tags=[TAG],
        operation_id="appointment_get",
        responses={200: AppointmentDetailSerializer, 404: ERROR},
    )
    def get(self, request, appointment_id):
        appointment = appointment_get(actor=request.user, appointment_id=appointment_id)
        return Response(AppointmentDetailSerializer(appointment).data)


class ActionInputSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class RescheduleInputSerializer(ActionInputSerializer):
    start_at = serializers.DateTimeField()


def _detail(request, appointment) -> Response:
    fresh = appointment_get(actor=request.user, appointment_id=appointment.pk)
    return Response(AppointmentDetailSerializer(fresh).data)


class AppointmentActionView(BookingArea, APIView):
    """One state change: confirm, decline, start, complete (the provider), cancel (either
    side, under the cancellation policy), no-show (after the start). 409
    `appointment_invalid_transition` when the status does not allow it."""

    action_name = ""

    @extend_schema(
        tags=[TAG],
        request=ActionInputSerializer,
        responses={
            200: AppointmentDetailSerializer,
            400: ERROR,
            403: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def post(self, request, appointment_id):
        data = ActionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        appointment = appointment_get(actor=request.user, appointment_id=appointment_id)
        service = APPOINTMENT_ACTIONS[self.action_name]
        kwargs = {}
        if self.action_name in ("decline", "cancel", "no-show"):
            kwargs["reason"] = data.validated_data.get("reason", "")
        service(actor=request.user, appointment=appointment, **kwargs)
        return _detail(request, appointment)


def action_view(name: str):
    """The view of one action, with its own operation id in the schema."""
    operation_id = f"appointment_{name.replace('-', '_')}"
    view = type(
        f"Appointment{name.title().replace('-', '')}View",
        (AppointmentActionView,),
        {"action_name": name},
    )
    return extend_schema_view(post=extend_schema(operation_id=operation_id))(view).as_view()


class AppointmentRescheduleView(BookingArea, APIView):
    """Move the appointment to another free slot; the old row is kept as `Rescheduled`
    and the new one answers (201)."""

    @extend_schema(
        tags=[TAG],
        operation_id="appointment_reschedule",
        request=RescheduleInputSerializer,
        responses={
            201: AppointmentDetailSerializer,
            400: ERROR,
            403: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def post(self, request, appointment_id):
        data = RescheduleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        appointment = appointment_get(actor=request.user, appointment_id=appointment_id)
        new = appointment_reschedule(
            actor=request.user,
            appointment=appointment,
            start_at=data.validated_data["start_at"],
            reason=data.validated_data.get("reason", ""),
        )
        fresh = appointment_get(actor=request.user, appointment_id=new.pk)
        return Response(AppointmentDetailSerializer(fresh).data, status=status.HTTP_201_CREATED)
