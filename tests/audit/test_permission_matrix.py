"""Who may read the audit log through the API: the permission matrix (tests/matrix.py)."""

from __future__ import annotations

from tests.accounts.matrix_world import ADMIN, WorldMatrix, only
from tests.matrix import Route


class TestAuditPermissionMatrix(WorldMatrix):
    routes = (
        Route("GET", "/api/v1/admin/audit-logs/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/audit-logs/{audit_log_id}/", only(ADMIN, 200)),
    )
