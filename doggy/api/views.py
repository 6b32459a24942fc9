"""Platform routes: the health check."""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .serializers import ErrorSerializer, HealthSerializer

logger = logging.getLogger(__name__)


class HealthView(APIView):
    """200 while the database answers; 503 otherwise. Open to everyone, even in
    maintenance mode, so load balancers can probe it."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["platform"],
        operation_id="health_retrieve",
        responses={
            200: HealthSerializer,
            503: OpenApiResponse(ErrorSerializer, description="The database is unreachable."),
        },
        auth=[],
    )
    def get(self, request):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            logger.exception("Health check: the database is unreachable")
            body = {
                "error": {
                    "code": "database_unavailable",
                    "message": "The database is unreachable.",
                    "fields": {},
                }
            }
            return Response(body, status=503)
        return Response({"status": "ok", "database": "ok"})
