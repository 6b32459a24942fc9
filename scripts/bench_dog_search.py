"""Dog search timing on PostgreSQL with 100,000 dogs, with and without the GIN index.

Run it against a throwaway database:

    bash scripts/with_postgres.sh .venv/bin/python scripts/bench_dog_search.py

It migrates the database, loads the dogs with `bulk_create` in batches, then times the
queries the API runs for `GET /api/v1/dogs/?search=…` (a COUNT and the first page of 25)
through `pets.selectors`, for three callers:

- a typical owner (50 dogs of their own, 5 shared with them),
- a large account (a rescue owning 20,000 dogs),
- the whole table (the staff admin's search, unscoped),

each as the median of N runs after a warm-up, first with `IX_DogProfiles_FullText`
(built by `pets/0002_dog_profiles_fulltext`), then with the index dropped.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doggy.settings.local")
# Django keeps every query of a DEBUG process in memory; a bulk load must not.
os.environ.setdefault("DJANGO_DEBUG", "false")

import django  # noqa: E402

django.setup()

import importlib  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from pets.models import DogAccessGrant, DogProfile  # noqa: E402
from pets.selectors import DOG_SEARCH_INDEX, dog_fulltext_filter, dog_search  # noqa: E402

FULLTEXT_MIGRATION = importlib.import_module("pets.migrations.0002_dog_profiles_fulltext")

NAMES = [
    "Max",
    "Bella",
    "Charlie",
    "Luna",
    "Cooper",
    "Daisy",
    "Milo",
    "Lucy",
    "Buddy",
    "Bailey",
    "Rocky",
    "Molly",
    "Bear",
    "Sadie",
    "Tucker",
    "Maggie",
    "Duke",
    "Sophie",
    "Jack",
    "Chloe",
    "Oliver",
    "Stella",
    "Teddy",
    "Penny",
    "Leo",
    "Zoe",
    "Winston",
    "Rosie",
    "Bentley",
    "Lola",
    "Zeus",
    "Ruby",
    "Murphy",
    "Gracie",
    "Oscar",
    "Nala",
    "Toby",
    "Coco",
    "Louie",
    "Piper",
    "Finn",
    "Willow",
    "Ollie",
    "Roxy",
    "Gus",
    "Ellie",
    "Loki",
    "Mia",
    "Biscuit",
    "Pepper",
    "Shadow",
    "Ziggy",
    "Hazel",
    "Rex",
    "Nova",
    "Pip",
    "Maple",
    "Juno",
    "Otis",
    "Olive",
    "Archie",
]
BREEDS = [
    "Labrador Retriever",
    "German Shepherd",
    "Golden Retriever",
    "French Bulldog",
    "Bulldog",
    "Poodle",
    "Beagle",
    "Rottweiler",
    "Dachshund",
    "German Shorthaired Pointer",
    "Pembroke Welsh Corgi",
    "Australian Shepherd",
    "Yorkshire Terrier",
    "Boxer",
    "Cavalier King Charles Spaniel",
    "Doberman Pinscher",
    "Great Dane",
    "Miniature Schnauzer",
    "Siberian Husky",
    "Bernese Mountain Dog",
    "Shih Tzu",
    "Boston Terrier",
    "Pomeranian",
    "Havanese",
    "Shetland Sheepdog",
    "Brittany",
    "Border Collie",
    "Cocker Spaniel",
    "Chihuahua",
    "Vizsla",
    "Basset Hound",
    "Mastiff",
    "Maltese",
    "Weimaraner",
    "Collie",
    "Newfoundland",
    "Whippet",
    "Greyhound",
    "Samoyed",
    "Akita",
    "Bichon Frise",
    "Saint Bernard",
    "Bloodhound",
    "Dalmatian",
    "Pug",
    "Papillon",
    "Keeshond",
    "Schipperke",
    "Xoloitzcuintli",
    "Mixed",
]
BEHAVIOUR = (
    "friendly with other dogs",
    "shy with strangers",
    "pulls on the lead",
    "anxious around bikes",
    "loves fetch",
    "barks at the postman",
    "calm indoors",
    "chases squirrels",
    "good with children",
    "reactive on walks",
    "sleeps a lot",
    "crate trained",
)
NEEDS = (
    "diabetic, insulin twice daily",
    "blind in one eye",
    "hip dysplasia, no stairs",
    "grain-free diet",
    "epileptic, on medication",
    "deaf, responds to hand signals",
)
# (label, query): the plain list, a rare word, a common word, two words, a name prefix.
QUERIES = (
    ("no search (the list)", ""),
    ("rare word (~1%)", "diabetic"),
    ("common word (~17%)", "friendly"),
    ("two words (AND)", "border anxious"),
    ("name prefix", "bisc"),
)
PAGE_SIZE = 25


def _users(count: int, prefix: str) -> list[User]:
    users = []
    for i in range(count):
        email = f"{prefix}{i}@bench.invalid"
        users.append(
            User(
                id=str(uuid.uuid4()),
                email=email,
                normalized_email=email.upper(),
                password="!",  # noqa: S106 - an unusable password hash
                first_name=prefix.title(),
                last_name=str(i),
            )
        )
    User.objects.bulk_create(users, batch_size=2_000)
    return users


def _dog(rng: random.Random, owner: User, n: int) -> DogProfile:
    breed = rng.choice(BREEDS)
    second = rng.choice(BREEDS) if breed == "Mixed" else None
    notes = ", ".join(rng.sample(BEHAVIOUR, k=2))
    needs = rng.choice(NEEDS) if rng.random() < 0.06 else None
    now = timezone.now()
    return DogProfile(
        id=uuid.uuid4(),
        owner=owner,
        name=f"{rng.choice(NAMES)} {n}",
        breed=breed,
        secondary_breed=second,
        behavior_notes=notes,
        special_needs=needs,
        is_active=rng.random() > 0.05,
        created_at=now,
        updated_at=now,
    )


def load(total: int, batch_size: int, seed: int) -> tuple[User, User]:
    """`total` dogs: a rescue owning 20%, the rest in groups of 50 per owner."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    rescue_dogs = total // 5
    per_owner = 50
    owners = _users((total - rescue_dogs) // per_owner, "owner")
    (rescue,) = _users(1, "rescue")
    plan = [rescue] * rescue_dogs + [o for o in owners for _ in range(per_owner)]
    started = time.perf_counter()
    batch: list[DogProfile] = []
    for n, owner in enumerate(plan):
        batch.append(_dog(rng, owner, n))
        if len(batch) == batch_size:
            DogProfile.objects.bulk_create(batch)
            batch = []
            print(f"  loaded {n + 1:>7} dogs", end="\r", flush=True)
    if batch:
        DogProfile.objects.bulk_create(batch)
    typical = owners[0]
    # The typical owner also sees five dogs of others through live shares.
    shared = DogProfile.objects.exclude(owner=typical).filter(owner__in=owners[1:6])[:5]
    DogAccessGrant.objects.bulk_create(
        [DogAccessGrant(dog=dog, grantee=typical, granted_by=dog.owner) for dog in shared]
    )
    print(f"  loaded {len(plan):>7} dogs in {time.perf_counter() - started:.1f} s")
    return typical, rescue


def _api_page(queryset) -> tuple[int, int]:
    """What the list endpoint runs: COUNT, then the first page."""
    count = queryset.count()
    page = list(queryset[:PAGE_SIZE])
    return count, len(page)


def measure(run, repeats: int) -> tuple[float, int]:
    run()  # warm-up: plan caches, shared buffers
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        count, _ = run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), count


def scenarios(typical: User, rescue: User):
    for label, query in QUERIES:
        yield (
            "typical owner",
            label,
            query,
            lambda q=query: _api_page(dog_search(actor=typical, query=q)),
        )
        yield (
            "rescue (20% of dogs)",
            label,
            query,
            lambda q=query: _api_page(dog_search(actor=rescue, query=q)),
        )
        yield (
            "whole table (staff)",
            label,
            query,
            lambda q=query: _api_page(
                dog_fulltext_filter(DogProfile.objects.filter(is_active=True), q).order_by("name")
            ),
        )


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute('ANALYZE "DogProfiles"')
        cursor.execute('ANALYZE "DogAccessGrants"')


def _index_size() -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_relation_size(%s::regclass))", [f'"{DOG_SEARCH_INDEX}"']
        )
        return cursor.fetchone()[0]


def _plan_uses_index(query: str) -> bool:
    plan = dog_fulltext_filter(DogProfile.objects.filter(is_active=True), query).explain()
    return DOG_SEARCH_INDEX in plan


def run_all(typical: User, rescue: User, repeats: int) -> dict[tuple[str, str], dict]:
    results: dict[tuple[str, str], dict] = {}
    for phase in ("with GIN index", "without index"):
        _analyze()
        uses = {q: _plan_uses_index(q) for _, q in QUERIES if q}
        print(f"\n== {phase}  (whole-table plans use the index: {uses})")
        for caller, label, query, run in scenarios(typical, rescue):
            median, count = measure(run, repeats)
            results.setdefault((caller, label), {})[phase] = (median, count)
            print(f"  {caller:<22} {label:<20} {query!r:<18} {count:>6} hits  {median:8.2f} ms")
        if phase == "with GIN index":
            with connection.schema_editor() as editor:
                editor.remove_index(DogProfile, FULLTEXT_MIGRATION._postgres_index())
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        editor.add_index(DogProfile, FULLTEXT_MIGRATION._postgres_index())
    print(f"\nGIN index rebuilt in {time.perf_counter() - started:.2f} s, size {_index_size()}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dogs", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=15, help="timed runs per query (median)")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()

    if connection.vendor != "postgresql":
        print("This benchmark needs PostgreSQL: run it through scripts/with_postgres.sh.")
        return 2
    call_command("migrate", verbosity=0, interactive=False)
    if DogProfile.objects.exists():
        print("DogProfiles is not empty; run the benchmark against a throwaway database.")
        return 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        print(cursor.fetchone()[0])
    print(f"Loading {args.dogs} dogs (batches of {args.batch_size})")
    typical, rescue = load(args.dogs, args.batch_size, args.seed)
    results = run_all(typical, rescue, args.repeats)

    print(f"\nMedian of {args.repeats} runs, COUNT + first page of {PAGE_SIZE} (ms):")
    print(f"  {'caller':<22} {'query':<20} {'hits':>6} {'GIN':>9} {'no index':>9}")
    for (caller, label), by_phase in results.items():
        with_index, count = by_phase["with GIN index"]
        without, _ = by_phase["without index"]
        print(f"  {caller:<22} {label:<20} {count:>6} {with_index:9.2f} {without:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
