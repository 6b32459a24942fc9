"""Full-text search over dogs: the same dogs on SQLite and PostgreSQL, scoped to the caller.

On PostgreSQL the query must use the GIN index `IX_DogProfiles_FullText`, which it can
only do when the query's tsvector expression equals the indexed one.
"""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from pets import selectors
from pets.models import DogProfile
from pets.selectors import dog_fulltext_filter, dog_search, dog_search_terms
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory

FULLTEXT_MIGRATION = importlib.import_module("pets.migrations.0002_dog_profiles_fulltext")


@pytest.fixture
def kennel(owner, other_owner):
    """The owner's dogs, one dog shared with them, and dogs they must never find."""
    DogProfileFactory(owner=owner, name="Biscuit", breed="Beagle", behavior_notes="Calm")
    DogProfileFactory(
        owner=owner,
        name="Shadow",
        breed="Border Collie",
        secondary_breed="Kelpie",
        behavior_notes="Anxious around bikes; herds children",
    )
    DogProfileFactory(
        owner=owner,
        name="Luna",
        breed="Labrador Retriever",
        special_needs="Diabetic: insulin twice a day",
    )
    DogProfileFactory(
        owner=owner, name="Pepper", breed="Poodle", behavior_notes="Shy with strangers"
    )
    DogProfileFactory(owner=owner, name="Old Beagle Bob", breed="Beagle", is_active=False)
    shared = DogProfileFactory(
        owner=other_owner, name="Rocky", breed="Boxer", behavior_notes="Calm"
    )
    DogAccessGrantFactory(dog=shared, grantee=owner)
    DogProfileFactory(owner=other_owner, name="Stranger Beagle", breed="Beagle")
    return owner


def _names(queryset) -> list[str]:
    return sorted(queryset.values_list("name", flat=True))


@pytest.mark.parametrize(
    ("_case", "query", "expected"),
    [
        ("breed", "beagle", ["Biscuit"]),
        ("case does not matter", "BEAGLE", ["Biscuit"]),
        ("word prefix", "lab", ["Luna"]),
        ("secondary breed", "kelpie", ["Shadow"]),
        ("special needs", "insulin", ["Luna"]),
        ("behaviour notes", "strangers", ["Pepper"]),
        ("name", "shadow", ["Shadow"]),
        ("every word must match", "border anxious", ["Shadow"]),
        ("words in different columns", "collie herds", ["Shadow"]),
        ("one word missing", "border calm", []),
        ("shared dogs are found", "calm", ["Biscuit", "Rocky"]),
        ("operators are ignored", "beagle & | ! :*", ["Biscuit"]),
        ("no match", "dalmatian", []),
    ],
)
def test_dog_search_finds_the_same_dogs_on_every_engine(kennel, _case, query, expected):
    # given the owner's kennel (plus dogs of others, and an inactive beagle)
    # when they search
    found = dog_search(actor=kennel, query=query)
    # then exactly the matching active dogs they may see come back
    assert _names(found) == expected


def test_dog_search_includes_inactive_dogs_on_request(kennel):
    # when the owner searches all their dogs, inactive ones included
    found = dog_search(actor=kennel, query="beagle", filters={"is_active": "all"})
    # then the inactive beagle is found, the stranger's is not
    assert _names(found) == ["Biscuit", "Old Beagle Bob"]


def test_dog_search_of_punctuation_only_filters_nothing(kennel):
    # when the query holds no words
    found = dog_search(actor=kennel, query="&|!")
    # then the result is the unsearched list
    assert _names(found) == ["Biscuit", "Luna", "Pepper", "Rocky", "Shadow"]


def test_dog_search_for_anonymous_finds_nothing(kennel):
    from django.contrib.auth.models import AnonymousUser

    assert list(dog_search(actor=AnonymousUser(), query="beagle")) == []


@pytest.mark.parametrize(
    ("_case", "query", "terms"),
    [
        ("lower-cased", "Border COLLIE", ["border", "collie"]),
        ("operators dropped", "a & b | !c:* 'd'", ["a", "b", "c", "d"]),
        ("underscores split words", "snake_case", ["snake", "case"]),
        ("duplicates once", "dog dog Dog", ["dog"]),
        ("accents kept", "Chloé", ["chloé"]),
        ("at most eight", "a b c d e f g h i j", ["a", "b", "c", "d", "e", "f", "g", "h"]),
        ("empty", "   ", []),
    ],
)
def test_dog_search_terms(_case, query, terms):
    assert dog_search_terms(query) == terms


def test_index_definition_in_migration_matches_the_selector():
    # given the migration that builds the index and the selector that queries it
    # then both name the same columns, configuration and index
    assert FULLTEXT_MIGRATION.SEARCH_FIELDS == selectors.DOG_SEARCH_FIELDS
    assert FULLTEXT_MIGRATION.SEARCH_COLUMNS == selectors.DOG_SEARCH_COLUMNS
    assert FULLTEXT_MIGRATION.SEARCH_CONFIG == selectors.DOG_SEARCH_CONFIG
    assert FULLTEXT_MIGRATION.INDEX_NAME == selectors.DOG_SEARCH_INDEX
    assert [DogProfile._meta.get_field(f).column for f in selectors.DOG_SEARCH_FIELDS] == list(
        selectors.DOG_SEARCH_COLUMNS
    )
    # and the SQL Server statement indexes the same five columns
    for column in selectors.DOG_SEARCH_COLUMNS:
        assert f"[{column}] LANGUAGE 0" in FULLTEXT_MIGRATION.MSSQL_CREATE_INDEX


def _fulltext_index_applied() -> bool:
    return (
        MigrationRecorder(connection)
        .migration_qs.filter(app="pets", name="0002_dog_profiles_fulltext")
        .exists()
    )


@pytest.mark.postgres
def test_postgres_search_uses_the_gin_index(kennel):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    if not _fulltext_index_applied():
        pytest.skip("the full-text migration is not applied (--nomigrations)")
    # given the planner may neither scan the table nor walk a btree index in order (on a
    # few rows either would be cheaper), so only index conditions remain
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
    # when the search query is planned
    plan = dog_fulltext_filter(DogProfile.objects.order_by(), "beagle calm").explain()
    # then it reads the GIN index (so the query's expression equals the indexed one)
    assert selectors.DOG_SEARCH_INDEX in plan, plan


@pytest.mark.postgres
def test_postgres_gin_index_exists_with_the_plan_columns(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    if not _fulltext_index_applied():
        pytest.skip("the full-text migration is not applied (--nomigrations)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
            ["DogProfiles", selectors.DOG_SEARCH_INDEX],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "to_tsvector('simple'::regconfig" in definition
    for column in selectors.DOG_SEARCH_COLUMNS:
        assert f'"{column}"' in definition
