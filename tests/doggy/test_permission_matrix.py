"""Who may call the platform routes (health, status page, incidents, latency, system
settings): the permission matrix on the one base (tests/matrix.py)."""

from __future__ import annotations

from functools import cached_property

from django.utils import timezone

from doggy.choices import IncidentSeverity
from doggy.models import SystemIncident
from tests.accounts.matrix_world import ADMIN, World, WorldMatrix, everyone, only
from tests.matrix import Route


class PlatformWorld(World):
    @cached_property
    def incident_id(self):
        return SystemIncident.objects.create(
            title="Slow uploads", severity=IncidentSeverity.MINOR, started_at=timezone.now()
        ).pk


class TestPlatformPermissionMatrix(WorldMatrix):
    routes = (
        Route("GET", "/api/v1/health/", everyone(200)),
        Route("GET", "/api/v1/health/live/", everyone(200)),
        Route("GET", "/api/v1/health/ready/", everyone(200)),
        Route("GET", "/api/v1/status/", everyone(200)),
        Route("GET", "/api/v1/staff/incidents/", only(ADMIN, 200)),
        Route(
            "POST",
            "/api/v1/staff/incidents/",
            only(ADMIN, 201),
            {"title": "Payments delayed", "severity": "Major"},
        ),
        Route("GET", "/api/v1/staff/incidents/{incident_id}/", only(ADMIN, 200)),
        Route(
            "PATCH",
            "/api/v1/staff/incidents/{incident_id}/",
            only(ADMIN, 200),
            {"status": "Identified"},
        ),
        Route("GET", "/api/v1/staff/health/latency/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/settings/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/settings/{setting_key}/", only(ADMIN, 200)),
        Route(
            "PUT",
            "/api/v1/admin/settings/{setting_key}/",
            only(ADMIN, 200),
            lambda w: {"value": 45},
        ),
    )

    def build_world(self, request, users):
        return PlatformWorld(users, request.getfixturevalue("rbac"))
