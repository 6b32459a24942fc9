"""The ai migrations (plan 031–033) run backwards and forwards, step by step.

Rolling back keeps the rows of the apps ai depends on (dogs, users); each test ends with
every app migrated to its latest state.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from pets.models import DogProfile
from tests.ai.factories import AiHealthRecommendationFactory, AiUsageRecordFactory

pytestmark = [pytest.mark.slow]

TABLES_031 = {"AiHealthRecommendations", "AiRecommendationFeedback"}
TABLES_032 = {"ModerationChecks", "ContentReports"}
TABLES_033 = {"AiUsageRecords", "AiDailyUsage", "AiModelPrices"}


def _migrate(*args: str) -> None:
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _columns(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


def _migrations_disabled() -> bool:
    return MigrationLoader.migrations_module("ai")[0] is None


@pytest.fixture
def migrated():
    if _migrations_disabled():
        pytest.skip("the test database was built without migrations (--nomigrations)")
    yield
    _migrate()


@pytest.mark.django_db(transaction=True)
def test_ai_migrations_reverse_step_by_step_and_reapply(migrated):
    # Given a recommendation linked to its usage record
    recommendation = AiHealthRecommendationFactory(usage_record=AiUsageRecordFactory())
    dog_id = recommendation.dog_id

    # When 033 is rolled back
    _migrate("ai", "0002_content_moderation")
    # Then its tables and the links it added are gone, 031/032 stay
    assert not TABLES_033 & _tables()
    assert _tables() >= TABLES_031 | TABLES_032
    assert "UsageRecordId" not in _columns("AiHealthRecommendations")
    assert "UsageRecordId" not in _columns("ModerationChecks")

    # When 032 and then everything of the app is rolled back
    _migrate("ai", "0001_health_recommendations")
    assert not TABLES_032 & _tables()
    _migrate("ai", "zero")
    # Then no ai table remains and the dog is still there
    assert not (TABLES_031 | TABLES_032 | TABLES_033) & _tables()
    assert DogProfile.objects.filter(pk=dog_id).exists()

    # When re-applied, every table and link comes back
    _migrate()
    assert _tables() >= TABLES_031 | TABLES_032 | TABLES_033
    assert "UsageRecordId" in _columns("AiHealthRecommendations")
    assert "UsageRecordId" in _columns("ModerationChecks")


def test_ai_models_and_migrations_agree(db):
    if _migrations_disabled():
        pytest.skip("migrations are disabled (--nomigrations)")
    out = StringIO()
    call_command("makemigrations", "ai", "--check", "--dry-run", stdout=out, skip_checks=True)
    assert "No changes detected" in out.getvalue()
