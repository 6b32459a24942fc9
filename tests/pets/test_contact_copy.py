"""Plan 037's data migration: every inline contact and vet value is copied, and back.

`pets/0005_copy_dog_contacts` runs here with the historical models, as `migrate` runs it;
the round trip through `migrate` itself is in test_migrations.py. The checksum is
SHA-256 over every dog's six inline values (tests/pets/contact_copy.py).
"""

from __future__ import annotations

import io
import time
import uuid

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from doggy.dbtools.plan import check_dog_contacts
from pets.models import DogEmergencyContact, DogProfile, DogVeterinarian, EmergencyContact
from tests.accounts.factories import UserFactory
from tests.pets.contact_copy import inline_checksum, make_dogs, run_copy, values_lost
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.django_db


def _dog(owner, **inline):
    return DogProfileFactory(owner=owner, **inline)


def test_copy_forward_and_back_loses_no_value():
    # given 400 dogs covering every shape of inline contact and vet
    make_dogs(400)
    before = inline_checksum()
    # when the copy runs forward
    run_copy("forward", batch_size=64, progress=False)
    # then every non-blank inline value has its equal in the new tables
    counted, lost = values_lost()
    assert counted > 900
    assert lost == 0
    # and the 009 columns are untouched
    assert inline_checksum() == before
    # when it runs backward
    run_copy("backward", batch_size=64, progress=False)
    # then every inline value is exactly as it was
    assert inline_checksum() == before


def test_an_owners_identical_contacts_become_one_contact():
    owner = UserFactory()
    # The copy walks dogs by primary key and a shared contact takes the first dog's values;
    # dog ids are random UUIDs, so a and b get ids in a known order.
    a = _dog(
        owner,
        id=uuid.UUID(int=1),
        emergency_contact_name="Jane Doe",
        emergency_contact_phone="+1 (555) 010-0001",
    )
    b = _dog(
        owner,
        id=uuid.UUID(int=2),
        emergency_contact_name=" jane DOE ",
        emergency_contact_phone="15550100001",
        emergency_contact_relationship="Sister",
    )
    c = _dog(owner, emergency_contact_name="Jane Doe", emergency_contact_phone="555 0999")
    other = _dog(
        UserFactory(),
        emergency_contact_name="Jane Doe",
        emergency_contact_phone="+1 (555) 010-0001",
    )

    run_copy("forward", batch_size=2, progress=False)

    jane = EmergencyContact.objects.get(owner=owner, phone="+1 (555) 010-0001")
    assert jane.name == "Jane Doe"
    # the relationship typed on the second dog completes the shared contact
    assert jane.relationship == "Sister"
    assert set(jane.dog_links.values_list("dog_id", flat=True)) == {a.pk, b.pk}
    assert EmergencyContact.objects.filter(owner=owner).count() == 2
    assert DogEmergencyContact.objects.get(dog=c).contact.phone == "555 0999"
    assert EmergencyContact.objects.filter(owner=other.owner).count() == 1


def test_a_missing_name_or_phone_is_filled_and_blank_values_copy_nothing():
    owner = UserFactory()
    phone_only = _dog(owner, emergency_contact_phone="555 0300")
    name_only = _dog(owner, emergency_contact_name="Only A Name")
    blank = _dog(
        owner,
        emergency_contact_name="   ",
        emergency_contact_phone="",
        veterinarian_name=" ",
        veterinarian_address="",
    )

    run_copy("forward", progress=False)

    assert DogEmergencyContact.objects.get(dog=phone_only).contact.name == "Emergency contact"
    assert DogEmergencyContact.objects.get(dog=name_only).contact.phone == ""
    assert not DogEmergencyContact.objects.filter(dog=blank).exists()
    assert not DogVeterinarian.objects.filter(dog=blank).exists()


def test_the_contact_of_the_oldest_active_dog_is_primary():
    import datetime

    owner = UserFactory()
    _dog(
        owner,
        birthdate=datetime.date(2012, 1, 1),
        is_active=False,
        emergency_contact_name="Inactive Dog Contact",
    )
    _dog(owner, birthdate=datetime.date(2020, 1, 1), emergency_contact_name="Young Dog Contact")
    _dog(owner, birthdate=datetime.date(2016, 1, 1), emergency_contact_name="Old Dog Contact")

    run_copy("forward", batch_size=1, progress=False)

    assert list(
        EmergencyContact.objects.filter(owner=owner, is_primary=True).values_list("name", flat=True)
    ) == ["Old Dog Contact"]


def test_vets_are_copied_as_the_dogs_primary_vet():
    dog = _dog(
        UserFactory(),
        veterinarian_name=" Dr. Amy Wells ",
        veterinarian_phone="555 9000",
        veterinarian_address="1 Clinic Road",
    )

    run_copy("forward", progress=False)

    vet = DogVeterinarian.objects.get(dog=dog)
    assert (vet.veterinarian_name, vet.phone, vet.address_text, vet.is_primary) == (
        "Dr. Amy Wells",
        "555 9000",
        "1 Clinic Road",
        True,
    )


def test_a_second_run_and_a_resumed_run_copy_nothing_twice():
    make_dogs(120)
    # given a run interrupted after its first batch
    with pytest.raises(KeyboardInterrupt):
        run_copy("forward", batch_size=10, stream=_Interrupt(after=1), progress=True)
    partial = DogEmergencyContact.objects.count() + DogVeterinarian.objects.count()
    assert partial > 0
    # when it is started again, and once more
    run_copy("forward", batch_size=10, progress=False)
    counts = (
        EmergencyContact.objects.count(),
        DogEmergencyContact.objects.count(),
        DogVeterinarian.objects.count(),
    )
    run_copy("forward", batch_size=10, progress=False)
    # then the second full run changed nothing and no value is missing
    assert (
        EmergencyContact.objects.count(),
        DogEmergencyContact.objects.count(),
        DogVeterinarian.objects.count(),
    ) == counts
    assert values_lost()[1] == 0
    assert DogEmergencyContact.objects.values("dog_id").distinct().count() == counts[1]


def test_the_reverse_writes_changed_contacts_back():
    owner = UserFactory()
    dog = _dog(
        owner,
        emergency_contact_name="Jane Doe",
        emergency_contact_phone="555 0001",
        veterinarian_name="Dr. Old",
    )
    run_copy("forward", progress=False)
    # given the contact and vet changed in the new tables only
    EmergencyContact.objects.filter(owner=owner).update(
        name="John Roe", phone="555 0002", relationship="Brother"
    )
    DogVeterinarian.objects.filter(dog=dog).update(veterinarian_name="Dr. New", phone="555 7")

    run_copy("backward", progress=False)

    dog.refresh_from_db()
    assert (
        dog.emergency_contact_name,
        dog.emergency_contact_phone,
        dog.emergency_contact_relationship,
    ) == ("John Roe", "555 0002", "Brother")
    assert (dog.veterinarian_name, dog.veterinarian_phone, dog.veterinarian_address) == (
        "Dr. New",
        "555 7",
        None,
    )


def test_plan_verify_finds_an_inline_value_without_its_row():
    dog = _dog(UserFactory(), emergency_contact_name="Jane Doe", veterinarian_phone="555 1")
    # the test database has run 0005 before this dog existed: its rows are missing
    check = _contacts_check()
    assert not check.ok
    assert check.problems == [
        "Item 037: 1 dogs have an inline emergency contact but no DogEmergencyContacts row.",
        "Item 037: 1 dogs have an inline veterinarian but no DogVeterinarians row.",
    ]
    run_copy("forward", progress=False)
    assert _contacts_check().ok
    assert DogProfile.objects.filter(pk=dog.pk).exists()


def _contacts_check():
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    if ("pets", "0005_copy_dog_contacts") not in loader.applied_migrations:
        pytest.skip("the test database was built without migrations (--nomigrations)")
    return check_dog_contacts(connection, loader)


class _Interrupt(io.StringIO):
    """A progress stream that stops the run after `after` lines (a simulated crash)."""

    def __init__(self, after: int):
        super().__init__()
        self.after = after
        self.lines = 0

    def write(self, text):
        self.lines += text.count("\n")
        if self.lines > self.after:
            raise KeyboardInterrupt
        return super().write(text)


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_copy_100000_dogs_forward_and_back_loses_no_value(capsys):
    # given 100,000 dogs on PostgreSQL, seeded with COPY (doggy.bulk)
    if connection.vendor != "postgresql":
        pytest.skip("the 100,000-dog round trip runs on PostgreSQL")
    dogs = 100_000
    make_dogs(dogs, seed=3701)
    before = inline_checksum()
    # when the copy runs forward
    started = time.perf_counter()
    run_copy("forward", progress=False)
    forward = time.perf_counter() - started
    # then no inline value is without its equal in the new tables
    counted, lost_forward = values_lost()
    assert counted > 150_000
    assert lost_forward == 0
    # and the 009 columns are untouched
    assert inline_checksum() == before
    rows = (
        EmergencyContact.objects.count(),
        DogEmergencyContact.objects.count(),
        DogVeterinarian.objects.count(),
    )
    # when it runs backward
    started = time.perf_counter()
    run_copy("backward", progress=False)
    backward = time.perf_counter() - started
    # then every inline value is exactly as it was (the checksum over all of them)
    after = inline_checksum()
    assert after == before
    with capsys.disabled():
        print(
            f"\n037 copy, {dogs:,} dogs on PostgreSQL: forward {forward:.1f} s "
            f"({dogs / forward:,.0f} dogs/s; {sum(rows):,} rows written: {rows[0]:,} contacts, "
            f"{rows[1]:,} links, {rows[2]:,} vets; {sum(rows) / forward:,.0f} rows/s), "
            f"backward {backward:.1f} s ({dogs / backward:,.0f} dogs/s); "
            f"{counted:,} inline values, {lost_forward} lost forward, "
            f"checksum {before[:12]} equal after the reverse"
        )
