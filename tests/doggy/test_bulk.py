"""`doggy.bulk.bulk_insert`: COPY on PostgreSQL, bulk_create elsewhere, the same rows."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doggy.bulk import bulk_insert
from pets.models import DogProfile

pytestmark = pytest.mark.django_db

PHOTO = "https://example.com/p.png"


def _dogs(owner, count: int) -> list[DogProfile]:
    return [
        DogProfile(
            id=uuid.uuid4(),
            owner=owner,
            name=f"Loaded {n}",
            weight=Decimal("12.50"),
            birthdate=datetime.date(2020, 1, n % 28 + 1),
            additional_photos=["https://example.com/a.png"],
            is_active=bool(n % 2),
        )
        for n in range(count)
    ]


def test_rows_arrive_with_every_value(user):
    dogs = _dogs(user, 7)
    assert bulk_insert(DogProfile, iter(dogs), batch_size=3) == 7
    stored = {dog.pk: dog for dog in DogProfile.objects.filter(owner=user)}
    assert set(stored) == {dog.pk for dog in dogs}
    for dog in dogs:
        row = stored[dog.pk]
        assert (row.name, row.weight, row.birthdate, row.additional_photos, row.is_active) == (
            dog.name,
            Decimal("12.50"),
            dog.birthdate,
            ["https://example.com/a.png"],
            dog.is_active,
        )
        # auto_now / auto_now_add columns are filled as bulk_create fills them
        assert row.created_at is not None
        assert row.updated_at is not None


@pytest.mark.postgres
def test_postgres_loads_through_copy(user):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with CaptureQueriesContext(connection) as captured:
        bulk_insert(DogProfile, _dogs(user, 50), batch_size=25)
    # COPY, not INSERT statements
    assert [q["sql"] for q in captured if "INSERT" in q["sql"].upper()] == []
    assert DogProfile.objects.filter(owner=user).count() == 50


def test_plain_rows_arrive_with_every_value(user):
    from django.utils import timezone

    from doggy.bulk import bulk_insert_rows

    now = timezone.now()
    rows = [
        (uuid.uuid4(), user.pk, f"Row {n}", Decimal("3.25"), [PHOTO], now, now) for n in range(5)
    ]
    names = ("id", "owner_id", "name", "weight", "additional_photos", "created_at", "updated_at")
    assert bulk_insert_rows(DogProfile, names, iter(rows), batch_size=2) == 5
    stored = DogProfile.objects.filter(owner=user).order_by("name")
    assert [(d.pk, d.name, d.weight, d.additional_photos, d.is_active) for d in stored] == [
        (row[0], row[2], Decimal("3.25"), [PHOTO], True) for row in rows
    ]


def _table_shape() -> tuple[list, list]:
    """(index definitions, constraint definitions) of DogProfiles."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'DogProfiles' ORDER BY indexname"
        )
        indexes = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = '\"DogProfiles\"'::regclass ORDER BY conname"
        )
        return indexes, cursor.fetchall()


@pytest.mark.postgres
def test_a_load_with_rebuilt_indexes_leaves_the_table_as_it_was(user):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from doggy.bulk import bulk_insert_rows

    # given a dog written earlier in the same transaction (its key check still deferred)
    DogProfile.objects.create(owner=user, name="Before")
    before = _table_shape()
    names = ("id", "owner_id", "name", "created_at", "updated_at")
    now = datetime.datetime.now(datetime.UTC)
    rows = [(uuid.uuid4(), user.pk, f"Row {n}", now, now) for n in range(30)]

    # when rows are loaded with the indexes dropped and re-created
    with CaptureQueriesContext(connection) as captured:
        assert bulk_insert_rows(DogProfile, names, rows, batch_size=7, rebuild_indexes=True) == 30

    # then the rows are there, and every index and constraint is back as it was
    assert DogProfile.objects.filter(owner=user).count() == 31
    assert _table_shape() == before
    statements = [q["sql"] for q in captured]
    assert any(s.startswith("DROP INDEX") for s in statements)
    assert any(s.startswith("CREATE INDEX") for s in statements)
    assert any("ADD CONSTRAINT" in s and "FOREIGN KEY" in s for s in statements)


@pytest.mark.postgres
def test_a_load_with_rebuilt_indexes_still_checks_foreign_keys(user):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from django.db import IntegrityError, transaction

    from doggy.bulk import bulk_insert_rows

    names = ("id", "owner_id", "name", "created_at", "updated_at")
    now = datetime.datetime.now(datetime.UTC)
    rows = [
        (uuid.uuid4(), user.pk, "Fine", now, now),
        (uuid.uuid4(), str(uuid.uuid4()), "X", now, now),
    ]

    # when one row names an owner that does not exist, the re-created key rejects the load
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk_insert_rows(DogProfile, names, rows, rebuild_indexes=True)

    # and nothing was loaded
    assert not DogProfile.objects.filter(name__in=["Fine", "X"]).exists()


def test_rebuilt_indexes_change_nothing_elsewhere(user):
    # on every engine the option loads the same rows (elsewhere it is bulk_create)
    from doggy.bulk import bulk_insert_rows

    names = ("id", "owner_id", "name", "created_at", "updated_at")
    now = datetime.datetime.now(datetime.UTC)
    rows = [(uuid.uuid4(), user.pk, f"Row {n}", now, now) for n in range(4)]

    assert bulk_insert_rows(DogProfile, names, rows, rebuild_indexes=True) == 4
    assert DogProfile.objects.filter(owner=user).count() == 4
