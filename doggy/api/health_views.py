"""System health routes (plan 042).

Liveness and readiness, open to everyone and exempt from maintenance mode so load
balancers and orchestrators can probe them (neither authenticates nor throttles); the
public status page of open incidents; and the staff routes (`system.admin`): incidents
and the API latency percentiles."""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend, FilterSet
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.core.permissions import PermissionName

from ..choices import IncidentSeverity, IncidentStatus
from ..health import (
    api_latency_summary,
    incident_get,
    incident_list,
    incident_list_open,
    incident_open,
    incident_update,
    readiness,
)
from ..models import SystemIncident
from .permissions import HasRbacPermission
from .serializers import ErrorSerializer

logger = logging.getLogger(__name__)

_CHECK = inline_serializer(
    "ReadinessCheck",
    {
        "status": serializers.CharField(help_text="Healthy or Unhealthy"),
        "latency_ms": serializers.IntegerField(),
        "message": serializers.CharField(),
    },
)
_READINESS = inline_serializer(
    "Readiness",
    {
        "status": serializers.CharField(help_text="ready or not_ready"),
        "checks": serializers.DictField(child=_CHECK),
    },
)


class LivenessView(APIView):
    """200 while the process serves requests; touches nothing else."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["platform"],
        operation_id="health_live",
        responses={200: inline_serializer("Liveness", {"status": serializers.CharField()})},
        auth=[],
    )
    def get(self, request):
        return Response({"status": "alive"})


class ReadinessView(APIView):
    """The database, cache, channel layer, storage and migrations, each timed; 503 when
    any of them fails."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["platform"],
        operation_id="health_ready",
        responses={200: _READINESS, 503: _READINESS},
        auth=[],
    )
    def get(self, request):
        ready, results = readiness()
        body = {
            "status": "ready" if ready else "not_ready",
            "checks": {name: result.as_dict() for name, result in results.items()},
        }
        if not ready:
            failing = sorted(name for name, r in results.items() if r.status != "Healthy")
            logger.warning("Readiness: not ready (%s)", ", ".join(failing))
        return Response(body, status=200 if ready else 503)


# --- The public status page and the staff incident routes -----------------------------------

ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsSystemAdmin = HasRbacPermission.for_(PermissionName.SYSTEM_ADMIN)
STATUS_PAGE_LIMIT = 50


class PublicIncidentSerializer(serializers.ModelSerializer):
    """What the status page shows: never who opened it."""

    class Meta:
        model = SystemIncident
        fields = (
            "id",
            "title",
            "severity",
            "status",
            "affected_components",
            "started_at",
            "public_message",
        )
        read_only_fields = fields


class IncidentSerializer(serializers.ModelSerializer):
    created_by = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = SystemIncident
        fields = (
            "id",
            "title",
            "severity",
            "status",
            "affected_components",
            "started_at",
            "resolved_at",
            "public_message",
            "created_by",
        )
        read_only_fields = fields


class IncidentCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    severity = serializers.ChoiceField(choices=IncidentSeverity.choices)
    status = serializers.ChoiceField(
        choices=IncidentStatus.choices, required=False, help_text="Not Resolved."
    )
    affected_components = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, max_length=20
    )
    public_message = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    started_at = serializers.DateTimeField(required=False)


class IncidentUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    severity = serializers.ChoiceField(choices=IncidentSeverity.choices, required=False)
    status = serializers.ChoiceField(choices=IncidentStatus.choices, required=False)
    affected_components = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, max_length=20
    )
    public_message = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    started_at = serializers.DateTimeField(required=False)


class StatusPageSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="operational, or degraded while an incident is open")
    incidents = PublicIncidentSerializer(many=True)


class StatusPageView(APIView):
    """The public status page: the open incidents, newest first (at most 50). Open to
    everyone, unauthenticated, and exempt from maintenance mode."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["platform"],
        operation_id="status_retrieve",
        responses={200: StatusPageSerializer},
        auth=[],
    )
    def get(self, request):
        incidents = list(incident_list_open()[:STATUS_PAGE_LIMIT])
        body = {"status": "degraded" if incidents else "operational", "incidents": incidents}
        return Response(StatusPageSerializer(body).data)


class IncidentFilter(FilterSet):
    class Meta:
        model = SystemIncident
        fields = ["status", "severity"]


class StaffIncidentListView(generics.ListAPIView):
    """Every incident, newest first, by `status` and `severity` (GET); open one (POST)."""

    permission_classes = [IsSystemAdmin]
    serializer_class = IncidentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = IncidentFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return SystemIncident.objects.none()
        return incident_list(actor=self.request.user)

    @extend_schema(
        tags=["admin"],
        operation_id="staff_incidents_list",
        responses={200: IncidentSerializer(many=True), 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["admin"],
        operation_id="staff_incidents_create",
        request=IncidentCreateSerializer,
        responses={201: IncidentSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def post(self, request):
        data = IncidentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        incident = incident_open(actor=request.user, **data.validated_data)
        return Response(IncidentSerializer(incident).data, status=201)


class StaffIncidentDetailView(APIView):
    """One incident (GET); change it, `status: "Resolved"` resolving it (PATCH)."""

    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=["admin"],
        operation_id="staff_incidents_retrieve",
        responses={200: IncidentSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, incident_id):
        return Response(
            IncidentSerializer(incident_get(actor=request.user, incident_id=incident_id)).data
        )

    @extend_schema(
        tags=["admin"],
        operation_id="staff_incidents_partial_update",
        request=IncidentUpdateSerializer,
        responses={
            200: IncidentSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def patch(self, request, incident_id):
        data = IncidentUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        incident = incident_get(actor=request.user, incident_id=incident_id)
        incident = incident_update(actor=request.user, incident=incident, **data.validated_data)
        return Response(IncidentSerializer(incident).data)


# --- API latency percentiles ----------------------------------------------------------------

MAX_LATENCY_WINDOW = datetime.timedelta(days=31)
DEFAULT_LATENCY_WINDOW = datetime.timedelta(hours=1)


class LatencyQuerySerializer(serializers.Serializer):
    route = serializers.CharField(
        required=False, max_length=200, help_text="A URL name, e.g. dog-list."
    )
    start = serializers.DateTimeField(required=False, help_text="Default: an hour before end.")
    end = serializers.DateTimeField(required=False, help_text="Default: now.")

    def validate(self, attrs):
        end = attrs.get("end") or timezone.now()
        start = attrs.get("start") or end - DEFAULT_LATENCY_WINDOW
        if start >= end:
            raise serializers.ValidationError({"start": ["The start must come before the end."]})
        if end - start > MAX_LATENCY_WINDOW:
            raise serializers.ValidationError({"start": ["At most 31 days at once."]})
        return {**attrs, "start": start, "end": end}


class LatencyRowSerializer(serializers.Serializer):
    route = serializers.CharField()
    method = serializers.CharField()
    count = serializers.IntegerField()
    errors_5xx = serializers.IntegerField()
    mean_ms = serializers.IntegerField(allow_null=True)
    p50_ms = serializers.IntegerField(allow_null=True)
    p95_ms = serializers.IntegerField(allow_null=True)
    p99_ms = serializers.IntegerField(allow_null=True, help_text="1000 means 1000 ms or more.")


class LatencySummarySerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    routes = LatencyRowSerializer(many=True)


class StaffLatencyView(APIView):
    """p50/p95/p99 per route and method over a window, from `ApiMetricBuckets`."""

    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=["admin"],
        operation_id="staff_health_latency_retrieve",
        parameters=[LatencyQuerySerializer],
        responses={200: LatencySummarySerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def get(self, request):
        query = LatencyQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        window = query.validated_data
        routes = api_latency_summary(
            actor=request.user, start=window["start"], end=window["end"], route=window.get("route")
        )
        body = {"start": window["start"], "end": window["end"], "routes": routes}
        return Response(LatencySummarySerializer(body).data)
