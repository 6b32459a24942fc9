"""Plan 037's tables against SCHEMA.md 2.37 and A18, and their keys refused in the database.

The plan gives only a title for 037, so the catalog is the contract: every column with
its nullability, the named index and the (filtered) unique keys. Each key is tested by
a row written past Python validation, so only the database can refuse it.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from pets.models import DogEmergencyContact, DogVeterinarian, EmergencyContact
from tests import catalog
from tests.accounts.factories import UserFactory
from tests.pets.factories import (
    DogEmergencyContactFactory,
    DogVeterinarianFactory,
    EmergencyContactFactory,
)

COLUMNS = {
    "EmergencyContacts": {
        "Id": False,
        "OwnerId": False,
        "Name": False,
        "Relationship": False,
        "Phone": False,
        "AlternatePhone": False,
        "Email": False,
        "CanAuthorizeVetCare": False,
        "IsPrimary": False,
        "Notes": False,
        "CreatedAt": False,
        "UpdatedAt": False,
    },
    "DogEmergencyContacts": {"Id": False, "DogId": False, "ContactId": False, "Priority": False},
    "DogVeterinarians": {
        "Id": False,
        "DogId": False,
        "ClinicName": False,
        "VeterinarianName": False,
        "Phone": False,
        "Email": False,
        "AddressText": False,
        "IsPrimary": False,
        "IsEmergencyClinic": False,
    },
}
INDEXES = {"IX_EmergContacts_Owner": ("EmergencyContacts", ["OwnerId"])}
UNIQUES = {
    "UX_EmergContacts_Owner_Primary": ("EmergencyContacts", ["OwnerId"], ["IsPrimary"]),
    "UX_DogEmergContacts_Dog_Cont": ("DogEmergencyContacts", ["DogId", "ContactId"], None),
    "UX_DogVets_Dog_Primary": ("DogVeterinarians", ["DogId"], ["IsPrimary"]),
}


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    assert catalog.db_columns(table) == COLUMNS[table]


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists(db, name, where):
    catalog.assert_index(*where[:1], name, where[1], unique=False)


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists_with_its_filter(db, name, where):
    table, cols, filter_columns = where
    catalog.assert_index(table, name, cols, unique=True)
    if filter_columns:
        catalog.assert_filter_reads(table, name, filter_columns)


@pytest.mark.parametrize("table", COLUMNS)
def test_no_generated_index_duplicates_a_named_one(db, table):
    assert catalog.generated_duplicates(table) == []


def test_phone_has_a_database_default_for_foreign_inserts(db):
    # A18: Phone is NOT NULL with db_default ''
    owner = UserFactory()
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn('EmergencyContacts')} ({qn('Id')}, {qn('OwnerId')}, {qn('Name')}, "  # noqa: S608
            f"{qn('Relationship')}, {qn('AlternatePhone')}, {qn('Email')}, {qn('Notes')}) "
            "VALUES (%s, %s, %s, '', '', '', '')",
            ["0" * 31 + "1", owner.pk, "Legacy"],
        )
    contact = EmergencyContact.objects.get(owner=owner)
    assert (contact.phone, contact.is_primary, contact.can_authorize_vet_care) == ("", False, False)


def test_one_primary_contact_per_owner(db):
    primary = EmergencyContactFactory(is_primary=True)
    EmergencyContactFactory(owner=primary.owner)  # a second, not primary, is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        EmergencyContact.objects.bulk_create(
            [EmergencyContact(owner=primary.owner, name="Other", is_primary=True)]
        )
    assert EmergencyContact.objects.filter(owner=primary.owner, is_primary=True).count() == 1


def test_a_contact_is_linked_to_a_dog_once(db):
    link = DogEmergencyContactFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        DogEmergencyContact.objects.bulk_create(
            [DogEmergencyContact(dog=link.dog, contact=link.contact, priority=2)]
        )
    assert DogEmergencyContact.objects.filter(dog=link.dog).count() == 1


def test_one_primary_vet_per_dog(db):
    vet = DogVeterinarianFactory(is_primary=True)
    DogVeterinarian.objects.create(dog=vet.dog, clinic_name="Second opinion")
    with pytest.raises(IntegrityError), transaction.atomic():
        DogVeterinarian.objects.bulk_create(
            [DogVeterinarian(dog=vet.dog, clinic_name="Third", is_primary=True)]
        )
    assert DogVeterinarian.objects.filter(dog=vet.dog).count() == 2


def test_contacts_and_vets_go_with_their_dog_and_owner(db):
    link = DogEmergencyContactFactory()
    vet = DogVeterinarianFactory()
    vet.dog.delete()
    assert not DogVeterinarian.objects.filter(pk=vet.pk).exists()
    link.dog.owner.delete()
    assert not EmergencyContact.objects.filter(pk=link.contact_id).exists()
    assert not DogEmergencyContact.objects.filter(pk=link.pk).exists()
