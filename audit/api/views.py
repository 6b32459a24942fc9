"""Staff API for the audit log: read-only, filterable, newest first (system.admin)."""

from __future__ import annotations

import uuid

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.filtering import ListFilterBackend
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.errors import NotFoundError
from doggy.core.permissions import PermissionName

from ..filters import AuditLogFilter
from ..selectors import audit_log_list
from .serializers import AuditLogSerializer

ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsSystemAdmin = HasRbacPermission.for_(PermissionName.SYSTEM_ADMIN)


class AuditLogListView(generics.ListAPIView):
    permission_classes = [IsSystemAdmin]
    serializer_class = AuditLogSerializer
    filter_backends = [ListFilterBackend]
    filterset_class = AuditLogFilter

    def get_queryset(self):
        # The output shows the user and session by id only: no join for their rows.
        return audit_log_list(actor=self.request.user, with_related=False)

    @extend_schema(tags=["admin"], operation_id="admin_audit_logs_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AuditLogDetailView(APIView):
    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=["admin"],
        operation_id="admin_audit_logs_retrieve",
        responses={200: AuditLogSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, log_id: uuid.UUID):
        entry = audit_log_list(actor=request.user).filter(pk=log_id).first()
        if entry is None:
            raise NotFoundError("audit_log_not_found", "No such audit log entry.")
        return Response(AuditLogSerializer(entry).data)
