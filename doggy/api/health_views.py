"""Liveness and readiness (plan 042), open to everyone and exempt from maintenance mode so
load balancers and orchestrators can probe them. Neither authenticates nor throttles."""

from __future__ import annotations

import logging

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ..health import readiness

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
