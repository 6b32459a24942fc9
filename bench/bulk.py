"""The dog loader of the bench: owners and dogs at scale, rows/s reported by `bench.run`."""

from __future__ import annotations

import datetime
import random
import uuid

from django.utils import timezone

from accounts.models import User
from pets.models import DogProfile

NAMES = ["Max", "Bella", "Charlie", "Luna", "Cooper", "Daisy", "Milo", "Lucy", "Buddy", "Rosie"]
BREEDS = ["Labrador Retriever", "Beagle", "Border Collie", "Poodle", "Dachshund", "Mixed"]
BEHAVIOUR = ["calm", "playful", "shy with strangers", "pulls on the lead", "loves water"]
PER_OWNER = 50
BATCH = 5_000


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
    User.objects.bulk_create(users, batch_size=2_000)
    return users


def load_dogs(*, total: int, rng: random.Random) -> str:
    """`total` dogs, 50 per owner; returns the method used."""
    now = timezone.now()
    people = owners(max(1, total // PER_OWNER))
    batch: list[DogProfile] = []
    for n in range(total):
        batch.append(dog(rng, people[n // PER_OWNER % len(people)].pk, n, now=now))
        if len(batch) == BATCH:
            DogProfile.objects.bulk_create(batch)
            batch = []
    if batch:
        DogProfile.objects.bulk_create(batch)
    return "bulk_create"
