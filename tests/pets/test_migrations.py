"""The pets migrations run backwards and forwards, keeping the dogs they do not own.

Each test ends with every app migrated to its latest state.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from pets.models import DogProfile
from tests.pets.factories import DogProfileFactory

pytestmark = [pytest.mark.slow]

RECORD_TABLES = {
    "Vaccinations",
    "Medications",
    "DogConditions",
    "DogAllergies",
    "VetVisits",
    "MedicalDocuments",
    "WeightRecords",
    "EmergencyContacts",
    "DogEmergencyContacts",
    "DogVeterinarians",
}


def _migrate(*args: str) -> None:
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _indexes(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def _migrations_disabled() -> bool:
    return MigrationLoader.migrations_module("pets")[0] is None


@pytest.fixture
def migrated():
    if _migrations_disabled():
        pytest.skip("the test database was built without migrations (--nomigrations)")
    yield
    _migrate()


@pytest.mark.django_db(transaction=True)
def test_pets_migrations_reverse_and_reapply(migrated):
    # given a dog
    dog = DogProfileFactory()
    # when plan item 010 and the full-text index are rolled back
    _migrate("pets", "0001_dog_profiles")
    # then the record tables are gone, the dog and its table stay
    assert not RECORD_TABLES & _tables()
    assert {"DogProfiles", "DogAccessGrants"} <= _tables()
    assert DogProfile.objects.filter(pk=dog.pk).exists()
    assert "IX_DogProfiles_FullText" not in _indexes("DogProfiles")
    # when everything of the app is rolled back
    _migrate("pets", "zero")
    # then none of its tables remain
    assert not ({"DogProfiles", "DogAccessGrants"} | RECORD_TABLES) & _tables()
    # and re-applying brings every table and index back
    _migrate()
    assert ({"DogProfiles", "DogAccessGrants"} | RECORD_TABLES) <= _tables()
    expected = {"IX_DogProfiles_Owner_Active", "UX_DogProfiles_Microchip"}
    if connection.vendor == "postgresql":
        expected.add("IX_DogProfiles_FullText")
    assert expected <= _indexes("DogProfiles")


@pytest.mark.django_db(transaction=True)
def test_the_037_copy_reverses_and_reapplies_through_migrate(migrated):
    from tests.pets.contact_copy import inline_checksum, make_dogs, values_lost

    # given dogs with inline contacts written before item 037
    make_dogs(60)
    _migrate("pets", "0003_medical_records")
    before = inline_checksum()
    # when item 037 is applied
    _migrate("pets", "0005_copy_dog_contacts")
    # then every value is copied
    assert values_lost()[1] == 0
    assert values_lost()[0] > 100
    # when the copy and then the 037 tables are rolled back
    _migrate("pets", "0004_emergency_contacts")
    _migrate("pets", "0003_medical_records")
    # then the inline values are exactly as they were and the tables are gone
    assert inline_checksum() == before
    assert not {"EmergencyContacts", "DogEmergencyContacts", "DogVeterinarians"} & _tables()


def test_models_and_migrations_agree(db):
    # makemigrations --check: the models need no new migration
    from io import StringIO

    if _migrations_disabled():
        pytest.skip("migrations are disabled (--nomigrations)")
    out = StringIO()
    call_command("makemigrations", "pets", "--check", "--dry-run", stdout=out, skip_checks=True)
    assert "No changes detected" in out.getvalue()
