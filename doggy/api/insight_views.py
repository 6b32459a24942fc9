"""Staff dashboards (business-intelligence counts, provider KPIs) and a provider's own KPIs.

`/staff/...` routes need `system.admin` (403 otherwise); `/providers/me/performance/`
needs `services.provide` and a provider profile (404 without one, or before the first
daily snapshot). Bad filters are a 400 `invalid` naming the field. See docs/api/insights.md.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.core.permissions import PermissionName
from doggy.insights.metrics import PROPERTIES
from doggy.insights.selectors import (
    PERFORMANCE_ORDERINGS,
    SERIES_FREQUENCIES,
    metric_series,
    provider_performance_list,
    provider_performance_own,
)
from scheduling.selectors import provider_get_own

from .output import FastOutputMixin
from .permissions import HasRbacPermission
from .serializers import ErrorSerializer

TAG = "insights"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsSystemAdmin = HasRbacPermission.for_(PermissionName.SYSTEM_ADMIN)
IsProvider = HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)


class MetricPointSerializer(FastOutputMixin, serializers.Serializer):
    date = serializers.DateField(read_only=True, help_text="The bucket's first day.")
    subgroup = serializers.CharField(read_only=True)
    value = serializers.DecimalField(max_digits=18, decimal_places=4, read_only=True)


class MetricSeriesSerializer(FastOutputMixin, serializers.Serializer):
    property = serializers.CharField(read_only=True)
    frequency = serializers.CharField(read_only=True)
    aggregation = serializers.CharField(
        read_only=True, help_text="`sum` of the days, or the `last` day of a week (gauges)."
    )
    start = serializers.DateField(read_only=True)
    end = serializers.DateField(read_only=True)
    subgroup = serializers.CharField(read_only=True, allow_null=True)
    results = MetricPointSerializer(many=True, read_only=True)


class ProviderPerformanceSerializer(FastOutputMixin, serializers.Serializer):
    provider_id = serializers.UUIDField(read_only=True)
    business_name = serializers.CharField(source="provider.business_name", read_only=True)
    period_start = serializers.DateField(read_only=True)
    period_end = serializers.DateField(read_only=True)
    requests_received = serializers.IntegerField(read_only=True)
    requests_accepted = serializers.IntegerField(read_only=True)
    requests_declined = serializers.IntegerField(read_only=True)
    requests_expired = serializers.IntegerField(read_only=True)
    cancellations = serializers.IntegerField(read_only=True)
    on_time_arrivals = serializers.IntegerField(read_only=True)
    late_arrivals = serializers.IntegerField(read_only=True)
    median_response_seconds = serializers.IntegerField(read_only=True, allow_null=True)
    acceptance_rate = serializers.SerializerMethodField()
    cancellation_rate = serializers.SerializerMethodField()
    on_time_rate = serializers.SerializerMethodField()
    average_rating = serializers.SerializerMethodField()
    gross_revenue = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    gross_revenue_currency = serializers.SerializerMethodField()
    computed_at = serializers.DateTimeField(read_only=True)

    @staticmethod
    def _rounded(value, digits: int = 4) -> float | None:
        return None if value is None else round(float(value), digits)

    def get_acceptance_rate(self, obj) -> float | None:
        return self._rounded(obj.acceptance_rate)

    def get_cancellation_rate(self, obj) -> float | None:
        return self._rounded(obj.cancellation_rate)

    def get_on_time_rate(self, obj) -> float | None:
        return self._rounded(obj.on_time_rate)

    def get_average_rating(self, obj) -> float | None:
        return self._rounded(obj.average_rating, 2)

    def get_gross_revenue_currency(self, obj) -> str:
        return "USD"


class StaffMetricsView(APIView):
    """`/staff/metrics/`: one property's counts by day or week."""

    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=[TAG],
        operation_id="staff_metrics_get",
        parameters=[
            OpenApiParameter("property", str, required=True, enum=list(PROPERTIES)),
            OpenApiParameter("frequency", str, enum=list(SERIES_FREQUENCIES)),
            OpenApiParameter("start", str, description="YYYY-MM-DD; default: 29 days before end."),
            OpenApiParameter("end", str, description="YYYY-MM-DD; default: today (UTC)."),
            OpenApiParameter("subgroup", str, description="Only this dimension value."),
        ],
        responses={200: MetricSeriesSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def get(self, request):
        series = metric_series(actor=request.user, filters=request.query_params)
        return Response(MetricSeriesSerializer(series).data)


class StaffProviderPerformanceView(GenericAPIView):
    """`/staff/providers/performance/`: the latest KPIs of every provider, paginated."""

    permission_classes = [IsSystemAdmin]
    serializer_class = ProviderPerformanceSerializer
    filter_backends: list = []

    @extend_schema(
        tags=[TAG],
        operation_id="staff_provider_performance_list",
        parameters=[
            OpenApiParameter("provider", str, description="One provider's id."),
            OpenApiParameter(
                "ordering",
                str,
                enum=[f"{sign}{name}" for name in PERFORMANCE_ORDERINGS for sign in ("", "-")],
            ),
        ],
        responses={
            200: ProviderPerformanceSerializer(many=True),
            400: ERROR,
            401: ERROR,
            403: ERROR,
        },
    )
    def get(self, request):
        queryset = provider_performance_list(actor=request.user, filters=request.query_params)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(ProviderPerformanceSerializer(page, many=True).data)


class ProviderMePerformanceView(APIView):
    """`/providers/me/performance/`: the caller's own latest KPIs."""

    permission_classes = [IsAuthenticated, IsProvider]

    @extend_schema(
        tags=[TAG],
        operation_id="provider_me_performance_get",
        responses={200: ProviderPerformanceSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        provider = provider_get_own(actor=request.user)
        snapshot = provider_performance_own(actor=request.user, provider=provider)
        return Response(ProviderPerformanceSerializer(snapshot).data)
