"""Phase 2 and 4 migrations (plan 011–016, 025–030): both directions, backfills, seeds.

Each test leaves the database migrated to the latest state, as it found it.
"""

from __future__ import annotations

import importlib
import uuid
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from scheduling.models import ServiceCategory
from tests.scheduling.factories import ProviderReviewFactory, ServiceOfferingFactory

pytestmark = [pytest.mark.slow]

PHASE2_TABLES = {
    "ServiceCategories",
    "ServiceOfferings",
    "ProviderReviews",
    "SubscriptionPlans",
    "PlanEntitlements",
    "UserSubscriptions",
    "Addresses",
}
PHASE4_MIGRATIONS = [
    "0004_availability",
    "0005_appointments",
    "0006_calendar_integration",
    "0007_booking_rules",
    "0008_appointment_history",
    "0009_service_delivery",
]
PHASE4_TABLES = {
    "AvailabilitySchedules",
    "AvailabilityRules",
    "AvailabilityOverrides",
    "Appointments",
    "AppointmentPets",
    "CalendarConnections",
    "ExternalCalendars",
    "CalendarEventLinks",
    "ExternalBusyBlocks",
    "CalendarFeedTokens",
    "BookingRules",
    "SlotHolds",
    "AppointmentStatusHistory",
    "AppointmentReschedules",
    "ServiceVisits",
    "ServiceVisitEvents",
    "ServiceVisitLocations",
    "ServiceVisitMedia",
}
CATEGORY_SLUGS = [
    "dog-walking",
    "pet-sitting",
    "boarding",
    "daycare",
    "grooming",
    "training",
    "vet-consult",
    "pet-taxi",
]


def _migrate(*args: str) -> None:
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _columns(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


@pytest.fixture
def at_head_afterwards(request, transactional_db):
    if request.config.getoption("nomigrations", default=False):
        pytest.skip("exercises the migrations, which --nomigrations turns off")
    yield
    _migrate()


def test_phase2_migrations_reverse_and_reapply(at_head_afterwards):
    # Given the latest state
    assert _tables() >= PHASE2_TABLES

    # When plan items 016 back to 011 are reversed
    _migrate("billing", "zero")
    _migrate("scheduling", "zero")
    _migrate("accounts", "0009_user_settings")

    # Then their tables and the provider columns are gone
    assert not PHASE2_TABLES & _tables()
    assert not {"Slug", "AverageRating", "BaseAddressId", "ServiceRadiusKm"} & _columns(
        "ServiceProviders"
    )

    # When everything is applied again
    _migrate()

    # Then the tables and the seed rows are back
    assert _tables() >= PHASE2_TABLES
    assert sorted(ServiceCategory.objects.values_list("slug", flat=True)) == sorted(CATEGORY_SLUGS)
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT "FeatureKey", "LimitValue" FROM "PlanEntitlements" e '
            'JOIN "SubscriptionPlans" p ON p."Id" = e."PlanId" WHERE p."Code" = %s',
            ["owner_free"],
        )
        assert cursor.fetchall() == [("ai.daily_requests", 100)]


def test_slug_backfill_gives_existing_providers_unique_slugs(at_head_afterwards):
    # Given providers that existed before plan 012, two with the same name
    _migrate("accounts", "0009_user_settings")
    state = MigrationExecutor(connection).loader.project_state(("accounts", "0009_user_settings"))
    User = state.apps.get_model("accounts", "User")
    Provider = state.apps.get_model("accounts", "ServiceProvider")
    names = ["Happy Paws", "Happy Paws", "Happy  paws!", "", "Zoë & Co"]
    ids = []
    for number, name in enumerate(names):
        user = User.objects.create(
            id=str(uuid.uuid4()), email=f"legacy{number}@example.com", password="!"
        )
        ids.append(Provider.objects.create(user=user, business_name=name).pk)

    # When plan 012 is applied
    _migrate("accounts", "0010_service_provider_enhancements")

    # Then each provider has a unique slug from its name, and the new columns' defaults
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT "Id", "Slug", "TimeZone", "IsActive", "ReviewCount", "VerificationStatus" '
            'FROM "ServiceProviders"'
        )
        rows = {str(row[0]).replace("-", ""): row[1:] for row in cursor.fetchall()}
    slugs = [rows[str(pk).replace("-", "")][0] for pk in ids]
    assert sorted(slugs) == sorted(
        ["happy-paws", "happy-paws-2", "happy-paws-3", "provider", "zoe-co"]
    )
    assert {row[1:] for row in rows.values()} == {("UTC", True, 0, "NotStarted")}


class _SchemaEditor(SimpleNamespace):
    connection = connection


@pytest.mark.django_db
def test_category_seed_is_idempotent_and_reverses_only_unused_rows():
    seed = importlib.import_module("scheduling.migrations.0002_seed_service_categories")

    # Running the seed twice leaves one row per category, in plan order
    seed.seed_categories(django_apps, _SchemaEditor())
    seed.seed_categories(django_apps, _SchemaEditor())
    seeded = list(ServiceCategory.objects.filter(slug__in=CATEGORY_SLUGS).order_by("sort_order"))
    assert [c.slug for c in seeded] == CATEGORY_SLUGS
    assert seeded[0].name == "Dog Walking"

    # Reversing keeps a category that an offering uses (PROTECT), deletes the rest
    ServiceOfferingFactory(category=ServiceCategory.objects.get(slug="grooming"))
    seed.unseed_categories(django_apps, _SchemaEditor())
    assert list(
        ServiceCategory.objects.filter(slug__in=CATEGORY_SLUGS).values_list("slug", flat=True)
    ) == ["grooming"]


def _no_overlap_exists() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = %s", ["EX_Appointments_NoOverlap"]
        )
        return cursor.fetchone() is not None


def test_phase4_migrations_reverse_one_by_one_and_reapply(at_head_afterwards):
    # Given the latest state, with an offering and a review from phase 2
    offering = ServiceOfferingFactory()
    review = ProviderReviewFactory(provider=offering.provider)
    assert _tables() >= PHASE4_TABLES
    assert _no_overlap_exists() is (connection.vendor == "postgresql")

    # When plan items 030 back to 025 are reversed, one migration at a time
    for target in reversed(["0003_reviews", *PHASE4_MIGRATIONS[:-1]]):
        _migrate("scheduling", target)

    # Then their tables, the deferred columns and the exclusion constraint are gone
    assert not PHASE4_TABLES & _tables()
    assert "ScheduleId" not in _columns("ServiceOfferings")
    assert "AppointmentId" not in _columns("ProviderReviews")
    assert _no_overlap_exists() is False
    # and the phase 2 rows are still there
    with connection.cursor() as cursor:
        cursor.execute('SELECT COUNT(*) FROM "ServiceOfferings" WHERE "Slug" = %s', [offering.slug])
        assert cursor.fetchone()[0] == 1
        cursor.execute('SELECT COUNT(*) FROM "ProviderReviews" WHERE "Title" = %s', [review.title])
        assert cursor.fetchone()[0] >= 1

    # When everything is applied again
    _migrate()

    # Then the tables, the columns and (on PostgreSQL) the constraint are back
    assert _tables() >= PHASE4_TABLES
    assert {"ScheduleId"} <= _columns("ServiceOfferings")
    assert {"AppointmentId"} <= _columns("ProviderReviews")
    assert _no_overlap_exists() is (connection.vendor == "postgresql")
