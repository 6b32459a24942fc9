"""The audit migrations of plan 034–036 run backwards and forwards, keeping the audit log.

Each test ends with every app migrated to its latest state.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from audit.models import AuditLog
from tests.audit.factories import (
    AnalyticsEventFactory,
    AuditLogFactory,
    ProviderPerformanceSnapshotFactory,
)

pytestmark = [pytest.mark.slow]

PHASE_5_TABLES = {
    "AnalyticsEvents",
    "UserDailyActivity",
    "MetricCounts",
    "MetricFillStates",
    "ProviderPerformanceSnapshots",
}


def _migrate(*args: str) -> None:
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _migrations_disabled() -> bool:
    return MigrationLoader.migrations_module("audit")[0] is None


@pytest.fixture
def migrated():
    if _migrations_disabled():
        pytest.skip("the test database was built without migrations (--nomigrations)")
    yield
    _migrate()


@pytest.mark.django_db(transaction=True)
def test_phase_5_audit_migrations_reverse_and_reapply_keeping_the_audit_log(migrated):
    # Given an audit row and rows in the new tables
    entry = AuditLogFactory()
    AnalyticsEventFactory()
    ProviderPerformanceSnapshotFactory()

    # When 036, then 035, then 034 are rolled back
    _migrate("audit", "0003_business_intelligence")
    assert "ProviderPerformanceSnapshots" not in _tables()
    _migrate("audit", "0002_user_analytics")
    assert not {"MetricCounts", "MetricFillStates"} & _tables()
    _migrate("audit", "0001_audit_logs")

    # Then only the audit log of 005 is left, with its row
    assert not PHASE_5_TABLES & _tables()
    assert AuditLog.objects.filter(pk=entry.pk).exists()

    # When re-applied, every table comes back
    _migrate()
    assert _tables() >= PHASE_5_TABLES


def test_audit_models_and_migrations_agree(db):
    if _migrations_disabled():
        pytest.skip("migrations are disabled (--nomigrations)")
    out = StringIO()
    call_command("makemigrations", "audit", "--check", "--dry-run", stdout=out, skip_checks=True)
    assert "No changes detected" in out.getvalue()
