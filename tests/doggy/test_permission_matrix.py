"""Who may call the platform routes (health, system settings): the permission matrix
on the one base (tests/matrix.py)."""

from __future__ import annotations

from tests.accounts.matrix_world import ADMIN, WorldMatrix, everyone, only
from tests.matrix import Route


class TestPlatformPermissionMatrix(WorldMatrix):
    routes = (
        Route("GET", "/api/v1/health/", everyone(200)),
        Route("GET", "/api/v1/health/live/", everyone(200)),
        Route("GET", "/api/v1/health/ready/", everyone(200)),
        Route("GET", "/api/v1/admin/settings/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/settings/{setting_key}/", only(ADMIN, 200)),
        Route(
            "PUT",
            "/api/v1/admin/settings/{setting_key}/",
            only(ADMIN, 200),
            lambda w: {"value": 45},
        ),
    )
