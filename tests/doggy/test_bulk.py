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
