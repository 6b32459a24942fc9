"""Reports (plan 041): the definitions a caller may run, asynchronous runs and their
files; and the staff dashboard's newest snapshot.

- `GET /reports/definitions/`: the active definitions the caller may run (audience and
  RequiredPermission, through `actor_may`). `/reports/` itself is the content-report
  route of the ai API (POST), so the list lives one level down.
- `POST /reports/runs/`: 202 with the Queued run and its `Location`; one run per caller
  and definition in progress at a time (409 `report_run_in_progress`).
- `GET /reports/runs/` (the caller's own, `?status=`), `GET /reports/runs/{id}/`.
- `GET /reports/runs/{id}/download/`: the file, for the requester only (404 for anybody
  else), 410 `report_expired` once expired, 409 `report_not_ready` before it exists.
- `GET /staff/dashboard/` (`system.admin`): the newest Platform snapshot, or 404
  `dashboard_not_ready`.

Docs: docs/api/reports.md.
"""

from __future__ import annotations

from django.core.files.storage import storages
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from audit.choices import ReportRunStatus
from doggy.choices import FeatureArea
from doggy.core.errors import NotFoundError
from doggy.core.permissions import PermissionName
from doggy.insights.errors import InsightsErrorCode
from doggy.insights.report_selectors import (
    dashboard_snapshot_latest,
    report_definition_list_runnable,
    report_run_file_for_download,
    report_run_get,
    report_run_list,
)
from doggy.insights.report_services import report_run_request

from . import report_serializers as s
from .permissions import HasRbacPermission
from .serializers import ErrorSerializer

TAG = "reports"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsSystemAdmin = HasRbacPermission.for_(PermissionName.SYSTEM_ADMIN)


class _ReportsView(GenericAPIView):
    # Reports read phase 6's tables; they are switched off with phase 6's area.
    feature_area = FeatureArea.PAYMENTS
    permission_classes = [IsAuthenticated]
    filter_backends: list = []


class ReportDefinitionListView(_ReportsView):
    serializer_class = s.ReportDefinitionSerializer

    @extend_schema(
        tags=[TAG],
        operation_id="report_definition_list",
        responses={200: s.ReportDefinitionSerializer(many=True), 401: ERROR},
    )
    def get(self, request):
        page = self.paginate_queryset(report_definition_list_runnable(actor=request.user))
        return self.get_paginated_response(s.ReportDefinitionSerializer(page, many=True).data)


class ReportRunListView(_ReportsView):
    serializer_class = s.ReportRunSerializer

    @extend_schema(
        tags=[TAG],
        operation_id="report_run_list",
        parameters=[OpenApiParameter("status", str, enum=list(ReportRunStatus.values))],
        responses={200: s.ReportRunSerializer(many=True), 400: ERROR, 401: ERROR, 404: ERROR},
    )
    def get(self, request):
        runs = report_run_list(actor=request.user, status=request.query_params.get("status"))
        page = self.paginate_queryset(runs)
        return self.get_paginated_response(s.ReportRunSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG],
        operation_id="report_run_request",
        request=s.ReportRunRequestSerializer,
        description="Queues a run; poll the `Location` until its status is no longer "
        "Queued or Running.",
        responses={202: s.ReportRunSerializer, 400: ERROR, 401: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = s.ReportRunRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        run = report_run_request(
            actor=request.user,
            key=data.validated_data["report"],
            parameters=data.validated_data["parameters"],
            format=data.validated_data["format"],
        )
        # Read back: the in-process runner may have run it already.
        run = report_run_get(actor=request.user, run_id=run.pk)
        response = Response(s.ReportRunSerializer(run).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("report-run-detail", kwargs={"run_id": str(run.pk)})
        return response


class ReportRunDetailView(_ReportsView):
    @extend_schema(
        tags=[TAG],
        operation_id="report_run_get",
        responses={200: s.ReportRunSerializer, 401: ERROR, 404: ERROR},
    )
    def get(self, request, run_id: str):
        return Response(
            s.ReportRunSerializer(report_run_get(actor=request.user, run_id=run_id)).data
        )


class ReportRunDownloadView(_ReportsView):
    @extend_schema(
        tags=[TAG],
        operation_id="report_run_download",
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, "application/json"): OpenApiTypes.BINARY,
            401: ERROR,
            404: ERROR,
            409: ERROR,
            410: OpenApiResponse(ErrorSerializer, description="`report_expired`."),
        },
    )
    def get(self, request, run_id: str):
        run, stored = report_run_file_for_download(actor=request.user, run_id=run_id)
        try:
            handle = storages[stored.storage_backend].open(stored.storage_key, "rb")
        except OSError:
            raise NotFoundError(
                InsightsErrorCode.REPORT_RUN_NOT_FOUND, "The report's file is gone."
            ) from None
        response = FileResponse(
            handle,
            content_type=stored.content_type,
            as_attachment=True,
            filename=stored.original_file_name,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class StaffDashboardView(_ReportsView):
    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=["admin"],
        operation_id="staff_dashboard_get",
        responses={200: s.DashboardSnapshotSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        return Response(s.DashboardSnapshotSerializer(dashboard_snapshot_latest()).data)
