"""The dog loader of the bench: owners and dogs at scale through `doggy.bulk.bulk_insert`
(COPY on PostgreSQL); `bench.run` reports its rows/s."""

from __future__ import annotations

import datetime
import random
import time
import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from doggy.bulk import bulk_insert, bulk_insert_rows
from pets.models import DogProfile

NAMES = ["Max", "Bella", "Charlie", "Luna", "Cooper", "Daisy", "Milo", "Lucy", "Buddy", "Rosie"]
BREEDS = ["Labrador Retriever", "Beagle", "Border Collie", "Poodle", "Dachshund", "Mixed"]
BEHAVIOUR = ["calm", "playful", "shy with strangers", "pulls on the lead", "loves water"]
PER_OWNER = 50
BATCH = 5_000
REBUILD_FROM = 50_000


def dog(
    rng: random.Random, owner_id, n: int, *, now: datetime.datetime, active: bool | None = None
) -> DogProfile:
    breed = rng.choice(BREEDS)
    return DogProfile(
        id=uuid.uuid4(),
        owner_id=owner_id,
        name=f"{rng.choice(NAMES)} {n}",
        breed=breed,
        secondary_breed=rng.choice(BREEDS) if breed == "Mixed" else None,
        behavior_notes=", ".join(rng.sample(BEHAVIOUR, k=2)),
        is_active=(rng.random() > 0.05) if active is None else active,
        created_at=now,
        updated_at=now,
    )


def owners(count: int) -> list[User]:
    users = []
    for i in range(count):
        email = f"owner{i}@bench.invalid"
        users.append(
            User(
                id=str(uuid.uuid4()),
                email=email,
                normalized_email=email.upper(),
                password="!",  # noqa: S106 - an unusable password hash
                first_name="Owner",
                last_name=str(i),
            )
        )
    bulk_insert(User, users)
    return users


DOG_COLUMNS = (
    "id",
    "owner_id",
    "name",
    "breed",
    "secondary_breed",
    "behavior_notes",
    "is_active",
    "created_at",
    "updated_at",
)


def dog_row(rng: random.Random, owner_id, n: int, *, now: datetime.datetime) -> tuple:
    """The values of `DOG_COLUMNS` for one dog (no model instance: see `bulk_insert_rows`)."""
    breed = rng.choice(BREEDS)
    return (
        uuid.uuid4(),
        owner_id,
        f"{rng.choice(NAMES)} {n}",
        breed,
        rng.choice(BREEDS) if breed == "Mixed" else None,
        ", ".join(rng.sample(BEHAVIOUR, k=2)),
        rng.random() > 0.05,
        now,
        now,
    )


@dataclass(frozen=True)
class LoadTimes:
    """How the dog loader went: the method, and seconds for each part."""

    method: str
    total_seconds: float  # owners, row generation and the dogs' COPY
    copy_seconds: float  # the dogs' COPY alone, into the indexed table
    unindexed_seconds: float | None  # the same rows into an unindexed copy of the table


def load_dogs(*, total: int, rng: random.Random) -> LoadTimes:
    """`total` dogs, 50 per owner (owners included), and how long each part took.

    The rows are generated before the COPY, so its figure is the write path alone
    (the COPY, and re-creating the indexes and foreign keys from `REBUILD_FROM` rows). On
    PostgreSQL the same rows are then copied into an unindexed temporary copy of the
    table (and dropped): the difference is what the table's indexes cost.
    """
    started = time.perf_counter()
    now = timezone.now()
    people = owners(max(1, total // PER_OWNER))
    rows = [dog_row(rng, people[n // PER_OWNER % len(people)].pk, n, now=now) for n in range(total)]
    copy_started = time.perf_counter()
    # From about 50,000 rows on, building the indexes and keys once after the load beats
    # maintaining them row by row (100,000 dogs: 16.2k vs 12.2k rows/s on a loaded bench
    # machine); at 20,000 it does not (17k vs 20k rows/s).
    rebuild = total >= REBUILD_FROM
    bulk_insert_rows(DogProfile, DOG_COLUMNS, rows, batch_size=BATCH, rebuild_indexes=rebuild)
    copy_seconds = time.perf_counter() - copy_started
    total_seconds = time.perf_counter() - started
    if connection.vendor != "postgresql":
        return LoadTimes("bulk_create", total_seconds, copy_seconds, None)
    return LoadTimes("COPY", total_seconds, copy_seconds, _unindexed_copy_seconds(rows))


def _unindexed_copy_seconds(rows: list[tuple]) -> float:
    table = connection.ops.quote_name(DogProfile._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(DogProfile._meta.get_field(name).column) for name in DOG_COLUMNS
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE bench_dogs_unindexed (LIKE {table} INCLUDING DEFAULTS)")
        started = time.perf_counter()
        with cursor.cursor.copy(f"COPY bench_dogs_unindexed ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_dogs_unindexed")
    return seconds
